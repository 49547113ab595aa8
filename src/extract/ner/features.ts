/**
 * Feature extraction, shared by training and runtime. A document is prepared once (word forms,
 * shapes, gazetteer matches, document-wide casing evidence); then each sentence yields, per
 * token, a list of feature hashes. Stacked (second-pass) features add what the first pass
 * predicted for the token, its neighbours and the same word elsewhere in the document.
 */
import { hash1, hash2, hash3 } from './hash.ts';
import type { Lexicon } from './lexicon.ts';

export interface PreparedSentence {
  words: string[];
  lower: string[];
  shape: string[];
  /** Shape with runs collapsed: "Xx", "X.X.", "d,d". */
  short: string[];
  /** Per token: gazetteer categories matched, as "CAT:B" (first token) / "CAT:I". */
  gazetteer: string[][];
  /** Per token: word cluster path or "" when unknown. */
  cluster: string[];
  /** Per token: where its capitalization tells nothing ("i" sentence-initial, "h" headline) or "m". */
  position: string[];
  /** Headline-like: most words in capitals. */
  headline: boolean;
}

export interface PreparedDocument {
  sentences: PreparedSentence[];
  /** Lowercased word → mid-sentence occurrences capitalized / lowercase in this document. */
  caseCounts: Map<string, { upper: number; lower: number }>;
}

function shapeOf(word: string): string {
  let out = '';
  for (let i = 0; i < word.length && i < 12; i++) {
    const c = word[i];
    if (c >= 'a' && c <= 'z') out += 'x';
    else if (c >= 'A' && c <= 'Z') out += 'X';
    else if (c >= '0' && c <= '9') out += 'd';
    else if (c.toLowerCase() !== c) out += 'X';
    else if (c.toUpperCase() !== c) out += 'x';
    else out += c;
  }
  return word.length > 12 ? out + '~' : out;
}

function shortShapeOf(shape: string): string {
  let out = '';
  for (let i = 0; i < shape.length; i++) if (shape[i] !== shape[i - 1]) out += shape[i];
  return out;
}

const isUpper = (c: string) => c !== c.toLowerCase();
const isLower = (c: string) => c !== c.toUpperCase();
const OPENERS = new Set(['"', "'", '``', '`', '(', '[', ':', '-', '--', '...']);

function isHeadline(words: string[]): boolean {
  let letters = 0;
  let caps = 0;
  for (const w of words) {
    if (!isUpper(w[0]) && !isLower(w[0])) continue;
    letters++;
    if (w.length > 1 ? w === w.toUpperCase() : isUpper(w)) caps++;
  }
  return letters >= 2 && caps / letters > 0.6;
}

export function prepareDocument(sentences: readonly (readonly string[])[], lexicon: Lexicon): PreparedDocument {
  const prepared: PreparedSentence[] = [];
  const caseCounts = new Map<string, { upper: number; lower: number }>();
  for (const wordsIn of sentences) {
    const words = wordsIn.slice();
    const n = words.length;
    const lower = words.map((w) => w.toLowerCase());
    const shape = words.map(shapeOf);
    const short = shape.map(shortShapeOf);
    const headline = isHeadline(words);
    const position = words.map((_, i) =>
      headline ? 'h' : i === 0 || OPENERS.has(words[i - 1]) ? 'i' : 'm',
    );
    const gazetteer: string[][] = words.map(() => []);
    const maxLength = lexicon.gazetteerMaxLength;
    for (let i = 0; i < n; i++) {
      let key = '';
      for (let len = 1; len <= maxLength && i + len <= n; len++) {
        key = len === 1 ? lower[i] : key + ' ' + lower[i + len - 1];
        const categories = lexicon.gazetteer.get(key);
        if (!categories) continue;
        for (const category of categories) {
          gazetteer[i].push(category + ':B');
          for (let j = i + 1; j < i + len; j++) gazetteer[j].push(category + ':I');
        }
      }
    }
    const cluster = words.map((w, i) => lexicon.clusters.get(w) ?? lexicon.clusters.get(lower[i]) ?? '');
    for (let i = 0; i < n; i++) {
      if (position[i] !== 'm') continue;
      const c = words[i][0];
      if (!isUpper(c) && !isLower(c)) continue;
      let counts = caseCounts.get(lower[i]);
      if (!counts) caseCounts.set(lower[i], (counts = { upper: 0, lower: 0 }));
      if (isUpper(c)) counts.upper++;
      else counts.lower++;
    }
    prepared.push({ words, lower, shape, short, gazetteer, cluster, position, headline });
  }
  return { sentences: prepared, caseCounts };
}

// Template ids: stable numbers, since the model stores only hashes built from them.
const enum T {
  Bias = 1, Word, Lower, Shape, Short, Prefix, Suffix, WordM1, WordP1, WordM2, WordP2,
  ShortM1, ShortP1, ShortM2, ShortP2, BigramM1, BigramP1, ShortTri, LowerM1Short, ShortLowerP1,
  Position, PositionShort, Headline, Gaz, GazM1, GazP1, GazShort, Casing, CasingPosition, DocCase,
  Cluster, ClusterM1, ClusterP1, Length, WordPosition, GazSeq, LowerM1LowerP1,
  // stacked
  Prev = 60, PrevM1, PrevP1, PrevM1Prev, DocMajority, DocSeen, DocFirst, DocMajorityShort, PrevShort,
}

const CLUSTER_PREFIXES = [4, 8, 12, 20];

/**
 * Feature hashes of every token of sentence `s`, as offsets into one flat array: token i's
 * features are hashes[offsets[i] .. offsets[i+1]).
 */
export function sentenceFeatures(doc: PreparedDocument, s: number, lexicon: Lexicon): { offsets: Int32Array; hashes: Uint32Array } {
  const sent = doc.sentences[s];
  const { words, lower, shape, short, gazetteer, cluster, position } = sent;
  const n = words.length;
  const out: number[] = [];
  const offsets = new Int32Array(n + 1);
  const at = (a: string[], i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : a[i]);
  for (let i = 0; i < n; i++) {
    offsets[i] = out.length;
    const w = words[i];
    const lw = lower[i];
    const sh = short[i];
    const pos = position[i];
    out.push(hash1(T.Bias, ''));
    out.push(hash1(T.Word, w), hash1(T.Lower, lw), hash1(T.Shape, shape[i]), hash1(T.Short, sh));
    const maxAffix = Math.min(4, lw.length - 1);
    for (let k = 1; k <= maxAffix; k++) {
      out.push(hash2(T.Prefix, String(k), lw.slice(0, k)), hash2(T.Suffix, String(k), lw.slice(lw.length - k)));
    }
    out.push(hash1(T.Length, String(Math.min(w.length, 10))));
    const lm1 = at(lower, i - 1);
    const lp1 = at(lower, i + 1);
    const sm1 = at(short, i - 1);
    const sp1 = at(short, i + 1);
    out.push(hash1(T.WordM1, lm1), hash1(T.WordP1, lp1), hash1(T.WordM2, at(lower, i - 2)), hash1(T.WordP2, at(lower, i + 2)));
    out.push(hash1(T.ShortM1, sm1), hash1(T.ShortP1, sp1), hash1(T.ShortM2, at(short, i - 2)), hash1(T.ShortP2, at(short, i + 2)));
    out.push(hash2(T.BigramM1, lm1, lw), hash2(T.BigramP1, lw, lp1), hash2(T.LowerM1LowerP1, lm1, lp1));
    out.push(hash3(T.ShortTri, sm1, sh, sp1), hash2(T.LowerM1Short, lm1, sh), hash2(T.ShortLowerP1, sh, lp1));
    out.push(hash1(T.Position, pos + (i === n - 1 ? '$' : '')), hash2(T.PositionShort, pos, sh));
    out.push(hash2(T.WordPosition, pos, w));
    if (sent.headline) out.push(hash1(T.Headline, sh));
    const gz = gazetteer[i];
    for (const g of gz) out.push(hash1(T.Gaz, g), hash2(T.GazShort, g, sh));
    if (gz.length) out.push(hash1(T.GazSeq, gz.join('|')));
    if (i > 0) for (const g of gazetteer[i - 1]) out.push(hash1(T.GazM1, g));
    if (i + 1 < n) for (const g of gazetteer[i + 1]) out.push(hash1(T.GazP1, g));
    const casing = lexicon.casing.get(lw);
    const casingName = casing === undefined ? 'u' : String(casing);
    out.push(hash1(T.Casing, casingName), hash3(T.CasingPosition, casingName, pos, sh));
    const counts = doc.caseCounts.get(lw);
    let upper = counts ? counts.upper : 0;
    let lowerCount = counts ? counts.lower : 0;
    if (pos === 'm') {
      if (isUpper(w[0])) upper--;
      else if (isLower(w[0])) lowerCount--;
    }
    const docCase = (upper > 0 ? 'U' : '') + (lowerCount > 0 ? 'L' : '');
    out.push(hash3(T.DocCase, docCase, pos, sh));
    const c = cluster[i];
    if (c) {
      for (const p of CLUSTER_PREFIXES) if (p <= c.length || p === CLUSTER_PREFIXES[0]) out.push(hash2(T.Cluster, String(p), c.slice(0, p)));
    } else out.push(hash1(T.Cluster, '?'));
    const cm1 = i > 0 ? cluster[i - 1] : '<s>';
    const cp1 = i + 1 < n ? cluster[i + 1] : '</s>';
    out.push(hash1(T.ClusterM1, cm1.slice(0, 8)), hash1(T.ClusterP1, cp1.slice(0, 8)));
  }
  offsets[n] = out.length;
  return { offsets, hashes: Uint32Array.from(out) };
}

/** Entity type of an IOB2 label, or "O". */
const typeOf = (label: string) => (label === 'O' ? 'O' : label.slice(2));

/**
 * Second-pass features from first-pass labels (`predicted[s][i]`, IOB2) for every sentence of
 * the document: what the token, its neighbours and other occurrences of the same word got.
 */
export function stackedFeatures(doc: PreparedDocument, predicted: readonly (readonly string[])[], s: number): number[][] {
  const sent = doc.sentences[s];
  const labels = predicted[s];
  const n = sent.words.length;
  const history = documentHistory(doc, predicted);
  const result: number[][] = [];
  for (let i = 0; i < n; i++) {
    const sh = sent.short[i];
    const out: number[] = [];
    const prev = labels[i];
    const m1 = i > 0 ? labels[i - 1] : '<s>';
    const p1 = i + 1 < n ? labels[i + 1] : '</s>';
    out.push(hash1(T.Prev, prev), hash1(T.PrevM1, m1), hash1(T.PrevP1, p1), hash2(T.PrevM1Prev, m1, prev), hash2(T.PrevShort, prev, sh));
    const entry = history.get(sent.lower[i]);
    if (entry && /[\p{L}\p{N}]/u.test(sent.words[i])) {
      // Counts over the other occurrences: subtract this one.
      const own = typeOf(prev);
      let best = '';
      let bestCount = 0;
      for (const [type, count] of entry.counts) {
        const c = type === own ? count - 1 : count;
        if (c <= 0) continue;
        out.push(hash1(T.DocSeen, type));
        if (c > bestCount || (c === bestCount && type < best)) {
          best = type;
          bestCount = c;
        }
      }
      if (best) out.push(hash1(T.DocMajority, best), hash2(T.DocMajorityShort, best, sh));
      if (entry.first && !(entry.firstSentence === s && entry.firstToken === i)) out.push(hash1(T.DocFirst, entry.first));
    }
    result.push(out);
  }
  return result;
}

interface HistoryEntry {
  counts: Map<string, number>;
  /** Type of the first occurrence labelled as an entity. */
  first: string;
  firstSentence: number;
  firstToken: number;
}

const historyCache = new WeakMap<readonly (readonly string[])[], Map<string, HistoryEntry>>();

function documentHistory(doc: PreparedDocument, predicted: readonly (readonly string[])[]): Map<string, HistoryEntry> {
  const cached = historyCache.get(predicted);
  if (cached) return cached;
  const history = new Map<string, HistoryEntry>();
  doc.sentences.forEach((sent, s) => {
    sent.lower.forEach((lw, i) => {
      let entry = history.get(lw);
      if (!entry) history.set(lw, (entry = { counts: new Map(), first: '', firstSentence: -1, firstToken: -1 }));
      const type = typeOf(predicted[s][i]);
      entry.counts.set(type, (entry.counts.get(type) ?? 0) + 1);
      if (!entry.first && type !== 'O') {
        entry.first = type;
        entry.firstSentence = s;
        entry.firstToken = i;
      }
    });
  });
  historyCache.set(predicted, history);
  return history;
}
