/**
 * A cap on request bodies, so a 10 MB (or endless) POST is refused with 413 after at most the cap is read,
 * instead of being buffered whole and parsed. The declared Content-Length is checked first; a body without
 * one (chunked, or built in memory) is counted as it streams and cut off at the cap.
 */
import type { FetchAPI, Plugin } from 'graphql-yoga';

/** Room for one article at the 1 MB text limit (escaped in JSON) with the rest of its batch. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

function tooLarge(fetchAPI: FetchAPI, limit: number, size?: number): Response {
  const message = `request body ${size === undefined ? 'is' : `is ${size} bytes,`} over the limit of ${limit} bytes: send fewer or smaller articles per request`;
  return new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code: 'PAYLOAD_TOO_LARGE', limit } }] }), {
    status: 413,
    headers: { 'content-type': 'application/json', connection: 'close' },
  });
}

/** The body's bytes, or null once more than `limit` have arrived (the rest is not read). */
async function readAtMost(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
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
    onRequestParse({ request, requestParser, setRequestParser, endResponse, fetchAPI }) {
      if (!request.body || !requestParser) return;
      const declared = Number(request.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > limit) {
        endResponse(tooLarge(fetchAPI, limit, declared));
        return;
      }
      setRequestParser(async (req) => {
        const bytes = await readAtMost(req.body!, limit);
        if (bytes === null) return tooLarge(fetchAPI, limit);
        return requestParser(new fetchAPI.Request(req.url, { method: req.method, headers: req.headers, body: bytes }));
      });
    },
  };
}
