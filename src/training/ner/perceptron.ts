/**
 * A first-order structured perceptron over IOB2 labels: per-token feature weights plus label
 * transition weights, decoded exactly with Viterbi; weights averaged over all updates.
 */
import { allowedTransitions, traceBack } from '../../extract/ner/perceptron.ts';
import { mulberry32 } from '../../random.ts';

/** Best label sequence for emission scores `emit` (n × L) and transition scores ((L+1) × L). */
export function viterbi(emit: Float64Array, n: number, L: number, transitions: ArrayLike<number>, allowed: Uint8Array, out: Int32Array): void {
  if (n === 0) return;
  const score = new Float64Array(n * L);
  const back = new Int32Array(n * L);
  for (let y = 0; y < L; y++) {
    score[y] = allowed[L * L + y] ? emit[y] + transitions[L * L + y] : -Infinity;
  }
  for (let t = 1; t < n; t++) {
    const base = t * L;
    const prevBase = base - L;
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        if (!allowed[p * L + y]) continue;
        const s = score[prevBase + p] + transitions[p * L + y];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[base + y] = best + emit[base + y];
      back[base + y] = arg;
    }
  }
  traceBack(score, back, n, L, out, 0);
}

/** One training sentence: token t's feature rows are rows[offsets[t] .. offsets[t+1]). */
export interface Instance {
  offsets: Int32Array;
  rows: Int32Array;
  gold: Int32Array;
  /** Times the sentence is seen per epoch (weights a training source), default 1. */
  repeat?: number;
}

export interface TrainedWeights {
  /** rows × L, averaged. */
  weights: Float32Array;
  /** (L+1) × L, averaged. */
  transitions: Float32Array;
}

export interface TrainOptions {
  epochs: number;
  encoding?: 'IOB1' | 'IOB2';
  seed: number;
  log?: (message: string) => void;
}

function emissions(weights: Float64Array | Float32Array, inst: Instance, L: number, emit: Float64Array): void {
  const n = inst.gold.length;
  emit.fill(0, 0, n * L);
  for (let t = 0; t < n; t++) {
    const base = t * L;
    for (let k = inst.offsets[t]; k < inst.offsets[t + 1]; k++) {
      const row = inst.rows[k] * L;
      for (let y = 0; y < L; y++) emit[base + y] += weights[row + y];
    }
  }
}

export function trainPerceptron(instances: readonly Instance[], rowCount: number, labels: readonly string[], options: TrainOptions): TrainedWeights {
  const L = labels.length;
  const allowed = allowedTransitions(labels, options.encoding);
  const w = new Float64Array(rowCount * L);
  const u = new Float64Array(rowCount * L);
  const tw = new Float64Array((L + 1) * L);
  const tu = new Float64Array((L + 1) * L);
  const maxLength = instances.reduce((m, inst) => Math.max(m, inst.gold.length), 0);
  const emit = new Float64Array(maxLength * L);
  const predicted = new Int32Array(maxLength);
  const order = instances.flatMap((inst, i) => Array<number>(inst.repeat ?? 1).fill(i));
  const random = mulberry32(options.seed);
  let clock = 1;
  const update = (inst: Instance, t: number, y: number, delta: number) => {
    for (let k = inst.offsets[t]; k < inst.offsets[t + 1]; k++) {
      const index = inst.rows[k] * L + y;
      w[index] += delta;
      u[index] += clock * delta;
    }
  };
  const updateTransition = (from: number, to: number, delta: number) => {
    const index = from * L + to;
    tw[index] += delta;
    tu[index] += clock * delta;
  };
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    let tokens = 0;
    for (const index of order) {
      const inst = instances[index];
      const n = inst.gold.length;
      emissions(w, inst, L, emit);
      viterbi(emit, n, L, tw, allowed, predicted);
      for (let t = 0; t < n; t++) {
        const gold = inst.gold[t];
        const guess = predicted[t];
        if (gold !== guess) {
          errors++;
          update(inst, t, gold, 1);
          update(inst, t, guess, -1);
        }
        const goldFrom = t > 0 ? inst.gold[t - 1] : L;
        const guessFrom = t > 0 ? predicted[t - 1] : L;
        if (goldFrom !== guessFrom || gold !== guess) {
          updateTransition(goldFrom, gold, 1);
          updateTransition(guessFrom, guess, -1);
        }
      }
      tokens += n;
      clock++;
    }
    options.log?.(`  epoch ${epoch + 1}/${options.epochs}: ${errors} token errors of ${tokens}`);
  }
  const weights = new Float32Array(rowCount * L);
  for (let i = 0; i < weights.length; i++) weights[i] = w[i] - u[i] / clock;
  const transitions = new Float32Array((L + 1) * L);
  for (let i = 0; i < transitions.length; i++) transitions[i] = tw[i] - tu[i] / clock;
  return { weights, transitions };
}

/** Labels (indices) for one instance under trained weights. */
export function decodeInstance(trained: TrainedWeights, inst: Instance, L: number, allowed: Uint8Array): Int32Array {
  const n = inst.gold.length;
  const emit = new Float64Array(n * L);
  emissions(trained.weights, inst, L, emit);
  const out = new Int32Array(n);
  viterbi(emit, n, L, trained.transitions, allowed, out);
  return out;
}
