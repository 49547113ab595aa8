/**
 * Query latency on a synthetic graph, through yoga.fetch in-process (no network), one request at
 * a time: median and p95 per operation, next to `{ __typename }` measured in the same run (the
 * cost of the GraphQL stack alone), as a ratio.
 *
 *   npx tsx bench/queries.ts --articles 10000 [--runs 40] [--data /tmp/newsgraph-bench-10k]
 *
 * The graph is built once per data folder (the corpus generator's articles through the real
 * ingest pipeline) and reused by later runs with the same folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createExtractor } from '../src/extract/index.ts';
import { ingestRecords } from '../src/ingest/pipeline.ts';
import type { SourceRecord } from '../src/ingest/types.ts';
import { createNewsPubSub } from '../src/server/pubsub.ts';
import { createNewsgraphYoga } from '../src/server/yoga.ts';
import { openGrafeo } from '../src/store/grafeo.ts';
import { migrate } from '../src/store/migrate.ts';
import { stats } from '../src/store/queries/read.ts';
import { generateCorpus } from './corpus.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '40' },
    data: { type: 'string' },
  },
});
const articles = Number(values.articles);
const runs = Number(values.runs);
const dataDir = values.data ?? path.join(os.tmpdir(), `newsgraph-bench-${articles}`);

function* records(): Generator<SourceRecord> {
  let i = 0;
  for (const article of generateCorpus({ articles, seed: 1 })) yield { origin: `corpus:${++i}`, input: article };
}

const extractor = createExtractor();
fs.mkdirSync(dataDir, { recursive: true });
const store = openGrafeo(dataDir);
await migrate(store);
if ((await stats(store)).articles < articles) {
  const started = performance.now();
  const report = await ingestRecords(store, extractor, records(), {
    onProgress: (done) => {
      if (done % 1000 === 0) process.stderr.write(`\rbuilding the graph: ${done}/${articles}`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`\rbuilt ${report.created} articles (${report.failed} failed) in ${seconds.toFixed(1)} s: ${(report.created / seconds).toFixed(0)} articles/s\n`);
}
const totals = await stats(store);
// One client asking as fast as it can: the per-client rate limit would measure itself.
const yoga = createNewsgraphYoga({ store, extractor, apiKeys: [], pubsub: createNewsPubSub() }, { settings: { rateLimitPerMinute: 0 } });

async function gql(query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const response = await yoga.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: any; errors?: { message: string }[] };
  if (body.errors) throw new Error(`${query.slice(0, 60)}…: ${body.errors[0].message}`);
  return body.data;
}

// Subjects: well-connected but not the biggest hubs, as dashboards would ask about.
const people = (await gql('{ entities(kind: PERSON, first: 20) { edges { node { key name } } } }')).entities.edges.map((e: any) => e.node);
const [p1, p2] = [people[3], people[12]];
const country = (await gql('{ entities(kind: COUNTRY, first: 1) { edges { node { key } } } }')).entities.edges[0].node.key;
const latest = (await gql('{ articles(first: 1) { edges { node { publishedAt } } } }')).articles.edges[0].node.publishedAt;
const monthAgo = new Date(Date.parse(latest) - 30 * 86_400_000).toISOString();

const operations: [string, string, Record<string, unknown>][] = [
  ['{ __typename } (baseline)', '{ __typename }', {}],
  ['person + coMentions', 'query ($n: String!) { person(name: $n) { name coMentions(first: 20) { entity { name } articleCount score } } }', { n: p1.name }],
  ['articles page + entities', '{ articles(first: 20) { edges { node { title people { name } countries { code } } } } }', {}],
  ['entity articles', 'query ($k: String!) { entity(key: $k) { articles(first: 20) { totalCount edges { node { title } } } } }', { k: p1.key }],
  ['paths (maxHops 3)', 'query ($a: String!, $b: String!) { paths(from: { key: $a }, to: { key: $b }, maxHops: 3) { length hops { evidence { sentence } } } }', { a: p1.key, b: p2.key }],
  ['network (depth 1, limit 50)', 'query ($a: String!) { network(around: [{ key: $a }], limit: 50) { truncated nodes { entity { name } weight } edges { weight } } }', { a: p1.key }],
  ['relationship', 'query ($a: String!, $b: String!) { relationship(a: { key: $a }, b: { key: $b }) { articleCount score sharedArticles(first: 5) { edges { node { title } } } sharedEvents { type } quotes { text } timeline { bucket count } } }', { a: p1.key, b: country }],
  ['trending (last 30 days)', 'query ($s: DateTime!) { trending(since: $s, first: 10) { entity { name } ratio } }', { s: monthAgo }],
  ['search', '{ search(query: "min", first: 10) { name } }', {}],
  ['timeline (month)', 'query ($k: String!) { entity(key: $k) { timeline(granularity: MONTH) { bucket count } } }', { k: country }],
  ['events (filter)', 'query ($k: String!) { events(first: 20, filter: { participants: [{ key: $k }] }) { totalCount edges { node { type date participants { entity { name } } } } } }', { k: p1.key }],
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

const results: { operation: string; medianMs: number; p95Ms: number; ratioToBaseline: number }[] = [];
let baseline = 0;
for (const [name, query, variables] of operations) {
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
  results.push({ operation: name, medianMs: +median.toFixed(2), p95Ms: +percentile(times, 0.95).toFixed(2), ratioToBaseline: +(median / baseline).toFixed(1) });
}

console.log(`graph: ${totals.articles} articles, ${totals.entities} entities, ${totals.events} events, ${totals.quotes} quotes (${dataDir})`);
console.log(`subjects: ${p1.name} (${p1.key}), ${p2.name} (${p2.key}), ${country}; ${runs} runs each, one at a time, in-process`);
console.log('');
console.log('| operation | median ms | p95 ms | × baseline |');
console.log('|---|---:|---:|---:|');
for (const r of results) console.log(`| ${r.operation} | ${r.medianMs} | ${r.p95Ms} | ${r.ratioToBaseline} |`);
console.log(JSON.stringify({ bench: 'queries', articles: totals.articles, runs, results }));
await store.close();
