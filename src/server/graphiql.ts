/**
 * GraphiQL as separate files instead of the one 9 MB page the package renders (its script, styles,
 * three editor workers and icon inlined): a small page that names hashed files under /graphiql/,
 * each compressed and cached by the browser for a year. Loaded from the package on the first visit,
 * not at start: it takes ~1 s to read.
 */
import type { Plugin } from 'graphql-yoga';
import { precompress, serveAsset, staticAsset, type StaticAsset } from './assets.ts';

export const GRAPHIQL_ASSETS_PATH = '/graphiql';

interface GraphiQLFiles {
  /** Path → file. */
  assets: Map<string, StaticAsset>;
  css: string;
  js: string;
  start: string;
  favicon: string;
}

const WORKERS = { editorWorkerService: 'editor', json: 'json', graphql: 'graphql' } as const;

function hashedPath(asset: StaticAsset, suffix: string): string {
  return `${GRAPHIQL_ASSETS_PATH}/${asset.hash}${suffix}`;
}

async function load(): Promise<GraphiQLFiles> {
  const bundle = await import('@graphql-yoga/render-graphiql/graphiql');
  const assets = new Map<string, StaticAsset>();
  const add = (asset: StaticAsset, suffix: string) => {
    const path = hashedPath(asset, suffix);
    assets.set(path, asset);
    return path;
  };
  const js = 'text/javascript; charset=utf-8';
  const workers = {
    editorWorkerService: add(staticAsset(bundle.editorWorkerService, js, true), `-${WORKERS.editorWorkerService}.worker.js`),
    json: add(staticAsset(bundle.jsonWorker, js, true), `-${WORKERS.json}.worker.js`),
    graphql: add(staticAsset(bundle.graphqlWorker, js, true), `-${WORKERS.graphql}.worker.js`),
  };
  const icon = /^data:([^;]+);base64,(.*)$/.exec(bundle.favicon);
  const favicon = icon ? add(staticAsset(Buffer.from(icon[2], 'base64'), icon[1], true), '.ico') : bundle.favicon;
  // The editors ask for their workers by label; the options come from the page (they hold the default query).
  const start = `self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (_moduleId, label) => (${JSON.stringify(workers)})[label] };
YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), JSON.parse(document.getElementById('graphiql-options').textContent));
`;
  return {
    assets,
    css: add(staticAsset(bundle.css, 'text/css; charset=utf-8', true), '.css'),
    js: add(staticAsset(bundle.js, js, true), '.js'),
    start: add(staticAsset(start, js, true), '-start.js'),
    favicon,
  };
}

let loaded: Promise<GraphiQLFiles> | null = null;

function files(): Promise<GraphiQLFiles> {
  if (!loaded) {
    loaded = load();
    loaded.catch(() => {
      loaded = null;
    });
  }
  return loaded;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page GET /graphql answers a browser with: a few hundred bytes naming the hashed files. */
export async function renderGraphiQLPage(options: { title?: string } & Record<string, unknown>): Promise<string> {
  const f = await files();
  // The browser asks for these next: their encodings are made while it parses the page.
  precompress(f.assets.values());
  // As JSON inside the page: "<" escaped, so no value can close the script element.
  const json = JSON.stringify(options).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${escapeHtml(f.favicon)}" />
    <link rel="stylesheet" href="${f.css}" />
    <script defer src="${f.js}"></script>
    <script defer src="${f.start}"></script>
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run this app.</noscript>
    <div id="root"></div>
    <script type="application/json" id="graphiql-options">${json}</script>
  </body>
</html>
`;
}

/** Serves /graphiql/<hash>… from memory. */
export function useGraphiQLAssets(): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (!url.pathname.startsWith(`${GRAPHIQL_ASSETS_PATH}/`)) return;
      return files().then(async (f) => {
        const asset = f.assets.get(url.pathname);
        endResponse(asset ? await serveAsset(request, asset) : new Response('not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } }));
      });
    },
  };
}
