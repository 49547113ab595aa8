/** Writing the tagger's model file (its format and reading are in extract/ner/model.ts): pruned, quantized layers. */
import { writeFileSync } from 'node:fs';
import { MAGIC, type ArrayRef, type Header, type Layer, type ModelData } from '../../extract/ner/model.ts';

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

export function saveModel(path: string, model: ModelData): void {
  writeFileSync(path, encodeModel(model));
}
