/** The working state of one extraction: tokens, sentences and the spans found so far. */
import type { EntityKind, Sentence } from './types.ts';
import type { Token } from './tokens.ts';
import type { CountryForm } from './gazetteers/index.ts';

/** A span of tokens [t0, t1) recognised as (part of) an entity mention. */
export interface Found {
  kind: EntityKind;
  t0: number;
  t1: number;
  start: number;
  end: number;
  /** Resolved entity key (people get theirs after clustering). */
  key?: string;
  name?: string;
  countryCode?: string;
  countryForm?: CountryForm;
  /** People: tokens of a title written before the name ("Foreign Minister"), if any. */
  titleT0?: number;
  /** People: something in the text says this is a person (title, honorific, speech verb). */
  cue?: boolean;
  /** A single capitalised word that may be a known person's surname: decided when linking. */
  pending?: boolean;
}

export interface Doc {
  text: string;
  sentences: Sentence[];
  tokens: Token[];
  /** Folded token texts, same indexes as `tokens`. */
  folded: string[];
  /** Lower-cased words that occur in the text written in lower case. */
  lowerWords: Set<string>;
  /** Token index → index into `found` of the span covering it, or -1. */
  cover: Int32Array;
  found: Found[];
  published: Date | null;
}

export function addFound(doc: Doc, f: Found): number {
  const index = doc.found.length;
  doc.found.push(f);
  for (let i = f.t0; i < f.t1; i++) if (doc.cover[i] < 0) doc.cover[i] = index;
  return index;
}

/** Takes spans back out of `found` (a longer name holds them) and rebuilds `cover`. */
export function removeFound(doc: Doc, gone: Set<Found>): void {
  doc.found = doc.found.filter((f) => !gone.has(f));
  doc.cover.fill(-1);
  doc.found.forEach((f, index) => {
    for (let i = f.t0; i < f.t1; i++) if (doc.cover[i] < 0) doc.cover[i] = index;
  });
}

export function spanOf(doc: Doc, t0: number, t1: number): { start: number; end: number; text: string } {
  const start = doc.tokens[t0].start;
  const end = doc.tokens[t1 - 1].end;
  return { start, end, text: doc.text.slice(start, end) };
}

/** Index of the first token that ends after `pos` (the token at or after a character offset). */
export function firstTokenAt(doc: Doc, pos: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first token that starts at or after `pos` (one past the last token before it). */
export function lastTokenBefore(doc: Doc, pos: number): number {
  let i = firstTokenAt(doc, pos);
  while (i < doc.tokens.length && doc.tokens[i].start < pos) i++;
  return i;
}
