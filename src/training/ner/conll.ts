/** Reading CoNLL-style NER files into documents of tagged sentences, with IOB2 tags. */
import { existsSync, readFileSync } from 'node:fs';
import { toIob2 } from '../../extract/ner/iob.ts';

export interface TaggedSentence {
  words: string[];
  /** IOB2 tags: O, B-TYPE, I-TYPE. */
  tags: string[];
}

export interface TaggedDocument {
  sentences: TaggedSentence[];
  /** Training weight: times the document is seen per epoch (default 1). */
  weight?: number;
}

const TAG = /^(?:O|[BIES]-[A-Za-z]+)$/;

/**
 * IOB2 to IOB1 (every entity token I-, B- only where an entity directly follows one of the same
 * type). The tagger learns in IOB1: a surname alone and a surname after a first name then
 * share one label, and so their evidence.
 */
export function toIob1(tags: readonly string[]): string[] {
  return tags.map((tag, i) => {
    if (tag === 'O') return 'O';
    const type = tag.slice(2);
    const prev = i > 0 ? tags[i - 1] : 'O';
    return tag[0] === 'B' && prev !== 'O' && prev.slice(2) === type ? `B-${type}` : `I-${type}`;
  });
}

export type Encoding = 'IOB1' | 'IOB2';

/** Splits one line into its word and tag; null for lines that carry no token. */
function parseLine(line: string, indexed: boolean): { word: string; tag: string } | null {
  const cols = line.includes('\t') ? line.split('\t') : line.split(/\s+/);
  while (cols.length && cols[cols.length - 1] === '') cols.pop();
  if (cols.length < 2) return null;
  const word = indexed && cols.length >= 3 ? cols[1] : cols[0];
  // The tag is the last column that looks like one (Universal NER appends annotator columns).
  let tag = 'O';
  for (let c = cols.length - 1; c >= 1; c--) {
    if (TAG.test(cols[c])) {
      tag = cols[c];
      break;
    }
  }
  return { word, tag };
}

export function parseConll(text: string): TaggedDocument[] {
  // CoNLL-U-like files (Universal NER: `# text = ...` comments, tab-separated rows starting with
  // a token index) carry the word in the second column.
  const indexed = /^# /m.test(text) && /^1\t/m.test(text);
  const docs: TaggedDocument[] = [];
  let doc: TaggedDocument = { sentences: [] };
  let words: string[] = [];
  let tags: string[] = [];
  const endSentence = () => {
    if (words.length) doc.sentences.push({ words, tags: toIob2(tags) });
    words = [];
    tags = [];
  };
  const endDocument = () => {
    endSentence();
    if (doc.sentences.length) docs.push(doc);
    doc = { sentences: [] };
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') {
      endSentence();
    } else if (line.startsWith('-DOCSTART-') || line.startsWith('# newdoc')) {
      endDocument();
    } else if (line.startsWith('# ')) {
      continue;
    } else {
      const parsed = parseLine(line, indexed);
      if (!parsed) continue;
      words.push(parsed.word);
      tags.push(parsed.tag);
    }
  }
  endDocument();
  return docs;
}

/** Reads files; `path:N` (N an integer, when `path` itself exists) weights that file's documents N times. */
export function readConllFiles(paths: readonly string[]): TaggedDocument[] {
  return paths.flatMap((spec) => {
    const { path, weight } = parseFileSpec(spec);
    return parseConll(readFileSync(path, 'utf8')).map((doc) => (weight === 1 ? doc : { ...doc, weight }));
  });
}

export function parseFileSpec(spec: string): { path: string; weight: number } {
  const m = /^(.*):(\d+)$/.exec(spec);
  if (m && !existsSync(spec) && existsSync(m[1])) return { path: m[1], weight: Number(m[2]) };
  return { path: spec, weight: 1 };
}
