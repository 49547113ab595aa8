/**
 * Ingest speed on one engine (migrations applied): the embedded engine file-backed in this process,
 * or a local Neo4j started for each phase on a fresh folder (bench/store.ts), on a synthetic corpus
 * generated in memory (bench/corpus.ts, streamed):
 *   baseline    JSON round trip + validation of the same records, and ingest into a store that does nothing
 *   extraction  createExtractor().extract per article: median, p95, articles/s
 *   write path  ingestRecords with an extractor that returns precomputed results, with time per statement
 *   end to end  ingestRecords with the real extractor on worker threads (as `newsgraph ingest` runs it) over
 *               all articles, batch 1000, throughput by decile
 *   batch sizes end to end on a slice with batches of 100, 500 and 2000
 * Machines here are noisy: compare the ratios to the baseline measured in the same run.
 * Prints a table, then one JSON line with every figure.
 *
 *   npx tsx bench/ingest.ts --articles 10000 [--seed 1] [--sample 2000] [--slice 3000] [--sizes 100,500,2000] [--keep] [--data DIR] [--engine grafeo|neo4j]
 * With --data the end-to-end database is built in DIR (which must not hold one) and kept there,
 * for bench/load.ts to query. The JSON line is also written to bench/results/ingest.json
 * (ingest-neo4j.json on neo4j).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createExtractor } from '../src/extract/index.ts';
import { createWorkerExtractor, type BatchExtractor } from '../src/extract/pool.ts';
import type { ExtractedArticle, Extractor } from '../src/extract/types.ts';
import { DEFAULT_BATCH_SIZE, ingestRecords } from '../src/ingest/pipeline.ts';
import type { SourceRecord, ValidArticle } from '../src/ingest/types.ts';
import { validateArticle } from '../src/ingest/validate.ts';
import type { QueryRunner, Runner } from '../src/store/runner.ts';
import { generateCorpus, type CorpusArticle } from './corpus.ts';
import { parseEngine, resultsName } from './engines.ts';
import { bytesOnDisk, corpusRecords, writeResults } from './graph.ts';
import { NEO4J_MEMORY, openBenchDatabase, procCpuMs, procMb, type BenchDatabase } from './store.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    sample: { type: 'string', default: '2000' },
    slice: { type: 'string', default: '3000' },
    batch: { type: 'string', default: String(DEFAULT_BATCH_SIZE) },
    sizes: { type: 'string', default: '100,500,2000' },
    keep: { type: 'boolean', default: false },
    data: { type: 'string' },
    engine: { type: 'string', default: 'grafeo' },
  },
});
const ENGINE = parseEngine(values.engine!);
const N = Number(values.articles);
const SEED = Number(values.seed);
const SAMPLE = Math.min(N, Number(values.sample));
const SLICE = Math.min(N, Number(values.slice));
const BATCH = Number(values.batch);
const SIZES = values.sizes!.split(',').filter(Boolean).map(Number);

const corpus = (n: number): Iterable<CorpusArticle> => generateCorpus({ articles: n, seed: SEED });
/** Milliseconds spent generating records while ingest pulled them: subtracted to show ingest's own rate. */
let generationMs = 0;
function* records(n: number, held?: CorpusArticle[]): Generator<SourceRecord> {
  if (held) {
    for (let i = 0; i < n; i++) yield { origin: `bench:${i + 1}`, input: held[i] };
    return;
  }
  const it = corpus(n)[Symbol.iterator]();
  for (let i = 1; ; i++) {
    const t0 = performance.now();
    const next = it.next();
    generationMs += performance.now() - t0;
    if (next.done) return;
    yield { origin: `bench:${i}`, input: next.value };
  }
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const round = (x: number, digits = 2) => Number(x.toFixed(digits));
const log = (line: string) => process.stderr.write(`${line}\n`);

const tempDirs: string[] = [];
/** Articles written and deleted before each phase is timed (see `warmUp`). */
const WARM_UP_ARTICLES = 50;

/**
 * Writes a few articles of another seed, then deletes everything but the migration records: a
 * fresh Neo4j compiles each statement's plan and warms its JIT on the first batch (seconds per
 * statement), which a long-running server does not pay per batch. Done on both engines alike.
 */
async function warmUp(store: Runner, extractor: Extractor): Promise<void> {
  const report = await ingestRecords(store, extractor, corpusRecords(WARM_UP_ARTICLES, SEED + 1, 'warm-up'), { batchSize: BATCH });
  if (report.failed > 0) throw new Error(`warm-up: ${report.failed} articles failed`);
  // In a transaction: on Neo4j `run` is a read (READ routing) and refuses a write.
  await store.transaction((tx) => tx.run('MATCH (n) WHERE NOT n:Migration DETACH DELETE n'));
}

async function freshDatabase(name: string, extractor: Extractor, keepIn?: string): Promise<{ database: BenchDatabase; dir: string }> {
  let dir: string;
  if (keepIn) {
    if (fs.existsSync(keepIn) && fs.readdirSync(keepIn).length > 0) throw new Error(`--data ${keepIn} is not empty: give a new folder`);
    dir = keepIn;
    fs.mkdirSync(dir, { recursive: true });
  } else {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `newsgraph-bench-${name}-`));
    tempDirs.push(dir);
  }
  const database = await openBenchDatabase(ENGINE, dir);
  await warmUp(database.store, extractor);
  return { database, dir };
}

/** Wraps a store so that every statement run inside a transaction is timed, keyed by its first lines. */
function timed(store: Runner, totals: Map<string, { ms: number; calls: number }>): Runner {
  // Statements over row columns all start alike (src/store/queries/rows.ts): keyed by what follows.
  const keyOf = (query: string) =>
    query
      .replace(/\s+/g, ' ')
      .replace(/^UNWIND range\(.*?\) AS row /, '')
      .trim()
      .slice(0, 90);
  const wrap = (runner: QueryRunner): QueryRunner => ({
    run: async (query, params) => {
      const t0 = performance.now();
      try {
        return await runner.run(query, params);
      } finally {
        const t = totals.get(keyOf(query)) ?? { ms: 0, calls: 0 };
        t.ms += performance.now() - t0;
        t.calls++;
        totals.set(keyOf(query), t);
      }
    },
  });
  return { ...store, transaction: (work) => store.transaction((tx) => work(wrap(tx))) };
}

/** A store that accepts everything and keeps nothing: what ingest costs before the database. */
const nullStore: Runner = {
  engine: 'grafeo',
  run: async () => [],
  transaction: (work) => work({ run: async () => [] }),
  ping: async () => true,
  close: async () => undefined,
};

async function throughput(
  store: Runner,
  extractor: Extractor | BatchExtractor,
  n: number,
  batchSize: number,
  held?: CorpusArticle[],
  database?: BenchDatabase,
): Promise<{
  seconds: number;
  perSecond: number;
  perSecondWithoutGeneration: number;
  cpuMsPerArticle: number;
  /** Neo4j's Java process, which this process's CPU time does not include. */
  databaseCpuMsPerArticle?: number;
  deciles: number[];
  failed: number;
}> {
  const marks: [number, number][] = [[0, performance.now()]];
  generationMs = 0;
  const t0 = performance.now();
  // CPU of this process (JavaScript and the engine's threads): steadier than wall time on a shared machine.
  const cpu0 = process.cpuUsage();
  const databasePid = database?.neo4j?.pid;
  const databaseCpu0 = databasePid ? procCpuMs(databasePid) : 0;
  const report = await ingestRecords(store, extractor, records(n, held), {
    batchSize,
    onProgress: (done) => {
      marks.push([done, performance.now()]);
      if (n >= 10_000 && Math.floor(done / (n / 20)) !== Math.floor((done - batchSize) / (n / 20))) {
        log(`  … ${done}/${n} (${round(done / ((performance.now() - t0) / 1000), 0)}/s)`);
      }
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  // Articles/s in each tenth of the load: does the write path slow down as the graph grows?
  const deciles: number[] = [];
  for (let d = 1; d <= 10; d++) {
    const from = marks.find(([done]) => done >= ((d - 1) * n) / 10)!;
    const to = marks.find(([done]) => done >= (d * n) / 10) ?? marks[marks.length - 1];
    deciles.push(to[0] > from[0] ? round((to[0] - from[0]) / ((to[1] - from[1]) / 1000), 0) : 0);
  }
  return {
    seconds: round(seconds),
    perSecond: round(n / seconds, 1),
    perSecondWithoutGeneration: round(n / (seconds - generationMs / 1000), 1),
    cpuMsPerArticle: round((cpu.user + cpu.system) / 1000 / n),
    ...(databasePid ? { databaseCpuMsPerArticle: round((procCpuMs(databasePid) - databaseCpu0) / n) } : {}),
    deciles,
    failed: report.failed,
  };
}

async function main(): Promise<void> {
  const results: Record<string, unknown> = {
    engine: ENGINE,
    ...(ENGINE === 'neo4j' ? { neo4jMemory: NEO4J_MEMORY } : {}),
    articles: N,
    seed: SEED, sample: SAMPLE, slice: SLICE, batch: BATCH, node: process.version, cpus: os.cpus().length };

  // Corpus generation, on its own.
  // Corpus generation on its own; the sample is held in memory for the phases that time ingest without it.
  let t0 = performance.now();
  const held = [...corpus(SAMPLE)];
  results.generateMsPerArticle = round((performance.now() - t0) / SAMPLE, 3);
  results.meanWords = round(held.reduce((s, a) => s + a.text.split(/\s+/).length, 0) / SAMPLE, 0);

  // Baseline: JSON round trip + validation of the sample.
  const valid: ValidArticle[] = [];
  const baselineMs: number[] = [];
  for (const a of held) {
    const line = JSON.stringify(a);
    const t = performance.now();
    const checked = validateArticle(JSON.parse(line));
    baselineMs.push(performance.now() - t);
    if (checked.ok) valid.push(checked.article);
  }
  const baselinePerSecond = SAMPLE / (baselineMs.reduce((s, x) => s + x, 0) / 1000);
  results.baseline = { parseValidateMedianMs: round(quantile(baselineMs, 0.5), 3), parseValidatePerSecond: round(baselinePerSecond, 0) };

  // Extraction alone.
  t0 = performance.now();
  const extractor = createExtractor();
  results.extractorLoadMs = round(performance.now() - t0, 0);
  for (const a of valid.slice(0, 50)) extractor.extract(a); // warm-up
  const extracted = new Map<string, ExtractedArticle>();
  const extractMs: number[] = [];
  let entities = 0;
  let events = 0;
  let pairs = 0;
  for (const a of valid) {
    const t = performance.now();
    const x = extractor.extract(a);
    extractMs.push(performance.now() - t);
    extracted.set(a.contentHash, x);
    entities += x.entities.length;
    events += x.events.length;
    pairs += (x.entities.length * (x.entities.length - 1)) / 2;
  }
  const extractTotal = extractMs.reduce((s, x) => s + x, 0) / 1000;
  results.extraction = {
    medianMs: round(quantile(extractMs, 0.5)),
    p95Ms: round(quantile(extractMs, 0.95)),
    perSecond: round(valid.length / extractTotal, 1),
    usesNer: (extractor as { usesNer?: boolean }).usesNer ?? null,
    entitiesPerArticle: round(entities / valid.length, 1),
    eventsPerArticle: round(events / valid.length, 1),
    coMentionPairsPerArticle: round(pairs / valid.length, 0),
  };
  log(`extraction: ${JSON.stringify(results.extraction)}`);

  // Ingest overhead without a database (validation, hashing, batching), precomputed extraction.
  const precomputed: Extractor = {
    extract: (article) => {
      const x = extracted.get((article as ValidArticle).contentHash);
      if (!x) throw new Error('not precomputed');
      return x;
    },
  };
  const noop = await throughput(nullStore, precomputed, SAMPLE, BATCH, held);
  results.baseline = { ...(results.baseline as object), noopWritePerSecond: noop.perSecond };

  // The write path alone: precomputed extraction into a fresh database, every statement timed.
  {
    const { database } = await freshDatabase('write', extractor);
    const statements = new Map<string, { ms: number; calls: number }>();
    const write = await throughput(timed(database.store, statements), precomputed, SAMPLE, BATCH, held, database);
    await database.close();
    const totalMs = [...statements.values()].reduce((s, x) => s + x.ms, 0);
    results.writePath = {
      perSecond: write.perSecond,
      seconds: write.seconds,
      cpuMsPerArticle: write.cpuMsPerArticle,
      databaseCpuMsPerArticle: write.databaseCpuMsPerArticle,
      deciles: write.deciles,
      failed: write.failed,
      statements: [...statements.entries()]
        .sort((a, b) => b[1].ms - a[1].ms)
        .map(([query, t]) => ({ query, ms: round(t.ms, 0), share: round(t.ms / totalMs, 3), msPerCall: round(t.ms / t.calls, 2), calls: t.calls })),
    };
    log(`write path: ${write.perSecond}/s`);
  }

  // End to end over the whole corpus, extraction on worker threads.
  const workers = createWorkerExtractor();
  await workers.extractBatch([valid[0]]); // the workers' start-up is not ingest time
  {
    const { database, dir } = await freshDatabase('e2e', extractor, values.data);
    const { store } = database;
    log(`end to end: ${N} articles, batch ${BATCH}, into ${dir}`);
    const e2e = await throughput(store, workers, N, BATCH, undefined, database);
    const counts = await store.run<{ label: string; n: number }>(
      'MATCH (n) WITH labels(n) AS ls, count(*) AS n UNWIND ls AS label RETURN label, sum(n) AS n ORDER BY label',
    );
    const rels = await store.run<{ n: number }>('MATCH ()-[r]->() RETURN count(r) AS n');
    // The Java process's peak resident memory (VmHWM) over its whole life: start, load, counts.
    if (database.neo4j) results.databasePeakRssMb = procMb(database.neo4j.pid, 'VmHWM');
    await database.close();
    results.endToEnd = {
      ...e2e,
      dbBytes: bytesOnDisk(dir),
      nodes: Object.fromEntries(counts.map((c) => [c.label, Number(c.n)])),
      relationships: Number(rels[0]?.n ?? 0),
    };
    log(`end to end: ${e2e.perSecond}/s`);
  }

  // Batch sizes, end to end on a slice.
  const sizes: Record<string, number> = {};
  for (const size of [...new Set([BATCH, ...SIZES])].sort((a, b) => a - b)) {
    const { database } = await freshDatabase(`batch${size}`, extractor);
    sizes[size] = (await throughput(database.store, workers, SLICE, size, held.length >= SLICE ? held : undefined)).perSecond;
    await database.close();
    log(`batch ${size} on ${SLICE}: ${sizes[size]}/s`);
  }
  results.batchSizes = sizes;
  await workers.close();
  const usage = process.resourceUsage();
  results.peakRssMb = round(usage.maxRSS / 1024, 0);

  if (!values.keep) for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  else results.dirs = tempDirs;

  print(results);
  writeResults(resultsName('ingest', ENGINE), { bench: 'ingest', date: new Date().toISOString(), ...results });
}

function print(r: Record<string, any>): void {
  const e = r.extraction;
  const w = r.writePath;
  const x = r.endToEnd;
  const b = r.baseline;
  const cpu = (figures: { cpuMsPerArticle: number; databaseCpuMsPerArticle?: number }) =>
    `CPU ${figures.cpuMsPerArticle} ms/article${figures.databaseCpuMsPerArticle === undefined ? '' : ` + Neo4j's ${figures.databaseCpuMsPerArticle}`}`;
  const rows: [string, string, string][] = [
    ['baseline: JSON parse + validate', `${b.parseValidatePerSecond} art/s`, `median ${b.parseValidateMedianMs} ms`],
    ['baseline: ingest into a no-op store', `${b.noopWritePerSecond} art/s`, 'precomputed extraction'],
    ['corpus generation', `${round(1000 / r.generateMsPerArticle, 0)} art/s`, `${r.generateMsPerArticle} ms/article, ${r.meanWords} words`],
    ['extraction alone', `${e.perSecond} art/s`, `median ${e.medianMs} ms, p95 ${e.p95Ms} ms (ner: ${e.usesNer}), ${e.entitiesPerArticle} entities, ${e.eventsPerArticle} events`],
    [`write path alone (${r.sample} art, batch ${r.batch})`, `${w.perSecond} art/s`, `${round(w.perSecond / b.noopWritePerSecond, 3)} × no-op; ${cpu(w)}`],
    [`end to end (${r.articles} art, batch ${r.batch})`, `${x.perSecond} art/s`, `${x.seconds} s (${x.perSecondWithoutGeneration} art/s without corpus generation); ${cpu(x)}; by decile ${x.deciles.join(' ')}`],
    ...Object.entries(r.batchSizes as Record<string, number>).map(([size, v]): [string, string, string] => [`end to end, batch ${size} (${r.slice} art)`, `${v} art/s`, '']),
    ['database on disk', `${round(x.dbBytes / 1e6, 1)} MB`, `${round(x.dbBytes / r.articles / 1024, 1)} KB/article; ${x.relationships} relationships`],
    ['peak RSS', `${r.peakRssMb} MB`, r.databasePeakRssMb === undefined ? '' : `+ Neo4j's ${r.databasePeakRssMb} MB (heap ${r.neo4jMemory.heap}, page cache ${r.neo4jMemory.pageCache})`],
  ];
  const width = Math.max(...rows.map((row) => row[0].length));
  const lines = [`engine: ${r.engine}`, ...rows.map(([a, v, note]) => `${a.padEnd(width)}  ${v.padStart(14)}  ${note}`)];
  lines.push('', 'write path, time per statement (inside transactions):');
  for (const s of w.statements.slice(0, 12)) lines.push(`  ${String(Math.round(s.share * 100)).padStart(3)}%  ${String(s.msPerCall).padStart(8)} ms/call  ${s.query}`);
  process.stdout.write(`${lines.join('\n')}\n${JSON.stringify(r)}\n`);
}

await main();
