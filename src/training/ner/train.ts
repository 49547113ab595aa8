/**
 * Training: features for every sentence once, then a first-pass perceptron; for the stacked
 * second pass, first-pass labels on the training data come from K models each trained
 * without that fold (jackknifing), so that the second pass learns how far to trust labels
 * as good as those it will see at runtime, not the near-perfect labels of a model on its own
 * training data.
 */
import { toIob1, type Encoding, type TaggedDocument } from './conll.ts';
import { prepareDocument, sentenceFeatures, type PreparedDocument } from '../../extract/ner/features.ts';
import { stackedFeatures } from '../../extract/ner/stacked-features.ts';
import { Lexicon, type LexiconData } from '../../extract/ner/lexicon.ts';
import type { Layer, ModelData } from '../../extract/ner/model.ts';
import { allowedTransitions } from '../../extract/ner/perceptron.ts';
import { pruneLayer } from './model-write.ts';
import { decodeInstance, trainPerceptron, type Instance, type TrainedWeights } from './perceptron.ts';

export interface TrainConfig {
  epochs: number;
  /** 0 or 1: no second pass. */
  folds: number;
  /** Features seen fewer times in training are dropped. */
  minCount: number;
  /** Rows whose weights are all smaller than this are dropped from the saved model. */
  prune: number;
  seed: number;
  encoding: Encoding;
}

export const DEFAULT_CONFIG: TrainConfig = { epochs: 12, folds: 5, minCount: 2, prune: 0.05, seed: 1, encoding: 'IOB1' };

const BASE_TYPES = ['PER', 'LOC', 'ORG', 'MISC'];

function labelSet(docs: readonly TaggedDocument[]): string[] {
  const types = new Set<string>();
  for (const d of docs) for (const s of d.sentences) for (const t of s.tags) if (t !== 'O') types.add(t.slice(2));
  const ordered = [...BASE_TYPES.filter((t) => types.has(t)), ...[...types].filter((t) => !BASE_TYPES.includes(t)).sort()];
  return ['O', ...ordered.flatMap((t) => [`B-${t}`, `I-${t}`])];
}

/** Maps feature hashes to dense rows, keeping those seen at least `minCount` times. */
class FeatureIndex {
  readonly rows = new Map<number, number>();
  hashes: number[] = [];

  constructor(sentences: readonly { hashes: ArrayLike<number> }[], minCount: number) {
    const counts = new Map<number, number>();
    for (const s of sentences) for (let k = 0; k < s.hashes.length; k++) counts.set(s.hashes[k], (counts.get(s.hashes[k]) ?? 0) + 1);
    for (const [hash, count] of counts) {
      if (count < minCount) continue;
      this.rows.set(hash, this.hashes.length);
      this.hashes.push(hash);
    }
  }

  instance(offsets: Int32Array, hashes: ArrayLike<number>, gold: Int32Array): Instance {
    const rows: number[] = [];
    const outOffsets = new Int32Array(offsets.length);
    for (let t = 0; t + 1 < offsets.length; t++) {
      outOffsets[t] = rows.length;
      for (let k = offsets[t]; k < offsets[t + 1]; k++) {
        const row = this.rows.get(hashes[k]);
        if (row !== undefined) rows.push(row);
      }
    }
    outOffsets[offsets.length - 1] = rows.length;
    return { offsets: outOffsets, rows: Int32Array.from(rows), gold };
  }
}

interface SentenceData {
  doc: number;
  sentence: number;
  offsets: Int32Array;
  hashes: Uint32Array;
  gold: Int32Array;
}

function toLayer(index: FeatureIndex, trained: TrainedWeights, L: number, prune: number): Layer {
  return pruneLayer(Uint32Array.from(index.hashes), trained.weights, trained.transitions, L, prune);
}

export function trainModel(
  docs: readonly TaggedDocument[],
  lexiconData: LexiconData,
  config: TrainConfig,
  log: (message: string) => void = () => {},
): ModelData {
  const labels = labelSet(docs);
  const L = labels.length;
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const lexicon = new Lexicon(lexiconData);
  const prepared: PreparedDocument[] = docs.map((d) => prepareDocument(d.sentences.map((s) => s.words), lexicon));
  const sentences: SentenceData[] = [];
  prepared.forEach((doc, d) => {
    doc.sentences.forEach((_, s) => {
      const { offsets, hashes } = sentenceFeatures(doc, s);
      const tags = docs[d].sentences[s].tags;
      const gold = Int32Array.from(config.encoding === 'IOB1' ? toIob1(tags) : tags, (t) => labelIndex.get(t) ?? 0);
      sentences.push({ doc: d, sentence: s, offsets, hashes, gold });
    });
  });
  const index = new FeatureIndex(sentences, config.minCount);
  const withWeight = (inst: Instance, s: SentenceData) => ({ ...inst, repeat: docs[s.doc].weight ?? 1 });
  const instances = sentences.map((s) => withWeight(index.instance(s.offsets, s.hashes, s.gold), s));
  log(`${docs.length} documents, ${sentences.length} sentences, ${index.hashes.length} features, labels ${labels.join(' ')}`);

  log('pass 1: all training data');
  const first = trainPerceptron(instances, index.hashes.length, labels, { epochs: config.epochs, seed: config.seed, encoding: config.encoding, log });
  const layers = [toLayer(index, first, L, config.prune)];

  if (config.folds > 1) {
    const allowed = allowedTransitions(labels, config.encoding);
    // predicted[d][s]: jackknifed first-pass labels.
    const predicted: string[][][] = docs.map((d) => d.sentences.map(() => []));
    for (let fold = 0; fold < config.folds; fold++) {
      log(`pass 1, fold ${fold + 1}/${config.folds}`);
      const inFold = (i: number) => sentences[i].doc % config.folds === fold;
      const train = instances.filter((_, i) => !inFold(i));
      const weights = trainPerceptron(train, index.hashes.length, labels, { epochs: config.epochs, seed: config.seed + fold + 1, encoding: config.encoding });
      instances.forEach((inst, i) => {
        if (!inFold(i)) return;
        const out = decodeInstance(weights, inst, L, allowed);
        predicted[sentences[i].doc][sentences[i].sentence] = Array.from(out, (y) => labels[y]);
      });
    }
    const stacked = sentences.map((s) => {
      const extra = stackedFeatures(prepared[s.doc], predicted[s.doc], s.sentence);
      const hashes: number[] = [];
      const offsets = new Int32Array(s.offsets.length);
      for (let t = 0; t + 1 < s.offsets.length; t++) {
        offsets[t] = hashes.length;
        for (let k = s.offsets[t]; k < s.offsets[t + 1]; k++) hashes.push(s.hashes[k]);
        hashes.push(...extra[t]);
      }
      offsets[s.offsets.length - 1] = hashes.length;
      return { offsets, hashes, gold: s.gold };
    });
    const index2 = new FeatureIndex(stacked, config.minCount);
    const instances2 = stacked.map((s, i) => withWeight(index2.instance(s.offsets, s.hashes, s.gold), sentences[i]));
    log(`pass 2 (stacked): ${index2.hashes.length} features`);
    const second = trainPerceptron(instances2, index2.hashes.length, labels, { epochs: config.epochs, seed: config.seed, encoding: config.encoding, log });
    layers.push(toLayer(index2, second, L, config.prune));
  }
  return { labels, encoding: config.encoding, lexicon: lexiconData, layers, meta: { config } };
}
