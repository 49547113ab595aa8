/**
 * The explorer page at /explore: the sources under explorer/ (TypeScript, CSS, with the graph
 * library from node_modules) bundled by esbuild in memory on the first request, then served from
 * memory. No build step, no files written, nothing fetched from elsewhere: it works offline.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Plugin } from 'graphql-yoga';
import { serveAsset, staticAsset, type StaticAsset } from './assets.ts';

export const EXPLORER_PATH = '/explore';

const SOURCES = fileURLToPath(new URL('../../explorer/', import.meta.url));


/**
 * Path → asset: the page at /explore (and /explore/), its icon and the bundle beside it; revalidated
 * on every load (cheap with the ETag), so a restarted server's new bundle is picked up at once.
 */
async function bundle(): Promise<Map<string, StaticAsset>> {
  const result = await build({
    absWorkingDir: SOURCES,
    entryPoints: { app: 'src/main.ts', style: 'src/style.css' },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'eof',
    write: false,
    outdir: 'out',
    logLevel: 'silent',
  });
  const assets = new Map<string, StaticAsset>();
  const page = staticAsset(await fs.readFile(path.join(SOURCES, 'index.html')), 'text/html; charset=utf-8');
  assets.set(EXPLORER_PATH, page);
  assets.set(`${EXPLORER_PATH}/`, page);
  assets.set(`${EXPLORER_PATH}/favicon.svg`, staticAsset(await fs.readFile(path.join(SOURCES, 'favicon.svg')), 'image/svg+xml'));
  for (const file of result.outputFiles) {
    const name = path.basename(file.path);
    assets.set(`${EXPLORER_PATH}/${name}`, staticAsset(file.contents, name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8'));
  }
  return assets;
}

/** The one stylesheet the graph library (cytoscape 3) adds to the page itself, allowed by its hash. */
const CYTOSCAPE_STYLESHEET = '.__________cytoscape_container { position: relative; }';

/**
 * The page runs only its own bundle and stylesheet (and the graph library's one rule) and talks only
 * to this server's API: an injected script or style element would not run, and nothing could be sent
 * elsewhere. Style attributes stay allowed: the library positions its canvases with them, and an
 * attribute can neither run code nor load from elsewhere (img-src and default-src still apply).
 */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' 'sha256-${crypto.createHash('sha256').update(CYTOSCAPE_STYLESHEET).digest('base64')}'`,
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

let built: Promise<Map<string, StaticAsset>> | null = null;

/** The bundle, built once per process; a failed build is tried again on the next request. */
export function explorerAssets(): Promise<Map<string, StaticAsset>> {
  if (!built) {
    built = bundle();
    built.catch(() => {
      built = null;
    });
  }
  return built;
}

async function respond(request: Request, pathname: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('method not allowed', { status: 405, headers: { allow: 'GET, HEAD' } });
  }
  let assets: Map<string, StaticAsset>;
  try {
    assets = await explorerAssets();
  } catch (error) {
    return new Response(`the explorer could not be built: ${(error as Error).message}`, { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const found = assets.get(pathname);
  if (!found) return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return serveAsset(request, found, { 'content-security-policy': EXPLORER_CSP });
}

/** Serves the explorer beside the GraphQL endpoint, from the same server. */
export function useExplorer(): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (url.pathname !== EXPLORER_PATH && !url.pathname.startsWith(`${EXPLORER_PATH}/`)) return;
      return respond(request, url.pathname).then(endResponse);
    },
  };
}
