/**
 * Feature extraction, shared by training and runtime. A document is prepared once (word forms
 * and their hashes, shapes, gazetteer matches, document-wide casing evidence); then each
 * sentence yields, per token, a list of feature hashes. The stacked (second-pass) features are in
 * stacked-features.ts.
 */
import { f1, f2, f3, hashString } from './hash.ts';
import type { Lexicon } from './lexicon.ts';

export interface PreparedSentence {
  words: string[];
  /** What is known of each word type (shared, cached per lexicon). */
  infos: WordInfo[];
  lower: string[];
  /** Hashes of the word, its lowercase form, its shape ("Xxxxx") and short shape ("Xx"). */
  hWord: number[];
  hLower: number[];
  hShape: number[];
  hShort: number[];
  /** Per token: hashes of the gazetteer categories matched, as "CAT:B" / "CAT:I". */
  gazetteer: number[][];
  /** Per token: hashes of cluster path prefixes ([] when the word has no cluster). */
  cluster: number[][];
  /** Per token: 0 mid-sentence, 1 sentence-initial (capitals tell little), 2 in a headline. */
  position: number[];
  /** Per token: capitalization bin of the word in unlabelled text, 4 when unknown. */
  casing: number[];
  headline: boolean;
}

export interface PreparedDocument {
  sentences: PreparedSentence[];
  /** Lowercased word → mid-sentence occurrences capitalized / lowercase in this document. */
  caseCounts: Map<string, { upper: number; lower: number }>;
}

const UPPER = 1;
const LOWER = 2;

/** 1 upper, 2 lower, 0 neither (digit, punctuation). */
export function caseOf(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? UPPER : c >= 97 && c <= 122 ? LOWER : 0;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase() ? UPPER : ch !== ch.toUpperCase() ? LOWER : 0;
}

function shapeOf(word: string): string {
  let out = '';
  const n = Math.min(word.length, 12);
  for (let i = 0; i < n; i++) {
    const c = word.charCodeAt(i);
    const k = caseOf(c);
    out += k === UPPER ? 'X' : k === LOWER ? 'x' : c >= 48 && c <= 57 ? 'd' : word[i];
  }
  return word.length > 12 ? out + '~' : out;
}

function shortShapeOf(shape: string): string {
  let out = '';
  for (let i = 0; i < shape.length; i++) if (shape[i] !== shape[i - 1]) out += shape[i];
  return out;
}

const OPENERS = new Set(['"', "'", '``', '`', '(', '[', ':', '-', '--', '...']);

/** Whether a sentence (its words' infos) is a headline: mostly words in capitals. */
function isHeadline(infos: readonly WordInfo[]): boolean {
  let letters = 0;
  let caps = 0;
  for (const info of infos) {
    const k = info.initial;
    if (!k) continue;
    letters++;
    if (k === UPPER && info.capitals) caps++;
  }
  return letters >= 2 && caps / letters > 0.6;
}

const categoryHashes = new Map<string, number>();
function categoryHash(category: string, inside: boolean): number {
  const key = inside ? category + ':I' : category + ':B';
  let h = categoryHashes.get(key);
  if (h === undefined) categoryHashes.set(key, (h = hashString(key)));
  return h;
}

const CLUSTER_PREFIXES = [4, 8, 12];
const clusterCache = new WeakMap<Lexicon, Map<string, number[]>>();
function clusterHashes(lexicon: Lexicon, word: string, lower: string): number[] {
  let cache = clusterCache.get(lexicon);
  if (!cache) clusterCache.set(lexicon, (cache = new Map()));
  const path = lexicon.clusters.get(word) ?? lexicon.clusters.get(lower);
  if (path === undefined) return [];
  let hashes = cache.get(path);
  if (!hashes) {
    hashes = CLUSTER_PREFIXES.filter((p, i) => i === 0 || p <= path.length).map((p) => hashString(p + ':' + path.slice(0, p)));
    cache.set(path, hashes);
  }
  return hashes;
}

/** What the features need to know about a word type, whatever its context. */
export interface WordInfo {
  lower: string;
  hWord: number;
  hLower: number;
  hShape: number;
  hShort: number;
  casing: number;
  cluster: number[];
  /** caseOf(first character) */
  initial: number;
  /** One character, or written all in capitals (see isHeadline). */
  capitals: boolean;
  /** Hashes of the gazetteer categories of the lowercase form alone, as "CAT:B" (null: none). */
  gazetteer: number[] | null;
  /** Whether the lowercase form starts a longer gazetteer entry. */
  gazetteerPrefix: boolean;
  /**
   * The tagger's cache (filled in by the tagger): summed weights of `wordFeatures` and of the
   * four `neighbourFeatures` lists, and per position code × 4 + casing bin of `positionFeatures`.
   */
  scores?: Int32Array;
  positionScores?: (Int32Array | undefined)[];
}

const wordInfoCaches = new WeakMap<Lexicon, Map<string, WordInfo>>();

function wordInfoCache(lexicon: Lexicon): Map<string, WordInfo> {
  let cache = wordInfoCaches.get(lexicon);
  if (!cache) wordInfoCaches.set(lexicon, (cache = new Map()));
  return cache;
}

function wordInfo(lexicon: Lexicon, cache: Map<string, WordInfo>, word: string): WordInfo {
  let info = cache.get(word);
  if (info) return info;
  const lower = word.toLowerCase();
  const hWord = hashString(word);
  const shape = shapeOf(word);
  const categories = lexicon.gazetteer.get(lower);
  info = {
    lower,
    hWord,
    hLower: lower === word ? hWord : hashString(lower),
    hShape: hashString(shape),
    hShort: hashString(shortShapeOf(shape)),
    casing: lexicon.casing.get(lower) ?? 4,
    cluster: clusterHashes(lexicon, word, lower),
    initial: caseOf(word.charCodeAt(0)),
    capitals: word.length === 1 || word === word.toUpperCase(),
    gazetteer: categories ? categories.map((category) => categoryHash(category, false)) : null,
    gazetteerPrefix: lexicon.gazetteerPrefixes.has(lower),
  };
  // Bounded: a long-running process sees an open-ended vocabulary.
  if (cache.size >= 200_000) cache.clear();
  cache.set(word, info);
  return info;
}

/** Shared by the tokens without gazetteer matches; never written to (see addMatch). */
const NO_MATCHES: number[] = [];

function addMatch(gazetteer: number[][], i: number, hash: number): void {
  if (gazetteer[i] === NO_MATCHES) gazetteer[i] = [hash];
  else gazetteer[i].push(hash);
}

export function prepareDocument(sentences: readonly (readonly string[])[], lexicon: Lexicon): PreparedDocument {
  const prepared: PreparedSentence[] = [];
  const caseCounts = new Map<string, { upper: number; lower: number }>();
  const maxLength = lexicon.gazetteerMaxLength;
  const cache = wordInfoCache(lexicon);
  for (const wordsIn of sentences) {
    const words = wordsIn.slice();
    const n = words.length;
    const infos: WordInfo[] = [];
    const lower: string[] = [];
    const hWord: number[] = [];
    const hLower: number[] = [];
    const hShape: number[] = [];
    const hShort: number[] = [];
    const cluster: number[][] = [];
    const casing: number[] = [];
    const gazetteer: number[][] = [];
    for (let i = 0; i < n; i++) {
      const x = wordInfo(lexicon, cache, words[i]);
      infos.push(x);
      lower.push(x.lower);
      hWord.push(x.hWord);
      hLower.push(x.hLower);
      hShape.push(x.hShape);
      hShort.push(x.hShort);
      cluster.push(x.cluster);
      casing.push(x.casing);
      gazetteer.push(NO_MATCHES);
    }
    const headline = isHeadline(infos);
    const position: number[] = [];
    for (let i = 0; i < n; i++) position.push(headline ? 2 : i === 0 || OPENERS.has(words[i - 1]) ? 1 : 0);
    for (let i = 0; i < n; i++) {
      // One word: from the word's cached info; longer entries: looked up while they are prefixes.
      const single = infos[i].gazetteer;
      if (single) for (const h of single) addMatch(gazetteer, i, h);
      if (!infos[i].gazetteerPrefix) continue;
      let key = lower[i];
      for (let len = 2; len <= maxLength && i + len <= n; len++) {
        key = key + ' ' + lower[i + len - 1];
        const categories = lexicon.gazetteer.get(key);
        if (categories) {
          for (const category of categories) {
            addMatch(gazetteer, i, categoryHash(category, false));
            for (let j = i + 1; j < i + len; j++) addMatch(gazetteer, j, categoryHash(category, true));
          }
        }
        if (!lexicon.gazetteerPrefixes.has(key)) break;
      }
    }
    for (let i = 0; i < n; i++) {
      const k = infos[i].initial;
      if (position[i] !== 0 || !k) continue;
      let counts = caseCounts.get(lower[i]);
      if (!counts) caseCounts.set(lower[i], (counts = { upper: 0, lower: 0 }));
      if (k === UPPER) counts.upper++;
      else counts.lower++;
    }
    prepared.push({ words, infos, lower, hWord, hLower, hShape, hShort, gazetteer, cluster, position, casing, headline });
  }
  return { sentences: prepared, caseCounts };
}

// Template ids: stable numbers, since the model stores only hashes built from them.
const enum T {
  Bias = 1, Word, Lower, Shape, Short, Prefix, Suffix, WordM1, WordP1, WordM2, WordP2,
  ShortM1, ShortP1, ShortM2, ShortP2, BigramM1, BigramP1, ShortTri, LowerM1Short, ShortLowerP1,
  Position, PositionShort, Headline, Gaz, GazM1, GazP1, GazShort, Casing, CasingPosition, DocCase,
  Cluster, ClusterM1, ClusterP1, Length, WordPosition, GazCount, LowerM1LowerP1, NoCluster,
  // 60 onwards: the stacked templates (stacked-features.ts)
}

export const BOS = hashString('<s>');
export const EOS = hashString('</s>');
const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Features that depend on the word alone (and the lexicon), not on its context: the tagger
 * caches their summed weights per word.
 */
export function wordFeatures(sent: PreparedSentence, i: number, out: number[]): void {
  const lw = sent.lower[i];
  out.push(f1(T.Bias, 0), f1(T.Word, sent.hWord[i]), f1(T.Lower, sent.hLower[i]), f1(T.Shape, sent.hShape[i]), f1(T.Short, sent.hShort[i]));
  const maxAffix = Math.min(4, lw.length - 1);
  let prefix = FNV_BASIS;
  let suffix = FNV_BASIS;
  for (let k = 0; k < maxAffix; k++) {
    prefix = Math.imul(prefix ^ lw.charCodeAt(k), FNV_PRIME);
    suffix = Math.imul(suffix ^ lw.charCodeAt(lw.length - 1 - k), FNV_PRIME);
    out.push(f2(T.Prefix, k, prefix), f2(T.Suffix, k, suffix));
  }
  out.push(f1(T.Length, Math.min(sent.words[i].length, 10)), f1(T.Casing, sent.casing[i]));
  const c = sent.cluster[i];
  if (c.length) for (const h of c) out.push(f1(T.Cluster, h));
  else out.push(f1(T.NoCluster, 0));
}

/** Scratch space for sentenceFeatures, grown as needed. */
let buffer = new Uint32Array(1 << 14);
const scratchWord: number[] = [];

/**
 * Feature hashes of every token of sentence `s`, as offsets into one flat array: token i's
 * features are hashes[offsets[i] .. offsets[i+1]). Without `withWordFeatures`, only the
 * contextual ones.
 */
export function sentenceFeatures(doc: PreparedDocument, s: number, withWordFeatures = true): { offsets: Int32Array; hashes: Uint32Array } {
  const offsets = new Int32Array(doc.sentences[s].words.length + 1);
  const used = collectFeatures(doc, s, withWordFeatures ? ALL : CONTEXT, offsets);
  return { offsets, hashes: buffer.slice(0, used) };
}

/** What collectFeatures writes: everything; all but the word features; only what neither `wordFeatures`, `neighbourFeatures` nor `positionFeatures` give. */
const ALL = 0;
const CONTEXT = 1;
const REST = 2;

/**
 * The contextual features of sentence `s` that depend on more than one word type, its position
 * and casing bin (word pairs and triples, gazetteer matches), as a view like
 * `sentenceFeaturesView`. With `wordFeatures` of each token, `neighbourFeatures` of its
 * neighbours (or `BOUNDARY_FEATURES`) and `positionFeatures`, the same multiset of hashes as
 * `sentenceFeatures`. Both arrays are scratch space, valid until the next call, and longer than
 * needed: the sentence's n tokens use offsets[0 .. n] and hashes[0 .. offsets[n]).
 */
export function restFeaturesView(doc: PreparedDocument, s: number): { offsets: Int32Array; hashes: Uint32Array } {
  const n = doc.sentences[s].words.length;
  if (scratchOffsets.length < n + 1) scratchOffsets = new Int32Array(Math.max(n + 1, scratchOffsets.length * 2));
  collectFeatures(doc, s, REST, scratchOffsets);
  return { offsets: scratchOffsets, hashes: buffer };
}

let scratchOffsets = new Int32Array(256);

/**
 * Features that token i gets from the word type at i-1, i-2, i+1 and i+2 alone (in that order):
 * the tagger caches their summed weights per word.
 */
export function neighbourFeatures(info: WordInfo): [number[], number[], number[], number[]] {
  const m1 = [f1(T.WordM1, info.hLower), f1(T.ShortM1, info.hShort)];
  const p1 = [f1(T.WordP1, info.hLower), f1(T.ShortP1, info.hShort)];
  const c = info.cluster;
  if (c.length) {
    m1.push(f1(T.ClusterM1, c[Math.min(1, c.length - 1)]));
    p1.push(f1(T.ClusterP1, c[Math.min(1, c.length - 1)]));
  }
  return [m1, [f1(T.WordM2, info.hLower), f1(T.ShortM2, info.hShort)], p1, [f1(T.WordP2, info.hLower), f1(T.ShortP2, info.hShort)]];
}

/** What `neighbourFeatures` stands for past the sentence's ends: i-1, i-2, i+1, i+2. */
export const BOUNDARY_FEATURES: readonly (readonly number[])[] = [
  [f1(T.WordM1, BOS), f1(T.ShortM1, BOS)],
  [f1(T.WordM2, BOS), f1(T.ShortM2, BOS)],
  [f1(T.WordP1, EOS), f1(T.ShortP1, EOS)],
  [f1(T.WordP2, EOS), f1(T.ShortP2, EOS)],
];

/**
 * Features of a word type at a position code (`position` + 4 for the last token; 2 and 6 only
 * in headlines) with the document's casing evidence (`docCaseBin`): the tagger caches their
 * summed weights per word, position and casing bin.
 */
export function positionFeatures(info: WordInfo, pos: number, docCase: number): number[] {
  const sh = info.hShort;
  const out = [
    f1(T.Position, pos),
    f2(T.PositionShort, pos, sh),
    f2(T.WordPosition, pos, info.hWord),
    f3(T.CasingPosition, info.casing, pos, sh),
    f3(T.DocCase, docCase, pos, sh),
  ];
  if ((pos & 3) === 2) out.push(f1(T.Headline, sh));
  return out;
}

/**
 * How the token's word is written elsewhere in the document, mid-sentence: 1 capitalized, 2 in
 * lower case, 3 both, 0 neither (this occurrence left out).
 */
export function docCaseBin(doc: PreparedDocument, sent: PreparedSentence, i: number): number {
  const counts = doc.caseCounts.get(sent.lower[i]);
  let upper = counts ? counts.upper : 0;
  let lowerCount = counts ? counts.lower : 0;
  if (sent.position[i] === 0) {
    const k = caseOf(sent.words[i].charCodeAt(0));
    if (k === UPPER) upper--;
    else if (k === LOWER) lowerCount--;
  }
  return (upper > 0 ? 1 : 0) + (lowerCount > 0 ? 2 : 0);
}

/** Position code of token i (see `positionFeatures`). */
export function positionCode(sent: PreparedSentence, i: number): number {
  return sent.position[i] + (i === sent.words.length - 1 ? 4 : 0);
}

/** Writes the features of sentence s to `buffer` and their offsets to `offsets`; returns how many. */
function collectFeatures(doc: PreparedDocument, s: number, mode: number, offsets: Int32Array): number {
  const sent = doc.sentences[s];
  const { words, lower, hWord, hLower, hShort, gazetteer, cluster, position, casing } = sent;
  const n = words.length;
  let used = 0;
  const word = scratchWord;
  for (let i = 0; i < n; i++) {
    offsets[i] = used;
    word.length = 0;
    if (mode === ALL) wordFeatures(sent, i, word);
    const gz = gazetteer[i];
    // Room for every feature of this token (word features, 20 context ones, gazetteer ones).
    const room = used + word.length + 24 + 2 * gz.length + (i > 0 ? gazetteer[i - 1].length : 0) + (i + 1 < n ? gazetteer[i + 1].length : 0);
    if (room > buffer.length) {
      let size = buffer.length * 2;
      while (size < room) size *= 2;
      const grown = new Uint32Array(size);
      grown.set(buffer.subarray(0, used));
      buffer = grown;
    }
    const out = buffer;
    for (let k = 0; k < word.length; k++) out[used++] = word[k];
    const sh = hShort[i];
    const pos = position[i] + (i === n - 1 ? 4 : 0);
    const lm1 = i > 0 ? hLower[i - 1] : BOS;
    const lp1 = i + 1 < n ? hLower[i + 1] : EOS;
    const sm1 = i > 0 ? hShort[i - 1] : BOS;
    const sp1 = i + 1 < n ? hShort[i + 1] : EOS;
    if (mode !== REST) {
      out[used++] = f1(T.WordM1, lm1);
      out[used++] = f1(T.WordP1, lp1);
      out[used++] = f1(T.WordM2, i > 1 ? hLower[i - 2] : BOS);
      out[used++] = f1(T.WordP2, i + 2 < n ? hLower[i + 2] : EOS);
      out[used++] = f1(T.ShortM1, sm1);
      out[used++] = f1(T.ShortP1, sp1);
      out[used++] = f1(T.ShortM2, i > 1 ? hShort[i - 2] : BOS);
      out[used++] = f1(T.ShortP2, i + 2 < n ? hShort[i + 2] : EOS);
    }
    out[used++] = f2(T.BigramM1, lm1, hLower[i]);
    out[used++] = f2(T.BigramP1, hLower[i], lp1);
    out[used++] = f2(T.LowerM1LowerP1, lm1, lp1);
    out[used++] = f3(T.ShortTri, sm1, sh, sp1);
    out[used++] = f2(T.LowerM1Short, lm1, sh);
    out[used++] = f2(T.ShortLowerP1, sh, lp1);
    if (mode !== REST) {
      out[used++] = f1(T.Position, pos);
      out[used++] = f2(T.PositionShort, pos, sh);
      out[used++] = f2(T.WordPosition, pos, hWord[i]);
      out[used++] = f3(T.CasingPosition, casing[i], pos, sh);
      if (sent.headline) out[used++] = f1(T.Headline, sh);
    }
    for (let k = 0; k < gz.length; k++) {
      out[used++] = f1(T.Gaz, gz[k]);
      out[used++] = f2(T.GazShort, gz[k], sh);
    }
    if (i > 0) {
      const g = gazetteer[i - 1];
      for (let k = 0; k < g.length; k++) out[used++] = f1(T.GazM1, g[k]);
    }
    if (i + 1 < n) {
      const g = gazetteer[i + 1];
      for (let k = 0; k < g.length; k++) out[used++] = f1(T.GazP1, g[k]);
    }
    if (mode !== REST) out[used++] = f3(T.DocCase, docCaseBin(doc, sent, i), pos, sh);
    if (mode !== REST) {
      if (i > 0 && cluster[i - 1].length) out[used++] = f1(T.ClusterM1, cluster[i - 1][Math.min(1, cluster[i - 1].length - 1)]);
      if (i + 1 < n && cluster[i + 1].length) out[used++] = f1(T.ClusterP1, cluster[i + 1][Math.min(1, cluster[i + 1].length - 1)]);
    }
  }
  offsets[n] = used;
  return used;
}
