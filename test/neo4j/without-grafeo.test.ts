/**
 * On Neo4j the embedded engine is not needed: the real commands run in child processes whose module
 * hooks (test/support/without-grafeo/) make importing `@grafeo-db/js` fail, as it does on a platform
 * without its native build. The first test shows the hooks do bite, so the others can fail.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onNeo4j } from '../support/app.ts';
import { cliSandbox, newsgraph, postGraphql, startServer, type CliSandbox, type RunningServer } from '../support/cli.ts';

const REGISTER = path.resolve('test/support/without-grafeo/register.mjs');
const KEY = 'without-grafeo-key';
/** What hooks.mjs throws on an import of the embedded engine. */
const MISSING_ENGINE = 'the embedded engine (@grafeo-db/js) is not installed on this platform';

let sandbox: CliSandbox;

beforeAll(() => {
  const { NEO4J_URI, NODE_OPTIONS } = process.env;
  // cliSandbox leaves NEO4J_URI out (its other users test the embedded files); here it is the point.
  sandbox = cliSandbox('newsgraph-without-grafeo-', {
    NODE_OPTIONS: `${NODE_OPTIONS ?? ''} --import ${REGISTER}`.trim(),
    NEWSGRAPH_API_KEYS: KEY,
    ...(NEO4J_URI ? { NEO4J_URI } : {}),
  });
});

afterAll(() => sandbox?.remove());

describe('a platform without the embedded engine', () => {
  it('cannot open the embedded database: the hooks make @grafeo-db/js fail to import', async () => {
    const { NEO4J_URI: _unset, ...embedded } = sandbox.env;
    const result = await newsgraph({ dir: sandbox.dir, env: embedded }, ['migrate']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(MISSING_ENGINE);
  });

  describe.skipIf(!onNeo4j)('with NEO4J_URI (Neo4j only: needs the Neo4j that NEO4J_URI names)', () => {
    let server: RunningServer;

    beforeAll(async () => {
      server = await startServer(sandbox);
    });

    afterAll(async () => {
      server?.process.kill('SIGTERM');
      await server?.exited;
    });

    it('serves: ready, an article ingested through the API is found by a query', async () => {
      expect((await fetch(server.url.replace('/graphql', '/ready'))).status).toBe(200);
      const url = `https://example.org/without-grafeo/${Date.now()}`;
      const ingested = await postGraphql(
        server.url,
        'mutation ($a: [ArticleInput!]!) { ingestArticles(articles: $a) { created failed } }',
        { a: [{ title: 'Lavrov in Ankara', url, publishedAt: '2022-03-01', text: 'Sergei Lavrov met Turkish officials in Ankara on Tuesday.' }] },
        { authorization: `Bearer ${KEY}` },
      );
      expect(ingested.errors).toBeUndefined();
      expect(ingested.data.ingestArticles).toEqual({ created: 1, failed: 0 });
      const found = await postGraphql(server.url, 'query ($url: String!) { article(url: $url) { title } }', { url });
      expect(found.errors).toBeUndefined();
      expect(found.data.article).toEqual({ title: 'Lavrov in Ankara' });
      expect(server.output()).not.toContain(MISSING_ENGINE);
    });

    it('ingests files straight into Neo4j with the CLI', async () => {
      const file = path.join(sandbox.dir, 'story.json');
      const url = `https://example.org/without-grafeo/cli-${Date.now()}`;
      fs.writeFileSync(file, JSON.stringify({ title: 'Tillerson in Manila', url, text: 'Rex Tillerson met Sergei Lavrov in Manila on Monday.' }));
      const result = await newsgraph(sandbox, ['ingest', '--quiet', file]);
      expect(result.stderr).not.toContain(MISSING_ENGINE);
      expect(result.code).toBe(0);
      const found = await postGraphql(server.url, 'query ($url: String!) { article(url: $url) { title } }', { url });
      expect(found.data.article).toEqual({ title: 'Tillerson in Manila' });
    });
  });
});
