/** How the explorer is served beside the API, through yoga.fetch: the page, its bundle, revalidation. */
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
