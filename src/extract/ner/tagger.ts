/** Runtime tagging: a loaded model labels the words of a whole document (two passes). */
import { spansOf, toIob2 } from './iob.ts';
import { Lexicon } from './lexicon.ts';
import {
  BOUNDARY_FEATURES,
  docCaseBin,
  neighbourFeatures,
  positionCode,
  positionFeatures,
  type PreparedDocument,
  type PreparedSentence,
  prepareDocument,
  restFeaturesView,
  wordFeatures,
} from './features.ts';
import {
  DOC_CODES,
  docFeature,
  documentHistoryOf,
  isShapeCode,
  LABEL_BOS,
  LABEL_EOS,
  labelFeatures,
  labelShapeFeature,
  labelHashes,
  type LabelHashes,
  MAX_STACKED_FEATURES,
  stackedFeaturesInto,
} from './stacked-features.ts';
import { allowedTransitions, traceBack } from './perceptron.ts';
import type { Layer, ModelData } from './model.ts';

/**
 * All layers' weights behind one open-addressing table from feature hash to row; row r holds,
 * as int16, layer 0's L weights and then layer 1's, so base features are looked up once for
 * both passes. Kept compact (hash and row side by side, weights packed): lookups are memory
 * bound.
 */
class ScoringTable {
  /** Slot i: hash at entries[2i], row at entries[2i + 1]; hash 0 marks an empty slot. */
  private readonly entries: Uint32Array;
  private readonly mask: number;
  /** rows × width */
  readonly weights: Int16Array;
  readonly width: number;

  constructor(layers: readonly Layer[], L: number) {
    // Each layer's hashes are sorted: merge them into one sorted, distinct list of rows.
    const cursors = layers.map(() => 0);
    const rowOf = layers.map((layer) => new Int32Array(layer.hashes.length));
    let rowCount = 0;
    for (;;) {
      let next = -1;
      for (let l = 0; l < layers.length; l++) {
        if (cursors[l] < layers[l].hashes.length && (next < 0 || layers[l].hashes[cursors[l]] < next)) next = layers[l].hashes[cursors[l]];
      }
      if (next < 0) break;
      for (let l = 0; l < layers.length; l++) {
        if (cursors[l] < layers[l].hashes.length && layers[l].hashes[cursors[l]] === next) rowOf[l][cursors[l]++] = rowCount;
      }
      rowCount++;
    }
    this.width = L * layers.length;
    this.weights = new Int16Array(rowCount * this.width);
    let size = 1;
    while (size < rowCount * 1.5) size <<= 1;
    this.mask = size - 1;
    this.entries = new Uint32Array(size * 2);
    layers.forEach((layer, l) => {
      const { hashes, weights } = layer;
      for (let r = 0; r < hashes.length; r++) {
        const row = rowOf[l][r];
        const target = row * this.width + l * L;
        for (let y = 0; y < L; y++) this.weights[target + y] = weights[r * L + y];
        let slot = hashes[r] & this.mask;
        while (this.entries[slot * 2] !== 0 && this.entries[slot * 2] !== hashes[r]) slot = (slot + 1) & this.mask;
        this.entries[slot * 2] = hashes[r];
        this.entries[slot * 2 + 1] = row;
      }
    });
  }

  /** `offset` of the first `count` hashes, into a scratch array (valid until the next call). */
  offsets(hashes: Uint32Array, count: number): Int32Array {
    if (this.scratch.length < count) this.scratch = new Int32Array(Math.max(count, this.scratch.length * 2));
    const out = this.scratch;
    const entries = this.entries;
    const mask = this.mask;
    const width = this.width;
    for (let k = 0; k < count; k++) {
      const hash = hashes[k];
      let slot = hash & mask;
      let key = entries[slot * 2];
      while (key !== hash && key !== 0) {
        slot = (slot + 1) & mask;
        key = entries[slot * 2];
      }
      out[k] = key === 0 ? -1 : entries[slot * 2 + 1] * width;
    }
    return out;
  }

  private scratch = new Int32Array(1024);

  /** Index in `weights` of a feature's row, or -1. */
  offset(hash: number): number {
    const entries = this.entries;
    let slot = hash & this.mask;
    for (;;) {
      const key = entries[slot * 2];
      if (key === hash) return entries[slot * 2 + 1] * this.width;
      if (key === 0) return -1;
      slot = (slot + 1) & this.mask;
    }
  }
}

export class DocumentTagger {
  readonly labels: string[];
  readonly lexicon: Lexicon;
  private readonly table: ScoringTable;
  private readonly transitions: Float32Array[];
  private readonly scales: number[];
  private readonly allowed: Uint8Array;
  private readonly encoding: 'IOB1' | 'IOB2';
  private readonly labelHashes: LabelHashes;
  /** Laid out like a word's `wordScores`: the sums of BOUNDARY_FEATURES (at 1..4 × width). */
  private readonly boundary: Int32Array;
  /** Scratch space: stacked feature codes and their offsets. */
  private stacked = new Uint32Array(1024);
  private stackedOffsets = new Int32Array(256);
  /** Per layer: weights (that layer's L columns) of every document-history feature code that does not depend on the shape, at code × L. */
  private readonly docScores: Int32Array[];
  /** Per layer: summed weights (that layer's L columns) of labelFeatures for every label triple. */
  private readonly labelScores: Int32Array[];
  /**
   * Per layer: short shape hash → for every label y, the weights (L) of labelShapeFeature at
   * y × L; then for every TYPES index, those of its shape-dependent document-history feature.
   */
  private readonly shapeScores: Map<number, Int32Array>[];
  /** Scratch: per token of the sentence at hand, its word's `wordScores` (cached arrays). */
  private readonly vectors: Int32Array[] = [];
  /** Per layer, the transition weights as float64 (exact copies). */
  private readonly transitions64: Float64Array[];
  /** For each label y, the labels allowed before it, ascending: predecessors[predecessorStart[y] .. predecessorStart[y + 1]). */
  private readonly predecessors: Int32Array;
  private readonly predecessorStart: Int32Array;
  private viterbiScore = new Float64Array(1024);
  private viterbiBack = new Int32Array(1024);

  constructor(model: ModelData) {
    this.labels = model.labels;
    this.lexicon = new Lexicon(model.lexicon);
    this.table = new ScoringTable(model.layers, model.labels.length);
    this.transitions = model.layers.map((layer) => layer.transitions);
    this.scales = model.layers.map((layer) => layer.scale);
    this.encoding = model.encoding ?? 'IOB2';
    this.allowed = allowedTransitions(model.labels, this.encoding);
    this.labelHashes = labelHashes(model.labels);
    this.transitions64 = this.transitions.map((t) => Float64Array.from(t));
    const L = model.labels.length;
    const predecessors: number[] = [];
    this.predecessorStart = new Int32Array(L + 1);
    for (let y = 0; y < L; y++) {
      this.predecessorStart[y] = predecessors.length;
      for (let p = 0; p < L; p++) if (this.allowed[p * L + y]) predecessors.push(p);
    }
    this.predecessorStart[L] = predecessors.length;
    this.predecessors = Int32Array.from(predecessors);
    // Per layer ≥ 1: summed weights of labelFeatures(m1, y, p1) for every label triple (L: the sentence's ends).
    const H = this.labelHashes.hashes;
    this.labelScores = this.transitions.map((_, layer) => {
      if (layer === 0) return new Int32Array(0);
      const sums = new Int32Array((L + 1) * L * (L + 1) * L);
      const scratch = new Int32Array(this.table.width);
      for (let m1 = 0; m1 <= L; m1++) {
        for (let y = 0; y < L; y++) {
          for (let p1 = 0; p1 <= L; p1++) {
            scratch.fill(0);
            this.addScores(labelFeatures(m1 < L ? H[m1] : LABEL_BOS, H[y], p1 < L ? H[p1] : LABEL_EOS), scratch, 0);
            sums.set(scratch.subarray(layer * L, layer * L + L), ((m1 * L + y) * (L + 1) + p1) * L);
          }
        }
      }
      return sums;
    });
    this.shapeScores = this.transitions.map(() => new Map());
    this.docScores = this.transitions.map((_, layer) => {
      const sums = new Int32Array(DOC_CODES * L);
      if (layer === 0) return sums;
      const scratch = new Int32Array(this.table.width);
      for (let code = 0; code < DOC_CODES; code++) {
        if (isShapeCode(code)) continue;
        scratch.fill(0);
        this.addScores([docFeature(code, 0)], scratch, 0);
        sums.set(scratch.subarray(layer * L, layer * L + L), code * L);
      }
      return sums;
    });
    this.boundary = new Int32Array(5 * this.table.width);
    BOUNDARY_FEATURES.forEach((list, k) => this.addScores(list, this.boundary, (k + 1) * this.table.width));
  }

  /** IOB2 labels for every word of every sentence of one document. */
  tag(sentences: readonly (readonly string[])[]): string[][] {
    const doc = prepareDocument(sentences, this.lexicon);
    const L = this.labels.length;
    const layers = this.transitions.length;
    const { table } = this;
    const { width } = table;
    const count = doc.sentences.length;
    // Sentence s's tokens are the document's tokens starts[s] .. starts[s + 1].
    const starts = new Int32Array(count + 1);
    for (let s = 0; s < count; s++) starts[s + 1] = starts[s] + doc.sentences[s].words.length;
    const total = starts[count];
    // Emission scores (in quantized units) of the base features for every layer: emit[token * width + layer * L + y].
    const emit = new Int32Array(total * width);
    const boundary = this.boundary;
    for (let s = 0; s < count; s++) {
      const sentence = doc.sentences[s];
      const f = restFeaturesView(doc, s);
      const n = sentence.words.length;
      const first = starts[s];
      // Cached sums: the word's own features, its neighbours' (see `neighbourFeatures`), its position's.
      const vectors = this.vectors;
      for (let t = 0; t < n; t++) vectors[t] = this.wordScores(sentence, t);
      for (let t = 0; t < n; t++) {
        const base = (first + t) * width;
        const own = vectors[t];
        const m1 = t > 0 ? vectors[t - 1] : boundary;
        const m2 = t > 1 ? vectors[t - 2] : boundary;
        const p1 = t + 1 < n ? vectors[t + 1] : boundary;
        const p2 = t + 2 < n ? vectors[t + 2] : boundary;
        const position = this.positionScores(doc, sentence, t);
        for (let y = 0; y < width; y++) {
          emit[base + y] = own[y] + m1[width + y] + m2[2 * width + y] + p1[3 * width + y] + p2[4 * width + y] + position[y];
        }
      }
      // All lookups first, then all sums: independent loads overlap (the table is memory bound).
      this.accumulate(emit, first, f.offsets, table.offsets(f.hashes, f.offsets[n]), n, 0, width);
    }
    let labels = new Int32Array(total);
    for (let s = 0; s < count; s++) this.decode(emit, starts[s], starts[s + 1] - starts[s], 0, labels);
    for (let layer = 1; layer < layers; layer++) {
      const previous = labels;
      const history = documentHistoryOf(doc, previous, this.labelHashes);
      labels = new Int32Array(total);
      for (let s = 0; s < count; s++) {
        const first = starts[s];
        const n = starts[s + 1] - first;
        if (this.stacked.length < n * MAX_STACKED_FEATURES) this.stacked = new Uint32Array(Math.max(n * MAX_STACKED_FEATURES, this.stacked.length * 2));
        if (this.stackedOffsets.length < n + 1) this.stackedOffsets = new Int32Array(Math.max(n + 1, this.stackedOffsets.length * 2));
        const offsets = this.stackedOffsets;
        // Every stacked feature from cached sums: per label triple, per label and shape, and per
        // document-history code (written as codes, not hashes).
        stackedFeaturesInto(doc, history, this.labelHashes, previous, first, s, offsets, this.stacked, 'codes');
        const codes = this.stacked;
        const triples = this.labelScores[layer];
        const docScores = this.docScores[layer];
        const hShort = doc.sentences[s].hShort;
        for (let t = 0; t < n; t++) {
          const y = previous[first + t];
          const m1 = t > 0 ? previous[first + t - 1] : L;
          const p1 = t + 1 < n ? previous[first + t + 1] : L;
          const triple = ((m1 * L + y) * (L + 1) + p1) * L;
          const shape = this.labelShapeScores(layer, hShort[t]);
          const base = (first + t) * width + layer * L;
          for (let c = 0; c < L; c++) emit[base + c] += triples[triple + c] + shape[y * L + c];
          for (let k = offsets[t]; k < offsets[t + 1]; k++) {
            const code = codes[k];
            // A shape code's sums sit in the shape's scores after the L label rows.
            const vector = isShapeCode(code) ? shape : docScores;
            const at = isShapeCode(code) ? (L + (code % 5)) * L : code * L;
            for (let c = 0; c < L; c++) emit[base + c] += vector[at + c];
          }
        }
        this.decode(emit, first, n, layer, labels);
      }
    }
    const out: string[][] = new Array(count);
    for (let s = 0; s < count; s++) {
      const named: string[] = new Array(starts[s + 1] - starts[s]);
      for (let t = 0; t < named.length; t++) named[t] = this.labels[labels[starts[s] + t]];
      out[s] = this.encoding === 'IOB1' ? toIob2(named) : named;
      this.splitLeadingNames(doc.sentences[s].lower, out[s]);
    }
    return out;
  }

  /**
   * Adds, for every token t of a sentence (the document's tokens first ..), the weights
   * [from, from + count) of its features' rows (`rows`: offsets into the weights, -1 for none).
   */
  private accumulate(emit: Int32Array, first: number, offsets: Int32Array, rows: Int32Array, n: number, from: number, count: number): void {
    const { weights, width } = this.table;
    for (let t = 0; t < n; t++) {
      const base = (first + t) * width + from;
      const end = offsets[t + 1];
      for (let k = offsets[t]; k < end; k++) {
        const offset = rows[k];
        if (offset < 0) continue;
        const row = offset + from;
        for (let y = 0; y < count; y++) emit[base + y] += weights[row + y];
      }
    }
  }

  /**
   * A person's name does not start with an organization or country name: "ambassador to NATO
   * Kurt Volker" tagged as one PER span (adjacent entities are rare in training, so Viterbi
   * prefers merging them) becomes NATO (ORG) + Kurt Volker (PER) when the gazetteers know the
   * leading words as an organization or country and the next word as a first name.
   */
  private splitLeadingNames(lower: readonly string[], labels: string[]): void {
    const categories = (from: number, to: number) => this.lexicon.gazetteer.get(lower.slice(from, to).join(' ')) ?? [];
    for (const span of spansOf(labels)) {
      if (span.type !== 'PER' || span.end - span.start < 2) continue;
      const head = categories(span.start, span.start + 1);
      if (head.includes('FIRST') || head.includes('LAST')) continue;
      for (let k = span.end - span.start - 1; k >= 1; k--) {
        if (!categories(span.start + k, span.start + k + 1).includes('FIRST')) continue;
        const prefix = categories(span.start, span.start + k);
        const type = prefix.includes('ORGN') ? 'ORG' : prefix.includes('CTRY') || prefix.includes('CAP') ? 'LOC' : '';
        if (!type) continue;
        for (let i = span.start; i < span.start + k; i++) labels[i] = `${i === span.start ? 'B' : 'I'}-${type}`;
        labels[span.start + k] = 'B-PER';
        break;
      }
    }
  }

  /** Summed weights of `hashes` added into `into` at `at`. */
  private addScores(hashes: readonly number[], into: Int32Array, at: number): void {
    const { weights, width } = this.table;
    for (const h of hashes) {
      const offset = this.table.offset(h);
      if (offset < 0) continue;
      for (let y = 0; y < width; y++) into[at + y] += weights[offset + y];
    }
  }

  /**
   * A word's cached sums (width each): its `wordFeatures`, then its four `neighbourFeatures`
   * lists (what the tokens after and before it get from it).
   */
  private wordScores(sentence: PreparedSentence, t: number): Int32Array {
    const info = sentence.infos[t];
    let scores = info.scores;
    if (scores) return scores;
    const width = this.table.width;
    const hashes: number[] = [];
    wordFeatures(sentence, t, hashes);
    scores = new Int32Array(5 * width);
    this.addScores(hashes, scores, 0);
    neighbourFeatures(info).forEach((list, k) => this.addScores(list, scores!, (k + 1) * width));
    info.scores = scores;
    return scores;
  }

  private labelShapeScores(layer: number, shortShape: number): Int32Array {
    const cache = this.shapeScores[layer];
    let scores = cache.get(shortShape);
    if (!scores) {
      const L = this.labels.length;
      const width = this.table.width;
      scores = new Int32Array((L + 5) * L);
      const scratch = new Int32Array(width);
      for (let y = 0; y < L; y++) {
        scratch.fill(0);
        this.addScores([labelShapeFeature(this.labelHashes.hashes[y], shortShape)], scratch, 0);
        scores.set(scratch.subarray(layer * L, layer * L + L), y * L);
      }
      for (let code = 0; code < DOC_CODES; code++) {
        if (!isShapeCode(code)) continue;
        scratch.fill(0);
        this.addScores([docFeature(code, shortShape)], scratch, 0);
        scores.set(scratch.subarray(layer * L, layer * L + L), (L + (code % 5)) * L);
      }
      // Shapes are few; bounded all the same.
      if (cache.size >= 10_000) cache.clear();
      cache.set(shortShape, scores);
    }
    return scores;
  }

  private positionScores(doc: PreparedDocument, sentence: PreparedSentence, t: number): Int32Array {
    const info = sentence.infos[t];
    const pos = positionCode(sentence, t);
    const docCase = docCaseBin(doc, sentence, t);
    const cache = (info.positionScores ??= []);
    let scores = cache[pos * 4 + docCase];
    if (!scores) {
      scores = new Int32Array(this.table.width);
      this.addScores(positionFeatures(info, pos, docCase), scores, 0);
      cache[pos * 4 + docCase] = scores;
    }
    return scores;
  }

  /**
   * Best label indices for one sentence (the document's tokens first .. first + n) and one
   * layer, into out[first ..]: `viterbi` (same arithmetic, same ties) on emissions scaled on
   * the fly, visiting only allowed transitions.
   */
  private decode(emit: Int32Array, first: number, n: number, layer: number, out: Int32Array): void {
    const L = this.labels.length;
    const width = this.table.width;
    if (n === 0) return;
    if (this.viterbiScore.length < n * L) {
      const size = Math.max(n * L, this.viterbiScore.length * 2);
      this.viterbiScore = new Float64Array(size);
      this.viterbiBack = new Int32Array(size);
    }
    const score = this.viterbiScore;
    const back = this.viterbiBack;
    const scale = this.scales[layer];
    const transitions = this.transitions64[layer];
    const { predecessors, predecessorStart, allowed } = this;
    const from = first * width + layer * L;
    for (let y = 0; y < L; y++) {
      score[y] = allowed[L * L + y] ? emit[from + y] * scale + transitions[L * L + y] : -Infinity;
    }
    for (let t = 1; t < n; t++) {
      const base = t * L;
      const prevBase = base - L;
      const at = t * width + from;
      for (let y = 0; y < L; y++) {
        let best = -Infinity;
        let arg = 0;
        for (let k = predecessorStart[y]; k < predecessorStart[y + 1]; k++) {
          const p = predecessors[k];
          const s = score[prevBase + p] + transitions[p * L + y];
          if (s > best) {
            best = s;
            arg = p;
          }
        }
        score[base + y] = best + emit[at + y] * scale;
        back[base + y] = arg;
      }
    }
    traceBack(score, back, n, L, out, first);
  }
}
