/**
 * The response cache through yoga.fetch on the seed articles: a repeated query is answered without
 * the store, fresh after every write through the server, apart per access level, never for errors.
 * Store round trips are counted under the server, so "answered from the cache" means "no round trip".
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { ingestRecords } from '../../src/ingest/pipeline.ts';
import type { ServerSettings } from '../../src/server/settings.ts';
import { countingRunner, type RoundTrips, type Runner } from '../../src/store/runner.ts';
import { createTestApp, openTestStore, testExtractor, type TestApp } from '../support/app.ts';

const KEYS = ['curator:admin', 'reader-1:read', 'reader-2:read'];
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const INGEST = 'mutation ($a: [ArticleInput!]!) { ingestArticles(articles: $a) { created unchanged } }';
const LAVROV_ARTICLES = '{ person(name: "Lavrov") { articles(first: 1) { totalCount } } }';

interface Counted {
  app: TestApp;
  trips: RoundTrips;
}

let store: Runner;
let main: Counted;

/** A server over the suite's store, its round trips counted. */
async function counted(options: { seed?: boolean; settings?: Partial<ServerSettings> } = {}): Promise<Counted> {
  const trips = { count: 0 };
  const app = await createTestApp({ seed: options.seed, store: countingRunner(store, trips), apiKeys: KEYS, yoga: { settings: options.settings } });
  return { app, trips };
}

/** The answer, and the store round trips it took. */
async function ask(server: Counted, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  const before = server.trips.count;
  const result = await server.app.gql(query, variables, headers);
  return { ...result, trips: server.trips.count - before };
}

/** Asks twice and checks that the second answer came from the cache: what a write must then make stale. */
async function cached(query: string, headers?: Record<string, string>) {
  const first = await ask(main, query, {}, headers);
  const again = await ask(main, query, {}, headers);
  expect(again.trips).toBe(0);
  expect(again.data).toEqual(first.data);
  return first;
}

beforeAll(async () => {
  store = await openTestStore();
  main = await counted({ seed: true });
});

afterAll(() => main?.app.close());

describe('the response cache', () => {
  it('runs identical queries that arrive together once, and answers each of them', async () => {
    const query = '{ person(name: "Tillerson") { name coMentions(first: 3) { entity { name } } } }';
    const alone = await counted({ seed: false });
    const once = await ask(alone, query);
    expect(once.trips).toBeGreaterThan(0);

    const together = await counted({ seed: false });
    const before = together.trips.count;
    const answers = await Promise.all(Array.from({ length: 8 }, () => together.app.gql(query)));
    for (const answer of answers) expect(answer.data).toEqual(once.data);
    expect(together.trips.count - before).toBe(once.trips);
    // Another access level is another question: it runs on its own.
    const admin = await ask(together, query, {}, bearer('curator'));
    expect(admin.trips).toBe(once.trips);
  });

  it('answers the same query again without the store, the same answer; other variables are another question', async () => {
    const query = 'query ($name: String!) { person(name: $name) { name coMentions(first: 5) { entity { name } articleCount } articles(first: 3) { totalCount } } }';
    const first = await ask(main, query, { name: 'Lavrov' });
    expect(first.errors).toBeUndefined();
    expect(first.data.person.name).toBe('Sergei Lavrov');
    expect(first.trips).toBeGreaterThan(0);
    const second = await ask(main, query, { name: 'Lavrov' });
    expect(second.trips).toBe(0);
    expect(second.data).toEqual(first.data);
    const other = await ask(main, query, { name: 'Tillerson' });
    expect(other.trips).toBeGreaterThan(0);
    expect(other.data.person.name).toBe('Rex Tillerson');
  });

  it('answers with the new data after an ingestArticles mutation, which itself is never answered from the cache', async () => {
    const before = await cached(LAVROV_ARTICLES);
    const article = { title: 'Geneva talks', text: 'Sergei Lavrov met Antony Blinken in Geneva on Friday.', url: 'https://cache.test/geneva', publishedAt: '2022-01-21' };
    const ingested = await ask(main, INGEST, { a: [article] }, bearer('curator'));
    expect(ingested.data.ingestArticles.created).toBe(1);
    const after = await ask(main, LAVROV_ARTICLES);
    expect(after.data.person.articles.totalCount).toBe(before.data.person.articles.totalCount + 1);
    // The same mutation again runs again: the article is found unchanged rather than reported created.
    const again = await ask(main, INGEST, { a: [article] }, bearer('curator'));
    expect(again.data.ingestArticles).toEqual({ created: 0, unchanged: 1 });
  });

  it('answers with the new data after a curation mutation', async () => {
    // An unknown name is an error now (never cached): the search box's lookup answers [] instead.
    const query = '{ person(name: "Lavrov") { key aliases } byAlias: search(query: "Mr Nyet") { key } }';
    const before = await cached(query);
    expect(before.data.byAlias).toEqual([]);
    const curated = await ask(main, 'mutation { addAlias(entity: { name: "Lavrov" }, alias: "Mr Nyet") { id } }', {}, bearer('curator'));
    expect(curated.errors).toBeUndefined();
    const after = await ask(main, query);
    expect(after.data.person.aliases).toContain('Mr Nyet');
    expect(after.data.byAlias).toEqual([{ key: before.data.person.key }]);
  });

  it('keeps answers apart for callers whose scopes differ, and shares them between keys with the same scopes', async () => {
    const adminOnly = '{ stats { articles } curations(first: 1) { totalCount } }';
    await cached(adminOnly, bearer('curator'));
    const anonymous = await ask(main, adminOnly);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const reader = await ask(main, adminOnly, {}, bearer('reader-1'));
    expect(reader.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const open = '{ entities(kind: COUNTRY, first: 3) { totalCount } }';
    expect((await ask(main, open, {}, bearer('reader-1'))).trips).toBeGreaterThan(0);
    expect((await ask(main, open, {}, bearer('reader-2'))).trips).toBe(0);
    expect((await ask(main, open)).trips).toBeGreaterThan(0);
    expect((await ask(main, open, {}, bearer('curator'))).trips).toBeGreaterThan(0);
  });

  it('takes its TTL from NEWSGRAPH_RESPONSE_CACHE_TTL_MS: 30 s unless set, 0 for no cache', () => {
    expect(loadConfig({}).server.responseCacheTtlMs).toBe(30_000);
    expect(loadConfig({ NEWSGRAPH_RESPONSE_CACHE_TTL_MS: '0' }).server.responseCacheTtlMs).toBe(0);
    expect(() => loadConfig({ NEWSGRAPH_RESPONSE_CACHE_TTL_MS: '-1' })).toThrow(/NEWSGRAPH_RESPONSE_CACHE_TTL_MS/);
  });

  it('asks the store every time when the TTL setting is 0', async () => {
    const off = await counted({ settings: { responseCacheTtlMs: 0 } });
    for (let i = 0; i < 2; i++) expect((await ask(off, LAVROV_ARTICLES)).trips).toBeGreaterThan(0);
  });

  it('does not keep an answer with errors', async () => {
    const query = '{ stats { articles } entity { name } }';
    for (let i = 0; i < 2; i++) {
      const result = await ask(main, query);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.trips).toBeGreaterThan(0);
    }
  });

  it('leaves the query budget as it was: a query at the breadth limit is answered', async () => {
    // 100 × (stats + articles) is exactly the breadth limit of 200; the fields the cache plugin adds would break it.
    const query = `{ ${Array.from({ length: 100 }, (_, i) => `s${i}: stats { articles }`).join(' ')} }`;
    const result = await ask(main, query);
    expect(result.errors).toBeUndefined();
    expect(Object.keys(result.data)).toHaveLength(100);
  });

  it('keys persisted operations by their document, not by the empty query they are sent with', async () => {
    const documents = ['{ stats { articles } }', '{ stats { entities } }'];
    const ids = documents.map((d) => crypto.createHash('sha256').update(d).digest('hex'));
    const locked = await counted({ settings: { persistedOperations: Object.fromEntries(ids.map((id, i) => [id, documents[i]])) } });
    const byId = async (id: string) => {
      const body = { extensions: { persistedQuery: { version: 1, sha256Hash: id } } };
      const response = await locked.app.yoga.fetch('http://newsgraph.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return (await response.json()).data.stats;
    };
    expect(Object.keys(await byId(ids[0]))).toEqual(['articles']);
    expect(Object.keys(await byId(ids[1]))).toEqual(['entities']);
  });

  it('sends no ETag, which would earn a 304 for an entry a write has made stale', async () => {
    for (let i = 0; i < 2; i++) {
      const response = await main.app.yoga.fetch('http://newsgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ stats { articles } }' }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBeNull();
      expect(response.headers.get('last-modified')).toBeNull();
    }
  });

  it('leaves introspection, GraphiQL, /ready and /metrics as they were', async () => {
    for (let i = 0; i < 2; i++) {
      const { data, errors } = await ask(main, '{ __schema { queryType { name } } }');
      expect(errors).toBeUndefined();
      expect(data.__schema.queryType.name).toBe('Query');
    }
    const graphiql = await main.app.yoga.fetch('http://newsgraph.test/graphql', { headers: { accept: 'text/html' } });
    expect(await graphiql.text()).toMatch(/<script defer src="\/graphiql\/[\w-]{22}\.js">/);
    expect((await main.app.yoga.fetch('http://newsgraph.test/ready')).status).toBe(200);
    expect((await main.app.yoga.fetch('http://newsgraph.test/metrics')).status).toBe(200);
  });

  // Last: it writes behind the servers' backs.
  it('forgets answers after the TTL, the bound on writes it cannot see (another process)', async () => {
    // Long enough for the write below on a loaded machine and on Neo4j (1 s was not, once).
    const short = await counted({ settings: { responseCacheTtlMs: 3000 } });
    const query = '{ stats { articles } }';
    const before = (await ask(short, query)).data.stats.articles;
    const input = { title: 'Elsewhere', text: 'Rex Tillerson visited Ankara on Monday.', url: 'https://cache.test/ankara', publishedAt: '2017-07-10' };
    expect((await ingestRecords(store, testExtractor(), [{ origin: 'another process', input }])).created).toBe(1);
    const unseen = await ask(short, query);
    expect(unseen.trips).toBe(0);
    expect(unseen.data.stats.articles).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 3100));
    expect((await ask(short, query)).data.stats.articles).toBe(before + 1);
  });
});
