/**
 * The benchmark suite, one after another (never two at once: they would measure each other):
 * ingest.ts, queries.ts, load.ts, then chart.ts, each as its own process with `--articles N`.
 * Each writes its figures to bench/results/. The graph is built once: ingest.ts's end-to-end run
 * builds it in the folder queries.ts and load.ts read (bench/graph.ts), unless that folder has one.
 *
 *   npx tsx bench/run.ts [--articles 100000] [--duration S]       (npm run bench)
 *
 * --duration goes to load.ts (seconds per operation; its default otherwise).
 *
 * Stops at the first benchmark that fails; missed targets are reported by each benchmark, not a failure.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDataDir } from './graph.ts';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '100000' }, duration: { type: 'string' } } });
const articles = values.articles!;
const loadArgs = values.duration ? ['--duration', values.duration] : [];
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

const graphDir = defaultDataDir(Number(articles));
const buildsGraph = !fs.existsSync(graphDir) || fs.readdirSync(graphDir).length === 0;

try {
  await run('ingest.ts', ['--articles', articles, ...(buildsGraph ? ['--data', graphDir] : [])]);
  await run('queries.ts', ['--articles', articles]);
  await run('load.ts', ['--articles', articles, ...loadArgs]);
  await run('chart.ts', []);
} catch (error) {
  process.stderr.write(`bench: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
