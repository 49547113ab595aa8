/**
 * NER speed: model load time, and per-article time to tokenise + tag Wikinews articles,
 * normalised to 500 words, against tokenisation alone measured in the same run (machines here
 * are noisy; the ratio is the steadier figure).
 *
 *   npx tsx bench/ner.ts [--model PATH] [--articles FILE] [--rounds N]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_MODEL_PATH, loadNerTagger, tokenize } from '../src/extract/ner/index.ts';

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: DEFAULT_MODEL_PATH },
    articles: { type: 'string', default: fileURLToPath(new URL('../../shared/data/wikinews.jsonl', import.meta.url)) },
    rounds: { type: 'string', default: '5' },
  },
});

interface Article {
  text: string;
  sentences: { start: number; end: number }[];
  words: number;
}

/** A plain sentence splitter (lines, then ". " before a capital): the bench times the tagger, not this. */
function sentencesOf(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const line of text.matchAll(/[^\n]+/g)) {
    const base = line.index!;
    let start = 0;
    for (const cut of line[0].matchAll(/[.!?]["”']?\s+(?=["“A-Z])/g)) {
      const end = cut.index! + cut[0].length;
      out.push({ start: base + start, end: base + end });
      start = end;
    }
    if (start < line[0].length) out.push({ start: base + start, end: base + line[0].length });
  }
  return out;
}

const articles: Article[] = readFileSync(values.articles!, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => {
    const text = String(JSON.parse(l).text ?? '');
    return { text, sentences: sentencesOf(text), words: text.split(/\s+/).filter(Boolean).length };
  })
  .filter((a) => a.words >= 50);

const loadStart = performance.now();
const tagger = loadNerTagger(values.model);
const loadMs = performance.now() - loadStart;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Wall-clock and CPU milliseconds per 500 words, per article (CPU time is less inflated by other load). */
function timePer500Words(work: (a: Article) => unknown): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const a of articles) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    work(a);
    const t1 = performance.now();
    const c1 = process.cpuUsage(c0);
    wall.push(((t1 - t0) * 500) / a.words);
    cpu.push((((c1.user + c1.system) / 1000) * 500) / a.words);
  }
  return { wall, cpu };
}

const tokenizeOnly = (a: Article) => a.sentences.map((s) => tokenize(a.text, s.start, s.end));
const tagArticle = (a: Article) => tagger.recognize(a.text, a.sentences);

// Warm-up, then interleaved rounds; per article the best round (least disturbed by noise).
timePer500Words(tokenizeOnly);
timePer500Words(tagArticle);
const rounds = Number(values.rounds);
const best = () => ({ wall: articles.map(() => Infinity), cpu: articles.map(() => Infinity) });
const baseline = best();
const tagged = best();
const keepBest = (into: { wall: number[]; cpu: number[] }, run: { wall: number[]; cpu: number[] }) => {
  run.wall.forEach((t, i) => (into.wall[i] = Math.min(into.wall[i], t)));
  run.cpu.forEach((t, i) => (into.cpu[i] = Math.min(into.cpu[i], t)));
};
for (let r = 0; r < rounds; r++) {
  keepBest(baseline, timePer500Words(tokenizeOnly));
  keepBest(tagged, timePer500Words(tagArticle));
}
const words = articles.reduce((n, a) => n + a.words, 0);
const spans = articles.reduce((n, a) => n + tagArticle(a).length, 0);
console.log(`articles: ${articles.length} (${words} words, ${spans} entity spans), best of ${rounds} rounds per article`);
console.log(`model load: ${loadMs.toFixed(0)} ms`);
console.log(`baseline (tokenise only): median ${median(baseline.wall).toFixed(3)} ms per 500 words (CPU ${median(baseline.cpu).toFixed(3)} ms)`);
console.log(`tokenise + tag:           median ${median(tagged.wall).toFixed(3)} ms per 500 words (CPU ${median(tagged.cpu).toFixed(3)} ms)`);
console.log(`ratio to baseline: ${(median(tagged.wall) / median(baseline.wall)).toFixed(1)}x`);
