/**
 * A cap on request bodies, so a 10 MB (or endless) POST is refused with 413 instead of being buffered whole
 * and parsed. The declared Content-Length is checked first; a body without one (chunked, or built in memory)
 * is counted as it streams. Either way the rest is read and thrown away, up to MAX_DISCARDED_BYTES, before
 * the 413 goes out: a client still sending when the server closes gets a broken pipe, not the answer.
 */
import type { FetchAPI, Plugin } from 'graphql-yoga';

/** Room for one article at the 1 MB text limit (escaped in JSON) with the rest of its batch. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** What is read and discarded past the limit at most; a longer body is cut off (its client sees the connection close). */
export const MAX_DISCARDED_BYTES = 32 * 1024 * 1024;

function tooLarge(fetchAPI: FetchAPI, limit: number, size?: number): Response {
  const message = `request body ${size === undefined ? 'is' : `is ${size} bytes,`} over the limit of ${limit} bytes: send fewer or smaller articles per request`;
  return new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code: 'PAYLOAD_TOO_LARGE', limit } }] }), {
    status: 413,
    headers: { 'content-type': 'application/json', connection: 'close' },
  });
}

/** Reads and drops up to `budget` more bytes, then stops reading; a stream that fails meanwhile (Yoga's own size check, a client gone) ends it too. */
async function discard(reader: ReadableStreamDefaultReader<Uint8Array>, budget: number): Promise<void> {
  try {
    for (let left = budget; left > 0; ) {
      const { done, value } = await reader.read();
      if (done) return;
      left -= value.byteLength;
    }
  } catch {
    return;
  }
  await reader.cancel().catch(() => undefined);
}

/** The body's bytes, or null once more than `limit` have arrived (the rest is discarded). */
async function readAtMost(reader: ReadableStreamDefaultReader<Uint8Array>, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await discard(reader, MAX_DISCARDED_BYTES - size);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export function useBodyLimit(limit = MAX_BODY_BYTES): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, endResponse, fetchAPI, serverContext }) {
      if (!request.body || !requestParser) return;
      const declared = Number(request.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > limit) {
        return discard(request.body.getReader(), MAX_DISCARDED_BYTES).then(() => endResponse(tooLarge(fetchAPI, limit, declared)));
      }
      // Off a socket, a declared length within the limit bounds the body: Node's HTTP parser reads exactly
      // that many bytes. Other bodies (chunked, or a request built in memory, which may say anything) are
      // counted as they stream.
      const fromSocket = (serverContext as { req?: { socket?: unknown } } | undefined)?.req?.socket !== undefined;
      if (fromSocket && /^\d+$/.test(request.headers.get('content-length') ?? '') && !request.headers.has('transfer-encoding')) return;
      setRequestParser(async (req) => {
        const bytes = await readAtMost(req.body!.getReader(), limit);
        if (bytes === null) return tooLarge(fetchAPI, limit);
        return requestParser(new fetchAPI.Request(req.url, { method: req.method, headers: req.headers, body: bytes }));
      });
    },
  };
}
