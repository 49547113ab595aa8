/**
 * The adversarial run's heaviest query, against a real server on loopback with the seed graph:
 * 71 aliases of a two-step network. One anonymous client sends it; another client (its own key, so
 * its own rate and cost budget) times `{ __typename }` before and meanwhile. The server must refuse
 * or finish the attack within its deadline, and keep answering the other client as fast as usual.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliases } from '../support/app.ts';
import { cliSandbox, postGraphql, startServer, type CliSandbox, type RunningServer } from '../support/cli.ts';

/** The adversarial run's query: passed the complexity limit (4,970 of 5,000) when network's cost ignored depth. */
const ATTACK = aliases(71, 'network(around: [{name: "Donald Trump"}], depth: 2, limit: 189) { truncated }');
/** The heaviest networks that still fit the limit now (2 × 2,478 of 5,000); limits differ by round, so none is answered from the cache. */
const heaviestAllowed = (round: number) => aliases(2, `network(around: [{name: "Donald Trump"}], depth: 2, limit: ${200 - round}) { truncated }`);
/**
 * "As fast as usual": under attack, the p99 may be FACTOR times the normal p99 measured just before,
 * and at least FLOOR_MS: on a shared 2-core machine the server's own engine threads take CPU from
 * its event loop while a query runs, and loopback timings jitter by tens of ms. Before the fix the
 * observer waited the whole attack (6 s with a 3 s deadline). The floor was 100 ms until the sixth
 * extraction round changed the seed graph around Donald Trump: on an idle machine the observer's p99
 * then read 98 ms (embedded) and 105 ms (Neo4j), one GC-sized spike over the floor, against 6,000 ms
 * for the fault this test guards against.
 */
const FACTOR = 5;
const FLOOR_MS = 200;
const TIMEOUT_MS = 3_000;

let sandbox: CliSandbox;
let server: RunningServer;

beforeAll(async () => {
  sandbox = cliSandbox('newsgraph-attack-', {
    NEWSGRAPH_SEED: 'true',
    NEWSGRAPH_API_KEYS: 'observer:read',
    NEWSGRAPH_QUERY_TIMEOUT_MS: String(TIMEOUT_MS),
    // The observer sends a few hundred requests: the request rate limit is not what is tested here.
    NEWSGRAPH_RATE_LIMIT_BURST: '10000',
  });
  server = await startServer(sandbox);
});

afterAll(() => {
  server?.process.kill('SIGKILL');
  sandbox?.remove();
});

/** Sends `query` to the server and times the answer. */
async function post(query: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const answer = await postGraphql(server.url, query, undefined, headers);
  return { ...answer, ms: performance.now() - started };
}

function p99(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)];
}

const observer = { authorization: 'Bearer observer' };

/** The normal p99 of `{ __typename }` for the observer, measured now on this machine. */
async function normalP99(): Promise<number> {
  for (let i = 0; i < 10; i++) await post('{ __typename }', observer);
  const samples: number[] = [];
  for (let i = 0; i < 60; i++) samples.push((await post('{ __typename }', observer)).ms);
  return p99(samples);
}

/** Sends `query` as an anonymous client and times the observer's `{ __typename }` until it is answered. */
async function duringAttack(query: string) {
  let done = false;
  const started = performance.now();
  const attack = post(query).finally(() => (done = true));
  const meanwhile: number[] = [];
  // Bounded: at most 400 samples, and the attack ends by itself (refused, or stopped at its deadline).
  while (!done && meanwhile.length < 400) {
    const sample = await post('{ __typename }', observer);
    expect(sample.status).toBe(200);
    meanwhile.push(sample.ms);
  }
  const answered = await attack;
  return { answered, ms: performance.now() - started, meanwhile };
}

describe('a network query with many aliases', () => {
  it('is refused before it runs, with one error, while another client is answered as usual', async () => {
    const allowed = Math.max((await normalP99()) * FACTOR, FLOOR_MS);
    const { answered, ms, meanwhile } = await duringAttack(ATTACK);
    console.log({ allowed, attackMs: ms, samples: meanwhile.length, meanwhileP99: meanwhile.length ? p99(meanwhile) : null });
    expect(answered.errors).toHaveLength(1);
    expect(answered.errors![0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(answered.errors![0].message).toMatch(/complexity \d+ exceeds the limit of 5000/);
    expect(ms).toBeLessThan(TIMEOUT_MS);
    if (meanwhile.length > 0) expect(p99(meanwhile)).toBeLessThan(allowed);
  }, 60_000);

  it('runs the heaviest query that fits within its deadline, while another client is answered as usual', async () => {
    const allowed = Math.max((await normalP99()) * FACTOR, FLOOR_MS);
    await post(heaviestAllowed(0)); // warm-up: the first run compiles the code paths
    const rounds = [];
    for (let round = 1; round <= 3; round++) rounds.push(await duringAttack(heaviestAllowed(round)));
    const meanwhile = rounds.flatMap((r) => r.meanwhile);
    console.log({ allowed, attackMs: rounds.map((r) => Math.round(r.ms)), samples: meanwhile.length, meanwhileP99: p99(meanwhile), top: [...meanwhile].sort((a, b) => b - a).slice(0, 5).map(Math.round) });
    for (const { answered, ms } of rounds) {
      expect(answered.errors).toBeUndefined();
      expect(ms).toBeLessThan(TIMEOUT_MS);
    }
    expect(meanwhile.length).toBeGreaterThan(0);
    expect(p99(meanwhile)).toBeLessThan(allowed);
  }, 60_000);
});
