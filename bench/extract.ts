/**
 * Extraction benchmark over a JSONL corpus (default: the 334 Wikinews articles).
 *
 *   npx tsx bench/extract.ts [--no-ner] [--people] [FILE.jsonl]
 *
 * Prints the load time, median / p90 ms per article (after one warm-up pass), entity and link
 * counts, and with --people every person found (name, key, count) for spot checks. Times are given
 * as wall clock and as this process's CPU time: on a shared machine the CPU figures are the
 * stable ones.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createExtractor } from '../src/extract/index.ts';
import type { ArticleText, ExtractedArticle } from '../src/extract/types.ts';

const args = process.argv.slice(2);
const useNer = !args.includes('--no-ner');
const listPeople = args.includes('--people');
const file = args.find((a) => !a.startsWith('--')) ?? fileURLToPath(new URL('../../shared/data/wikinews.jsonl', import.meta.url));

const articles = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as ArticleText);

const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
const t0 = performance.now();
const c0 = process.cpuUsage();
const extractor = createExtractor({ ner: useNer ? undefined : false });
const loadMs = performance.now() - t0;
const loadCpuMs = cpuMs(process.cpuUsage(c0));

for (const a of articles) extractor.extract(a); // warm-up
const times: number[] = [];
const cpuTimes: number[] = [];
const results: ExtractedArticle[] = [];
for (const a of articles) {
  const t = performance.now();
  const c = process.cpuUsage();
  results.push(extractor.extract(a));
  cpuTimes.push(cpuMs(process.cpuUsage(c)));
  times.push(performance.now() - t);
}
const sorted = [...times].sort((a, b) => a - b);
const sortedCpu = [...cpuTimes].sort((a, b) => a - b);
const pct = (p: number, list = sorted) => list[Math.min(list.length - 1, Math.floor(p * list.length))];
const words = articles.map((a) => a.text.split(/\s+/).length).sort((a, b) => a - b);

let people = 0;
let linked = 0;
const byKind: Record<string, number> = {};
const distinctLinked = new Set<string>();
const personCount = new Map<string, { name: string; n: number }>();
let events = 0;
let quotes = 0;
let attributed = 0;
let roles = 0;
for (const r of results) {
  for (const e of r.entities) {
    byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
    if (e.kind !== 'PERSON') continue;
    people++;
    if (e.wikidataId) {
      linked++;
      distinctLinked.add(e.wikidataId);
    }
    const c = personCount.get(e.key) ?? { name: e.name, n: 0 };
    c.n++;
    personCount.set(e.key, c);
  }
  events += r.events.length;
  quotes += r.quotes.length;
  attributed += r.quotes.filter((q) => q.speakerKey).length;
  roles += r.roles.length;
}

const out = {
  file,
  articles: articles.length,
  medianWords: words[words.length >> 1],
  ner: extractor.usesNer,
  loadMs: Math.round(loadMs),
  loadCpuMs: Math.round(loadCpuMs),
  medianMs: +pct(0.5).toFixed(2),
  medianCpuMs: +pct(0.5, sortedCpu).toFixed(2),
  p90Ms: +pct(0.9).toFixed(2),
  maxMs: +sorted[sorted.length - 1].toFixed(2),
  entitiesByKind: byKind,
  personMentionsPerArticle: people,
  peopleLinked: linked,
  distinctPeopleLinked: distinctLinked.size,
  events,
  quotes,
  quotesAttributed: attributed,
  roles,
};
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
if (listPeople) {
  for (const [key, c] of [...personCount].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]))) {
    process.stdout.write(`${c.n}\t${key}\t${c.name}\n`);
  }
}
