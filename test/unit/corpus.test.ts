import { describe, expect, it } from 'vitest';
import { generateCorpus, type CorpusArticle } from '../../bench/corpus.ts';
import { mulberry32 } from '../../src/random.ts';

const take = (articles: number, seed: number, extra: { start?: string; days?: number } = {}): CorpusArticle[] => [
  ...generateCorpus({ articles, seed, ...extra }),
];

describe('mulberry32', () => {
  it('repeats for a seed, differs across seeds, stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('generateCorpus', () => {
  const corpus = take(60, 7);

  it('is deterministic for a seed and differs across seeds', () => {
    expect(take(60, 7)).toEqual(corpus);
    expect(take(5, 8).map((a) => a.text)).not.toEqual(corpus.slice(0, 5).map((a) => a.text));
  });

  it('makes a smaller corpus a prefix of a larger one', () => {
    expect(take(10, 7)).toEqual(corpus.slice(0, 10));
  });

  it('streams: asking for a huge corpus costs nothing until articles are read', () => {
    const it = generateCorpus({ articles: 1_000_000_000, seed: 7 })[Symbol.iterator]();
    expect(it.next().value).toEqual(corpus[0]);
  });

  it('writes articles of news length with the fields ingest expects', () => {
    for (const a of corpus) {
      expect(Object.keys(a).sort()).toEqual(['publishedAt', 'source', 'text', 'title', 'url']);
      const paragraphs = a.text.split('\n\n');
      expect(paragraphs.length).toBeGreaterThanOrEqual(8);
      expect(paragraphs.length).toBeLessThanOrEqual(20);
      const words = a.text.split(/\s+/).length;
      expect(words).toBeGreaterThanOrEqual(240);
      expect(words).toBeLessThanOrEqual(700);
      expect(a.title.length).toBeGreaterThan(10);
      expect(a.title.length).toBeLessThanOrEqual(120);
      expect(a.url).toMatch(/^https:\/\/www\.[a-z]+\.example\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+$/);
      expect(a.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(a.text).not.toMatch(/undefined|null|NaN|\$\{/);
    }
    expect(new Set(corpus.map((a) => a.url)).size).toBe(corpus.length);
    expect(new Set(corpus.map((a) => a.source)).size).toBeGreaterThan(3);
  });

  it('keeps publication dates inside the window', () => {
    const articles = take(200, 3, { start: '2020-03-01', days: 30 });
    for (const a of articles) {
      expect(a.publishedAt >= '2020-03-01').toBe(true);
      expect(a.publishedAt < '2020-03-31').toBe(true);
    }
  });

  it('introduces people with office and country, then by surname, and quotes them', () => {
    const text = take(300, 1)
      .map((a) => a.text)
      .join('\n');
    expect(text).toMatch(/(?:U\.S\.|Russian|Chinese|Ukrainian|British|French|Indian|Japanese) (?:President|Prime Minister|Foreign Minister|Secretary of State) [A-Z]\S+ [A-Z]/);
    expect(text).toMatch(/"[^"]+,?"?,? [A-Z][\p{L}-]+ (?:said|told|added)/u);
    expect(text).toMatch(/[A-Z][a-z]+ accused|expelled|sanctions|went to the polls|signed/);
  });

  it('is Zipf-like: a few names are everywhere, most are rare', () => {
    const articles = take(400, 2);
    const counts = new Map<string, number>();
    for (const a of articles) {
      for (const name of new Set(a.text.match(/(?<=President |Minister |Secretary )[A-Z]\p{L}+ [A-Z]\p{L}+/gu) ?? [])) {
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
    }
    const sorted = [...counts.values()].sort((x, y) => y - x);
    const median = sorted[Math.floor(sorted.length / 2)];
    expect(sorted.length).toBeGreaterThan(50);
    expect(sorted[0]).toBeGreaterThan(articles.length / 5);
    expect(sorted[0]).toBeGreaterThan(20 * median);
  });

  it('has bursts: the busiest days are far above the average day', () => {
    const articles = take(3000, 5);
    const perDay = new Map<string, number>();
    for (const a of articles) perDay.set(a.publishedAt.slice(0, 10), (perDay.get(a.publishedAt.slice(0, 10)) ?? 0) + 1);
    const busiest = Math.max(...perDay.values());
    expect(busiest).toBeGreaterThan((5 * articles.length) / 730);
  });

  it('refuses bad options', () => {
    expect(() => take(1, 1.5)).toThrow(/seed/);
    expect(() => take(-1, 1)).toThrow(/articles/);
    expect(() => take(1, 1, { start: '2019/01/01' })).toThrow(/start/);
  });
});
