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

function timePer500Words(work: (a: Article) => unknown): number[] {
  return articles.map((a) => {
    const t0 = performance.now();
    work(a);
    return ((performance.now() - t0) * 500) / a.words;
  });
}

const tokenizeOnly = (a: Article) => a.sentences.map((s) => tokenize(a.text, s.start, s.end));
const tagArticle = (a: Article) => tagger.recognize(a.text, a.sentences);

// Warm-up, then interleaved rounds; per article the best round (least disturbed by noise).
timePer500Words(tokenizeOnly);
timePer500Words(tagArticle);
const rounds = Number(values.rounds);
let baseline = articles.map(() => Infinity);
let tagged = articles.map(() => Infinity);
for (let r = 0; r < rounds; r++) {
  baseline = timePer500Words(tokenizeOnly).map((t, i) => Math.min(t, baseline[i]));
  tagged = timePer500Words(tagArticle).map((t, i) => Math.min(t, tagged[i]));
}
const words = articles.reduce((n, a) => n + a.words, 0);
const spans = articles.reduce((n, a) => n + tagArticle(a).length, 0);
console.log(`articles: ${articles.length} (${words} words, ${spans} entity spans), best of ${rounds} rounds per article`);
console.log(`model load: ${loadMs.toFixed(0)} ms`);
console.log(`baseline (tokenise only): median ${median(baseline).toFixed(3)} ms per 500 words`);
console.log(`tokenise + tag:           median ${median(tagged).toFixed(3)} ms per 500 words`);
console.log(`ratio to baseline: ${(median(tagged) / median(baseline)).toFixed(1)}x`);
