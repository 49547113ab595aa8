/**
 * The benchmark suite, one after another (never two at once: they would measure each other):
 * ingest.ts, queries.ts, load.ts, then chart.ts, each as its own process with `--articles N`.
 * ingest.ts's JSON line is saved as bench/results/ingest.json; queries.ts and load.ts write their own.
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

const { values } = parseArgs({ options: { articles: { type: 'string', default: '100000' }, duration: { type: 'string' } } });
const articles = values.articles!;
const loadArgs = values.duration ? ['--duration', values.duration] : [];
const bench = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const results = new URL('./results/', import.meta.url);

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

/** ingest.ts prints its figures as the last line of stdout and writes no file of its own. */
function saveIngest(stdout: string): void {
  const last = stdout.trim().split('\n').at(-1) ?? '';
  const figures = JSON.parse(last) as Record<string, unknown>;
  fs.mkdirSync(results, { recursive: true });
  fs.writeFileSync(new URL('ingest.json', results), `${JSON.stringify({ bench: 'ingest', ...figures })}\n`);
}

try {
  saveIngest(await run('ingest.ts', ['--articles', articles]));
  await run('queries.ts', ['--articles', articles]);
  await run('load.ts', ['--articles', articles, ...loadArgs]);
  await run('chart.ts', []);
} catch (error) {
  process.stderr.write(`bench: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
