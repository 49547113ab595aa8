/**
 * Several servers on one graph: each has its own yoga and its own live updates, relayed through the
 * Redis at REDIS_URL; an ingest through one is heard by subscribers on the others. On Neo4j the two
 * servers also have their own connections to it; on the embedded engine they share the one store.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { createNewsPubSub, openNewsPubSub, type NewsPubSub } from '../../src/server/pubsub.ts';
import { createNewsgraphYoga, type NewsgraphYoga } from '../../src/server/yoga.ts';
import { openNeo4j } from '../../src/store/neo4j.ts';
import type { Runner } from '../../src/store/runner.ts';
import { gql, onNeo4j, openTestStore, testExtractor } from '../support/app.ts';
import { subscribe } from '../support/sse.ts';

const KEY = 'instances-test-key';
const REDIS_URL = process.env.REDIS_URL;
const silent = pino({ level: 'silent' });

interface Server {
  yoga: NewsgraphYoga;
  pubsub: NewsPubSub;
}

function server(store: Runner, pubsub: NewsPubSub): Server {
  return { yoga: createNewsgraphYoga({ store, extractor: testExtractor(), apiKeys: [KEY], pubsub }), pubsub };
}

async function ingest(through: Server, title: string, text: string) {
  const result = await gql<any>(
    through.yoga,
    'mutation ($a: [ArticleInput!]!) { ingestArticles(articles: $a) { created failed } }',
    { a: [{ title, text, url: `https://example.org/instances/${encodeURIComponent(title)}`, publishedAt: '2017-08-07' }] },
    { authorization: `Bearer ${KEY}` },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data.ingestArticles).toEqual({ created: 1, failed: 0 });
}

describe('REDIS_URL', () => {
  it('must be a redis:// or rediss:// URL', () => {
    expect(() => loadConfig({ REDIS_URL: 'localhost:6379' })).toThrow(ConfigError);
    expect(loadConfig({ REDIS_URL: 'redis://cache:6379/0' }).redisUrl).toBe('redis://cache:6379/0');
    expect(loadConfig({}).redisUrl).toBeNull();
  });

  it('names the address, not the password, when Redis cannot be reached at start', async () => {
    await expect(openNewsPubSub('redis://:s3cret-password@127.0.0.1:1', silent)).rejects.toThrow(/^cannot reach Redis at 127\.0\.0\.1:1: .*ECONNREFUSED/);
    await expect(openNewsPubSub('redis://:s3cret-password@127.0.0.1:1', silent)).rejects.not.toThrow(/s3cret/);
  });
});

describe.skipIf(!REDIS_URL)('two servers on one graph (needs REDIS_URL: .ci/run starts a redis-server)', () => {
  const stores: Runner[] = [];
  let a: Server;
  let b: Server;

  beforeAll(async () => {
    const store = await openTestStore();
    stores.push(store);
    // The embedded engine in memory cannot be opened twice; Neo4j can, as by two real servers.
    const storeOfB = onNeo4j ? openNeo4j(loadConfig().neo4j!) : store;
    if (storeOfB !== store) stores.push(storeOfB);
    a = server(store, await openNewsPubSub(REDIS_URL!, silent));
    b = server(storeOfB, await openNewsPubSub(REDIS_URL!, silent));
  });

  afterAll(async () => {
    for (const s of [a, b]) {
      await s?.pubsub.close();
      await s?.pubsub.disconnect();
    }
    for (const store of stores) await store.close();
  });

  it('an article ingested through A reaches subscribers on B and on A', async () => {
    const query = 'subscription { articleIngested { status article { title publishedAt } } }';
    const onB = await subscribe(b.yoga, query);
    const onA = await subscribe(a.yoga, query);
    try {
      await ingest(a, 'Tillerson in Manila', 'Rex Tillerson met Sergei Lavrov in Manila on Sunday, on the sidelines of the ASEAN summit.');
      const expected = { data: { articleIngested: { status: 'CREATED', article: { title: 'Tillerson in Manila', publishedAt: '2017-08-07T00:00:00.000Z' } } } };
      expect(await onB.next()).toEqual(expected);
      expect(await onA.next()).toEqual(expected);
    } finally {
      await onB.close();
      await onA.close();
    }
  });

  it("entityMentioned on B hears A's ingest: the entity keys cross Redis with the article", async () => {
    await ingest(a, 'Lavrov in Ankara', 'Sergei Lavrov arrived in Ankara for talks with Turkish officials on Tuesday.');
    const onB = await subscribe(b.yoga, 'subscription { entityMentioned(refs: [{ name: "Lavrov" }]) { entity { name } article { title } } }');
    try {
      await ingest(a, 'Lavrov in Manila', 'Sergei Lavrov spoke to reporters in Manila on Monday.');
      expect(await onB.next()).toEqual({ data: { entityMentioned: { entity: { name: 'Sergei Lavrov' }, article: { title: 'Lavrov in Manila' } } } });
    } finally {
      await onB.close();
    }
  });

  it('a server without Redis on the same graph hears only its own ingests', async () => {
    const alone = server(stores.at(-1)!, createNewsPubSub());
    const stream = await subscribe(alone.yoga, 'subscription { articleIngested { article { title } } }');
    try {
      await ingest(a, 'Merkel in Berlin', 'Angela Merkel met Emmanuel Macron in Berlin on Friday.');
      await ingest(alone, 'Macron in Paris', 'Emmanuel Macron spoke in Paris on Saturday.');
      expect(await stream.next()).toEqual({ data: { articleIngested: { article: { title: 'Macron in Paris' } } } });
    } finally {
      await stream.close();
      await alone.pubsub.close();
    }
  });
});
