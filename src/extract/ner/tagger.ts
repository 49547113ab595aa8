/** Runtime tagging: a loaded model labels the words of a whole document (two passes). */
import { spansOf, toIob2 } from './conll.ts';
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
  /** Word → summed (quantized) weights of its word-only features, all layers (see `wordFeatures`). */
  private readonly wordCache = new Map<string, Int32Array>();

  constructor(model: ModelData) {
    this.labels = model.labels;
    this.lexicon = new Lexicon(model.lexicon);
    this.table = new ScoringTable(model.layers, model.labels.length);
    this.transitions = model.layers.map((layer) => layer.transitions);
    this.scales = model.layers.map((layer) => layer.scale);
    this.encoding = model.encoding ?? 'IOB2';
    this.allowed = allowedTransitions(model.labels, this.encoding);
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
    const iob2 = this.encoding === 'IOB1' ? labels.map(toIob2) : labels;
    iob2.forEach((sentence, s) => this.splitLeadingNames(doc.sentences[s].lower, sentence));
    return iob2;
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
    const labels: string[] = new Array(n);
    for (let t = 0; t < n; t++) labels[t] = this.labels[out[t]];
    return labels;
  }
}
