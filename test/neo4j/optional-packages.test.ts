/**
 * Packages loaded only where they are used: the embedded engine (a native build some platforms lack)
 * when NEO4J_URI is not set, the Redis client when REDIS_URL is. The real commands run in child
 * processes whose module hooks (test/support/missing-packages/) make importing the named packages
 * fail; each group first shows that the hooks do bite, so that the other tests can fail.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onNeo4j } from '../support/app.ts';
import { cliSandbox, newsgraph, postGraphql, startServer, type CliSandbox, type RunningServer } from '../support/cli.ts';

const REGISTER = path.resolve('test/support/missing-packages/register.mjs');
const KEY = 'optional-packages-key';
const GRAFEO = '@grafeo-db/js';
const REDIS = ['ioredis', '@graphql-yoga/redis-event-target'];

/** What hooks.mjs throws on an import of a missing package. */
const missing = (name: string) => `${name} is not installed on this platform`;

/** A sandbox whose commands run without `packages` (and with NEO4J_URI or REDIS_URL only as given). */
function sandboxWithout(packages: string[], env: NodeJS.ProcessEnv = {}): CliSandbox {
  return cliSandbox('newsgraph-optional-packages-', {
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${REGISTER}`.trim(),
    MISSING_PACKAGES: packages.join(','),
    NEWSGRAPH_API_KEYS: KEY,
    ...env,
  });
}

const ARTICLE_BY_URL = 'query ($url: String!) { article(url: $url) { title } }';

async function ingestThroughServer(server: RunningServer, title: string, url: string) {
  const result = await postGraphql(
    server.url,
    'mutation ($a: [ArticleInput!]!) { ingestArticles(articles: $a) { created failed } }',
    { a: [{ title, url, publishedAt: '2022-03-01', text: 'Sergei Lavrov met Turkish officials in Ankara on Tuesday.' }] },
    { authorization: `Bearer ${KEY}` },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data.ingestArticles).toEqual({ created: 1, failed: 0 });
}

describe('without the embedded engine', () => {
  const sandbox = sandboxWithout([GRAFEO], onNeo4j ? { NEO4J_URI: process.env.NEO4J_URI } : {});
  afterAll(() => sandbox.remove());

  it('the embedded database cannot open: the hooks make @grafeo-db/js fail to import', async () => {
    const { NEO4J_URI: _unset, ...embedded } = sandbox.env;
    const result = await newsgraph({ dir: sandbox.dir, env: embedded }, ['migrate']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(missing(GRAFEO));
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
      const url = `https://example.org/optional-packages/${Date.now()}`;
      await ingestThroughServer(server, 'Lavrov in Ankara', url);
      const found = await postGraphql(server.url, ARTICLE_BY_URL, { url });
      expect(found.errors).toBeUndefined();
      expect(found.data.article).toEqual({ title: 'Lavrov in Ankara' });
      expect(server.output()).not.toContain(missing(GRAFEO));
    });

    it('ingests files straight into Neo4j with the CLI', async () => {
      const file = path.join(sandbox.dir, 'story.json');
      const url = `https://example.org/optional-packages/cli-${Date.now()}`;
      fs.writeFileSync(file, JSON.stringify({ title: 'Tillerson in Manila', url, text: 'Rex Tillerson met Sergei Lavrov in Manila on Monday.' }));
      const result = await newsgraph(sandbox, ['ingest', '--quiet', file]);
      expect(result.stderr).not.toContain(missing(GRAFEO));
      expect(result.code).toBe(0);
      const found = await postGraphql(server.url, ARTICLE_BY_URL, { url });
      expect(found.data.article).toEqual({ title: 'Tillerson in Manila' });
    });
  });
});

describe('without the Redis client (on the embedded engine)', () => {
  const sandbox = sandboxWithout(REDIS);
  afterAll(() => sandbox.remove());

  it('a server with REDIS_URL cannot start: the hooks make ioredis fail to import', async () => {
    const result = await newsgraph({ dir: sandbox.dir, env: { ...sandbox.env, REDIS_URL: 'redis://127.0.0.1:1', PORT: '0' } }, ['serve']);
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(new RegExp(REDIS.map((name) => missing(name)).join('|')));
  });

  it('a server without REDIS_URL serves and takes ingests', async () => {
    const server = await startServer(sandbox);
    try {
      const url = `https://example.org/optional-packages/redis-${Date.now()}`;
      await ingestThroughServer(server, 'Lavrov without Redis', url);
      expect((await postGraphql(server.url, ARTICLE_BY_URL, { url })).data.article).toEqual({ title: 'Lavrov without Redis' });
    } finally {
      server.process.kill('SIGTERM');
      await server.exited;
    }
  });
});
