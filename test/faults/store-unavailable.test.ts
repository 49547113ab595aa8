/**
 * The store goes away while the server runs. On the embedded engine that is its DATA_DIR moved away (the
 * engine itself does not notice: it keeps the graph in memory and its file open, see src/store/grafeo.ts),
 * then moved back. On Neo4j it is a real local Neo4j stopped, then started again on the same port. On any
 * engine it is the runner failing with StoreUnavailableError: injected over the real engine, clearly named below.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/cli/neo4j.ts';
import { STORE_UNAVAILABLE_MESSAGE } from '../../src/server/errors.ts';
import { migrate } from '../../src/store/migrate.ts';
import { openNeo4j } from '../../src/store/neo4j.ts';
import { StoreUnavailableError, type Runner } from '../../src/store/runner.ts';
import { createTestApp, onNeo4j, type TestApp } from '../support/app.ts';
import { cliSandbox, postGraphql, startServer, type CliSandbox, type RunningServer } from '../support/cli.ts';

const QUERY = '{ stats { articles } person(name: "Lavrov") { name articles(first: 5) { totalCount } } }';
const INGEST = `mutation ($articles: [ArticleInput!]!) {
  ingestArticles(articles: $articles) { created failed items { status error { code message } } }
}`;
const article = (n: number) => ({
  title: `Talks ${n}`,
  text: `Russian Foreign Minister Sergei Lavrov met Turkish officials in Ankara on Tuesday, report ${n}.`,
  url: `https://news.example.org/faults/talks-${n}`,
  publishedAt: '2022-03-01',
});

/** An answer a client may see when the store is away: the code, a fixed message, and nothing of the server's insides. */
function expectUnavailable(result: { errors?: { message: string; extensions?: Record<string, any> }[] }) {
  expect(result.errors?.length).toBeGreaterThan(0);
  for (const error of result.errors!) {
    expect(error.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(error.message).toBe(STORE_UNAVAILABLE_MESSAGE);
  }
  const text = JSON.stringify(result);
  expect(text).not.toMatch(/stack|\bat .*\.ts:\d+|newsgraph\.grafeo|originalError/);
}

describe('embedded engine: DATA_DIR moved away under a running server, then back', () => {
  let sandbox: CliSandbox;
  let server: RunningServer;

  beforeAll(async () => {
    sandbox = cliSandbox('newsgraph-gone-', { NEWSGRAPH_API_KEYS: 'k' });
    server = await startServer(sandbox);
    const loaded = await postGraphql(server.url, INGEST, { articles: [article(1)] }, { authorization: 'Bearer k' });
    expect(loaded.data.ingestArticles.created).toBe(1);
  });

  afterAll(() => {
    server?.process.kill('SIGKILL');
    sandbox?.remove();
  });

  it('answers 503 on /ready and SERVICE_UNAVAILABLE to queries and writes, stays up, and recovers', async () => {
    const base = server.url.replace('/graphql', '');
    const away = `${sandbox.dataDir}-away`;
    fs.renameSync(sandbox.dataDir, away);
    try {
      const ready = await fetch(`${base}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ ready: false, reason: 'the graph store does not answer' });
      expect((await fetch(`${base}/health`)).status).toBe(200);

      expectUnavailable(await postGraphql(server.url, QUERY));

      const write = await postGraphql(server.url, INGEST, { articles: [article(2)] }, { authorization: 'Bearer k' });
      expect(write.data.ingestArticles).toMatchObject({ created: 0, failed: 1 });
      expect(write.data.ingestArticles.items[0].error.code).toBe('SERVICE_UNAVAILABLE');
      expect(write.data.ingestArticles.items[0].error.message).not.toContain(sandbox.dataDir);
      // Nothing was written where the database used to be.
      expect(fs.existsSync(sandbox.dataDir)).toBe(false);
    } finally {
      fs.renameSync(away, sandbox.dataDir);
    }
    expect(server.process.exitCode).toBeNull();

    expect((await fetch(`${base}/ready`)).status).toBe(200);
    const back = await postGraphql(server.url, QUERY);
    expect(back.errors).toBeUndefined();
    expect(back.data.stats.articles).toBe(1);
    const retried = await postGraphql(server.url, INGEST, { articles: [article(2)] }, { authorization: 'Bearer k' });
    expect(retried.data.ingestArticles.created).toBe(1);
  });

  it('keeps what was written after the recovery across a restart', async () => {
    server.process.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
    server = await startServer(sandbox);
    expect((await postGraphql(server.url, '{ stats { articles } }')).data.stats.articles).toBe(2);
  });
});

/** How long `work` took, in milliseconds, with what it answered. */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

describe.skipIf(!onNeo4j)('Neo4j stopped under a running server, then started again (Neo4j only: starts and stops a local Neo4j of its own)', () => {
  const password = 'store-unavailable-password';
  let data: string;
  let neo4j: LocalNeo4j;
  let app: TestApp;

  beforeAll(async () => {
    data = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-neo4j-down-'));
    neo4j = await startLocalNeo4j({ port: 0, data, password, heap: '512m' });
    const store = openNeo4j({ uri: neo4j.uri, user: 'neo4j', password, database: 'neo4j' });
    await migrate(store);
    // No response cache: every answer below comes from the store.
    app = await createTestApp({ store, apiKeys: ['k'], yoga: { settings: { responseCacheTtlMs: 0 } } });
    const loaded = await app.gql(INGEST, { articles: [article(1)] }, { authorization: 'Bearer k' });
    expect(loaded.data.ingestArticles.created).toBe(1);
  });

  afterAll(async () => {
    await app?.close();
    await neo4j?.stop();
    if (data) fs.rmSync(data, { recursive: true, force: true });
  });

  it('answers /ready 503 and SERVICE_UNAVAILABLE within 2 s while it is down, and recovers once it is back', async () => {
    await neo4j.stop();

    const ready = await timed(async () => app.yoga.fetch('http://newsgraph.test/ready'));
    expect(ready.value.status).toBe(503);
    expect(ready.ms).toBeLessThan(2_000);

    const query = await timed(() => app.gql(QUERY));
    expectUnavailable(query.value);
    expect(query.ms).toBeLessThan(2_000);

    const write = await timed(() => app.gql(INGEST, { articles: [article(2)] }, { authorization: 'Bearer k' }));
    expect(write.value.data.ingestArticles).toMatchObject({ created: 0, failed: 1 });
    expect(write.value.data.ingestArticles.items[0].error.code).toBe('SERVICE_UNAVAILABLE');
    expect(write.ms).toBeLessThan(2_000);

    neo4j = await startLocalNeo4j({ port: Number(new URL(neo4j.uri).port), data, password, heap: '512m' });
    // Bolt listens before the database is online: until then the store answers DatabaseUnavailable, which is 503 too.
    let status = 0;
    for (const until = Date.now() + 60_000; status !== 200 && Date.now() < until; ) {
      status = (await app.yoga.fetch('http://newsgraph.test/ready')).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
    const back = await app.gql(QUERY);
    expect(back.errors).toBeUndefined();
    expect(back.data.stats.articles).toBe(1);
    const retried = await app.gql(INGEST, { articles: [article(2)] }, { authorization: 'Bearer k' });
    expect(retried.data.ingestArticles.created).toBe(1);
    // A stop and a start of Neo4j take ~10 s and ~30 s on a busy machine.
  }, 240_000);
});

describe('any engine: the runner failing with StoreUnavailableError', () => {
  let app: TestApp;
  let down = false;

  beforeAll(async () => {
    const real = await createTestApp({ apiKeys: ['k'] });
    await real.gql(INGEST, { articles: [article(1)] }, { authorization: 'Bearer k' });
    // Fault injection over the real engine: while `down`, every call fails the way an unreachable Neo4j does.
    const unavailable = () => new StoreUnavailableError('Neo4j is unavailable: Could not perform discovery. No routing servers available. at bolt://db.internal:7687');
    const store: Runner = {
      engine: real.store.engine,
      run: (query, params) => (down ? Promise.reject(unavailable()) : real.store.run(query, params)),
      transaction: (work) => (down ? Promise.reject(unavailable()) : real.store.transaction(work)),
      ping: async () => !down && real.store.ping(),
      close: () => real.store.close(),
    };
    app = await createTestApp({ store, apiKeys: ['k'] });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers SERVICE_UNAVAILABLE without the engine message or a stack, for root fields and DataLoader batches', async () => {
    down = true;
    try {
      expect((await app.yoga.fetch('http://newsgraph.test/ready')).status).toBe(503);
      const result = await app.gql(QUERY);
      expectUnavailable(result);
      expect(JSON.stringify(result)).not.toContain('bolt://');
      expect(result.errors!.map((e: any) => e.path?.[0]).sort()).toEqual(['person', 'stats']);
    } finally {
      down = false;
    }
    const back = await app.gql(QUERY);
    expect(back.errors).toBeUndefined();
    expect(back.data.person.articles.totalCount).toBe(1);
  });

  it('still masks other errors as unexpected', async () => {
    const broken = await createTestApp({ store: { ...app.store, run: () => Promise.reject(new Error('secret detail')) } });
    const result = await broken.gql('{ stats { articles } }');
    expect(result.errors?.[0]).toMatchObject({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(result)).not.toContain('secret detail');
  });
});
