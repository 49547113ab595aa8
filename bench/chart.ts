/**
 * Charts of the benchmark results, as hand-written SVG (no dependencies, same input → same bytes):
 *
 *   docs/bench/queries.svg  from bench/results/load.json (+ queries.json when present): per operation,
 *                           p50 and p99 latency at 32 connections (log scale, 50 ms target line) and
 *                           requests/s as a share of the `{ __typename }` ceiling (25% target line)
 *   docs/bench/queries-cached.svg  the same from load-cached.json (bench/load.ts --cache) when present
 *   docs/bench/ingest.svg   from bench/results/ingest.json when present: articles/s for extraction
 *                           alone, the write path alone and end to end (300/s target line)
 *
 *   npx tsx bench/chart.ts
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The fields of load.json this chart reads (bench/load.ts writes them). */
export interface LoadResults {
  articles: number;
  connections: number;
  durationSeconds: number;
  /** Absent in results from before the response cache existed: those ran without one. */
  responseCache?: boolean;
  targets: { p99Ms: number; ceilingShare: number; peakRssMb: number; coldStartMs: number };
  coldStartMs: number;
  peakRssMb: number;
  dbBytes: number;
  ceiling: { rps: number; p50Ms: number; p99Ms: number };
  operations: { id: string; name: string; rps: number; p50Ms: number; p99Ms: number; ratio: number }[];
}

/** The fields of queries.json this chart reads (bench/queries.ts): latency one request at a time. */
export interface QueriesResults {
  articles: number;
  results: { id: string; medianMs: number }[];
}

/** The fields of ingest.json this chart reads (bench/ingest.ts's JSON line, saved by bench/run.ts). */
export interface IngestResults {
  articles: number;
  batch: number;
  extraction: { perSecond: number };
  writePath: { perSecond: number };
  endToEnd: { perSecond: number; dbBytes?: number };
  peakRssMb?: number;
}

const INGEST_TARGET_PER_SECOND = 300;
const FONT = 'font-family="Helvetica, Arial, sans-serif"';
const COLORS = { p50: '#1f5f99', p99: '#8fb8de', alone: '#9a9a9a', pass: '#4e9a55', fail: '#d1495b', ceiling: '#b0b0b0', target: '#d1495b', grid: '#e3e3e3', text: '#222', muted: '#666' };

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Three significant figures at most, no trailing zeros: labels stay short and never depend on locale. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '–';
  if (Math.abs(x) >= 100) return String(Math.round(x));
  return String(Number(x.toPrecision(3)));
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${formatNumber(ms / 1000)} s` : `${formatNumber(ms)} ms`;
}

interface TextStyle {
  size?: number;
  bold?: boolean;
  fill?: string;
  anchor?: 'start' | 'middle';
}

function text(x: number, y: number, content: string, style: TextStyle = {}): string {
  const { size = 12, bold = false, fill = COLORS.text, anchor = 'start' } = style;
  const weight = bold ? ' font-weight="bold"' : '';
  return `<text x="${x.toFixed(1)}" y="${y}" ${FONT} font-size="${size}"${weight} fill="${fill}" text-anchor="${anchor}">${escapeXml(content)}</text>`;
}

function rect(x: number, y: number, w: number, h: number, fill: string, attrs = ''): string {
  return `<rect x="${x}" y="${y}" width="${Math.max(0, w).toFixed(1)}" height="${h}" fill="${fill}" ${attrs}/>`;
}

function vline(x: number, y1: number, y2: number, stroke: string, attrs = ''): string {
  return `<line x1="${x.toFixed(1)}" y1="${y1}" x2="${x.toFixed(1)}" y2="${y2}" stroke="${stroke}" ${attrs}/>`;
}

function svg(width: number, height: number, title: string, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    rect(0, 0, width, height, '#fff'),
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

function legend(x: number, y: number, items: [string, string][]): string[] {
  const out: string[] = [];
  for (const [color, label] of items) {
    out.push(rect(x, y - 9, 12, 10, color), text(x + 16, y, label));
    x += 28 + label.length * 6.5;
  }
  out.push(`<line x1="${x}" y1="${y - 4}" x2="${x + 14}" y2="${y - 4}" stroke="${COLORS.target}" stroke-width="2" stroke-dasharray="5 3"/>`, text(x + 18, y, 'target'));
  return out;
}

/** Latency on a log scale: operations range from sub-millisecond to seconds, and each should stay visible. */
function logScale(values: number[], target: number, x0: number, width: number) {
  const positive = values.filter((v) => v > 0);
  const lo = Math.min(0, Math.floor(Math.log10(Math.min(target, ...positive))));
  const hi = Math.max(Math.ceil(Math.log10(target * 2)), Math.ceil(Math.log10(Math.max(target, ...positive))));
  const at = (v: number) => x0 + ((Math.log10(Math.max(v, 10 ** lo)) - lo) / (hi - lo)) * width;
  const ticks = Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i));
  return { at, ticks };
}

/** Share of the ceiling on a linear scale from 0 to at least 100%, ticks every 25% (50% past 200%). */
function shareScale(ratios: number[], x0: number, width: number) {
  const step = Math.max(...ratios) > 2 ? 0.5 : 0.25;
  const max = Math.max(1, Math.ceil(Math.max(...ratios) / step) * step);
  const at = (r: number) => x0 + (Math.min(Math.max(r, 0), max) / max) * width;
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => i * step);
  return { at, ticks };
}

export function queriesSvg(load: LoadResults, queries?: QueriesResults): string {
  const W = 1000;
  const LAT = { x: 230, w: 400 };
  const PCT = { x: 720, w: 200 };
  const alone = new Map((queries?.results ?? []).map((r) => [r.id, r.medianMs]));
  const barsPerRow = alone.size > 0 ? 3 : 2;
  const ROW = 10 + barsPerRow * 10;
  const TOP = 112;
  const rows = [
    { id: 'typename', name: '{ __typename } (ceiling)', p50Ms: load.ceiling.p50Ms, p99Ms: load.ceiling.p99Ms, ratio: 1, rps: load.ceiling.rps, ceiling: true },
    ...load.operations.map((op) => ({ ...op, ceiling: false })),
  ];
  const H = TOP + rows.length * ROW + 70;
  const t = load.targets;
  const lat = logScale(rows.flatMap((r) => [r.p50Ms, r.p99Ms, alone.get(r.id) ?? r.p50Ms]), t.p99Ms, LAT.x, LAT.w);
  const pct = shareScale(rows.map((r) => r.ratio), PCT.x, PCT.w);
  const bottom = TOP + rows.length * ROW;

  const out: string[] = [
    text(20, 28, `newsgraph queries under load — ${load.articles.toLocaleString('en-US')} articles, ${load.connections} connections, ${load.durationSeconds} s per operation${load.responseCache ? ', response cache on' : ''}`, { size: 16, bold: true }),
    ...legend(20, 54, [
      [COLORS.p50, 'p50 latency'],
      [COLORS.p99, 'p99 latency'],
      ...(alone.size > 0 ? ([[COLORS.alone, 'median, one request at a time (queries.ts)']] as [string, string][]) : []),
      [COLORS.pass, 'req/s ≥ target'],
      [COLORS.fail, 'req/s < target'],
    ]),
    text(LAT.x, TOP - 34, `latency (log scale); target p99 ≤ ${t.p99Ms} ms`, { bold: true }),
    text(PCT.x, TOP - 34, `req/s, share of the ceiling; target ≥ ${Math.round(t.ceilingShare * 100)}%`, { bold: true }),
  ];
  for (const v of lat.ticks) out.push(vline(lat.at(v), TOP - 12, bottom, COLORS.grid), text(lat.at(v), TOP - 18, formatMs(v), { anchor: 'middle', fill: COLORS.muted, size: 10 }));
  for (const r of pct.ticks) {
    out.push(vline(pct.at(r), TOP - 12, bottom, COLORS.grid));
    // Every other tick is labelled: 25% apart they would overlap.
    if (Math.round(r * 100) % 50 === 0) out.push(text(pct.at(r), TOP - 18, `${Math.round(r * 100)}%`, { anchor: 'middle', fill: COLORS.muted, size: 10 }));
  }

  rows.forEach((row, i) => {
    const y = TOP + i * ROW + 5;
    const bars: [number, string][] = [[row.p50Ms, COLORS.p50], [row.p99Ms, COLORS.p99]];
    if (alone.size > 0) bars.push([alone.get(row.id) ?? NaN, COLORS.alone]);
    const group = [text(20, y + (barsPerRow * 10) / 2 + 4, row.name, { fill: row.ceiling ? COLORS.muted : COLORS.text })];
    bars.forEach(([value, color], b) => {
      if (!Number.isFinite(value)) return;
      const x = lat.at(value);
      group.push(rect(LAT.x, y + b * 10, x - LAT.x, 8, color), text(x + 4, y + b * 10 + 8, formatMs(value), { size: 10 }));
    });
    const fill = row.ceiling ? COLORS.ceiling : row.ratio >= t.ceilingShare ? COLORS.pass : COLORS.fail;
    const barY = y + (barsPerRow * 10) / 2 - 6;
    // A short bar's label starts past the target line, which would otherwise cross it.
    const labelX = Math.max(pct.at(row.ratio), pct.at(t.ceilingShare)) + 4;
    group.push(
      rect(PCT.x, barY, pct.at(row.ratio) - PCT.x, 12, fill),
      text(labelX, barY + 10, `${Math.round(row.ratio * 100)}% · ${formatNumber(row.rps)}/s`, { size: 10 }),
    );
    out.push(`<g class="row" data-id="${escapeXml(row.id)}">`, ...group, '</g>');
  });

  const dash = `stroke-width="2" stroke-dasharray="5 3" class="target"`;
  out.push(vline(lat.at(t.p99Ms), TOP - 12, bottom, COLORS.target, dash), vline(pct.at(t.ceilingShare), TOP - 12, bottom, COLORS.target, dash));
  const verdict = (ok: boolean) => (ok ? 'met' : 'missed');
  out.push(
    text(
      20,
      bottom + 30,
      `cold start to /ready ${formatMs(load.coldStartMs)} (target ≤ ${formatMs(t.coldStartMs)}: ${verdict(load.coldStartMs <= t.coldStartMs)}) · ` +
        `server peak RSS ${formatNumber(load.peakRssMb)} MB (target ≤ ${t.peakRssMb} MB: ${verdict(load.peakRssMb <= t.peakRssMb)}) · ` +
        `database ${formatNumber(load.dbBytes / 1e6)} MB on disk`,
    ),
    text(20, bottom + 50, `ceiling: the same server answering { __typename } in the same run, ${formatNumber(load.ceiling.rps)} req/s`, { fill: COLORS.muted }),
  );
  return svg(W, H, 'newsgraph queries under load', out);
}

export function ingestSvg(ingest: IngestResults): string {
  const W = 960;
  const X = 230;
  const WIDTH = 600;
  const TOP = 110;
  const ROW = 34;
  const rows: [string, string, number][] = [
    ['extraction', 'extraction alone', ingest.extraction.perSecond],
    ['writePath', 'write path alone', ingest.writePath.perSecond],
    ['endToEnd', 'end to end', ingest.endToEnd.perSecond],
  ];
  const bottom = TOP + rows.length * ROW;
  const H = bottom + 60;
  const step = niceStep(Math.max(INGEST_TARGET_PER_SECOND, ...rows.map((r) => r[2])) / 5);
  const max = Math.ceil(Math.max(INGEST_TARGET_PER_SECOND, ...rows.map((r) => r[2])) / step) * step;
  const at = (v: number) => X + (Math.min(Math.max(v, 0), max) / max) * WIDTH;

  const out: string[] = [
    text(20, 28, `newsgraph ingest — ${ingest.articles.toLocaleString('en-US')} articles, batch ${ingest.batch}`, { size: 16, bold: true }),
    ...legend(20, 54, [
      [COLORS.pass, '≥ target'],
      [COLORS.fail, '< target'],
    ]),
    text(X, TOP - 34, `articles per second; target ≥ ${INGEST_TARGET_PER_SECOND}/s`, { bold: true }),
  ];
  for (let v = 0; v <= max; v += step) out.push(vline(at(v), TOP - 12, bottom, COLORS.grid), text(at(v), TOP - 18, formatNumber(v), { anchor: 'middle', fill: COLORS.muted, size: 10 }));
  rows.forEach(([id, label, value], i) => {
    const y = TOP + i * ROW + 6;
    const fill = value >= INGEST_TARGET_PER_SECOND ? COLORS.pass : COLORS.fail;
    out.push(
      `<g class="row" data-id="${id}">`,
      text(20, y + 14, label),
      rect(X, y, at(value) - X, 20, fill),
      text(at(value) + 4, y + 14, `${formatNumber(value)}/s`),
      '</g>',
    );
  });
  out.push(vline(at(INGEST_TARGET_PER_SECOND), TOP - 12, bottom, COLORS.target, `stroke-width="2" stroke-dasharray="5 3" class="target"`));
  const extras = [
    ingest.endToEnd.dbBytes !== undefined ? `database ${formatNumber(ingest.endToEnd.dbBytes / 1e6)} MB on disk` : null,
    ingest.peakRssMb !== undefined ? `peak RSS ${formatNumber(ingest.peakRssMb)} MB` : null,
  ].filter((x): x is string => x !== null);
  if (extras.length > 0) out.push(text(20, bottom + 34, extras.join(' · ')));
  return svg(W, H, 'newsgraph ingest', out);
}

/** 1, 2 or 5 times a power of ten: gridlines at round numbers. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
}

function readJson<T>(dir: URL, name: string): T | undefined {
  const file = new URL(name, dir);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T) : undefined;
}

function main(): number {
  const results = new URL('./results/', import.meta.url);
  const docs = new URL('../docs/bench/', import.meta.url);
  const load = readJson<LoadResults>(results, 'load.json');
  const cached = readJson<LoadResults>(results, 'load-cached.json');
  const ingest = readJson<IngestResults>(results, 'ingest.json');
  if (!load && !ingest) {
    process.stderr.write('no bench/results/load.json nor ingest.json: run bench/load.ts (or bench/run.ts) first\n');
    return 1;
  }
  fs.mkdirSync(docs, { recursive: true });
  const written: [string, string][] = [];
  // One-at-a-time medians only sit next to the load figures when both ran on the same graph.
  const queries = readJson<QueriesResults>(results, 'queries.json');
  if (load) written.push(['queries.svg', queriesSvg(load, queries?.articles === load.articles ? queries : undefined)]);
  if (cached) written.push(['queries-cached.svg', queriesSvg(cached)]);
  if (ingest) written.push(['ingest.svg', ingestSvg(ingest)]);
  for (const [name, content] of written) {
    fs.writeFileSync(new URL(name, docs), content);
    process.stdout.write(`wrote ${fileURLToPath(new URL(name, docs))}\n`);
  }
  return 0;
}

// Run as a script, not when a test imports the renderers.
if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) process.exitCode = main();
