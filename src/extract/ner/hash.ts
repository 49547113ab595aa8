/**
 * Features are identified by 32-bit hashes of (template, values) rather than by strings: the
 * tagger never builds feature strings at runtime, and the model file stores no feature names.
 * Each token's strings are hashed once; features combine those hashes with murmur3 rounds.
 */

function round(h: number, x: number): number {
  let k = Math.imul(x, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  // 0 marks an empty slot in the tagger's table.
  return h >>> 0 || 1;
}

/** Hash of a string (UTF-16 code units). */
export function hashString(s: string): number {
  let h = 0x811c9dc5 ^ s.length;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return finish(h);
}

export function f1(template: number, a: number): number {
  return finish(round(template, a));
}

export function f2(template: number, a: number, b: number): number {
  return finish(round(round(template, a), b));
}

export function f3(template: number, a: number, b: number, c: number): number {
  return finish(round(round(round(template, a), b), c));
}
