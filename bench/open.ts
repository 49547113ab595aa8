/**
 * What opening the embedded database costs, and how much of it is the indexes: copies the database of
 * DIR twice, drops every index and constraint from the second copy (then closes it, which checkpoints),
 * and times `GrafeoDB.create(file)` on each copy `--runs` times, alternately, with the process's RSS after
 * each open. The difference between the copies is what rebuilding the indexes at open costs.
 *
 *   npx tsx bench/open.ts --data /tmp/bench-100k [--runs 3]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pkg from '@grafeo-db/js';

const { GrafeoDB } = pkg;
const { values } = parseArgs({ options: { data: { type: 'string' }, runs: { type: 'string', default: '3' } } });
if (!values.data) throw new Error('give --data DIR (a newsgraph data folder)');
const FILE = 'newsgraph.grafeo';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-open-'));
const copy = (name: string) => {
  const dir = path.join(work, name);
  fs.cpSync(path.resolve(values.data!), dir, { recursive: true });
  return path.join(dir, FILE);
};
const rssMb = () => Math.round(process.memoryUsage().rss / 1e6);
const log = (line: string) => process.stderr.write(`${line}\n`);

try {
  const withIndexes = copy('with-indexes');
  const without = copy('without-indexes');
  {
    const db = GrafeoDB.create(without);
    const names = fs
      .readdirSync(new URL('../schema/migrations/', import.meta.url))
      .flatMap((f) => fs.readFileSync(new URL(`../schema/migrations/${f}`, import.meta.url), 'utf8').match(/CREATE (?:TEXT )?(?:INDEX|CONSTRAINT) \w+/g) ?? []);
    for (const statement of names) {
      // Each dropped as its migration named it; a failure is printed, not fatal (the figures then say so).
      const [, kind, name] = statement.match(/CREATE (?:TEXT )?(INDEX|CONSTRAINT) (\w+)/)!;
      try {
        await db.executeCypher(`DROP ${kind} ${name} IF EXISTS`);
      } catch (error) {
        log(`DROP ${kind} ${name}: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    const left = await db.executeCypher('SHOW INDEXES');
    log(`indexes left on the copy without: ${JSON.stringify(left.toArray())}`);
    db.close();
  }
  const results: Record<string, { ms: number[]; rssMb: number[] }> = { withIndexes: { ms: [], rssMb: [] }, withoutIndexes: { ms: [], rssMb: [] } };
  for (let i = 0; i < Number(values.runs); i++) {
    for (const [name, file] of [['withIndexes', withIndexes], ['withoutIndexes', without]] as const) {
      global.gc?.();
      const before = rssMb();
      const t0 = performance.now();
      const db = GrafeoDB.create(file);
      const ms = Math.round(performance.now() - t0);
      results[name].ms.push(ms);
      results[name].rssMb.push(rssMb() - before);
      log(`${name}: open ${ms} ms, +${rssMb() - before} MB`);
      db.close();
    }
  }
  process.stdout.write(`${JSON.stringify({ data: values.data, bytes: fs.statSync(withIndexes).size, ...results })}\n`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
