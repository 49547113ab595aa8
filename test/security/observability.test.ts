/** Logs with a request id on every line and no secrets; /metrics in Prometheus format. */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yogaLogger } from '../../src/server/observability.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

const SECRET = 'very-secret-key-123';
const TEXT = 'Sergei Lavrov met Rex Tillerson in Manila on Sunday to discuss a confidential matter.';
const lines: Record<string, any>[] = [];
let app: TestApp;

/** A stream a pino logger writes to, parsing each line it writes into `into`. */
function logSink(into: Record<string, any>[]): Writable {
  return new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) into.push(JSON.parse(line));
      done();
    },
  });
}

beforeAll(async () => {
  app = await createTestApp({ apiKeys: [`${SECRET}:admin`, 'reader:read'], yoga: { logger: pino({ level: 'debug' }, logSink(lines)) } });
});

afterAll(() => app?.close());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  app.yoga.fetch('http://newsgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('logs', () => {
  it('honour x-request-id, answer it, and put it on every line of the request', async () => {
    const response = await post(
      { query: 'mutation Load($a: [ArticleInput!]!) { ingestArticles(articles: $a) { created } }', variables: { a: [{ title: 'Secret', text: TEXT }] } },
      { authorization: `Bearer ${SECRET}`, 'x-request-id': 'req-42' },
    );
    expect(response.headers.get('x-request-id')).toBe('req-42');
    const mine = lines.filter((l) => l.reqId === 'req-42');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.at(-1)).toMatchObject({ msg: 'request', operation: 'Load', type: 'mutation', key: 'env#1', status: 200 });
    expect(mine.at(-1)?.roundTrips).toBeGreaterThan(0);
  });

  it('generate an id when none (or a malformed one) is sent', async () => {
    const response = await post({ query: '{ stats { articles } }' }, { 'x-request-id': 'bad id with spaces' });
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.some((l) => l.reqId === id && l.msg === 'request')).toBe(true);
  });

  it('hold what Yoga answers "Unexpected error." for outside execution, with its stack', () => {
    const logged: Record<string, any>[] = [];
    yogaLogger(pino(logSink(logged))).error(new RangeError('Maximum call stack size exceeded'));
    expect(logged).toEqual([expect.objectContaining({ level: 50, msg: 'unexpected error', err: expect.objectContaining({ type: 'RangeError', stack: expect.stringContaining('RangeError: Maximum call stack size exceeded\n    at ') }) })]);
  });

  it('never contain a key or article text', () => {
    const all = lines.map((l) => JSON.stringify(l)).join('\n');
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain('confidential');
  });
});

describe('/metrics', () => {
  it('counts requests per operation, errors by code, store round trips and ingested articles', async () => {
    await post({ query: 'query Stats { stats { articles } }' });
    await post({ query: '{ entities(first: 500) { totalCount } }' });
    await post({ query: 'mutation { addAlias(entity: { key: "x" }, alias: "y") { id } }' }, { authorization: 'Bearer reader' });
    const response = await app.yoga.fetch('http://newsgraph.test/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(/graphql_envelop_request\{[^}]*operationName="Stats"[^}]*\} 1/);
    expect(text).toMatch(/graphql_envelop_request_duration_bucket\{[^}]*operationName="Stats"/);
    expect(text).toMatch(/newsgraph_graphql_errors_total\{code="BAD_USER_INPUT"\} 1/);
    expect(text).toMatch(/newsgraph_graphql_errors_total\{code="FORBIDDEN"\} 1/);
    expect(text).toMatch(/newsgraph_store_round_trips_total\{engine="(grafeo|neo4j)",kind="transaction",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/newsgraph_store_round_trip_duration_seconds_count\{engine="(grafeo|neo4j)",kind="run"\} [1-9]/);
    expect(text).toMatch(/newsgraph_ingested_articles_total\{status="CREATED"\} 1/);
  });

  it('keeps at most 100 operation names as labels, the rest as "other"', async () => {
    const fresh = await createTestApp({ store: app.store, yoga: { settings: { rateLimitPerMinute: 0 } } });
    const scrape = async () => (await fresh.yoga.fetch('http://newsgraph.test/metrics')).text();
    for (let i = 0; i < 300; i++) await fresh.gql(`query Unique${i} { __typename }`);
    const text = await scrape();
    const names = new Set([...text.matchAll(/operationName="([^"]*)"/g)].map((m) => m[1]));
    expect(names.size).toBeLessThanOrEqual(101);
    expect(names).toContain('Unique0');
    expect(names).not.toContain('Unique299');
    expect(text).toMatch(/graphql_envelop_request\{operationName="other",operationType="query"\} 200/);
    // More names add nothing: the size stays where it is.
    for (let i = 300; i < 400; i++) await fresh.gql(`query Unique${i} { __typename }`);
    expect((await scrape()).length).toBeLessThan(text.length * 1.05);
  });

  it('needs a read key when reads do', async () => {
    const closed = await createTestApp({ store: app.store, apiKeys: ['reader:read'], yoga: { settings: { publicRead: false } } });
    expect((await closed.yoga.fetch('http://newsgraph.test/metrics')).status).toBe(401);
    expect((await closed.yoga.fetch('http://newsgraph.test/metrics', { headers: { authorization: 'Bearer reader' } })).status).toBe(200);
  });
});
