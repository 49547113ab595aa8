/**
 * Several servers on one graph: each has its own yoga and its own live updates, relayed through
 * Redis; an ingest through one is heard by subscribers on the others. On Neo4j the two servers also
 * have their own connections to it; on the embedded engine they share the one store. Each group runs
 * a redis-server of its own (not the REDIS_URL of the environment, where other tests' servers may
 * publish), and the last one runs two real server processes.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { COMMITTED_TOPIC, createNewsPubSub, openNewsPubSub, type NewsPubSub } from '../../src/server/pubsub.ts';
import { createNewsgraphYoga, type NewsgraphYoga } from '../../src/server/yoga.ts';
import { openNeo4j } from '../../src/store/neo4j.ts';
import type { Runner } from '../../src/store/runner.ts';
import { gql, onNeo4j, openTestStore, testExtractor } from '../support/app.ts';
import { cliSandbox, postGraphql, startServer, type CliSandbox, type RunningServer } from '../support/cli.ts';
import { freePort } from '../support/ports.ts';
import { subscribe } from '../support/sse.ts';

const KEY = 'instances-test-key';
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

const hasRedisServer = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

interface OwnRedis {
  url: string;
  /** Starts it again on the same port. */
  start(): Promise<void>;
  /** SIGKILL: an outage, not a shutdown. */
  kill(): Promise<void>;
}

/** A redis-server of the test's own on a free port, which it can stop and start again. */
async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const redis: OwnRedis = {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      const started = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      child = started;
      await new Promise<void>((ready, failed) => {
        let out = '';
        started.stdout!.on('data', (chunk) => {
          out += chunk;
          if (out.includes('Ready to accept connections')) ready();
        });
        started.once('exit', (code) => failed(new Error(`redis-server exited (${code}):\n${out}`)));
      });
    },
    async kill() {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise((done) => running.once('exit', done));
      running.kill('SIGKILL');
      await exited;
    },
  };
  await redis.start();
  return redis;
}

/** Until `subscribers` connections listen on the channel again (ioredis resubscribes on reconnection). */
async function subscribedAgain(url: string, subscribers: number): Promise<void> {
  const probe = new Redis(url);
  try {
    for (let tries = 0; ; tries += 1) {
      const [, count] = (await probe.pubsub('NUMSUB', COMMITTED_TOPIC)) as [string, number];
      if (count >= subscribers) return;
      if (tries > 100) throw new Error(`${count} of ${subscribers} subscribers back after 10 s`);
      await new Promise((wait) => setTimeout(wait, 100));
    }
  } finally {
    probe.disconnect();
  }
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

interface TwoServers {
  a: Server;
  b: Server;
  /** B's store: a connection of its own on Neo4j. */
  storeOfB: Runner;
  close(): Promise<void>;
}

/** Two servers on one graph, relaying through the Redis at `redisUrl`. */
async function twoServers(redisUrl: string): Promise<TwoServers> {
  const store = await openTestStore();
  // The embedded engine in memory cannot be opened twice; Neo4j can, as by two real servers.
  const storeOfB = onNeo4j ? openNeo4j(loadConfig().neo4j!) : store;
  const a = server(store, await openNewsPubSub(redisUrl, silent));
  const b = server(storeOfB, await openNewsPubSub(redisUrl, silent));
  return {
    a,
    b,
    storeOfB,
    async close() {
      for (const s of [a, b]) {
        await s.pubsub.close();
        await s.pubsub.disconnect();
      }
      await store.close();
      if (storeOfB !== store) await storeOfB.close();
    },
  };
}

describe.skipIf(!hasRedisServer)('two servers on one graph (needs redis-server on PATH: the test starts its own)', () => {
  let redis: OwnRedis;
  let servers: TwoServers;
  let a: Server;
  let b: Server;

  beforeAll(async () => {
    redis = await startOwnRedis();
    servers = await twoServers(redis.url);
    ({ a, b } = servers);
  });

  afterAll(async () => {
    await servers?.close();
    await redis?.kill();
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

  it('ignores messages on the channel that are not committed articles: servers and streams go on', async () => {
    const onB = await subscribe(b.yoga, 'subscription { articleIngested { article { title } } }');
    const intruder = new Redis(redis.url);
    try {
      for (const message of ['not json', '', 'null', JSON.stringify({ articleId: 7, status: 'CREATED', entityKeys: [] })]) {
        await intruder.publish(COMMITTED_TOPIC, message);
      }
      await ingest(a, 'Macron in Brussels', 'Emmanuel Macron arrived in Brussels for the summit on Thursday.');
      expect(await onB.next()).toEqual({ data: { articleIngested: { article: { title: 'Macron in Brussels' } } } });
    } finally {
      intruder.disconnect();
      await onB.close();
    }
  });

  it('keeps no state another server needs: a page cursor from A continues on B', async () => {
    const page = '($after: String) { articles(first: 2, after: $after) { edges { cursor node { title } } } }';
    const all = await gql<any>(a.yoga, `query { articles(first: 4) { edges { node { title } } } }`);
    const first = await gql<any>(a.yoga, `query ${page}`);
    const next = await gql<any>(b.yoga, `query ${page}`, { after: first.data.articles.edges.at(-1).cursor });
    expect(next.errors).toBeUndefined();
    const titles = (result: any) => result.data.articles.edges.map((edge: any) => edge.node.title);
    expect(titles(all)).toHaveLength(4);
    expect([...titles(first), ...titles(next)]).toEqual(titles(all));
  });

  it('a server without Redis on the same graph hears only its own ingests', async () => {
    const alone = server(servers.storeOfB, createNewsPubSub());
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

describe.skipIf(!hasRedisServer)('a Redis outage (needs redis-server on PATH: the test stops and restarts its own)', () => {
  let redis: OwnRedis;
  let servers: TwoServers;

  beforeAll(async () => {
    redis = await startOwnRedis();
    servers = await twoServers(redis.url);
  });

  afterAll(async () => {
    await servers?.close();
    await redis?.kill();
  });

  it('does not stop the servers: ingests go on, and an open stream hears ingests again once Redis is back', async () => {
    const onB = await subscribe(servers.b.yoga, 'subscription { articleIngested { article { title } } }');
    try {
      await redis.kill();
      // Committed to the graph; its event waits in A's Redis client (a failed PUBLISH would end the process).
      await ingest(servers.a, 'Outage in Berlin', 'Angela Merkel met Emmanuel Macron in Berlin during the outage.');
      await redis.start();
      await subscribedAgain(redis.url, 2);
      await ingest(servers.a, 'After the outage', 'Angela Merkel met Emmanuel Macron in Paris after the outage.');
      // The event held through the outage may or may not reach B first: A's client can send it before B's has subscribed again.
      let event = await onB.next();
      if (event.data?.articleIngested.article.title === 'Outage in Berlin') event = await onB.next();
      expect(event).toEqual({ data: { articleIngested: { article: { title: 'After the outage' } } } });
    } finally {
      await onB.close();
    }
  });
});

describe.skipIf(!onNeo4j || !hasRedisServer)(
  'two server processes behind one Redis (Neo4j only: the embedded database belongs to one process; needs redis-server on PATH)',
  () => {
    let redis: OwnRedis;
    let sandbox: CliSandbox;
    const running: RunningServer[] = [];

    beforeAll(async () => {
      redis = await startOwnRedis();
      sandbox = cliSandbox('newsgraph-instances-', { NEO4J_URI: process.env.NEO4J_URI, REDIS_URL: redis.url, NEWSGRAPH_API_KEYS: KEY });
      running.push(...(await Promise.all([startServer(sandbox), startServer(sandbox)])));
    });

    afterAll(async () => {
      for (const server of running) server.process.kill('SIGTERM');
      await Promise.all(running.map((server) => server.exited));
      await redis?.kill();
      sandbox?.remove();
    });

    it('an article ingested over HTTP through A reaches an SSE subscriber of B, and both stop cleanly', async () => {
      const [a, b] = running as [RunningServer, RunningServer];
      const onB = await subscribe(b.url, 'subscription { articleIngested { status article { title } } }');
      try {
        const ingested = await postGraphql(
          a.url,
          'mutation ($a: [ArticleInput!]!) { ingestArticles(articles: $a) { created } }',
          { a: [{ title: 'Through process A', url: `https://example.org/instances/process-a/${Date.now()}`, text: 'Rex Tillerson met Sergei Lavrov in Manila.' }] },
          { authorization: `Bearer ${KEY}` },
        );
        expect(ingested.data).toEqual({ ingestArticles: { created: 1 } });
        expect(await onB.next()).toEqual({ data: { articleIngested: { status: 'CREATED', article: { title: 'Through process A' } } } });
      } finally {
        await onB.close();
      }
      for (const server of running) server.process.kill('SIGTERM');
      expect(await Promise.all(running.map((server) => server.exited))).toEqual([
        { code: 0, signal: null },
        { code: 0, signal: null },
      ]);
    });
  },
);
