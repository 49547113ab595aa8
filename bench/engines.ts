/**
 * The two engines side by side: which engines a run asks for, where each one's figures go, and the
 * markdown table that puts them next to each other (bench/run.ts prints it). Pure: no I/O.
 */

export const ENGINES = ['grafeo', 'neo4j'] as const;
export type Engine = (typeof ENGINES)[number];

/** `grafeo`, `neo4j` or both comma-separated, in the order given; anything else is an error naming the choices. */
export function parseEngines(value: string): Engine[] {
  const names = value.split(',').map((name) => name.trim());
  const engines: Engine[] = [];
  for (const name of names) {
    if (!(ENGINES as readonly string[]).includes(name)) throw new Error(`--engine ${value}: expected ${ENGINES.join(', ')} or both comma-separated`);
    if (!engines.includes(name as Engine)) engines.push(name as Engine);
  }
  return engines;
}

/** One engine only, for the benchmarks that measure one at a time. */
export function parseEngine(value: string): Engine {
  const engines = parseEngines(value);
  if (engines.length !== 1) throw new Error(`--engine ${value}: one engine at a time here (bench/run.ts runs both)`);
  return engines[0];
}

/**
 * The bench/results/ file name of a benchmark's figures: the embedded engine keeps the names
 * bench/chart.ts reads; Neo4j's figures sit beside them.
 */
export function resultsName(bench: string, engine: Engine): string {
  return engine === 'grafeo' ? bench : `${bench}-${engine}`;
}

/** What the side-by-side table reads of each engine's figures (the JSON lines of ingest.ts, queries.ts and load.ts). */
export interface EngineFigures {
  ingest: {
    articles: number;
    writePath: { perSecond: number };
    endToEnd: { perSecond: number; cpuMsPerArticle: number; dbBytes: number };
    peakRssMb: number;
    /** Neo4j only: the Java process's peak RSS while it ingested end to end. */
    databasePeakRssMb?: number;
  };
  queries: { articles: number; results: { id: string; operation: string; medianMs: number; p99Ms: number }[] };
  load: {
    articles: number;
    connections: number;
    ceiling: { rps: number; p99Ms: number };
    operations: { id: string; rps: number; p99Ms: number }[];
    coldStartMs: number;
    /** Neo4j only: Java start to Bolt accepting, with the graph in its data folder (before the server's own cold start). */
    databaseStartMs?: number;
    rssAfterReadyMb: number;
    peakRssMb: number;
    databaseRssAfterReadyMb?: number;
    databasePeakRssMb?: number;
    dbBytes: number;
  };
}

const round = (x: number, digits = 1) => Number(x.toFixed(digits));
const mb = (bytes: number) => round(bytes / 1e6, 0);

/** neo4j / grafeo, with two significant digits: above 1 means Neo4j's figure is the larger. */
export function ratio(neo4j: number, grafeo: number): string {
  if (grafeo === 0) return '—';
  const r = neo4j / grafeo;
  return `${r >= 10 ? Math.round(r) : Number(r.toPrecision(2))}×`;
}

type Pair = [grafeo: number, neo4j: number];

/** A markdown table whose columns after the first are pairs of figures, each followed by neo4j ÷ grafeo. */
function pairTable(first: string, pairs: string[], rows: [string, ...Pair[]][]): string[] {
  return [
    `| ${first} | ${pairs.map((p) => `${p}: grafeo | neo4j | ÷`).join(' | ')} |`,
    `|---|${pairs.map(() => '---:|---:|---:|').join('')}`,
    ...rows.map(([name, ...values]) => `| ${name} | ${values.map(([g, n]) => `${g} | ${n} | ${ratio(n, g)}`).join(' | ')} |`),
  ];
}

/**
 * Three markdown tables of one graph size, each figure as grafeo | neo4j | neo4j ÷ grafeo: ingest,
 * memory, cold start and disk; each dashboard operation one request at a time (median, p99); each
 * under load (req/s, p99). Memory on Neo4j is the node process plus the Java process, and its cold
 * start is the Java start plus the server's.
 */
export function sideBySide(grafeo: EngineFigures, neo4j: EngineFigures): string {
  const sizes = new Set([grafeo.ingest, grafeo.queries, grafeo.load, neo4j.ingest, neo4j.queries, neo4j.load].map((f) => f.articles));
  if (sizes.size !== 1) throw new Error(`the figures come from graphs of different sizes (${[...sizes].join(', ')} articles)`);
  const [g, n] = [grafeo, neo4j];
  const summary: [string, Pair][] = [
    ['ingest end to end, articles/s', [g.ingest.endToEnd.perSecond, n.ingest.endToEnd.perSecond]],
    ['ingest, write path alone, articles/s', [g.ingest.writePath.perSecond, n.ingest.writePath.perSecond]],
    ['ingest, CPU of the node process, ms/article', [g.ingest.endToEnd.cpuMsPerArticle, n.ingest.endToEnd.cpuMsPerArticle]],
    ['ingest, peak RSS (node + Java), MB', [g.ingest.peakRssMb, n.ingest.peakRssMb + (n.ingest.databasePeakRssMb ?? 0)]],
    ['cold start to /ready (Java start + server start), ms', [g.load.coldStartMs, (n.load.databaseStartMs ?? 0) + n.load.coldStartMs]],
    ['RSS once ready (node + Java), MB', [g.load.rssAfterReadyMb, n.load.rssAfterReadyMb + (n.load.databaseRssAfterReadyMb ?? 0)]],
    ['peak RSS under load (node + Java), MB', [g.load.peakRssMb, n.load.peakRssMb + (n.load.databasePeakRssMb ?? 0)]],
    ['database on disk, MB', [mb(g.load.dbBytes), mb(n.load.dbBytes)]],
  ];
  const alone = new Map(n.queries.results.map((r) => [r.id, r]));
  const oneAtATime = g.queries.results.flatMap((r): [string, Pair, Pair][] => {
    const o = alone.get(r.id);
    return o ? [[r.operation, [r.medianMs, o.medianMs], [r.p99Ms, o.p99Ms]]] : [];
  });
  const names = new Map(g.queries.results.map((r) => [r.id, r.operation]));
  const loaded = new Map(n.load.operations.map((o) => [o.id, o]));
  const underLoad: [string, Pair, Pair][] = [['`{ __typename }` (ceiling)', [g.load.ceiling.rps, n.load.ceiling.rps], [g.load.ceiling.p99Ms, n.load.ceiling.p99Ms]]];
  for (const r of g.load.operations) {
    const o = loaded.get(r.id);
    if (o) underLoad.push([names.get(r.id) ?? r.id, [r.rps, o.rps], [r.p99Ms, o.p99Ms]]);
  }
  return [
    `${g.ingest.articles} articles; ÷ is neo4j's figure over grafeo's`,
    '',
    ...pairTable('figure', ['value'], summary),
    '',
    ...pairTable('one request at a time, in-process', ['median ms', 'p99 ms'], oneAtATime),
    '',
    ...pairTable(`under load, ${g.load.connections} connections`, ['req/s', 'p99 ms'], underLoad),
    '',
  ].join('\n');
}
