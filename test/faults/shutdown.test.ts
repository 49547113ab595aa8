/**
 * SIGTERM while a slow request runs: the request completes, then the server closes the store and exits 0.
 * (A second server on the same DATA_DIR is refused: test/integration/cli.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.ts';
import { openGrafeo } from '../../src/store/grafeo.ts';
import { cliSandbox, postGraphql, startServer, type CliSandbox, type RunningServer } from '../support/cli.ts';

const ARTICLES = 150;
let sandbox: CliSandbox;
let server: RunningServer | null = null;

beforeAll(() => {
  sandbox = cliSandbox('newsgraph-drain-', { NEWSGRAPH_API_KEYS: 'drain-key' });
});

afterAll(() => {
  server?.process.kill('SIGKILL');
  sandbox?.remove();
});

describe('SIGTERM', () => {
  it('lets an in-flight ingest finish, then closes the store and exits 0', async () => {
    server = await startServer(sandbox);
    const articles = [...generateCorpus({ articles: ARTICLES, seed: 5 })];
    const sentAt = Date.now();
    const pending = postGraphql(
      server.url,
      'mutation ($a: [ArticleInput!]!) { ingestArticles(articles: $a) { created failed } }',
      { a: articles },
      { authorization: 'Bearer drain-key' },
    ).then((result) => ({ result, at: Date.now() }));
    // Long enough for the request to be read and under way; far shorter than the ingest itself.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const signalledAt = Date.now();
    server.process.kill('SIGTERM');

    const { result, at } = await pending;
    expect(at).toBeGreaterThan(signalledAt); // it really was in flight when the signal came
    expect(result.status).toBe(200);
    expect(result.data.ingestArticles).toEqual({ created: ARTICLES, failed: 0 });
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain('"signal":"SIGTERM"');
    server = null;

    // The store was closed: the file opens (no lock left behind) and holds every article the answer reported.
    const store = openGrafeo(sandbox.dataDir);
    try {
      const [{ count }] = await store.run<{ count: number }>('MATCH (a:Article) RETURN count(a) AS count');
      expect(count).toBe(ARTICLES);
    } finally {
      await store.close();
    }
  }, 120_000);
});
