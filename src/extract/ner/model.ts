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
import { readFileSync, writeFileSync } from 'node:fs';
import type { LexiconData } from './lexicon.ts';

const MAGIC = 'NGNER1\n';

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

interface ArrayRef {
  offset: number;
  length: number;
}

interface Header {
  labels: string[];
  encoding?: 'IOB1' | 'IOB2';
  lexicon: LexiconData;
  meta: Record<string, unknown>;
  layers: { hashes: ArrayRef; weights: ArrayRef; scale: number; transitions: number[] }[];
}

/** Drops rows whose weights are all negligible, keeping hashes sorted, and quantizes the rest. */
export function pruneLayer(hashes: Uint32Array, weights: Float32Array, transitions: Float32Array, L: number, threshold: number): Layer {
  const order = Array.from(hashes.keys()).sort((a, b) => hashes[a] - hashes[b]);
  const keep: number[] = [];
  for (const r of order) {
    let max = 0;
    for (let y = 0; y < L; y++) max = Math.max(max, Math.abs(weights[r * L + y]));
    if (max >= threshold) keep.push(r);
  }
  let max = 0;
  for (const v of weights) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? max / 32767 : 1;
  const outHashes = new Uint32Array(keep.length);
  const outWeights = new Int16Array(keep.length * L);
  keep.forEach((r, i) => {
    outHashes[i] = hashes[r];
    for (let y = 0; y < L; y++) outWeights[i * L + y] = Math.round(weights[r * L + y] / scale);
  });
  return { hashes: outHashes, weights: outWeights, scale, transitions };
}

export function encodeModel(model: ModelData): Buffer {
  const chunks: Buffer[] = [];
  let offset = 0;
  const push = (bytes: Buffer): ArrayRef => {
    const ref = { offset, length: bytes.length };
    chunks.push(bytes);
    offset += bytes.length;
    const pad = (4 - (bytes.length % 4)) % 4;
    if (pad) {
      chunks.push(Buffer.alloc(pad));
      offset += pad;
    }
    return ref;
  };
  const layers = model.layers.map((layer) => {
    return {
      hashes: push(Buffer.from(layer.hashes.buffer, layer.hashes.byteOffset, layer.hashes.byteLength)),
      weights: push(Buffer.from(layer.weights.buffer, layer.weights.byteOffset, layer.weights.byteLength)),
      scale: layer.scale,
      transitions: Array.from(layer.transitions, (v) => Math.round(v * 1e4) / 1e4),
    };
  });
  const header: Header = { labels: model.labels, encoding: model.encoding, lexicon: model.lexicon, meta: model.meta, layers };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(MAGIC.length + 4);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(headerBytes.length, MAGIC.length);
  const headPad = (4 - ((prefix.length + headerBytes.length) % 4)) % 4;
  return Buffer.concat([prefix, headerBytes, Buffer.alloc(headPad), ...chunks]);
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

export function saveModel(path: string, model: ModelData): void {
  writeFileSync(path, encodeModel(model));
}

export function readModel(path: string): ModelData {
  return decodeModel(readFileSync(path));
}
