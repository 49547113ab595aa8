/**
 * What the synthetic corpus looks like once extracted, beside the Wikinews graph it is fitted to.
 *
 *   npx tsx bench/corpus-stats.ts --articles 100000 [--seed 1]    # the corpus through the extractor (2 worker threads)
 *   npx tsx bench/corpus-stats.ts --wikinews                       # the fit: Wikinews' entity frequencies
 *
 * Prints distinct entities (by kind), entities per article, the share of articles of the top
 * entities (the hubs), distinct and new people per month, and the power law fitted to the
 * entities' article counts (bench/popularity.ts), then one JSON line.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createExtractor } from '../src/extract/index.ts';
import type { ArticleText, ExtractedArticle } from '../src/extract/types.ts';
import { generateCorpus } from './corpus.ts';
import { fitPowerLaw, rankSlope } from './popularity.ts';

export interface CorpusStats {
  articles: number;
  entities: number;
  byKind: Record<string, number>;
  entitiesPerArticle: number;
  /** The most frequent entities, with the share of articles they are in. */
  top: { key: string; kind: string; name: string; share: number }[];
  topCountryShare: number;
  /** The 15 most frequent people: the subjects bench/graph.ts picks (4th and 13th) are among them. */
  topPeople: { key: string; name: string; share: number }[];
  /** Per month (YYYY-MM): distinct people in that month's articles, and people never seen before it. */
  peoplePerMonth: { month: string; distinct: number; new: number }[];
  fit: ReturnType<typeof fitPowerLaw>;
  /** Zipf rank exponent over the 50 most frequent entities of each kind. */
  rankSlopes: Record<string, number>;
}

/** Accumulates per-article extractions into CorpusStats; one pass, memory in the number of distinct entities. */
export class StatsCollector {
  private readonly counts = new Map<string, number>();
  private readonly info = new Map<string, { kind: string; name: string }>();
  private readonly firstMonth = new Map<string, string>();
  private readonly monthPeople = new Map<string, Set<string>>();
  articles = 0;
  private mentionsTotal = 0;

  add(extracted: ExtractedArticle, publishedAt: string): void {
    this.articles++;
    const month = publishedAt.slice(0, 7);
    let people = this.monthPeople.get(month);
    if (!people) this.monthPeople.set(month, (people = new Set()));
    for (const e of extracted.entities) {
      this.mentionsTotal++;
      this.counts.set(e.key, (this.counts.get(e.key) ?? 0) + 1);
      if (!this.info.has(e.key)) this.info.set(e.key, { kind: e.kind, name: e.name });
      if (e.kind === 'PERSON') {
        people.add(e.key);
        const seen = this.firstMonth.get(e.key);
        if (seen === undefined || month < seen) this.firstMonth.set(e.key, month);
      }
    }
  }

  result(top = 10): CorpusStats {
    const byKind: Record<string, number> = {};
    for (const { kind } of this.info.values()) byKind[kind] = (byKind[kind] ?? 0) + 1;
    const ranked = [...this.counts].sort((a, b) => b[1] - a[1]);
    const share = (n: number) => Math.round((n / this.articles) * 10_000) / 10_000;
    const topCountry = ranked.find(([k]) => this.info.get(k)!.kind === 'COUNTRY');
    const rankSlopes: Record<string, number> = {};
    for (const kind of Object.keys(byKind)) {
      rankSlopes[kind] = Math.round(rankSlope(ranked.filter(([k]) => this.info.get(k)!.kind === kind).map(([, n]) => n), 50) * 1000) / 1000;
    }
    return {
      articles: this.articles,
      entities: this.counts.size,
      byKind,
      entitiesPerArticle: Math.round((this.mentionsTotal / Math.max(1, this.articles)) * 10) / 10,
      top: ranked.slice(0, top).map(([key, n]) => ({ key, ...this.info.get(key)!, share: share(n) })),
      topCountryShare: topCountry ? share(topCountry[1]) : 0,
      topPeople: ranked
        .filter(([k]) => this.info.get(k)!.kind === 'PERSON')
        .slice(0, 15)
        .map(([key, n]) => ({ key, name: this.info.get(key)!.name, share: share(n) })),
      peoplePerMonth: [...this.monthPeople]
        .sort((a, b) => a[0].localeCompare(b[0]))
        .map(([month, keys]) => ({ month, distinct: keys.size, new: [...keys].filter((k) => this.firstMonth.get(k) === month).length })),
      fit: fitPowerLaw(this.counts.values()),
      rankSlopes,
    };
  }
}

function print(label: string, s: CorpusStats): void {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`${label}: ${s.articles} articles, ${s.entities} distinct entities (${Object.entries(s.byKind).map(([k, n]) => `${k} ${n}`).join(', ')}), ${s.entitiesPerArticle} per article`);
  out(`top country in ${(s.topCountryShare * 100).toFixed(1)}% of articles; top entities: ${s.top.map((t) => `${t.name} ${(t.share * 100).toFixed(1)}%`).join(', ')}`);
  out(`top people: ${s.topPeople.map((t, i) => `${i + 1}. ${t.name} ${(t.share * 100).toFixed(1)}%`).join(', ')}`);
  out(`power law of article counts (MLE, kmin 1): alpha ${s.fit.alpha.toFixed(3)} ± ${s.fit.stderr.toFixed(3)} (Zipf s ${s.fit.s.toFixed(3)}); rank slopes, top 50 by kind: ${JSON.stringify(s.rankSlopes)}`);
  if (s.peoplePerMonth.length > 1) {
    const inner = s.peoplePerMonth.slice(1, -1);
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    out(`people per month (median of ${inner.length} full months): ${med(inner.map((m) => m.distinct))} distinct, ${med(inner.map((m) => m.new))} new`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { articles: { type: 'string', default: '2000' }, seed: { type: 'string', default: '1' }, wikinews: { type: 'boolean', default: false } } });
  const collector = new StatsCollector();
  if (values.wikinews) {
    const file = fileURLToPath(new URL('../../shared/data/wikinews.jsonl', import.meta.url));
    const extractor = createExtractor();
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const a = JSON.parse(line) as ArticleText & { publishedAt: string };
      collector.add(extractor.extract(a), a.publishedAt);
    }
    const s = collector.result();
    print('wikinews', s);
    process.stdout.write(`${JSON.stringify(s)}\n`);
    return;
  }
  const articles = Number(values.articles);
  const { createWorkerExtractor } = await import('../src/extract/pool.ts');
  const extractor = createWorkerExtractor({}, 2);
  const started = performance.now();
  try {
    let batch: { title: string; text: string; publishedAt: string }[] = [];
    const run = async () => {
      const results = await extractor.extractBatch(batch);
      results.forEach((r, i) => {
        if (!r.ok) throw new Error(r.message);
        collector.add(r.extracted, batch[i].publishedAt);
      });
      batch = [];
    };
    for (const a of generateCorpus({ articles, seed: Number(values.seed) })) {
      batch.push(a);
      if (batch.length === 500) {
        await run();
        if (collector.articles % 10_000 === 0) process.stderr.write(`${collector.articles} articles, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
      }
    }
    if (batch.length) await run();
  } finally {
    await extractor.close();
  }
  const s = collector.result();
  print(`corpus seed ${values.seed}`, s);
  process.stdout.write(`${JSON.stringify(s)}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`${(error as Error).stack}\n`);
    process.exit(1);
  });
}
