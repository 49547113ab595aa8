/**
 * The side-by-side table of the last runs on both engines: reads ingest, queries and load figures
 * of each from bench/results/ (ingest.json and ingest-neo4j.json, …), prints the tables of
 * bench/engines.ts and writes both engines' figures to bench/results/engines-<N>.json.
 * bench/run.ts --engine grafeo,neo4j ends with it; it fails when the figures come from graphs of
 * different sizes.
 *
 *   npx tsx bench/compare.ts
 */
import fs from 'node:fs';
import { ENGINES, resultsName, sideBySide, type Engine, type EngineFigures } from './engines.ts';
import { writeResults } from './graph.ts';

const results = new URL('./results/', import.meta.url);

function read(bench: keyof EngineFigures, engine: Engine): any {
  const file = new URL(`${resultsName(bench, engine)}.json`, results);
  if (!fs.existsSync(file)) throw new Error(`no ${file.pathname}: run bench/${bench}.ts --engine ${engine} first`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

try {
  const [grafeo, neo4j] = ENGINES.map((engine): EngineFigures => ({ ingest: read('ingest', engine), queries: read('queries', engine), load: read('load', engine) }));
  process.stdout.write(sideBySide(grafeo, neo4j));
  writeResults(`engines-${grafeo.ingest.articles}`, { bench: 'engines', date: new Date().toISOString(), grafeo, neo4j });
} catch (error) {
  process.stderr.write(`compare: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
