/**
 * The benchmark suite, one after another (never two at once: they would measure each other):
 * ingest.ts, queries.ts, load.ts, then chart.ts, each as its own process with `--articles N`.
 * Each writes its figures to bench/results/. The graph is built once per engine: ingest.ts's
 * end-to-end run builds it in the folder queries.ts and load.ts read (bench/graph.ts), unless that
 * folder has one.
 *
 *   npx tsx bench/run.ts [--articles 100000] [--duration S] [--connections C] [--runs R] [--sample N --slice N --sizes A,B]
 *                        [--engine grafeo|neo4j|grafeo,neo4j]
 *
 * --duration and --connections go to load.ts, --runs to queries.ts (requests per operation),
 * --sample, --slice and --sizes to ingest.ts (their defaults otherwise). With both engines the suite
 * runs on each, back to back, and ends with compare.ts: the side-by-side table (bench/engines.ts),
 * also written with both engines' figures to bench/results/engines-<N>.json. chart.ts draws the
 * embedded engine's figures, when they were measured.
 *
 * Stops at the first benchmark that fails; missed targets are reported by each benchmark, not a failure.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseEngines } from './engines.ts';
import { defaultDataDir } from './graph.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    duration: { type: 'string' },
    connections: { type: 'string' },
    runs: { type: 'string' },
    sample: { type: 'string' },
    slice: { type: 'string' },
    sizes: { type: 'string' },
    engine: { type: 'string', default: 'grafeo' },
  },
});
const articles = values.articles!;
const engines = parseEngines(values.engine!);
/** `--name value` for each option given, to pass on. */
const given = (...names: ('duration' | 'connections' | 'runs' | 'sample' | 'slice' | 'sizes')[]) => names.flatMap((name) => (values[name] ? [`--${name}`, values[name]] : []));
const loadArgs = given('duration', 'connections');
const queriesArgs = given('runs');
const ingestArgs = given('sample', 'slice', 'sizes');
const bench = (name: string) => fileURLToPath(new URL(name, import.meta.url));

/** Runs one benchmark under tsx, echoing its output, and resolves with its stdout. */
function run(script: string, args: string[]): Promise<string> {
  process.stderr.write(`\n== ${script} ${args.join(' ')}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', bench(script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve(out) : reject(new Error(`${script} failed (${signal ?? `exit ${code}`})`))));
  });
}

try {
  for (const engine of engines) {
    const graphDir = defaultDataDir(Number(articles), engine);
    const buildsGraph = !fs.existsSync(graphDir) || fs.readdirSync(graphDir).length === 0;
    const on = ['--engine', engine];
    await run('ingest.ts', ['--articles', articles, ...on, ...ingestArgs, ...(buildsGraph ? ['--data', graphDir] : [])]);
    await run('queries.ts', ['--articles', articles, ...on, ...queriesArgs]);
    await run('load.ts', ['--articles', articles, ...on, ...loadArgs]);
  }
  if (engines.includes('grafeo')) await run('chart.ts', []);
  if (engines.length === 2) await run('compare.ts', []);
} catch (error) {
  process.stderr.write(`bench: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
