/**
 * Sentence splitting with offsets. A sentence ends at . ! ? (plus any closing quotes or brackets)
 * followed by white space and something that can open a sentence, or at a line break. A period
 * after a known abbreviation ("Mr.", "Gen.") or an initial does not end a sentence; after a dotted
 * acronym ("U.S.") it does only when the next word is a typical sentence opener.
 */
import type { Sentence } from './types.ts';
import { ABBREVIATIONS } from './tokens.ts';

const OPENERS = new Set(
  (
    'The A An He She It They We I You This That These Those There Here His Her Its Their Our In On At ' +
    'But And Or So Yet However Meanwhile After Before When While As If Although Though Since Despite ' +
    'According Following Speaking Earlier Later Last Next Mr Mrs Ms Dr'
  ).split(' '),
);

const CLOSERS = `"'”’)]»`;

/**
 * Longest sentence kept whole, in characters. Text without sentence ends (a 100,000-character line, a
 * table flattened to one line) would otherwise be one huge sentence, and the per-sentence steps (events'
 * clause search) grow faster than linearly with its length: 8 s for one 100 kB line. Longer runs are cut
 * at the last white space before the limit. Real sentences are far shorter (the seed articles' longest: ~1,300).
 */
export const MAX_SENTENCE_CHARS = 2000;

export function splitSentences(text: string): Sentence[] {
  const bounds: [number, number][] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    while (e - s > MAX_SENTENCE_CHARS) {
      const space = text.lastIndexOf(' ', s + MAX_SENTENCE_CHARS);
      const cut = space > s + MAX_SENTENCE_CHARS / 2 ? space : s + MAX_SENTENCE_CHARS;
      bounds.push([s, cut]);
      s = cut;
      while (s < e && /\s/.test(text[s])) s++;
    }
    if (e > s) bounds.push([s, e]);
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      push(i);
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let j = i + 1;
    while (j < text.length && (CLOSERS.includes(text[j]) || text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    if (j >= text.length) continue;
    if (!/[ \t\u00a0]/.test(text[j]) && text[j] !== '\n') continue;
    let k = j;
    while (k < text.length && /[ \t\u00a0]/.test(text[k])) k++;
    if (k >= text.length || text[k] === '\n') {
      push(j);
      continue;
    }
    const next = text[k];
    if (!/[\p{Lu}\d"“‘'(\[]/u.test(next)) continue;
    if (c === '.' && j === i + 1 && !endsSentence(text, i, k)) continue;
    push(j);
  }
  push(text.length);
  return bounds.map(([s, e], index) => ({ index, start: s, end: e, text: text.slice(s, e) }));
}

/** Decides whether the period at `dot` ends a sentence, given the next word starts at `next`. */
function endsSentence(text: string, dot: number, next: number): boolean {
  let w = dot;
  while (w > 0 && /[\p{L}\p{N}.]/u.test(text[w - 1])) w--;
  const word = text.slice(w, dot);
  if (ABBREVIATIONS.has(word)) return false;
  if (/^\p{Lu}$/u.test(word)) return false; // an initial: "John F. Kennedy"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) {
    // "U.S." — a sentence ends here only if the next word usually opens one.
    const m = /^[\p{L}]+/u.exec(text.slice(next));
    return !!m && OPENERS.has(m[0]);
  }
  return true;
}

/** Index of the sentence containing offset `pos` (binary search). */
export function sentenceAt(sentences: Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid].start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
