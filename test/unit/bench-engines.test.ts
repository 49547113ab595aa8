import { describe, expect, it } from 'vitest';
import { parseEngine, parseEngines, ratio, resultsName, sideBySide, type EngineFigures } from '../../bench/engines.ts';

describe('parseEngines', () => {
  it('takes one engine or both, in the order given, once each', () => {
    expect(parseEngines('grafeo')).toEqual(['grafeo']);
    expect(parseEngines('neo4j, grafeo')).toEqual(['neo4j', 'grafeo']);
    expect(parseEngines('grafeo,neo4j,grafeo')).toEqual(['grafeo', 'neo4j']);
  });

  it('names the choices when an engine is unknown', () => {
    expect(() => parseEngines('memgraph')).toThrow('expected grafeo, neo4j or both comma-separated');
    expect(() => parseEngines('')).toThrow('--engine');
  });

  it('parseEngine takes exactly one', () => {
    expect(parseEngine('neo4j')).toBe('neo4j');
    expect(() => parseEngine('grafeo,neo4j')).toThrow('one engine at a time');
  });
});

describe('resultsName', () => {
  it("keeps the embedded engine's file names (chart.ts reads them) and suffixes Neo4j's", () => {
    expect(resultsName('load', 'grafeo')).toBe('load');
    expect(resultsName('load-cached', 'neo4j')).toBe('load-cached-neo4j');
  });
});

describe('ratio', () => {
  it('gives two significant digits below 10, whole numbers above, and a dash over zero', () => {
    expect(ratio(3, 2)).toBe('1.5×');
    expect(ratio(1, 3)).toBe('0.33×');
    expect(ratio(456, 10)).toBe('46×');
    expect(ratio(5, 0)).toBe('—');
  });
});

function figures(scale: number, extra: Partial<EngineFigures['load']> = {}): EngineFigures {
  return {
    ingest: { articles: 10_000, writePath: { perSecond: 200 / scale }, endToEnd: { perSecond: 100 / scale, cpuMsPerArticle: 10, dbBytes: 80e6 }, peakRssMb: 900 },
    queries: {
      articles: 10_000,
      results: [
        { id: 'typename', operation: '{ __typename } (baseline)', medianMs: 0.5, p99Ms: 1 },
        { id: 'person', operation: 'person + coMentions', medianMs: 2 * scale, p99Ms: 5 * scale },
      ],
    },
    load: {
      articles: 10_000,
      connections: 32,
      ceiling: { rps: 2000, p99Ms: 30 },
      operations: [{ id: 'person', rps: 400 / scale, p99Ms: 80 * scale }],
      coldStartMs: 2000,
      rssAfterReadyMb: 300,
      peakRssMb: 600,
      dbBytes: 80e6 * scale,
      ...extra,
    },
  };
}

describe('sideBySide', () => {
  const grafeo = figures(1);
  const neo4j = { ...figures(4, { databaseStartMs: 5000, databaseRssAfterReadyMb: 1200, databasePeakRssMb: 1500 }) };
  neo4j.ingest = { ...neo4j.ingest, peakRssMb: 200, databasePeakRssMb: 1400 };
  const table = sideBySide(grafeo, neo4j);

  it('puts each figure of both engines on one row with neo4j over grafeo', () => {
    expect(table).toContain('| ingest end to end, articles/s | 100 | 25 | 0.25× |');
    expect(table).toContain('| person + coMentions | 2 | 8 | 4× | 5 | 20 | 4× |');
    expect(table).toContain('| person + coMentions | 400 | 100 | 0.25× | 80 | 320 | 4× |');
    expect(table).toContain('| database on disk, MB | 80 | 320 | 4× |');
  });

  it("counts Neo4j's Java process in memory and cold start", () => {
    expect(table).toContain('| ingest, peak RSS (node + Java), MB | 900 | 1600 | 1.8× |');
    expect(table).toContain('| cold start to /ready (Java start + server start), ms | 2000 | 7000 | 3.5× |');
    expect(table).toContain('| RSS once ready (node + Java), MB | 300 | 1500 | 5× |');
    expect(table).toContain('| peak RSS under load (node + Java), MB | 600 | 2100 | 3.5× |');
  });

  it('writes three well-formed markdown tables', () => {
    const tables = table.split('\n\n').filter((block) => block.startsWith('|'));
    expect(tables).toHaveLength(3);
    for (const t of tables) {
      const widths = t.trim().split('\n').map((line) => line.split('|').length);
      expect(new Set(widths).size).toBe(1);
    }
    expect(table).toContain('under load, 32 connections');
    expect(table).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('refuses figures from graphs of different sizes', () => {
    expect(() => sideBySide(grafeo, { ...neo4j, load: { ...neo4j.load, articles: 1000 } })).toThrow('different sizes (10000, 1000 articles)');
  });
});
