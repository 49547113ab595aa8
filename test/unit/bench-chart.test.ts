import { describe, expect, it } from 'vitest';
import { escapeXml, formatNumber, ingestSvg, queriesSvg, type IngestResults, type LoadResults } from '../../bench/chart.ts';

const load: LoadResults = {
  articles: 1000,
  connections: 32,
  durationSeconds: 3,
  targets: { p99Ms: 50, ceilingShare: 0.25, peakRssMb: 1536, coldStartMs: 3000 },
  coldStartMs: 1800,
  peakRssMb: 640,
  dbBytes: 17_170_432,
  ceiling: { rps: 4000, p50Ms: 7, p99Ms: 15 },
  operations: [
    { id: 'person', name: 'person + coMentions', rps: 1500, p50Ms: 18, p99Ms: 40, ratio: 0.375 },
    { id: 'paths', name: 'paths <3 hops> & "friends"', rps: 200, p50Ms: 140, p99Ms: 900, ratio: 0.05 },
    { id: 'search', name: 'search', rps: 4400, p50Ms: 0.4, p99Ms: 3, ratio: 1.1 },
  ],
};

const rowIds = (svg: string) => [...svg.matchAll(/<g class="row" data-id="([^"]+)">/g)].map((m) => m[1]);
const targetLines = (svg: string) => svg.match(/<line [^>]*class="target"/g) ?? [];
/** Tags naming an attribute twice: browsers refuse to draw such an SVG at all. */
const repeatedAttributes = (svg: string) =>
  [...svg.matchAll(/<[a-z]+ ([^>]*)>/g)].filter(([, attrs]) => {
    const names = [...attrs.matchAll(/([a-z-]+)="/g)].map((m) => m[1]);
    return new Set(names).size !== names.length;
  });

describe('queriesSvg', () => {
  const svg = queriesSvg(load);

  it('draws a row per operation after the ceiling row, and both target lines', () => {
    expect(rowIds(svg)).toEqual(['typename', 'person', 'paths', 'search']);
    expect(targetLines(svg)).toHaveLength(2);
    expect(svg).toContain('target p99 ≤ 50 ms');
    expect(svg).toContain('target ≥ 25%');
  });

  it('labels each operation with its latencies and its share of the ceiling', () => {
    expect(svg).toContain('>40 ms<');
    expect(svg).toContain('>900 ms<');
    expect(svg).toContain('>0.4 ms<');
    expect(svg).toContain('>38% · 1500/s<');
    expect(svg).toContain('>110% · 4400/s<');
  });

  it('escapes text and stays well-formed', () => {
    expect(svg).toContain('paths &lt;3 hops&gt; &amp; &quot;friends&quot;');
    expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
    expect(repeatedAttributes(svg)).toEqual([]);
  });

  it('says when the response cache was on', () => {
    expect(svg).not.toContain('response cache');
    expect(queriesSvg({ ...load, responseCache: true })).toContain('response cache on');
  });

  it('is deterministic', () => {
    expect(queriesSvg(structuredClone(load))).toBe(svg);
  });

  it('adds the one-at-a-time medians when given', () => {
    const withAlone = queriesSvg(load, { articles: 1000, results: [{ id: 'typename', medianMs: 0.3 }, { id: 'person', medianMs: 2.5 }] });
    expect(withAlone).toContain('median, one request at a time');
    expect(withAlone).toContain('>2.5 ms<');
    expect(rowIds(withAlone)).toEqual(rowIds(svg));
  });
});

describe('ingestSvg', () => {
  const ingest: IngestResults = {
    articles: 10_000,
    batch: 100,
    extraction: { perSecond: 520.4 },
    writePath: { perSecond: 1210 },
    endToEnd: { perSecond: 250.7, dbBytes: 160e6 },
    peakRssMb: 900,
  };

  it('draws the three rates and the 300/s target line', () => {
    const svg = ingestSvg(ingest);
    expect(rowIds(svg)).toEqual(['extraction', 'writePath', 'endToEnd']);
    expect(targetLines(svg)).toHaveLength(1);
    expect(svg).toContain('>1210/s<');
    expect(svg).toContain('>251/s<');
    expect(svg).toContain('database 160 MB on disk · peak RSS 900 MB');
    expect(repeatedAttributes(svg)).toEqual([]);
    expect(ingestSvg(structuredClone(ingest))).toBe(svg);
  });
});

describe('helpers', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  });

  it('formats with three significant figures at most', () => {
    expect([0.123456, 2.5, 12.345, 123.4, 4000.6].map(formatNumber)).toEqual(['0.123', '2.5', '12.3', '123', '4001']);
  });
});
