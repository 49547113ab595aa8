/** Cost and load, and the HTTP surface: rate limits, deadlines, persisted operations, CSRF, CORS, switches. */
import crypto from 'node:crypto';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/index.ts';
import { TokenBuckets } from '../../src/server/limits.ts';
import { stats } from '../../src/store/queries/read.ts';
import { countingRunner, type Runner } from '../../src/store/runner.ts';
import { aliases, createTestApp, gql, type TestApp } from '../support/app.ts';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ seed: true, apiKeys: ['a:read', 'b:read', 'w:ingest'] });
});

afterAll(() => app?.close());

describe('rate limit', () => {
  it('refills tokens at the configured rate', () => {
    let now = 0;
    const buckets = new TokenBuckets(60, 2, () => now);
    expect(buckets.take('x')).toEqual({ ok: true });
    expect(buckets.take('x')).toEqual({ ok: true });
    expect(buckets.take('x')).toEqual({ ok: false, retryAfter: 1 });
    expect(buckets.take('y')).toEqual({ ok: true });
    now = 1000;
    expect(buckets.take('x')).toEqual({ ok: true });
  });

  it('answers 429 with retryAfter and Retry-After once a key has spent its burst, per key', async () => {
    const limited = await createTestApp({ store: app.store, apiKeys: ['a:read', 'b:read'], yoga: { settings: { rateLimitPerMinute: 6, rateLimitBurst: 2 } } });
    const ask = (key: string) =>
      limited.yoga.fetch('http://newsgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: '{ stats { articles } }' }),
      });
    expect((await ask('a')).status).toBe(200);
    expect((await ask('a')).status).toBe(200);
    const refused = await ask('a');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('10');
    const body = await refused.json();
    expect(body.errors[0].extensions).toEqual({ code: 'RATE_LIMITED', retryAfter: 10 });
    // Another key has its own bucket.
    expect((await ask('b')).status).toBe(200);
  });
});

describe('deadline', () => {
  it('answers TIMEOUT when the deadline passes and sends no store work after it', async () => {
    let calls = 0;
    const slow: Runner = {
      ...app.store,
      async run(query, params) {
        calls += 1;
        await new Promise((resolve) => setTimeout(resolve, 40));
        return app.store.run(query, params);
      },
    };
    const timed = await createTestApp({ store: slow, yoga: { settings: { queryTimeoutMs: 100 } } });
    const started = Date.now();
    const { status, data, errors } = await timed.gql(`{
      person(name: "Lavrov") { coMentions(first: 20) { entity { name articles(first: 20) { edges { node { title } } } } } }
    }`);
    const elapsed = Date.now() - started;
    expect(errors?.[0].extensions).toMatchObject({ code: 'TIMEOUT', timeoutMs: 100 });
    expect(status).toBe(504);
    expect(data).toBeNull();
    expect(elapsed).toBeLessThan(400);
    const atAnswer = calls;
    await new Promise((resolve) => setTimeout(resolve, 300));
    // At most the round trips already in flight finish; none starts after the deadline.
    expect(calls).toBe(atAnswer);
  });

  it('starts no store call after the deadline even while the event loop is too busy for its timer to fire', async () => {
    let calls = 0;
    // Each call holds the event loop for longer than the whole deadline, as a huge result's conversion would.
    const blocking: Runner = {
      ...app.store,
      run(query, params) {
        calls += 1;
        const until = performance.now() + 150;
        while (performance.now() < until);
        return app.store.run(query, params);
      },
    };
    const timed = await createTestApp({ store: blocking, yoga: { settings: { queryTimeoutMs: 100, responseCacheTtlMs: 0 } } });
    const { status, errors } = await timed.gql('{ network(around: [{ key: "country:US" }], depth: 2, limit: 20) { truncated } }');
    expect(errors?.[0].extensions?.code).toBe('TIMEOUT');
    expect(status).toBe(504);
    expect(calls).toBe(1);
  });

  it('sends at most two round trips of one request at once, and none of those waiting once it is aborted', async () => {
    const abort = new AbortController();
    const started: string[] = [];
    const release: (() => void)[] = [];
    const held: Runner = {
      ...app.store,
      run: (query) => {
        started.push(query);
        return new Promise((resolve) => release.push(() => resolve([])));
      },
    };
    const runner = countingRunner(held, { count: 0 }, { signal: abort.signal, concurrency: 2 });
    const answers = ['a', 'b', 'c', 'd', 'e'].map((q) => runner.run(q).then(() => 'ok', (e: Error) => e.message));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(started).toEqual(['a', 'b']);
    abort.abort(new Error('deadline'));
    for (const done of release) done();
    expect(await Promise.all(answers)).toEqual(['ok', 'ok', 'deadline', 'deadline', 'deadline']);
    expect(started).toEqual(['a', 'b']);
  });

  it('rolls back a mutation whose deadline passes mid-transaction', async () => {
    // Counted in the store itself: the server's response cache would answer both counts with the first.
    const before = (await stats(app.store)).articles;
    const slow: Runner = {
      ...app.store,
      transaction: (work) =>
        app.store.transaction((tx) =>
          work({ run: async (q, p) => (await new Promise((r) => setTimeout(r, 30)), tx.run(q, p)) }),
        ),
    };
    const timed = await createTestApp({ store: slow, apiKeys: ['w:ingest'], yoga: { settings: { mutationTimeoutMs: 100 } } });
    const { errors } = await timed.gql(
      'mutation ($a: [ArticleInput!]!) { ingestArticles(articles: $a) { created } }',
      { a: [{ title: 'Late', text: 'Sergei Lavrov met Rex Tillerson in Manila on Sunday, a late report.' }] },
      { authorization: 'Bearer w' },
    );
    expect(errors?.[0].extensions?.code).toBe('TIMEOUT');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await stats(app.store)).articles).toBe(before);
  });
});

describe('cost', () => {
  it('counts depth and limit in a network\'s cost, and refuses an operation over the limit with one error', async () => {
    const network = (depth: number, limit: number) => `network(around: [{ key: "country:US" }], depth: ${depth}, limit: ${limit}) { truncated }`;
    const cost = async (query: string) => {
      const { errors } = await gql(app.yoga, aliases(40, query));
      return Number(errors?.[0].message.match(/complexity (\d+)/)?.[1]) / 40;
    };
    const shallow = await cost(network(1, 189));
    const deep = await cost(network(2, 189));
    // A second step reads limit × limit neighbours and four times the pairs.
    expect(deep).toBeGreaterThan(shallow * 4);
    // The adversarial run's 71 aliases: 4,970 of 5,000 before depth counted.
    const { errors } = await gql(app.yoga, aliases(71, network(2, 189)));
    expect(errors).toHaveLength(1);
    expect(errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('counts a page\'s size in a connection\'s cost', () => {
    const cost = (first: number) => complexityFromQuery(`{ entities(first: ${first}) { edges { node { name } } } }`, { schema }).complexity;
    expect(cost(100)).toBeGreaterThan(cost(10) * 5);
  });

  it('takes each query\'s cost from a budget per key per minute', async () => {
    const budgeted = await createTestApp({ store: app.store, apiKeys: ['a:read', 'b:read'], yoga: { settings: { costPerMinute: 200, costBurst: 200, responseCacheTtlMs: 0 } } });
    const query = '{ network(around: [{ key: "country:US" }], depth: 2, limit: 40) { truncated } }';
    const first = await gql(budgeted.yoga, query, undefined, { authorization: 'Bearer a' });
    expect(first.errors).toBeUndefined();
    const second = await gql(budgeted.yoga, query, undefined, { authorization: 'Bearer a' });
    expect(second.status).toBe(429);
    expect(second.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number), cost: expect.any(Number) });
    // Another key has its own budget.
    expect((await gql(budgeted.yoga, query, undefined, { authorization: 'Bearer b' })).errors).toBeUndefined();
  });
});

describe('nesting', () => {
  const send = (body: string) => app.yoga.fetch('http://newsgraph.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('refuses a list literal, a selection or variables nested thousands deep with 400 and a message, before parsing', async () => {
    const list = `{ search(query: "x", kinds: ${'['.repeat(2_000)}${']'.repeat(2_000)}) { __typename } }`;
    const selection = `{ ${'a { '.repeat(2_000)}b${' }'.repeat(2_000)} }`;
    const variables = `{"query":"query ($q: String!) { search(query: $q) { __typename } }","variables":{"q":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    for (const [body, what] of [
      [JSON.stringify({ query: list }), 'the query nests'],
      [JSON.stringify({ query: selection }), 'the query nests'],
      [variables, 'the variables nest'],
    ] as const) {
      const response = await send(body);
      expect(response.status).toBe(400);
      const { errors } = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
      expect(errors).toEqual([{ message: `${what} more than 64 levels deep (brackets, braces, parentheses, lists, objects): flatten them`, extensions: { code: 'BAD_REQUEST', limit: 64 } }]);
    }
  });

  it('counts no brackets inside strings and comments', async () => {
    const { errors } = await gql(app.yoga, `# ${'['.repeat(100)}\n{ search(query: "${'{'.repeat(100)}") { __typename } }`);
    expect(errors).toBeUndefined();
  });
});

describe('persisted operations', () => {
  const document = '{ stats { articles } }';
  const id = crypto.createHash('sha256').update(document).digest('hex');
  const post = (target: TestApp, body: unknown, headers: Record<string, string> = {}) =>
    target.yoga.fetch('http://newsgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('runs allow-listed operations by id and refuses other documents, except from ingest and admin keys', async () => {
    const locked = await createTestApp({ store: app.store, apiKeys: ['r:read', 'w'], yoga: { settings: { persistedOperations: { [id]: document } } } });
    const byId = await post(locked, { extensions: { persistedQuery: { version: 1, sha256Hash: id } } });
    expect((await byId.json()).data.stats.articles).toBe(67);
    const arbitrary = await (await post(locked, { query: '{ stats { entities } }' })).json();
    expect(arbitrary.errors[0].extensions.code).toBe('PERSISTED_QUERY_ONLY');
    const reader = await (await post(locked, { query: '{ stats { entities } }' }, { authorization: 'Bearer r' })).json();
    expect(reader.errors[0].extensions.code).toBe('PERSISTED_QUERY_ONLY');
    const unknown = await (await post(locked, { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } })).json();
    expect(unknown.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const writer = await (await post(locked, { query: '{ stats { entities } }' }, { authorization: 'Bearer w' })).json();
    expect(writer.data.stats.entities).toBeGreaterThan(0);
    // Off by default: the main app takes any document.
    expect((await (await post(app, { query: '{ stats { entities } }' })).json()).errors).toBeUndefined();
  });
});

describe('HTTP surface', () => {
  it('refuses a GET or a simple-content-type POST without the CSRF header', async () => {
    const url = `http://newsgraph.test/graphql?query=${encodeURIComponent('{ stats { articles } }')}`;
    const bare = await app.yoga.fetch(url, { headers: { accept: 'application/json' } });
    expect(bare.status).toBe(403);
    const withHeader = await app.yoga.fetch(url, { headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' } });
    expect(withHeader.status).toBe(200);
    const form = await app.yoga.fetch('http://newsgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `query=${encodeURIComponent('{ stats { articles } }')}`,
    });
    expect(form.status).toBe(403);
  });

  it('answers CORS for the configured origins only', async () => {
    const only = await createTestApp({ store: app.store, yoga: { settings: { corsOrigins: ['https://dash.example'] } } });
    const preflight = (target: TestApp, origin: string) =>
      target.yoga.fetch('http://newsgraph.test/graphql', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    expect((await preflight(only, 'https://dash.example')).headers.get('access-control-allow-origin')).toBe('https://dash.example');
    expect((await preflight(only, 'https://evil.example')).headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    // "*" (the default) allows any origin, without credentials.
    const any = await preflight(app, 'https://any.example');
    expect(any.headers.get('access-control-allow-origin')).toBe('https://any.example');
    expect(any.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('switches introspection and GraphiQL off', async () => {
    const closed = await createTestApp({ store: app.store, yoga: { settings: { introspection: false, graphiql: false } } });
    const introspection = await closed.gql('{ __schema { queryType { name } } }');
    expect(introspection.errors?.[0].message).toMatch(/introspection/i);
    expect((await app.gql('{ __schema { queryType { name } } }')).data.__schema.queryType.name).toBe('Query');
    const page = (target: TestApp) => target.yoga.fetch('http://newsgraph.test/graphql', { headers: { accept: 'text/html' } });
    expect((await page(app)).headers.get('content-type')).toContain('text/html');
    expect((await page(closed)).headers.get('content-type') ?? '').not.toContain('text/html');
  });

  it('keeps the complexity and page-size errors', async () => {
    const big = await gql(app.yoga, '{ entities(first: 101) { edges { node { name } } } }');
    expect(big.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const deep = await gql(
      app.yoga,
      '{ person(name: "Lavrov") { coMentions(first: 100) { entity { coMentions(first: 100) { entity { coMentions(first: 100) { entity { name } } } } } } } }',
    );
    expect(deep.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});
