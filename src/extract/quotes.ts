/**
 * Direct quotations and who said them. A quote is attributed from the words right after it
 * ('", Lavrov said', '", said Lavrov', '" Tillerson told reporters'), else from a speech verb before
 * it in the same sentence ('Lavrov called for … to "show their utmost restraint"'), else, when the
 * quote is a sentence of its own, from a "X said" opening the next sentence. "He"/"she" is the
 * person mentioned last before the quote.
 */
import type { Doc } from './document.ts';
import { SPEECH_VERBS } from './lexicon.ts';

export interface QuoteSpan {
  start: number;
  end: number;
  /** The words inside the quotation marks. */
  inner: [number, number];
}

export interface QuoteDraft extends QuoteSpan {
  text: string;
  speakerKey?: string;
  aboutKeys: string[];
  sentence: number;
}

const QUOTE_PATTERN = /"([^"\n]{2,}?)"|“([^”\n]{2,}?)”/g;

export function findQuoteSpans(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  QUOTE_PATTERN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QUOTE_PATTERN.exec(text))) out.push({ start: m.index, end: m.index + m[0].length, inner: [m.index + 1, m.index + m[0].length - 1] });
  return out;
}

export function insideQuote(quotes: QuoteSpan[], pos: number): boolean {
  return quotes.some((q) => pos > q.start && pos < q.end);
}

/** Entity keys by token: the resolved entity covering each token (people after clustering). */
export type KeyAt = (token: number) => { key: string; kind: string } | null;

const PRONOUN = /^(?:he|she|He|She)$/;
const SPEAKER_KINDS = ['PERSON', 'ORGANIZATION'];

export function attributeQuotes(doc: Doc, spans: QuoteSpan[], keyAt: KeyAt, lastPersonBefore: (pos: number) => string | undefined): QuoteDraft[] {
  const { tokens } = doc;
  const out: QuoteDraft[] = [];
  const firstTok = (pos: number) => {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid].start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const q of spans) {
    const inner = doc.text.slice(q.inner[0], q.inner[1]).trim();
    const wordCount = inner.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
    if (wordCount < 3) continue;
    const open = firstTok(q.start);
    const close = firstTok(q.end);
    const sentence = tokens[Math.min(open, tokens.length - 1)]?.sentence ?? 0;
    const speakerOf = (i: number, kinds = SPEAKER_KINDS): string | undefined => {
      const k = keyAt(i);
      if (k && kinds.includes(k.kind)) return k.key;
      if (PRONOUN.test(tokens[i]?.text ?? '')) return lastPersonBefore(q.start);
      return undefined;
    };
    let speaker: string | undefined;
    // After the quote: [,] SPEAKER VERB  |  [,] VERB SPEAKER
    let i = close;
    while (i < tokens.length && /^[,.:;]$/.test(tokens[i].text)) i++;
    if (i < tokens.length && tokens[i].sentence === tokens[Math.max(0, close - 1)].sentence || (i < tokens.length && i === close)) {
      if (SPEECH_VERBS.has(tokens[i].text.toLowerCase())) speaker = speakerOf(i + 1) ?? speakerAfterThe(doc, i + 1, speakerOf);
      else {
        // The speaker may take several tokens ("Deputy Minister Alexander Chupriyan told").
        for (let k = i; k < Math.min(tokens.length, i + 8); k++) {
          if (SPEECH_VERBS.has(tokens[k].text.toLowerCase())) {
            for (let s = k - 1; s >= i && !speaker; s--) speaker = speakerOf(s);
            break;
          }
          if (/^[.;"“”]$/.test(tokens[k].text)) break;
        }
      }
    }
    // Before the quote, in the same sentence: the subject of a speech verb.
    if (!speaker) {
      for (let k = open - 1; k >= 0 && tokens[k].sentence === sentence; k--) {
        if (SPEECH_VERBS.has(tokens[k].text.toLowerCase()) || /^(?:called|urged|asked)$/.test(tokens[k].text)) {
          // A person before the verb is the speaker ("Cruz, in remarks to ABC, said"); else an organisation.
          for (const kinds of [['PERSON'], SPEAKER_KINDS]) {
            for (let s = k - 1; s >= 0 && tokens[s].sentence === sentence && !speaker; s--) speaker = speakerOf(s, kinds);
            if (speaker) break;
          }
          break;
        }
      }
    }
    // A quote standing alone: "X said" at the start of the next sentence.
    if (!speaker) {
      const s = doc.sentences[sentence];
      const alone = q.start - s.start < 3 && s.end - q.end < 4;
      if (alone && sentence + 1 < doc.sentences.length) {
        const nextStart = doc.sentences[sentence + 1].start;
        let k = firstTok(nextStart);
        const limit = k + 25;
        for (; k < Math.min(tokens.length, limit) && tokens[k].sentence === sentence + 1; k++) {
          if (SPEECH_VERBS.has(tokens[k].text.toLowerCase())) {
            speaker = speakerOf(k - 1);
            break;
          }
        }
      }
    }
    const about = new Set<string>();
    for (let k = open; k < close && k < tokens.length; k++) {
      const e = keyAt(k);
      if (e && e.key !== speaker) about.add(e.key);
    }
    out.push({ ...q, text: inner, speakerKey: speaker, aboutKeys: [...about].sort(), sentence });
  }
  return out;
}

function speakerAfterThe(doc: Doc, i: number, speakerOf: (i: number) => string | undefined): string | undefined {
  // '", said the Russian Foreign Ministry' / '", according to Lavrov'
  for (let k = i; k < Math.min(doc.tokens.length, i + 6); k++) {
    const s = speakerOf(k);
    if (s) return s;
    if (/^[.,;]$/.test(doc.tokens[k].text)) break;
  }
  return undefined;
}
