/** Tagger spans joined where the tagger cut one name in two, and split where it ran two names into one. */
import type { Doc } from './document.ts';
import { ORG_HEADS } from './lexicon.ts';
import type { NerSpan } from './ner-bridge.ts';

const wordsOf = (name: string) => name.toLowerCase().split(/\s+/);

/** Whether a word of the name is a body's head ("Service", "Committee", "University"). */
export const hasOrgHead = (name: string) => wordsOf(name).some((w) => ORG_HEADS.has(w));

/** Two or more words of which the last is a body's head: "London Fire Brigade", "Reform Committee". */
const headedName = (name: string) => {
  const words = wordsOf(name);
  return words.length >= 2 && ORG_HEADS.has(words[words.length - 1]);
};

/**
 * The tagger also cuts a body's name at "and" when the first part has no "of": "North Wales Fire" +
 * "Rescue Service", "House Oversight" + "Reform Committee". Two or more words without a head of their
 * own, then "and" and a body whose head ends it (and does not open it), are one name.
 */
export function joinHeadlessOverAnd(doc: Doc, ner: NerSpan[]): NerSpan[] {
  const out: NerSpan[] = [];
  for (let k = 0; k < ner.length; k++) {
    const a = ner[k];
    const b = ner[k + 1];
    const joins =
      b !== undefined && a.type === 'ORG' && b.type === 'ORG' && /^\s+and\s+$/.test(doc.text.slice(a.end, b.start)) &&
      wordsOf(a.text).length >= 2 && !hasOrgHead(a.text) && !/\s(?:of|for|on)\s/.test(a.text) &&
      headedName(b.text) && !ORG_HEADS.has(wordsOf(b.text)[0]);
    if (!joins) {
      out.push(a);
      continue;
    }
    out.push({ ...a, end: b.end, text: doc.text.slice(a.start, b.end) });
    k++;
  }
  return out;
}

/**
 * Two bodies the tagger ran into one span over "and": "London Ambulance Service and London Fire
 * Brigade". Each side has two or more words and ends with a body's head; a name whose first part has
 * no head ("Department of Health and Human Services", "Pacific Gas and Electric Company") stays whole.
 */
export function splitBodiesAtAnd(span: NerSpan): NerSpan[] {
  if (span.type !== 'ORG') return [span];
  const parts = span.text.split(' and ');
  if (parts.length !== 2) return [span];
  if (!headedName(parts[0]) || !headedName(parts[1]) || !/^\p{Lu}/u.test(parts[1])) return [span];
  const rightStart = span.start + parts[0].length + ' and '.length;
  return [
    { ...span, end: span.start + parts[0].length, text: parts[0] },
    { ...span, start: rightStart, text: parts[1] },
  ];
}

/**
 * An Arabic or Malay name goes on over "bin", "ibn" or "binti" ("Dr Ali bin Tamim", "Mohammed bin
 * Rashid Al Maktoum"), where the tagger ends the person before the particle and calls what follows
 * something else. A person's span, the particle and the capitalised words after it are one name.
 */
export function joinOverPatronymic(doc: Doc, ner: NerSpan[]): NerSpan[] {
  const out: NerSpan[] = [];
  for (let k = 0; k < ner.length; k++) {
    const a = ner[k];
    const after = a.type === 'PER' ? /^\s+(?:bin|ibn|binti|bint)\s+\p{Lu}[\p{L}'’-]*(?:\s+(?:Al\s+)?\p{Lu}[\p{L}'’-]*)*/u.exec(doc.text.slice(a.end, a.end + 60)) : null;
    if (!after) {
      out.push(a);
      continue;
    }
    const end = a.end + after[0].length;
    out.push({ ...a, end, text: doc.text.slice(a.start, end) });
    // The spans the name now covers are part of it.
    while (k + 1 < ner.length && ner[k + 1].start < end) k++;
  }
  return out;
}

/**
 * A body named "<head> of <place>" whose head the tagger left out or tagged apart: "University of" +
 * "South Carolina Beaufort", "Center" + "for" + "Food Safety". Capitalised words ending in a body's
 * head, then "of" or "for" (and "the"), right before a span make one body with it; not with a person
 * ("University of Texas Arlington" + "Amneh Jafari" is a student there).
 */
export function joinBodyHeadBefore(doc: Doc, ner: NerSpan[]): NerSpan[] {
  const out: NerSpan[] = [];
  for (const span of ner) {
    const prev = out.at(-1);
    const from = prev ? prev.end : 0;
    const gap = /^\s+(?:of|for)\s+(?:the\s+)?$/.test(doc.text.slice(from, span.start));
    // Not a body's own name after it: "the Wolstein Center for the Cleveland State University" is two.
    // Nor a name that goes on over "and" or "of" ("Institute of History and Philology of …", "Court for the Northern
    // District of California"): the tagger cut it, and a piece is worse than nothing.
    const joinable = span.type !== 'PER' && !hasOrgHead(span.text) && !/^\s+(?:and|of)\s+\p{Lu}/u.test(doc.text.slice(span.end, span.end + 8));
    // A whole body's name before a place keeps it apart ("Foreign Ministry of Iraq" is the ministry and Iraq);
    // a lone head does not ("University of" + "Texas").
    const lone = prev !== undefined && wordsOf(prev.text).length === 1;
    if (prev && gap && joinable && (lone || span.type !== 'LOC') && prev.type !== 'PER' && /^\p{Lu}/u.test(prev.text) && ORG_HEADS.has(wordsOf(prev.text).at(-1)!)) {
      out[out.length - 1] = { ...prev, type: 'ORG', end: span.end, text: doc.text.slice(prev.start, span.end) };
      continue;
    }
    const before = /((?:\p{Lu}[\p{L}.'’-]*\s+)*\p{Lu}\p{Ll}+)\s+(?:of|for)\s+(?:the\s+)?$/u.exec(doc.text.slice(Math.max(from, span.start - 80), span.start));
    if (!before || !joinable || !ORG_HEADS.has(wordsOf(before[1]).at(-1)!)) {
      out.push(span);
      continue;
    }
    const start = span.start - before[0].length;
    out.push({ ...span, type: 'ORG', start, text: doc.text.slice(start, span.end) });
  }
  return out;
}
