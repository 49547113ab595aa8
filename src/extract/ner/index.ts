/**
 * The named-entity tagger: a two-pass averaged structured perceptron (see train.ts), trained by
 * `newsgraph train-ner` and shipped as seed/models/ner.bin.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spansOf } from './iob.ts';
import { readModel } from './model.ts';
import { DocumentTagger } from './tagger.ts';
import { tokenize, type Token } from './tokenize.ts';

export { tokenize, type Token };

export type NerType = 'PER' | 'LOC' | 'ORG' | 'MISC';

export interface NerSpan {
  type: NerType;
  start: number;
  end: number;
  text: string;
  /** Spelled out before its acronym in brackets: the name is whole, a place at its end included. */
  spelledOut?: true;
}

export interface NerTagger {
  /** Tags one document given as sentences (char ranges into `text`); returns entity spans in text order. */
  recognize(text: string, sentences: { start: number; end: number }[]): NerSpan[];
}

export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('../../../seed/models/ner.bin', import.meta.url));

class Tagger implements NerTagger {
  constructor(readonly tagger: DocumentTagger) {}

  recognize(text: string, sentences: { start: number; end: number }[]): NerSpan[] {
    const tokens = sentences.map((s) => tokenize(text, s.start, s.end)).filter((t) => t.length > 0);
    const labels = this.tagger.tag(tokens.map((sentence) => sentence.map((t) => t.text)));
    const spans: NerSpan[] = [];
    tokens.forEach((sentence, s) => {
      for (const span of spansOf(labels[s])) {
        const start = sentence[span.start].start;
        const end = sentence[span.end - 1].end;
        spans.push({ type: span.type as NerType, start, end, text: text.slice(start, end) });
      }
    });
    return spans.sort((a, b) => a.start - b.start || a.end - b.end);
  }
}

const cache = new Map<string, Tagger>();

function load(path: string): Tagger {
  let tagger = cache.get(path);
  if (!tagger) {
    if (!existsSync(path)) {
      throw new Error(`NER model not found at ${path}: train one with \`newsgraph train-ner --out ${path} FILE...\``);
    }
    tagger = new Tagger(new DocumentTagger(readModel(path)));
    cache.set(path, tagger);
  }
  return tagger;
}

/** The word-level tagger for a model file (default: the shipped model), loaded once per path. */
export function loadDocumentTagger(path: string = DEFAULT_MODEL_PATH): DocumentTagger {
  return load(path).tagger;
}

/** The tagger for a model file (default: the shipped model), loaded once per path. */
export function loadNerTagger(path: string = DEFAULT_MODEL_PATH): NerTagger {
  return load(path);
}
