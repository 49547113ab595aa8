/**
 * Stacked (second-pass) features: what the first pass predicted for the token, its neighbours and
 * the same word elsewhere in the document, added to the first pass's features (features.ts).
 */
import { f1, f2, hashString } from './hash.ts';
import { BOS, caseOf, EOS, type PreparedDocument } from './features.ts';

// Template ids: stable numbers, after the first pass's (features.ts), since the model stores only hashes built from them.
const enum T {
  Prev = 60, PrevM1, PrevP1, PrevM1Prev, DocMajority, DocSeen, DocFirst, DocMajorityShort, PrevShort,
}

const TYPES = ['O', 'PER', 'LOC', 'ORG', 'MISC'];
const typeHashes = new Map<string, number>();
/** Hash of a label or type name. */
function nameHash(name: string): number {
  let h = typeHashes.get(name);
  if (h === undefined) typeHashes.set(name, (h = hashString(name)));
  return h;
}
const typeOf = (label: string) => (label === 'O' ? 'O' : label.slice(2));
const hasWordChar = (w: string) => caseOf(w.charCodeAt(0)) !== 0 || /[\p{L}\p{N}]/u.test(w);

interface NamedLabels {
  info: LabelHashes;
  /** Every token's label index, all sentences one after the other, and where each sentence starts. */
  labels: Int32Array;
  starts: number[];
  history: DocumentHistory;
}

const namedLabelsCache = new WeakMap<readonly (readonly string[])[], NamedLabels>();

/** First-pass labels given by name (training), as the indices `stackedFeaturesInto` reads; once per document. */
function namedLabels(doc: PreparedDocument, predicted: readonly (readonly string[])[]): NamedLabels {
  const cached = namedLabelsCache.get(predicted);
  if (cached) return cached;
  const names = [...new Set(predicted.flat())];
  const index = new Map(names.map((name, i) => [name, i]));
  const info = labelHashes(names);
  const labels = Int32Array.from(predicted.flat(), (name) => index.get(name)!);
  const starts: number[] = [];
  let start = 0;
  for (const sentence of predicted) {
    starts.push(start);
    start += sentence.length;
  }
  const named = { info, labels, starts, history: documentHistoryOf(doc, labels, info) };
  namedLabelsCache.set(predicted, named);
  return named;
}

/**
 * Second-pass features from first-pass labels (`predicted[s][i]`, IOB2) for sentence s of the
 * document: what the token, its neighbours and other occurrences of the same word got. Training's
 * form of `stackedFeaturesInto`, one array of hashes per token.
 */
export function stackedFeatures(doc: PreparedDocument, predicted: readonly (readonly string[])[], s: number): number[][] {
  const { info, labels, starts, history } = namedLabels(doc, predicted);
  const n = doc.sentences[s].words.length;
  const offsets = new Int32Array(n + 1);
  const out = new Uint32Array(n * MAX_STACKED_FEATURES);
  stackedFeaturesInto(doc, history, info, labels, starts[s], s, offsets, out);
  return Array.from({ length: n }, (_, i) => Array.from(out.subarray(offsets[i], offsets[i + 1])));
}

/** Most stacked features one token can have (see `stackedFeaturesInto`). */
export const MAX_STACKED_FEATURES = 13;

/** What `stackedFeaturesInto` needs per label index: the label's name hash and its TYPES index (-1: none). */
export interface LabelHashes {
  hashes: number[];
  types: number[];
}

export function labelHashes(labels: readonly string[]): LabelHashes {
  return { hashes: labels.map(nameHash), types: labels.map((l) => TYPES.indexOf(typeOf(l))) };
}

/**
 * The same hashes, in the same order, as `stackedFeatures`, for first-pass labels given as
 * indices into the label list of `info` (sentence s's at labels[first ..]) and written flat: token i's hashes are
 * out[offsets[i] .. offsets[i+1]) (`out` has room for n × MAX_STACKED_FEATURES). `history`:
 * `documentHistoryOf` of the same labels. In the 'codes' form, the features that
 * `labelFeatures` and `labelShapeFeature` give are left out and the document-history ones are
 * written as codes (see `docFeature`), not hashes.
 */
export function stackedFeaturesInto(
  doc: PreparedDocument,
  history: DocumentHistory,
  info: LabelHashes,
  labels: Int32Array,
  first: number,
  s: number,
  offsets: Int32Array,
  out: Uint32Array,
  form: 'hashes' | 'codes' = 'hashes',
): void {
  const codes = form === 'codes';
  const sent = doc.sentences[s];
  const n = sent.words.length;
  const { hashes, types } = info;
  let used = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = used;
    const sh = sent.hShort[i];
    const prev = hashes[labels[first + i]];
    const m1 = i > 0 ? hashes[labels[first + i - 1]] : BOS;
    const p1 = i + 1 < n ? hashes[labels[first + i + 1]] : EOS;
    if (!codes) {
      out[used++] = f1(T.Prev, prev);
      out[used++] = f1(T.PrevM1, m1);
      out[used++] = f1(T.PrevP1, p1);
      out[used++] = f2(T.PrevM1Prev, m1, prev);
      out[used++] = f2(T.PrevShort, prev, sh);
    }
    // Every word of the document has its entry.
    const entry = history.entryOf[first + i];
    if (hasWordChar(sent.words[i])) {
      const own = types[labels[first + i]];
      let best = -1;
      let bestCount = 0;
      for (let type = 0; type < TYPES.length; type++) {
        const count = history.counts[entry * TYPES.length + type] - (type === own ? 1 : 0);
        if (count <= 0) continue;
        out[used++] = codes ? DOC_SEEN + type : docFeature(DOC_SEEN + type, sh);
        if (count > bestCount) {
          best = type;
          bestCount = count;
        }
      }
      if (best >= 0) {
        out[used++] = codes ? DOC_MAJORITY + best : docFeature(DOC_MAJORITY + best, sh);
        out[used++] = codes ? DOC_MAJORITY_SHORT + best : docFeature(DOC_MAJORITY_SHORT + best, sh);
      }
      const firstType = history.first[entry];
      if (firstType >= 0 && !(history.firstSentence[entry] === s && history.firstToken[entry] === i)) {
        out[used++] = codes ? DOC_FIRST + firstType : docFeature(DOC_FIRST + firstType, sh);
      }
    }
  }
  offsets[n] = used;
}

const TYPE_HASHES = TYPES.map(nameHash);

/** Codes of the document-history features: kind + TYPES index (see `docFeature`). */
const DOC_SEEN = 0;
const DOC_MAJORITY = 5;
const DOC_MAJORITY_SHORT = 10;
const DOC_FIRST = 15;
/** Number of document-history feature codes. */
export const DOC_CODES = 20;
/** Whether a code's feature also depends on the token's short shape. */
export const isShapeCode = (code: number) => code >= DOC_MAJORITY_SHORT && code < DOC_FIRST;

/** The hash of a document-history feature given by its code, for a token of short shape `shortShape`. */
export function docFeature(code: number, shortShape: number): number {
  const type = TYPE_HASHES[code % 5];
  if (code < DOC_MAJORITY) return f1(T.DocSeen, type);
  if (code < DOC_MAJORITY_SHORT) return f1(T.DocMajority, type);
  if (code < DOC_FIRST) return f2(T.DocMajorityShort, type, shortShape);
  return f1(T.DocFirst, type);
}

/** Name hashes standing for the label before the first token and after the last (see `labelFeatures`). */
export const LABEL_BOS = BOS;
export const LABEL_EOS = EOS;

/**
 * Stacked features that depend on first-pass labels alone: the token's (`prev`), the previous
 * token's (`m1`) and the next one's (`p1`), as name hashes (`LabelHashes.hashes`, or LABEL_BOS
 * / LABEL_EOS past the sentence's ends). The tagger sums their weights once per label triple.
 */
export function labelFeatures(m1: number, prev: number, p1: number): number[] {
  return [f1(T.Prev, prev), f1(T.PrevM1, m1), f1(T.PrevP1, p1), f2(T.PrevM1Prev, m1, prev)];
}

/** The stacked feature of a token's first-pass label (name hash) and its short shape hash. */
export function labelShapeFeature(prev: number, shortShape: number): number {
  return f2(T.PrevShort, prev, shortShape);
}

/** Where each lowercase word occurs in a document and the types its first-pass labels gave it, by entry (one per word), for `stackedFeaturesInto`. */
export interface DocumentHistory {
  /** Per token of the document (all sentences one after the other): its word's entry. */
  entryOf: Int32Array;
  /** Per entry, occurrences per index of TYPES: counts[entry * TYPES.length + type]. */
  counts: Int32Array;
  /** Per entry: TYPES index of the first occurrence labelled as an entity (-1: none), where it is. */
  first: Int32Array;
  firstSentence: Int32Array;
  firstToken: Int32Array;
}

/** The document history for labels given as indices (see `labelHashes`), all sentences' one after the other. */
export function documentHistoryOf(doc: PreparedDocument, labels: Int32Array, info: LabelHashes): DocumentHistory {
  const { types } = info;
  const total = labels.length;
  const ids = new Map<string, number>();
  const history: DocumentHistory = {
    entryOf: new Int32Array(total),
    counts: new Int32Array(total * TYPES.length),
    first: new Int32Array(total).fill(-1),
    firstSentence: new Int32Array(total).fill(-1),
    firstToken: new Int32Array(total).fill(-1),
  };
  let k = 0;
  for (let s = 0; s < doc.sentences.length; s++) {
    const lower = doc.sentences[s].lower;
    for (let i = 0; i < lower.length; i++, k++) {
      let entry = ids.get(lower[i]);
      if (entry === undefined) ids.set(lower[i], (entry = ids.size));
      history.entryOf[k] = entry;
      const type = Math.max(0, types[labels[k]]);
      history.counts[entry * TYPES.length + type]++;
      if (history.first[entry] < 0 && type !== 0) {
        history.first[entry] = type;
        history.firstSentence[entry] = s;
        history.firstToken[entry] = i;
      }
    }
  }
  return history;
}
