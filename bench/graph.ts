/**
 * What the query benchmarks share: the synthetic graph (built once per data folder, reused by later
 * runs), the subjects they ask about and the dashboard operations.
 *
 * The graph is the corpus generator's articles (seed 1) through the real ingest pipeline into the
 * engine's database (bench/store.ts) with the migrations applied; a folder already holding at least
 * the asked number of articles is used as it is.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Extractor } from '../src/extract/types.ts';
import { ingestRecords } from '../src/ingest/pipeline.ts';
import type { SourceRecord } from '../src/ingest/types.ts';
import { stats } from '../src/store/queries/read.ts';
import { generateCorpus } from './corpus.ts';
import type { Engine } from './engines.ts';
import { openBenchDatabase, type BenchDatabase } from './store.ts';

/** Where a graph of `articles` articles lives unless `--data` says otherwise: shared by queries.ts and load.ts. */
export function defaultDataDir(articles: number, engine: Engine): string {
  return path.join(os.tmpdir(), `newsgraph-bench-${articles}${engine === 'grafeo' ? '' : `-${engine}`}`);
}

/** Allocated bytes (what du counts), not apparent sizes: the engine's files may be sparse. */
export function bytesOnDisk(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? bytesOnDisk(p) : fs.statSync(p).blocks * 512;
  }
  return total;
}

/** Writes a benchmark's figures to bench/results/<name>.json, where bench/chart.ts reads them. */
export function writeResults(name: string, figures: object): void {
  const dir = new URL('./results/', import.meta.url);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(new URL(`${name}.json`, dir), `${JSON.stringify(figures)}\n`);
}

/** The corpus generator's articles as ingest records, their origins `<origin>:1`, `<origin>:2`, … */
export function* corpusRecords(articles: number, seed: number, origin: string): Generator<SourceRecord> {
  let i = 0;
  for (const article of generateCorpus({ articles, seed })) yield { origin: `${origin}:${++i}`, input: article };
}

/** Opens the engine's graph in `dataDir`, first loading the corpus into it when it holds fewer than `articles`. The caller closes it. */
export async function openBenchGraph(engine: Engine, dataDir: string, articles: number, extractor: Extractor): Promise<BenchDatabase> {
  fs.mkdirSync(dataDir, { recursive: true });
  const database = await openBenchDatabase(engine, dataDir);
  const { store } = database;
  if ((await stats(store)).articles < articles) {
    const started = performance.now();
    const report = await ingestRecords(store, extractor, corpusRecords(articles, 1, 'corpus'), {
      onProgress: (done) => {
        if (done % 1000 === 0) process.stderr.write(`\rbuilding the graph: ${done}/${articles}`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(`\rbuilt ${report.created} articles (${report.failed} failed) in ${seconds.toFixed(1)} s: ${(report.created / seconds).toFixed(0)} articles/s\n`);
  }
  return database;
}

/** Answers a GraphQL request's `data`, throwing on any error: in-process (yoga.fetch) or over HTTP. */
export type Gql = (query: string, variables?: Record<string, unknown>) => Promise<any>;

/** Builds a Gql over a fetch-like function; `url` is the GraphQL endpoint it is asked at. */
export function gqlOver(fetchLike: (url: string, init: RequestInit) => Promise<Response> | Response, url: string): Gql {
  return async (query, variables = {}) => {
    const response = await fetchLike(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: any; errors?: { message: string }[] };
    if (body.errors) throw new Error(`${query.slice(0, 60)}…: ${body.errors[0].message}`);
    return body.data;
  };
}

export interface Subjects {
  p1: { key: string; name: string };
  p2: { key: string; name: string };
  country: string;
  /** 30 days before the latest article: the window trending looks at. */
  monthAgo: string;
}

/** Well-connected but not the biggest hubs, as dashboards would ask about. */
export async function pickSubjects(gql: Gql): Promise<Subjects> {
  const people = (await gql('{ entities(kind: PERSON, first: 20) { edges { node { key name } } } }')).entities.edges.map((e: any) => e.node);
  const country = (await gql('{ entities(kind: COUNTRY, first: 1) { edges { node { key } } } }')).entities.edges[0].node.key;
  const latest = (await gql('{ articles(first: 1) { edges { node { publishedAt } } } }')).articles.edges[0].node.publishedAt;
  return { p1: people[3], p2: people[12], country, monthAgo: new Date(Date.parse(latest) - 30 * 86_400_000).toISOString() };
}

export interface Operation {
  /** Short stable id, for result files. */
  id: string;
  name: string;
  query: string;
  /** The variables asked by default (page sizes included). */
  variables: Record<string, unknown>;
  /** The variable holding the page size, when the answer is a page: round trips are counted at two sizes. */
  page?: string;
  /** One of the dashboard operations measured under load (bench/load.ts). */
  underLoad: boolean;
}

export const BASELINE: Operation = { id: 'typename', name: '{ __typename } (baseline)', query: '{ __typename }', variables: {}, underLoad: true };

export function dashboardOperations(s: Subjects): Operation[] {
  const { p1, p2, country, monthAgo } = s;
  return [
    {
      id: 'person',
      name: 'person + coMentions',
      query: 'query ($n: String!, $first: Int!) { person(name: $n) { name coMentions(first: $first) { entity { name } articleCount score } } }',
      variables: { n: p1.name, first: 20 },
      page: 'first',
      underLoad: true,
    },
    {
      id: 'articles',
      name: 'articles page + entities',
      query: 'query ($first: Int!) { articles(first: $first) { edges { node { title people { name } countries { code } } } } }',
      variables: { first: 20 },
      page: 'first',
      underLoad: true,
    },
    {
      id: 'entityArticles',
      name: 'entity articles',
      query: 'query ($k: String!, $first: Int!) { entity(key: $k) { articles(first: $first) { totalCount edges { node { title } } } } }',
      variables: { k: p1.key, first: 20 },
      page: 'first',
      underLoad: false,
    },
    {
      id: 'paths',
      name: 'paths (maxHops 3)',
      query: 'query ($a: String!, $b: String!) { paths(from: { key: $a }, to: { key: $b }, maxHops: 3) { length hops { evidence { sentence } } } }',
      variables: { a: p1.key, b: p2.key },
      underLoad: true,
    },
    {
      id: 'network',
      name: 'network (depth 1, limit 50)',
      query: 'query ($a: String!, $limit: Int!) { network(around: [{ key: $a }], limit: $limit) { truncated nodes { entity { name } weight } edges { weight } } }',
      variables: { a: p1.key, limit: 50 },
      page: 'limit',
      underLoad: true,
    },
    {
      id: 'relationship',
      name: 'relationship',
      query:
        'query ($a: String!, $b: String!, $first: Int!) { relationship(a: { key: $a }, b: { key: $b }) { articleCount score sharedArticles(first: $first) { edges { node { title } } } sharedEvents { type } quotes { text } timeline { bucket count } } }',
      variables: { a: p1.key, b: country, first: 5 },
      page: 'first',
      underLoad: true,
    },
    {
      id: 'trending',
      name: 'trending (last 30 days)',
      query: 'query ($s: DateTime!, $first: Int!) { trending(since: $s, first: $first) { entity { name } ratio } }',
      variables: { s: monthAgo, first: 10 },
      page: 'first',
      underLoad: true,
    },
    {
      id: 'search',
      name: 'search',
      query: 'query ($first: Int!) { search(query: "min", first: $first) { name } }',
      variables: { first: 10 },
      page: 'first',
      underLoad: true,
    },
    {
      id: 'people',
      name: 'most mentioned people',
      query: 'query ($first: Int!) { entities(kind: PERSON, first: $first) { edges { node { key name articleCount } } } }',
      variables: { first: 15 },
      page: 'first',
      underLoad: false,
    },
    {
      id: 'timeline',
      name: 'timeline (month)',
      query: 'query ($k: String!) { entity(key: $k) { timeline(granularity: MONTH) { bucket count } } }',
      variables: { k: country },
      underLoad: false,
    },
    {
      id: 'events',
      name: 'events (filter)',
      query:
        'query ($k: String!, $first: Int!) { events(first: $first, filter: { participants: [{ key: $k }] }) { totalCount edges { node { type date participants { entity { name } } } } } }',
      variables: { k: p1.key, first: 20 },
      page: 'first',
      underLoad: false,
    },
  ];
}
