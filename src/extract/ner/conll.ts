/** Reading CoNLL-style NER files into documents of tagged sentences, with IOB2 tags. */
import { readFileSync } from 'node:fs';

export interface TaggedSentence {
  words: string[];
  /** IOB2 tags: O, B-TYPE, I-TYPE. */
  tags: string[];
}

export interface TaggedDocument {
  sentences: TaggedSentence[];
}

const TAG = /^(?:O|[BIES]-[A-Za-z]+)$/;

/**
 * IOB1 (I- everywhere, B- only between two adjacent entities of one type) to IOB2 (every
 * entity starts with B-). IOB2 input comes back unchanged. IOBES/BILOU-style S-/E- tags are
 * folded into B-/I-.
 */
export function toIob2(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    if (tag === 'O' || tag.length < 3) {
      out.push('O');
      continue;
    }
    const prefix = tag[0];
    const type = tag.slice(2);
    const prev = i > 0 ? out[i - 1] : 'O';
    const continues = prev !== 'O' && prev.slice(2) === type;
    if (prefix === 'B' || prefix === 'S' || !continues) out.push(`B-${type}`);
    else out.push(`I-${type}`);
  }
  return out;
}

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

export function readConllFiles(paths: readonly string[]): TaggedDocument[] {
  return paths.flatMap((path) => parseConll(readFileSync(path, 'utf8')));
}

export interface Span {
  type: string;
  start: number;
  /** Token index, exclusive. */
  end: number;
}

/** Entity spans of an IOB2 tag sequence (a stray I- starts a span, as conlleval does). */
export function spansOf(tags: readonly string[]): Span[] {
  const spans: Span[] = [];
  let current: Span | null = null;
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? tags[i] : 'O';
    const type = tag === 'O' ? '' : tag.slice(2);
    if (current && (tag === 'O' || tag[0] === 'B' || type !== current.type)) {
      current.end = i;
      spans.push(current);
      current = null;
    }
    if (tag !== 'O' && !current) current = { type, start: i, end: i };
  }
  return spans;
}
