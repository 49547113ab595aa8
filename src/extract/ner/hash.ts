/**
 * Features are identified by 32-bit hashes of (template, values) rather than by strings: the
 * tagger never builds feature strings at runtime, and the model file stores no feature names.
 * FNV-1a over UTF-16 code units, finished with the murmur3 mixer.
 */

export function seedOf(template: number): number {
  return Math.imul(0x811c9dc5 ^ template, 0x9e3779b1);
}

export function mixString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  // A separator so that ("ab", "c") and ("a", "bc") differ.
  return Math.imul(h ^ 0x1f, 0x01000193);
}

export function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hash1(template: number, a: string): number {
  return finish(mixString(seedOf(template), a));
}

export function hash2(template: number, a: string, b: string): number {
  return finish(mixString(mixString(seedOf(template), a), b));
}

export function hash3(template: number, a: string, b: string, c: string): number {
  return finish(mixString(mixString(mixString(seedOf(template), a), b), c));
}

/** A deterministic PRNG (mulberry32) for shuffling training data. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
