/** How the explorer is served beside the API, through yoga.fetch: the page, its bundle, revalidation. */
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

const get = (path: string, headers: Record<string, string> = {}) => app.yoga.fetch(`http://newsgraph.test${path}`, { headers });

describe('/explore', () => {
  it('serves the page and the bundle it names, built from the sources with the graph library inside', async () => {
    const page = await get('/explore');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('<script type="module" src="/explore/app.js">');
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/); // nothing from elsewhere: it works offline

    const script = await get('/explore/app.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const code = await script.text();
    expect(code).toContain('entityMentioned'); // the explorer's own code
    expect(code).toContain('cytoscape'); // the graph library, bundled
    const style = await get('/explore/style.css');
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    // Its own scripts and styles, the same-origin API, nothing else.
    expect(page.headers.get('content-security-policy')).toMatch(
      /^default-src 'none'; script-src 'self'; style-src 'self' 'sha256-[\w+/=]{44}'; style-src-attr 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/,
    );
  });

  it('answers 304 to a revalidation with the same ETag, 404 for an unknown file and 405 for a POST', async () => {
    const first = await get('/explore/app.js');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect((await get('/explore/app.js', { 'if-none-match': etag! })).status).toBe(304);
    expect((await get('/explore/nothing.js')).status).toBe(404);
    const post = await app.yoga.fetch('http://newsgraph.test/explore', { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
  });
});

describe('GraphiQL at /graphql', () => {
  const BROWSER = { accept: 'text/html' };

  it('answers a browser with a small page naming hashed files, not the 9 MB page with everything inlined', async () => {
    const page = await get('/graphql', BROWSER);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html.length).toBeLessThan(5_000);
    expect(html).toContain('Who appears with Lavrov'); // the default query, among the options
    expect(html).not.toMatch(/<\/script>[^]*<\/script>[^]*<\/script>[^]*<\/script>[^]*<\/script>/); // no inlined bundle
    const files = [...html.matchAll(/(?:src|href)="(\/graphiql\/[\w-]{22}[\w.-]*)"/g)].map((m) => m[1]);
    expect(files).toHaveLength(4); // icon, styles, script, start
    for (const file of files) expect((await get(file)).status).toBe(200);
  });

  it('serves each file compressed as asked (brotli, else gzip), cached for a year, with an ETag and 304', async () => {
    const html = await (await get('/graphql', BROWSER)).text();
    const script = html.match(/src="(\/graphiql\/[\w-]{22}\.js)"/)![1];
    const plain = await get(script);
    const identity = new Uint8Array(await plain.arrayBuffer());
    expect(identity.length).toBeGreaterThan(4_000_000);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(plain.headers.get('vary')).toBe('accept-encoding');

    for (const [accept, encoding, decode] of [
      ['gzip, deflate, br, zstd', 'br', zlib.brotliDecompressSync],
      ['gzip', 'gzip', zlib.gunzipSync],
    ] as const) {
      // Node's fetch decompresses what it receives: the server's own response, through yoga.fetch, is as sent.
      const response = await app.yoga.handleRequest(new Request(`http://newsgraph.test${script}`, { headers: { 'accept-encoding': accept } }), {});
      expect(response.headers.get('content-encoding')).toBe(encoding);
      const sent = Buffer.from(await response.arrayBuffer());
      expect(sent.length).toBeLessThan(identity.length / 2);
      expect(decode(sent).equals(Buffer.from(identity))).toBe(true);
      const etag = response.headers.get('etag')!;
      expect(etag).toMatch(new RegExp(`^"[\\w-]{22}-${encoding}"$`));
      const again = await app.yoga.handleRequest(new Request(`http://newsgraph.test${script}`, { headers: { 'accept-encoding': accept, 'if-none-match': etag } }), {});
      expect(again.status).toBe(304);
    }
    expect((await get('/graphiql/nothing.js')).status).toBe(404);
  });

  it('the explorer\'s bundle is compressed too, and revalidated (its name holds no hash)', async () => {
    const response = await app.yoga.handleRequest(new Request('http://newsgraph.test/explore/app.js', { headers: { 'accept-encoding': 'br' } }), {});
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });
});
