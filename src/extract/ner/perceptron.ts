/**
 * Decoding of the first-order structured perceptron the tagger is (training/ner/perceptron.ts
 * trains it): which label may follow which, and the trace back of a Viterbi pass.
 */

/**
 * Which label may follow which. Layout: row `from` (0..L-1, or L for the sentence start), column
 * `to`. IOB2: I-X only after B-X or I-X. IOB1: B-X only after B-X or I-X.
 */
export function allowedTransitions(labels: readonly string[], encoding: 'IOB1' | 'IOB2' = 'IOB2'): Uint8Array {
  const constrained = encoding === 'IOB1' ? 'B-' : 'I-';
  const L = labels.length;
  const allowed = new Uint8Array((L + 1) * L);
  for (let from = 0; from <= L; from++) {
    for (let to = 0; to < L; to++) {
      const target = labels[to];
      let ok = true;
      if (target.startsWith(constrained)) {
        const source = from < L ? labels[from] : 'O';
        ok = source !== 'O' && source.slice(2) === target.slice(2);
      }
      allowed[from * L + to] = ok ? 1 : 0;
    }
  }
  return allowed;
}

/** The best last label, then the labels it came from, into out[first .. first + n). */
export function traceBack(score: Float64Array, back: Int32Array, n: number, L: number, out: Int32Array, first: number): void {
  let best = -Infinity;
  let arg = 0;
  const last = (n - 1) * L;
  for (let y = 0; y < L; y++) {
    if (score[last + y] > best) {
      best = score[last + y];
      arg = y;
    }
  }
  for (let t = n - 1; t >= 0; t--) {
    out[first + t] = arg;
    arg = back[t * L + arg];
  }
}
