/** What every resolver gets: the store (counted per request) and one DataLoader per lookup kind. */
import DataLoader from 'dataloader';
import type { Extractor } from '../extract/types.ts';
import { entitiesFollowingRedirects } from '../store/queries/curation.ts';
import * as read from '../store/queries/read.ts';
import type { ApiKeyInput } from '../auth/keys.ts';
import { countingRunner, type RoundTrips, type Runner, type RunnerGuard } from '../store/runner.ts';
import { anonymousScope, type RequestScope } from './request-state.ts';
import type { NewsPubSub } from './pubsub.ts';

export interface Services {
  store: Runner;
  extractor: Extractor;
  /** API keys with their scopes (NEWSGRAPH_API_KEYS syntax, or parsed from the key file); none means mutations are off. */
  apiKeys: readonly ApiKeyInput[];
  /** Live events for subscriptions. */
  pubsub: NewsPubSub;
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
