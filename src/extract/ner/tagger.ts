/** Runtime tagging: a loaded model labels the words of a whole document (two passes). */
import { Lexicon } from './lexicon.ts';
import { type PreparedSentence, prepareDocument, sentenceFeatures, stackedFeatures, wordFeatures } from './features.ts';
import { allowedTransitions, viterbi } from './perceptron.ts';
import type { Layer, ModelData } from './model.ts';

/**
 * All layers' weights behind one open-addressing table from feature hash to row: the base
 * features are looked up once and scored for both passes at the same time. Row r holds
 * layer 0's L weights, then layer 1's.
 */
class ScoringTable {
  private readonly keys: Uint32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;
  /** rows × (L × layers) */
  readonly weights: Float32Array;
  readonly width: number;

  constructor(layers: readonly Layer[], L: number) {
    const union = new Map<number, number>();
    for (const layer of layers) for (const h of layer.hashes) if (!union.has(h)) union.set(h, union.size);
    this.width = L * layers.length;
    this.weights = new Float32Array(union.size * this.width);
    layers.forEach((layer, i) => {
      for (let r = 0; r < layer.hashes.length; r++) {
        const row = union.get(layer.hashes[r])!;
        this.weights.set(layer.weights.subarray(r * L, r * L + L), row * this.width + i * L);
      }
    });
    let size = 1;
    while (size < union.size * 2) size <<= 1;
    this.keys = new Uint32Array(size);
    this.rows = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (const [h, row] of union) {
      let slot = h & this.mask;
      while (this.rows[slot] !== -1) slot = (slot + 1) & this.mask;
      this.keys[slot] = h;
      this.rows[slot] = row;
    }
  }

  /** Weight row offset of a feature hash, or -1. */
  offset(hash: number): number {
    let slot = hash & this.mask;
    for (;;) {
      const row = this.rows[slot];
      if (row === -1) return -1;
      if (this.keys[slot] === hash) return row * this.width;
      slot = (slot + 1) & this.mask;
    }
  }
}

export class DocumentTagger {
  readonly labels: string[];
  readonly lexicon: Lexicon;
  private readonly table: ScoringTable;
  private readonly transitions: Float32Array[];
  private readonly allowed: Uint8Array;
  /** Word → summed weights of its word-only features, all layers (see `wordFeatures`). */
  private readonly wordCache = new Map<string, Float64Array>();

  constructor(model: ModelData) {
    this.labels = model.labels;
    this.lexicon = new Lexicon(model.lexicon);
    this.table = new ScoringTable(model.layers, model.labels.length);
    this.transitions = model.layers.map((layer) => layer.transitions);
    this.allowed = allowedTransitions(model.labels);
  }

  /** IOB2 labels for every word of every sentence of one document. */
  tag(sentences: readonly (readonly string[])[]): string[][] {
    const doc = prepareDocument(sentences, this.lexicon);
    const L = this.labels.length;
    const layers = this.transitions.length;
    const { table } = this;
    const { weights, width } = table;
    // Emission scores of the base features for every layer: emits[s][t * width + layer * L + y].
    const emits = doc.sentences.map((_, s) => {
      const f = sentenceFeatures(doc, s);
      const n = f.offsets.length - 1;
      const emit = new Float64Array(n * width);
      for (let t = 0; t < n; t++) {
        const base = t * width;
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

  private wordScores(sentence: PreparedSentence, t: number): Float64Array {
    const word = sentence.words[t];
    let scores = this.wordCache.get(word);
    if (scores) return scores;
    const hashes: number[] = [];
    wordFeatures(sentence, t, hashes);
    scores = new Float64Array(this.table.width);
    for (const h of hashes) {
      const offset = this.table.offset(h);
      if (offset < 0) continue;
      for (let y = 0; y < scores.length; y++) scores[y] += this.table.weights[offset + y];
    }
    if (this.wordCache.size >= 200_000) this.wordCache.clear();
    this.wordCache.set(word, scores);
    return scores;
  }

  private decode(emit: Float64Array, layer: number): string[] {
    const L = this.labels.length;
    const width = this.table.width;
    const n = emit.length / width;
    const scores = new Float64Array(n * L);
    for (let t = 0; t < n; t++) for (let y = 0; y < L; y++) scores[t * L + y] = emit[t * width + layer * L + y];
    const out = new Int32Array(n);
    viterbi(scores, n, L, this.transitions[layer], this.allowed, out);
    return Array.from(out, (y) => this.labels[y]);
  }
}
