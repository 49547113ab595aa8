/**
 * Query latency on a synthetic graph, through yoga.fetch in-process (no network), one request at
 * a time: median, p95 and p99 per operation, next to `{ __typename }` measured in the same run (the
 * cost of the GraphQL stack alone), as a ratio.
 *
 *   npx tsx bench/queries.ts --articles 10000 [--runs 40] [--data /tmp/newsgraph-bench-10k] [--engine grafeo|neo4j]
 *
 * The graph is built once per data folder (bench/graph.ts) and reused by later runs with the same
 * folder; on neo4j the benchmark starts a local Neo4j on that folder (bench/store.ts). The JSON line
 * is also written to bench/results/queries.json (queries-neo4j.json on neo4j; chart.ts reads the first).
 */
import { parseArgs } from 'node:util';
import { createExtractor } from '../src/extract/index.ts';
import { createNewsPubSub } from '../src/server/pubsub.ts';
import { createNewsgraphYoga } from '../src/server/yoga.ts';
import { stats } from '../src/store/queries/read.ts';
import { parseEngine, resultsName } from './engines.ts';
import { BASELINE, dashboardOperations, defaultDataDir, gqlOver, openBenchGraph, pickSubjects, writeResults } from './graph.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '40' },
    data: { type: 'string' },
    engine: { type: 'string', default: 'grafeo' },
  },
});
const articles = Number(values.articles);
const runs = Number(values.runs);
const engine = parseEngine(values.engine!);
const dataDir = values.data ?? defaultDataDir(articles, engine);

const extractor = createExtractor();
const database = await openBenchGraph(engine, dataDir, articles, extractor);
const { store } = database;
const totals = await stats(store);
// One client asking as fast as it can: the per-client rate limit and cost budget would measure themselves, and the
// response cache would answer every run after the first without the store.
const yoga = createNewsgraphYoga(
  { store, extractor, apiKeys: [], pubsub: createNewsPubSub() },
  { settings: { rateLimitPerMinute: 0, costPerMinute: 0, responseCacheTtlMs: 0 } },
);
const gql = gqlOver((url, init) => yoga.fetch(url, init), 'http://bench/graphql');

const subjects = await pickSubjects(gql);
const { p1, p2, country } = subjects;
const operations = [BASELINE, ...dashboardOperations(subjects)];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

const results: { id: string; operation: string; medianMs: number; p95Ms: number; p99Ms: number; ratioToBaseline: number }[] = [];
let baseline = 0;
for (const { id, name, query, variables } of operations) {
  for (let i = 0; i < 3; i++) await gql(query, variables); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await gql(query, variables);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = percentile(times, 0.5);
  if (results.length === 0) baseline = median;
  results.push({ id, operation: name, medianMs: +median.toFixed(2), p95Ms: +percentile(times, 0.95).toFixed(2), p99Ms: +percentile(times, 0.99).toFixed(2), ratioToBaseline: +(median / baseline).toFixed(1) });
}

console.log(`${engine}: ${totals.articles} articles, ${totals.entities} entities, ${totals.events} events, ${totals.quotes} quotes (${dataDir})`);
console.log(`subjects: ${p1.name} (${p1.key}), ${p2.name} (${p2.key}), ${country}; ${runs} runs each, one at a time, in-process`);
console.log('');
console.log('| operation | median ms | p95 ms | p99 ms | × baseline |');
console.log('|---|---:|---:|---:|---:|');
for (const r of results) console.log(`| ${r.operation} | ${r.medianMs} | ${r.p95Ms} | ${r.p99Ms} | ${r.ratioToBaseline} |`);
const summary = { bench: 'queries', engine, articles: totals.articles, runs, results };
console.log(JSON.stringify(summary));
writeResults(resultsName('queries', engine), summary);
await database.close();
