/**
 * The store goes away while the server runs. On the embedded engine that is its DATA_DIR moved away (the
 * engine itself does not notice: it keeps the graph in memory and its file open, see src/store/grafeo.ts),
 * then moved back. On any engine it is the runner failing with StoreUnavailableError (what the Neo4j runner
 * throws when the driver reports ServiceUnavailable): injected over the real engine, clearly named below.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_UNAVAILABLE_MESSAGE } from '../../src/server/errors.ts';
import { StoreUnavailableError, type Runner } from '../../src/store/runner.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
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
