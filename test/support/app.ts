/**
 * The real parts, assembled for tests: the embedded engine (in memory, one per suite) or the Neo4j
 * named by NEO4J_URI (a database for tests: each suite clears it), the real extractor, the real
 * schema, called through `yoga.fetch`.
 */
import { loadConfig } from '../../src/config.ts';
import { createExtractor } from '../../src/extract/index.ts';
import type { Extractor } from '../../src/extract/types.ts';
import { seedIfEmpty } from '../../src/seed.ts';
import { openGrafeo } from '../../src/store/grafeo.ts';
import { migrate } from '../../src/store/migrate.ts';
import { openNeo4j } from '../../src/store/neo4j.ts';
import { verifyCounts } from '../../src/store/queries/verify-counts.ts';
import type { Runner } from '../../src/store/runner.ts';
import { createNewsPubSub, type NewsPubSub } from '../../src/server/pubsub.ts';
import { createNewsgraphYoga, type NewsgraphYoga, type YogaOptions } from '../../src/server/yoga.ts';

let extractor: Extractor | null = null;

export function testExtractor(): Extractor {
  if (!extractor) extractor = createExtractor();
  return extractor;
}

export const onNeo4j = Boolean(process.env.NEO4J_URI);

/** A migrated, empty store. */
export async function openTestStore(): Promise<Runner> {
  const neo4j = loadConfig().neo4j;
  const store = neo4j ? openNeo4j(neo4j) : openGrafeo(null);
  if (neo4j) await clearTestStore(store);
  else await migrate(store);
  return store;
}

/** Deletes everything in the store, then applies the migrations again: the test database as new. */
export async function clearTestStore(store: Runner): Promise<void> {
  await store.transaction((tx) => tx.run('MATCH (n) DETACH DELETE n'));
  await migrate(store);
}

export interface TestApp {
  store: Runner;
  yoga: NewsgraphYoga;
  pubsub: NewsPubSub;
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GqlResult<T>>;
  /** Checks that the kept counts agree with the mentions (see expectCountsKept), then closes the store. */
  close(): Promise<void>;
}

/**
 * Fails when any kept count (entity counters and days, co-mention pairs and their days) differs
 * from what the mentions give: `newsgraph verify-counts`'s check, run when a test app closes, so
 * that every test file that writes through the API ends with it.
 */
export async function expectCountsKept(store: Runner): Promise<void> {
  const differences = await verifyCounts(store);
  if (differences.length > 0) {
    const shown = differences.slice(0, 5).map((d) => `${d.what} ${d.key}: stored ${JSON.stringify(d.stored)}, expected ${JSON.stringify(d.expected)}`);
    throw new Error(`${differences.length} kept counts differ from the mentions:\n${shown.join('\n')}`);
  }
}

export interface GqlResult<T> {
  status: number;
  data: T;
  errors?: { message: string; extensions?: Record<string, any> }[];
}

export async function createTestApp(
  options: { seed?: boolean; apiKeys?: string[]; store?: Runner; yoga?: YogaOptions; verifyCounts?: boolean } = {},
): Promise<TestApp> {
  const store = options.store ?? (await openTestStore());
  if (options.seed) await seedIfEmpty(store, testExtractor());
  const pubsub = createNewsPubSub();
  const yoga = createNewsgraphYoga({ store, extractor: testExtractor(), apiKeys: options.apiKeys ?? [], pubsub }, options.yoga);
  return {
    store,
    yoga,
    pubsub,
    gql: (query, variables, headers) => gql(yoga, query, variables, headers),
    close: async () => {
      try {
        if (options.verifyCounts !== false) await expectCountsKept(store);
      } finally {
        await store.close();
      }
    },
  };
}

/** A query asking one field `n` times under aliases: `{ n0: field n1: field … }`. */
export const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `n${i}: ${field}`).join(' ')} }`;

export async function gql<T>(
  yoga: NewsgraphYoga,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GqlResult<T>> {
  const response = await yoga.fetch('http://newsgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: GqlResult<T>['errors'] };
  return { status: response.status, data: body.data, errors: body.errors };
}
