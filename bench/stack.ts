/**
 * The ceiling of the HTTP + GraphQL stack: `{ __typename }` through the full server (`newsgraph serve`,
 * every plugin on, the rate limit off for the run) against a bare GraphQL Yoga serving the same schema
 * (bench/bare-yoga.ts), both driven by autocannon in the same run, alternately, the better of two runs
 * each. Target: the full server ≥ 80% of the bare one's req/s.
 *
 *   npx tsx bench/stack.ts [--duration 10] [--connections 32] [--runs 2] [--profile DIR]
 *
 * The full server runs on an empty database of its own (the question does not touch the store) with
 * the defaults (response cache on; `--no-cache` turns it off) and logs to a file. `--profile DIR`
 * starts both with `node --cpu-prof` (profiles in DIR/full and DIR/bare, written when they stop).
 * Prints a table, then one JSON line (also bench/results/stack.json).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { writeResults } from './graph.ts';
import { procCpuMs } from './store.ts';
import { freePort } from '../test/support/ports.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    runs: { type: 'string', default: '2' },
    profile: { type: 'string' },
    'no-cache': { type: 'boolean', default: false },
  },
});
const REPO = fileURLToPath(new URL('..', import.meta.url));
const duration = Number(values.duration);
const connections = Number(values.connections);
const TARGET = 0.8;

interface Started {
  child: ChildProcess;
  base: string;
}

async function start(kind: 'full' | 'bare', port: number, dataDir: string): Promise<Started> {
  const base = `http://127.0.0.1:${port}`;
  const logFile = path.join(os.tmpdir(), `newsgraph-bench-stack-${kind}-${port}.log`);
  const out = fs.openSync(logFile, 'w');
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(NEWSGRAPH_|NEO4J_)/.test(name)));
  const profile = values.profile ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(values.profile, kind)] : [];
  const child =
    kind === 'full'
      ? spawn(process.execPath, [...profile, path.join(REPO, 'bin/newsgraph.js'), 'serve'], {
          cwd: REPO,
          env: {
            ...env,
            DATA_DIR: dataDir,
            PORT: String(port),
            HOST: '127.0.0.1',
            NEWSGRAPH_PUBLIC_READ: 'true',
            NEWSGRAPH_RATE_LIMIT_PER_MINUTE: '0',
            // The cost budget is a rate limit too (30,000 a minute per address): at ~2,000 req/s and more one
            // address spends it within the run and is answered 429, as bench/stack-inprocess.ts already knew.
            NEWSGRAPH_COST_PER_MINUTE: '0',
            NEWSGRAPH_SEED: 'false',
            ...(values['no-cache'] ? { NEWSGRAPH_RESPONSE_CACHE_TTL_MS: '0' } : {}),
          },
          stdio: ['ignore', out, out],
        })
      : spawn(process.execPath, [...profile, '--import', 'tsx', path.join(REPO, 'bench/bare-yoga.ts')], { cwd: REPO, env: { ...env, PORT: String(port) }, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the ${kind} server exited; its log: ${logFile}`);
    if (performance.now() - started > 60_000) throw new Error(`the ${kind} server was not up after 60 s; its log: ${logFile}`);
    const ok = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }).then((r) => r.status === 200, () => false);
    if (ok) return { child, base };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await gone;
  clearTimeout(timer);
}

async function cannon(base: string, seconds: number): Promise<autocannon.Result> {
  const r = await autocannon({
    url: `${base}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"query":"{ __typename }"}',
    connections,
    duration: seconds,
    verifyBody: (body) => String(body).includes('"__typename":"Query"'),
  });
  if (r.non2xx + r.errors + r.timeouts + r.mismatches > 0) throw new Error(`${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts, ${r.mismatches} wrong bodies`);
  return r;
}

interface Figures {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time of the server process per answered request: on a shared machine the steadier figure. */
  cpuUsPerRequest: number;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-stack-'));
  const full = await start('full', await freePort(), dataDir);
  const bare = await start('bare', await freePort(), dataDir);
  const runs: Record<'full' | 'bare', Figures[]> = { full: [], bare: [] };
  try {
    for (const s of [full, bare]) await cannon(s.base, 2); // warm-up
    for (let i = 0; i < Number(values.runs); i++) {
      for (const [kind, s] of [['bare', bare], ['full', full]] as const) {
        const cpu0 = procCpuMs(s.child.pid!);
        const r = await cannon(s.base, duration);
        const cpuUsPerRequest = Math.round(((procCpuMs(s.child.pid!) - cpu0) * 1000) / Math.max(1, r['2xx']));
        runs[kind].push({ rps: Math.round(r.requests.average * 10) / 10, p50Ms: r.latency.p50, p99Ms: r.latency.p99, cpuUsPerRequest });
        process.stderr.write(`${kind}: ${r.requests.average} req/s, p99 ${r.latency.p99} ms, ${cpuUsPerRequest} µs CPU per request\n`);
      }
    }
  } finally {
    await stop(full.child);
    await stop(bare.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const best = (xs: Figures[]) => xs.reduce((a, b) => (b.rps > a.rps ? b : a));
  const f = best(runs.full);
  const b = best(runs.bare);
  const ratio = Math.round((f.rps / b.rps) * 1000) / 1000;
  // Requests a core can answer, full ÷ bare: what the req/s ratio is on a machine with nothing else running.
  const leastCpu = (xs: Figures[]) => Math.min(...xs.map((x) => x.cpuUsPerRequest));
  const cpuRatio = Math.round((leastCpu(runs.bare) / leastCpu(runs.full)) * 1000) / 1000;
  const summary = { date: new Date().toISOString(), connections, duration, responseCache: !values['no-cache'], full: f, bare: b, ratio, cpuRatio, target: TARGET, pass: ratio >= TARGET, runs };
  process.stdout.write(`| server | req/s | p50 ms | p99 ms | server CPU µs per request (least) |\n|---|---:|---:|---:|---:|\n`);
  process.stdout.write(`| bare Yoga, same schema | ${b.rps} | ${b.p50Ms} | ${b.p99Ms} | ${leastCpu(runs.bare)} |\n| newsgraph serve, all plugins | ${f.rps} | ${f.p50Ms} | ${f.p99Ms} | ${leastCpu(runs.full)} |\n`);
  process.stdout.write(`full ÷ bare: ${(ratio * 100).toFixed(1)}% of the req/s, ${(cpuRatio * 100).toFixed(1)}% by CPU per request (target ≥ ${TARGET * 100}%)\n`);
  writeResults('stack', summary);
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
