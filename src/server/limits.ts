/**
 * Cost and load: per-client rate limits, per-request deadlines, the persisted-operations
 * allow-list, the introspection switch, and access to /metrics. (Depth, breadth and complexity
 * are the complexity plugin's, in graphql/builder.ts; page sizes are graphql/pagination.ts's.)
 */
import { getOperationAST, NoSchemaIntrospectionCustomRule, type ExecutionArgs } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { hasScope } from '../auth/keys.ts';
import type { Metrics } from './observability.ts';
import { principalName, requestState, type RequestState } from './request-state.ts';
import type { ServerSettings } from './settings.ts';

/** Buckets beyond this many are pruned of the full ones (clients idle long enough to have their whole burst back). */
const MAX_BUCKETS = 10_000;

/** An in-process token bucket per client: `burst` requests at once, then `perMinute` a minute. */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    perMinute: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Takes a token; when none is left, says in how many seconds one will be. */
  take(client: string): { ok: true } | { ok: false; retryAfter: number } {
    const now = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    if (!this.buckets.has(client)) {
      if (this.buckets.size >= MAX_BUCKETS) this.prune(now);
      this.buckets.set(client, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)) };
  }

  private prune(now: number): void {
    for (const [client, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.burst) this.buckets.delete(client);
    }
  }
}

/** Keys are limited by name; requests without a valid key by the address they come from. */
function clientOf(state: RequestState, serverContext: unknown): string {
  if (state.principal.kind === 'key') return `key:${state.principal.key.name}`;
  const socket = (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req?.socket;
  return `ip:${socket?.remoteAddress ?? 'unknown'}`;
}

function jsonError(status: number, message: string, extensions: Record<string, unknown>, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify({ errors: [{ message, extensions }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

export function useRateLimit(settings: ServerSettings, metrics: Metrics | null): Plugin {
  if (settings.rateLimitPerMinute === 0) return {};
  const buckets = new TokenBuckets(settings.rateLimitPerMinute, settings.rateLimitBurst);
  return {
    onRequest({ request, url, serverContext, endResponse }) {
      const state = requestState(request);
      if (!state || url.pathname !== '/graphql' || request.method === 'OPTIONS') return;
      const taken = buckets.take(clientOf(state, serverContext));
      if (taken.ok) return;
      metrics?.errors.inc({ code: 'RATE_LIMITED' });
      state.log.warn({ key: principalName(state.principal), retryAfter: taken.retryAfter }, 'rate limited');
      endResponse(
        jsonError(
          429,
          `too many requests: at most ${settings.rateLimitPerMinute} a minute (bursts of ${settings.rateLimitBurst}); retry after ${taken.retryAfter} s`,
          { code: 'RATE_LIMITED', retryAfter: taken.retryAfter },
          { 'retry-after': String(taken.retryAfter) },
        ),
      );
    },
  };
}

export function timeoutError(ms: number, type: string) {
  return createGraphQLError(`the ${type} ran longer than ${ms} ms and was stopped: ask for less (smaller pages, fewer hops) or split it`, {
    extensions: { code: 'TIMEOUT', timeoutMs: ms, http: { status: 504 } },
  });
}

/**
 * The deadline of an operation. When it passes, the request's signal aborts: the executor stops
 * resolving fields, the store refuses the next round trip (a transaction rolls back), and the
 * response is a TIMEOUT error without waiting for the round trip in flight.
 */
export function useDeadline(settings: ServerSettings, metrics: Metrics | null): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const state = requestState(args.contextValue.request);
      const type = getOperationAST(args.document, args.operationName)?.operation ?? 'query';
      const ms = type === 'mutation' ? settings.mutationTimeoutMs : settings.queryTimeoutMs;
      if (!state || ms === 0) return;
      const signal = state.abort.signal;
      setExecuteFn(async (execArgs) => {
        const timer = setTimeout(() => state.abort.abort(timeoutError(ms, type)), ms);
        try {
          return await executeFn({ ...execArgs, signal } as ExecutionArgs);
        } catch (error) {
          if (!signal.aborted || error !== signal.reason) throw error;
          metrics?.errors.inc({ code: 'TIMEOUT' });
          state.log.warn({ timeoutMs: ms, operation: state.operationName }, 'operation timed out');
          return { data: null, errors: [signal.reason] };
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
}

/** Refuses introspection (`__schema`, `__type`) at validation when switched off. */
export function useIntrospectionSwitch(enabled: boolean): Plugin {
  if (enabled) return {};
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

/**
 * The allow-list: operations by id (`extensions.persistedQuery.sha256Hash`). Arbitrary documents
 * are refused, except from keys with the `ingest` or `admin` scope (the ingest CLI, curators).
 */
export function usePersistedOperationsAllowList(settings: ServerSettings): Plugin {
  const operations = settings.persistedOperations;
  if (!operations) return {};
  return usePersistedOperations({
    getPersistedOperation: (id) => (Object.hasOwn(operations, id) ? operations[id] : null),
    allowArbitraryOperations: (request) => {
      const principal = requestState(request)?.principal;
      return principal !== undefined && hasScope(principal, 'ingest', false);
    },
    customErrors: {
      notFound: { message: 'no persisted operation has this id', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 404 } } },
      persistedQueryOnly: {
        message: 'this server runs only the persisted operations of its allow-list: send extensions.persistedQuery.sha256Hash',
        extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 403 } },
      },
      keyNotFound: { message: 'no persisted operation id in the request', extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } } },
    },
  });
}

/** When reads need a key, so does /metrics (it names operations). Runs before the Prometheus plugin's endpoint. */
export function useMetricsAccess(settings: ServerSettings): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (url.pathname !== '/metrics') return;
      const principal = requestState(request)?.principal;
      if (principal && hasScope(principal, 'read', settings.publicRead)) return;
      endResponse(
        jsonError(401, '/metrics needs "Authorization: Bearer <key>" with the read scope', { code: 'UNAUTHENTICATED' }, { 'www-authenticate': 'Bearer' }),
      );
    },
  };
}
