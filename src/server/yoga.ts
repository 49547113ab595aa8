/** The GraphQL server as a fetch handler: start.ts listens with it, tests call `yoga.fetch` directly. */
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import pino from 'pino';
import { toApiKeys } from '../auth/keys.ts';
import { createContext, type Context, type Services } from '../graphql/context.ts';
import { schema } from '../graphql/index.ts';
import type { Logger } from '../logger.ts';
import { useBodyLimit } from './body-limit.ts';
import { useExplorer } from './explorer.ts';
import { useExport } from './export.ts';
import { renderGraphiQLPage, useGraphiQLAssets } from './graphiql.ts';
import { maskNewsgraphError } from './errors.ts';
import { useCostLimits, useDeadline, useIntrospectionSwitch, useNestingLimit, useMetricsAccess, usePersistedOperationsAllowList, useRateLimit } from './limits.ts';
import { createMetrics, resolverMetrics } from './metrics.ts';
import { usePrometheusMetrics, useRequestObservability, yogaLogger } from './observability.ts';
import { contextScope } from './request-state.ts';
import { createResponseCache } from './response-cache.ts';
import { useResolvedNames } from './resolved-names.ts';
import { DEFAULT_SERVER_SETTINGS, type ServerSettings } from './settings.ts';

/** What GraphiQL opens with: a relationship question the seed articles answer. */
export const DEFAULT_QUERY = `# Who appears with Lavrov, in which articles, and how is Tillerson connected to Putin?
{
  person(name: "Lavrov") {
    name
    roles { title country { name } }
    coMentions(first: 10) { entity { name kind } articleCount score }
    articles(first: 5) {
      totalCount
      edges { node { title publishedAt countries { code } } }
    }
  }
  paths(from: { name: "Tillerson" }, to: { name: "Putin" }) {
    length
    hops {
      from { name }
      to { name }
      via { ... on Article { title } ... on Event { type date } }
      evidence { sentence }
    }
  }
}
`;

export type NewsgraphYoga = YogaServerInstance<Record<string, unknown>, Context>;

export interface YogaOptions {
  /** Request logs (one line per request, unexpected errors), each line with the request id; silent when absent. */
  logger?: Logger;
  /** Access, limits and switches; the defaults where absent. */
  settings?: Partial<ServerSettings>;
}

/**
 * `/ready`: 200 while the store answers, 503 with the reason when it does not. Yoga's readiness plugin
 * does the same but matches every request's URL against a URLPattern on the way (~7 µs a request).
 */
function useReadiness(ping: () => Promise<boolean>): Plugin {
  const notReady = (body: string, type: string) => new Response(body, { status: 503, headers: { 'content-type': type } });
  return {
    onRequest({ url, endResponse }) {
      if (url.pathname !== '/ready') return;
      return ping().then(
        (ok) => endResponse(ok ? new Response(null, { status: 200 }) : notReady(JSON.stringify({ ready: false, reason: 'the graph store does not answer' }), 'application/json')),
        (error: unknown) => endResponse(notReady(error instanceof Error ? error.message : '', 'text/plain; charset=utf-8')),
      );
    },
  };
}

export function createNewsgraphYoga(services: Services, options: YogaOptions = {}): NewsgraphYoga {
  const settings: ServerSettings = { ...DEFAULT_SERVER_SETTINGS, ...options.settings };
  const keys = toApiKeys(services.apiKeys);
  const logger = options.logger ?? pino({ level: 'silent' });
  const metrics = settings.metrics ? createMetrics() : null;
  const access = {
    publicRead: settings.publicRead,
    keysConfigured: keys.length > 0,
    metrics,
    resolverMetrics: metrics ? resolverMetrics(metrics) : null,
    engine: services.store.engine,
  };
  const cache = createResponseCache(services.store, settings.responseCacheTtlMs);
  // Everything the server does goes through the cache's store: no write can miss the epoch.
  const served: Services = { ...services, store: cache.store };
  const yoga: NewsgraphYoga = createYoga<Record<string, unknown>, Context>({
    schema,
    context: ({ request }) => createContext(served, contextScope(request, access)),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: settings.graphiql ? { title: 'newsgraph', defaultQuery: DEFAULT_QUERY } : false,
    // GraphiQL from the package itself, not a CDN: it works on a machine without internet. Its files
    // are served apart, hashed, compressed and cached (graphiql.ts), not inlined in one 9 MB page.
    renderGraphiQL: (graphiql) => renderGraphiQLPage(graphiql ?? {}),
    // Yoga logs what fails outside execution (a parser's or a plugin's exception, answered "Unexpected
    // error."): into the server's log, with the stack, as errors inside execution are.
    logging: yogaLogger(logger),
    maskedErrors: { maskError: maskNewsgraphError },
    // useBodyLimit is the one limit on bodies (4 MB, 413 PAYLOAD_TOO_LARGE): Yoga's own (25 MB) would pipe
    // every body through one more stream, ~30 µs a request, to enforce a larger limit again.
    maxRequestBodySize: false,
    // Keys travel in the Authorization header, never in cookies: no origin needs credentials.
    cors: settings.corsOrigins.length === 0 ? false : { origin: settings.corsOrigins.includes('*') ? '*' : settings.corsOrigins, credentials: false },
    plugins: [
      // First: every later hook (and the context) finds the request's id, principal and deadline.
      useRequestObservability(keys, logger, metrics),
      useRateLimit(settings, metrics),
      useNestingLimit(),
      useMetricsAccess(settings),
      metrics ? usePrometheusMetrics(metrics, schema) : {},
      // A GET or a "simple" POST (form, text/plain) must carry this header: a browser will not send it cross-site without a preflight.
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
      usePersistedOperationsAllowList(settings),
      useIntrospectionSwitch(settings.introspection),
      useCostLimits(settings),
      useDeadline(settings, metrics),
      useResolvedNames(),
      // After the allow-list, which fills in the document that the cache's key is made of.
      ...cache.plugins,
      useBodyLimit(),
      useExplorer(),
      settings.graphiql ? useGraphiQLAssets() : {},
      // An export is a GraphQL request to this same server, with the caller's key and address.
      useExport(settings, (request, serverContext) => yoga.handleRequest(request, serverContext as Record<string, unknown>)),
      useReadiness(() => served.store.ping()),
    ],
  });
  return yoga;
}
