/**
 * Word clusters from unlabelled text, used like Brown clusters: each word gets a bit string
 * whose prefixes name ever finer groups of words that occur in similar contexts. Built by
 * bisecting spherical k-means over each word's left/right neighbour counts (restricted to the
 * most frequent words as contexts). Deterministic: no randomness, stable orders.
 */
import { tokenize } from '../../extract/ner/tokenize.ts';

export interface ClusterOptions {
  /** Words seen fewer times get no cluster. */
  minCount: number;
  /** How many of the most frequent words serve as context dimensions (each side). */
  contexts: number;
  /** Maximum path length in bits. */
  depth: number;
  /** Groups smaller than this are not split further. */
  minSize: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = { minCount: 3, contexts: 400, depth: 12, minSize: 6 };

interface Vector {
  index: Int32Array;
  value: Float64Array;
}

export function buildClusters(texts: readonly string[], options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS): { words: string[]; paths: string[] } {
  const lines: string[][] = [];
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const line of text.split('\n')) {
      const words = tokenize(line).map((t) => t.text.toLowerCase());
      if (!words.length) continue;
      lines.push(words);
      for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  const byFrequency = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocabulary = byFrequency.filter(([, c]) => c >= options.minCount).map(([w]) => w);
  const contextIndex = new Map(byFrequency.slice(0, options.contexts).map(([w], i) => [w, i]));
  const wordIndex = new Map(vocabulary.map((w, i) => [w, i]));
  const K = options.contexts;
  const dims = 2 * K + 2;
  const raw: Map<number, number>[] = vocabulary.map(() => new Map());
  for (const words of lines) {
    for (let i = 0; i < words.length; i++) {
      const v = wordIndex.get(words[i]);
      if (v === undefined) continue;
      // Sentence boundaries are contexts too (dimensions 2K and 2K+1).
      const before = i > 0 ? contextIndex.get(words[i - 1]) : -1;
      const after = i + 1 < words.length ? contextIndex.get(words[i + 1]) : -1;
      const m = raw[v];
      if (before !== undefined) {
        const d = before < 0 ? 2 * K : before;
        m.set(d, (m.get(d) ?? 0) + 1);
      }
      if (after !== undefined) {
        const d = after < 0 ? 2 * K + 1 : K + after;
        m.set(d, (m.get(d) ?? 0) + 1);
      }
    }
  }
  const vectors: Vector[] = raw.map((m) => {
    const entries = [...m.entries()].sort((a, b) => a[0] - b[0]);
    const value = Float64Array.from(entries, ([, c]) => Math.log1p(c));
    let norm = 0;
    for (const x of value) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < value.length; i++) value[i] /= norm;
    return { index: Int32Array.from(entries, ([d]) => d), value };
  });

  const paths = vocabulary.map(() => '');
  const dot = (v: Vector, c: Float64Array) => {
    let s = 0;
    for (let k = 0; k < v.index.length; k++) s += v.value[k] * c[v.index[k]];
    return s;
  };
  const centroid = (members: number[]) => {
    const c = new Float64Array(dims);
    for (const m of members) {
      const v = vectors[m];
      for (let k = 0; k < v.index.length; k++) c[v.index[k]] += v.value[k];
    }
    let norm = 0;
    for (const x of c) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < dims; i++) c[i] /= norm;
    return c;
  };
  const split = (members: number[], prefix: string) => {
    for (const m of members) paths[m] = prefix;
    if (prefix.length >= options.depth || members.length < 2 * options.minSize) return;
    // Seeds: the member least like the group's centre, then the member least like that one.
    const mean = centroid(members);
    let a = members[0];
    let worst = Infinity;
    for (const m of members) {
      const s = dot(vectors[m], mean);
      if (s < worst) [worst, a] = [s, m];
    }
    let c0 = centroid([a]);
    let b = members[0];
    worst = Infinity;
    for (const m of members) {
      const s = dot(vectors[m], c0);
      if (s < worst) [worst, b] = [s, m];
    }
    let c1 = centroid([b]);
    let left: number[] = [];
    let right: number[] = [];
    for (let iteration = 0; iteration < 8; iteration++) {
      left = [];
      right = [];
      for (const m of members) (dot(vectors[m], c0) >= dot(vectors[m], c1) ? left : right).push(m);
      if (!left.length || !right.length) return;
      c0 = centroid(left);
      c1 = centroid(right);
    }
    split(left, prefix + '0');
    split(right, prefix + '1');
  };
  split(vocabulary.map((_, i) => i), '');
  return { words: vocabulary, paths };
}
