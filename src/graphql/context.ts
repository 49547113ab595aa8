/**
 * What every resolver gets: the store (counted per request), the entity loader that follows merges (the other loaders belong to their fields: loaders.ts), and
 * what the server tells of the request (who asks, its logger, its counters). The server builds it;
 * nothing here knows the server.
 */
import crypto from 'node:crypto';
import DataLoader from 'dataloader';
import pino from 'pino';
import type { ApiKeyInput, Principal } from '../auth/keys.ts';
import type { Extractor } from '../extract/types.ts';
import type { CommittedArticle } from '../ingest/pipeline.ts';
import type { IngestReport } from '../ingest/types.ts';
import type { Logger } from '../logger.ts';
import { entitiesFollowingRedirects } from '../store/queries/read.ts';
import * as read from '../store/queries/read.ts';
import { countingRunner, type RoundTrips, type Runner, type RunnerGuard } from '../store/runner.ts';

/** Live events as resolvers use them: ingest publishes what it committed, subscriptions listen. */
export interface LiveEvents {
  /** One event per article that a committed ingest transaction created or updated. */
  publishCommitted(articles: readonly CommittedArticle[]): void;
  /**
   * The events `select` makes of each committed article from now on. It listens from this call,
   * not from the first read, so nothing published in between is lost.
   */
  subscribeCommitted<T>(select: (article: CommittedArticle) => readonly T[]): AsyncIterableIterator<T>;
}

/** The counters resolvers add to; the server keeps them (and serves them on /metrics). */
export interface ResolverMetrics {
  countIngest(report: IngestReport): void;
  countCuration(action: string): void;
}

/** What resolvers see of the request: ctx.req. */
export interface RequestScope {
  id: string;
  principal: Principal;
  log: Logger;
  /** Reads need no key. */
  publicRead: boolean;
  /** At least one key is configured (none: mutations are off). */
  keysConfigured: boolean;
  metrics: ResolverMetrics | null;
}

export function anonymousScope(): RequestScope {
  return { id: crypto.randomUUID(), principal: { kind: 'anonymous' }, log: pino({ level: 'silent' }), publicRead: true, keysConfigured: false, metrics: null };
}

export interface Services {
  store: Runner;
  extractor: Extractor;
  /** API keys with their scopes (NEWSGRAPH_API_KEYS syntax, or parsed from the key file); none means mutations are off. */
  apiKeys: readonly ApiKeyInput[];
  /** Live events for subscriptions. */
  pubsub: LiveEvents;
}

/**
 * The loaders kept by hand; every other loader is the dataloader plugin's, defined with its field
 * in src/graphql (and forgotten with `forgetLoaded` there).
 */
function createLoaders(store: Runner) {
  return {
    // A key merged away answers the entity it was merged into.
    entity: new DataLoader<string, read.EntityRow | null>(async (keys) => {
      const found = new Map((await entitiesFollowingRedirects(store, keys)).map((row) => [row.asked, row.e]));
      return keys.map((key) => found.get(key) ?? null);
    }),
    // All articles, for significance (coMentions, relationship): one count, not the four of `stats`.
    articleTotal: new DataLoader<'all', number>(async (keys) => {
      const total = await read.countArticles(store, {});
      return keys.map(() => total);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** An entity as names in answers list it: enough to pick it by key next time. */
export interface NamedEntity {
  key: string;
  name: string;
  kind: string;
  articleCount: number;
}

/** A name that matched several entities and was taken to mean the most prominent one. */
export interface ResolvedName {
  /** The argument it was given in (`from`, `around[0]`), absent for `person(name:)` and the like. */
  argument?: string;
  name: string;
  chosen: NamedEntity;
  alternatives: NamedEntity[];
}

export interface Context {
  services: Services;
  /** The store as this request sees it: every call counted in `roundTrips`. */
  store: Runner;
  roundTrips: RoundTrips;
  loaders: Loaders;
  /** Who asks (for scope checks), the request id and logger, the metrics. */
  req: RequestScope;
  /** Names this request resolved to one of several candidates: the answer's `extensions.resolvedNames`. */
  resolvedNames: ResolvedName[];
}

/** `scope` comes from the server's request state; without one the request is anonymous, with no deadline. */
export function createContext(
  services: Services,
  scope: { req: RequestScope; roundTrips: RoundTrips; guard: RunnerGuard } = { req: anonymousScope(), roundTrips: { count: 0 }, guard: {} },
): Context {
  const store = countingRunner(services.store, scope.roundTrips, scope.guard);
  return { services, store, roundTrips: scope.roundTrips, loaders: createLoaders(store), req: scope.req, resolvedNames: [] };
}
