/**
 * Static files served from memory: compressed for clients that accept it (brotli, else gzip; each
 * encoding made once, on its first request, off the main thread), with an ETag per encoding and a
 * 304 for a revalidation that names it. Files whose name holds their content's hash are cached by
 * browsers for a year without asking again; the others are revalidated on each load.
 */
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

type Encoding = 'br' | 'gzip';

/** Smaller files go as they are: compressing them saves less than a round trip's headers. */
const COMPRESS_FROM_BYTES = 1024;
/** Brotli's quality 5: GraphiQL's 8.9 MB in 0.6 s, 2.1 MB (quality 11: 1.9 MB, but 16 s; gzip: 2.4 MB). */
const BROTLI_QUALITY = 5;

export const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface StaticAsset {
  body: Uint8Array<ArrayBuffer>;
  type: string;
  /** The content's hash: in the ETag, and in the file's name when it is immutable. */
  hash: string;
  /** Named by its hash: cached for a year. Otherwise revalidated on every load. */
  immutable: boolean;
  encoded: Map<Encoding, Promise<Uint8Array<ArrayBuffer>>>;
}

export function contentHash(body: Uint8Array | string): string {
  return crypto.createHash('sha256').update(body).digest('base64url').slice(0, 22);
}

export function staticAsset(body: Uint8Array | string, type: string, immutable = false): StaticAsset {
  const bytes = typeof body === 'string' ? new Uint8Array(Buffer.from(body)) : new Uint8Array(body);
  return { body: bytes, type, hash: contentHash(bytes), immutable, encoded: new Map() };
}

/** The encoding to send: brotli if accepted, else gzip, else none (an encoding with q=0 is refused). */
export function chooseEncoding(acceptEncoding: string | null): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name) accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

function encode(asset: StaticAsset, encoding: Encoding): Promise<Uint8Array<ArrayBuffer>> {
  let found = asset.encoded.get(encoding);
  if (!found) {
    const work =
      encoding === 'br'
        ? brotli(asset.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: asset.body.length } })
        : gzip(asset.body, { level: 6 });
    found = work.then((buffer) => new Uint8Array(buffer));
    // A failure is tried again on the next request, not remembered.
    found.catch(() => asset.encoded.delete(encoding));
    asset.encoded.set(encoding, found);
  }
  return found;
}

/** Starts compressing these assets with brotli (what browsers accept), for a page whose files the browser is about to ask for. */
export function precompress(assets: Iterable<StaticAsset>): void {
  for (const asset of assets) if (asset.body.length >= COMPRESS_FROM_BYTES) encode(asset, 'br').catch(() => undefined);
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/** The response for a GET or HEAD of `asset`; `headers` are added (a CSP, say). */
export async function serveAsset(request: Request, asset: StaticAsset, headers: Record<string, string> = {}): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('method not allowed', { status: 405, headers: { allow: 'GET, HEAD' } });
  }
  const encoding = asset.body.length >= COMPRESS_FROM_BYTES ? chooseEncoding(request.headers.get('accept-encoding')) : null;
  const etag = `"${asset.hash}${encoding ? `-${encoding}` : ''}"`;
  const common: Record<string, string> = {
    'content-type': asset.type,
    etag,
    'cache-control': asset.immutable ? IMMUTABLE : 'no-cache',
    vary: 'accept-encoding',
    'x-content-type-options': 'nosniff',
    ...headers,
  };
  if (matches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers: common });
  const body = encoding ? await encode(asset, encoding) : asset.body;
  return new Response(request.method === 'HEAD' ? null : body, {
    status: 200,
    headers: { ...common, ...(encoding ? { 'content-encoding': encoding } : {}), 'content-length': String(body.length) },
  });
}
