/** What every resolver gets: the store (counted per request) and one DataLoader per lookup kind. */
import DataLoader from 'dataloader';
import type { Extractor } from '../extract/types.ts';
import * as read from '../store/queries/read.ts';
import { countingRunner, type RoundTrips, type Runner } from '../store/runner.ts';

export interface Services {
  store: Runner;
  extractor: Extractor;
  /** Keys that may call mutations; empty means mutations are off. */
  apiKeys: string[];
}

/** One row per key, in the order asked; a missing key is null. */
function byKey<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V | null> {
  return new DataLoader(async (keys) => {
    const rows = await fetch(keys);
    const found = new Map(rows.map((row) => [keyOf(row), row]));
    return keys.map((key) => found.get(key) ?? null);
  });
}

/** All rows of each key, in the order the query returned them. */
function grouped<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V[]> {
  return new DataLoader(async (keys) => {
    const rows = await fetch(keys);
    const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
    for (const row of rows) groups.get(keyOf(row))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

function createLoaders(store: Runner) {
  return {
    entity: byKey((keys: readonly string[]) => read.entitiesByKeys(store, keys), (e) => e.key),
    article: byKey((ids: readonly string[]) => read.articlesByIds(store, ids), (a) => a.id),
    event: byKey((keys: readonly string[]) => read.eventsByKeys(store, keys), (e) => e.key),
    mentionsOfArticle: grouped((ids: readonly string[]) => read.mentionsOfArticles(store, ids), (m) => m.articleId),
    quotesOfArticle: grouped((ids: readonly string[]) => read.quotesOfArticles(store, ids), (q) => q.articleId),
    eventsOfArticle: grouped((ids: readonly string[]) => read.eventsOfArticles(store, ids), (e) => e.articleId),
    rolesOfPerson: grouped((keys: readonly string[]) => read.rolesOfPeople(store, keys), (r) => r.personKey),
    participantsOfEvent: grouped((keys: readonly string[]) => read.participantsOfEvents(store, keys), (p) => p.eventKey),
    locationOfEvent: grouped((keys: readonly string[]) => read.locationsOfEvents(store, keys), (l) => l.eventKey),
    reportsOfEvent: grouped((keys: readonly string[]) => read.reportsOfEvents(store, keys), (r) => r.eventKey),
    stats: new DataLoader(async (keys: readonly 'all'[]) => {
      const value = await read.stats(store);
      return keys.map(() => value);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  services: Services;
  /** The store as this request sees it: every call counted in `roundTrips`. */
  store: Runner;
  roundTrips: RoundTrips;
  loaders: Loaders;
  /** The bearer token sent with the request, if any. */
  bearer: string | null;
}

export function createContext(services: Services, request: Request): Context {
  const roundTrips: RoundTrips = { count: 0 };
  const store = countingRunner(services.store, roundTrips);
  const authorization = request.headers.get('authorization');
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim() ?? null;
  return { services, store, roundTrips, loaders: createLoaders(store), bearer };
}
