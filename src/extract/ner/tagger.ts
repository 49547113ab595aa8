/** Runtime tagging: a loaded model labels the words of a whole document (two passes). */
import { Lexicon } from './lexicon.ts';
import { type PreparedSentence, prepareDocument, sentenceFeatures, stackedFeatures, wordFeatures } from './features.ts';
import { allowedTransitions, viterbi } from './perceptron.ts';
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
    const rows = new Map<number, number>();
    for (const layer of layers) for (const h of layer.hashes) if (!rows.has(h)) rows.set(h, rows.size);
    this.width = L * layers.length;
    this.weights = new Int16Array(rows.size * this.width);
    layers.forEach((layer, l) => {
      for (let r = 0; r < layer.hashes.length; r++) {
        this.weights.set(layer.weights.subarray(r * L, r * L + L), rows.get(layer.hashes[r])! * this.width + l * L);
      }
    });
    let size = 1;
    while (size < rows.size * 1.5) size <<= 1;
    this.mask = size - 1;
    this.entries = new Uint32Array(size * 2);
    for (const [h, row] of rows) {
      let slot = h & this.mask;
      while (this.entries[slot * 2] !== 0) slot = (slot + 1) & this.mask;
      this.entries[slot * 2] = h;
      this.entries[slot * 2 + 1] = row;
    }
  }

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
  /** Word → summed (quantized) weights of its word-only features, all layers (see `wordFeatures`). */
  private readonly wordCache = new Map<string, Int32Array>();

  constructor(model: ModelData) {
    this.labels = model.labels;
    this.lexicon = new Lexicon(model.lexicon);
    this.table = new ScoringTable(model.layers, model.labels.length);
    this.transitions = model.layers.map((layer) => layer.transitions);
    this.scales = model.layers.map((layer) => layer.scale);
    this.allowed = allowedTransitions(model.labels);
  }

  /** IOB2 labels for every word of every sentence of one document. */
  tag(sentences: readonly (readonly string[])[]): string[][] {
    const doc = prepareDocument(sentences, this.lexicon);
    const L = this.labels.length;
    const layers = this.transitions.length;
    const { table } = this;
    const { weights, width } = table;
    // Emission scores (in quantized units) of the base features for every layer: emits[s][t * width + layer * L + y].
    const emits = doc.sentences.map((_, s) => {
      const f = sentenceFeatures(doc, s, false);
      const n = f.offsets.length - 1;
      const emit = new Int32Array(n * width);
      for (let t = 0; t < n; t++) {
        const base = t * width;
        emit.set(this.wordScores(doc.sentences[s], t), base);
        for (let k = f.offsets[t]; k < f.offsets[t + 1]; k++) {
          const offset = table.offset(f.hashes[k]);
          if (offset < 0) continue;
          for (let y = 0; y < width; y++) emit[base + y] += weights[offset + y];
        }
      }
      return emit;
    });
    let labels = emits.map((emit) => this.decode(emit, 0));
    for (let layer = 1; layer < layers; layer++) {
      const previous = labels;
      labels = emits.map((emit, s) => {
        const extra = stackedFeatures(doc, previous, s);
        extra.forEach((hashes, t) => {
          const base = t * width + layer * L;
          for (const h of hashes) {
            const offset = table.offset(h);
            if (offset < 0) continue;
            for (let y = 0; y < L; y++) emit[base + y] += weights[offset + layer * L + y];
          }
        });
        return this.decode(emit, layer);
      });
    }
    return labels;
  }

  private wordScores(sentence: PreparedSentence, t: number): Int32Array {
    const word = sentence.words[t];
    let scores = this.wordCache.get(word);
    if (scores) return scores;
    const hashes: number[] = [];
    wordFeatures(sentence, t, hashes);
    scores = new Int32Array(this.table.width);
    for (const h of hashes) {
      const offset = this.table.offset(h);
      if (offset < 0) continue;
      for (let y = 0; y < scores.length; y++) scores[y] += this.table.weights[offset + y];
    }
    if (this.wordCache.size >= 200_000) this.wordCache.clear();
    this.wordCache.set(word, scores);
    return scores;
  }

  private decode(emit: Int32Array, layer: number): string[] {
    const L = this.labels.length;
    const width = this.table.width;
    const n = emit.length / width;
    const scores = new Float64Array(n * L);
    const scale = this.scales[layer];
    for (let t = 0; t < n; t++) for (let y = 0; y < L; y++) scores[t * L + y] = emit[t * width + layer * L + y] * scale;
    const out = new Int32Array(n);
    viterbi(scores, n, L, this.transitions[layer], this.allowed, out);
    return Array.from(out, (y) => this.labels[y]);
  }
}
