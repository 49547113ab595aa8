/**
 * The model file: a small binary container, so that load is a few typed-array views rather
 * than parsing megabytes of JSON numbers.
 *
 *   "NGNER1\n" | u32 header length | header JSON (utf-8) | padding to 4 | arrays...
 *
 * The header holds labels, the lexicon, training metadata and, per layer, where its arrays
 * sit. A layer is one perceptron: sorted feature hashes, int16 weights (rows × labels, one
 * scale per layer) and float transition weights.
 */
import { readFileSync } from 'node:fs';
import type { LexiconData } from './lexicon.ts';

export const MAGIC = 'NGNER1\n';

export interface Layer {
  /** Feature hashes, ascending; row r of `weights` belongs to hashes[r]. */
  hashes: Uint32Array;
  /** Quantized: the weight is `weights[i] * scale`. */
  weights: Int16Array;
  scale: number;
  transitions: Float32Array;
}

export interface ModelData {
  labels: string[];
  /** The tag encoding the layers predict (IOB2 when absent). */
  encoding?: 'IOB1' | 'IOB2';
  lexicon: LexiconData;
  /** layers[0]: first pass; layers[1] (optional): the stacked second pass. */
  layers: Layer[];
  meta: Record<string, unknown>;
}

export interface ArrayRef {
  offset: number;
  length: number;
}

export interface Header {
  labels: string[];
  encoding?: 'IOB1' | 'IOB2';
  lexicon: LexiconData;
  meta: Record<string, unknown>;
  layers: { hashes: ArrayRef; weights: ArrayRef; scale: number; transitions: number[] }[];
}

export function decodeModel(bytes: Buffer): ModelData {
  if (bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not a newsgraph NER model file');
  const headerLength = bytes.readUInt32LE(MAGIC.length);
  const headerStart = MAGIC.length + 4;
  const header = JSON.parse(bytes.toString('utf8', headerStart, headerStart + headerLength)) as Header;
  let base = headerStart + headerLength;
  base += (4 - (base % 4)) % 4;
  // Copy into an aligned buffer of our own (a file Buffer may sit at any offset of a pool).
  const body = new Uint8Array(bytes.length - base);
  body.set(bytes.subarray(base));
  const layers = header.layers.map((ref) => {
    const hashes = new Uint32Array(body.buffer, ref.hashes.offset, ref.hashes.length / 4);
    const weights = new Int16Array(body.buffer, ref.weights.offset, ref.weights.length / 2);
    return { hashes, weights, scale: ref.scale, transitions: Float32Array.from(ref.transitions) };
  });
  return { labels: header.labels, encoding: header.encoding, lexicon: header.lexicon, meta: header.meta, layers };
}

export function readModel(path: string): ModelData {
  return decodeModel(readFileSync(path));
}
