/**
 * How long GraphiQL and the explorer take to load in a real browser, and how many bytes they cost:
 * cold (empty cache), warm (the same browser again), each also over a 10 Mbit/s link with 20 ms of
 * latency (Chrome's network emulation). The figures are printed and kept in
 * test-artifacts/browser/first-load/figures.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactsDir, launchBrowser, requireChromium, startBrowserServer, type BrowserServer } from './browser.ts';

const TEN_MBIT = { offline: false, latency: 20, downloadThroughput: 10_000_000 / 8, uploadThroughput: 10_000_000 / 8 };

interface Load {
  ms: number;
  /** Bytes over the wire (headers and encoded bodies) of all requests, and of the page's files alone (not the API's answers). */
  bytes: number;
  fileBytes: number;
  requests: number;
}

let artifacts: string;
let running: BrowserServer;
let browser: Browser;
const figures: Record<string, Record<string, Load>> = {};

beforeAll(async () => {
  requireChromium();
  artifacts = artifactsDir('first-load');
  running = await startBrowserServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
  if (artifacts) fs.writeFileSync(path.join(artifacts, 'figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
});

/** Opens `url` in a new page of `context` and times it until `ready` holds. */
async function load(context: BrowserContext, url: string, ready: (page: Page) => Promise<unknown>, throttled: boolean, shot?: string): Promise<Load> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (throttled) await cdp.send('Network.emulateNetworkConditions', TEN_MBIT);
  let bytes = 0;
  let fileBytes = 0;
  let requests = 0;
  const count = async (request: import('playwright-core').Request) => {
    requests += 1;
    const sizes = await request.sizes().catch(() => null);
    if (!sizes) return;
    bytes += sizes.responseHeadersSize + sizes.responseBodySize;
    if (request.method() === 'GET') fileBytes += sizes.responseHeadersSize + sizes.responseBodySize;
  };
  context.on('requestfinished', count);
  const started = performance.now();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await ready(page);
  const ms = Math.round(performance.now() - started);
  context.off('requestfinished', count);
  if (shot) await page.screenshot({ path: path.join(artifacts, `${shot}.png`) });
  await page.close();
  return { ms, bytes, fileBytes, requests };
}

/** Cold and warm loads of `url`, at full speed and at 10 Mbit/s, each in a context of its own. */
async function measure(name: string, url: string, ready: (page: Page) => Promise<unknown>): Promise<Record<string, Load>> {
  const result: Record<string, Load> = {};
  for (const throttled of [false, true]) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const label = throttled ? '10 Mbit/s' : 'local';
    result[`cold, ${label}`] = await load(context, url, ready, throttled, `${name}-cold-${throttled ? 'throttled' : 'local'}`);
    result[`warm, ${label}`] = await load(context, url, ready, throttled);
    await context.close();
  }
  figures[name] = result;
  const kib = (n: number) => `${(n / 1024).toFixed(0).padStart(6)} KiB`;
  const rows = Object.entries(result).map(([k, v]) => `  ${k.padEnd(18)} ${String(v.ms).padStart(6)} ms  ${kib(v.bytes)} (files ${kib(v.fileBytes)})  ${v.requests} requests`);
  process.stdout.write(`first load of ${name} (${url}):\n${rows.join('\n')}\n`);
  return result;
}

describe('GraphiQL from its separate files', () => {
  it('runs the example query, with its editor workers loaded from /graphiql/ and no error on the page', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
    await page.goto(`${running.base}/graphql`);
    await page.waitForFunction(() => (document.querySelector('.graphiql-query-editor')?.textContent ?? '').includes('Lavrov'), undefined, { timeout: 120_000 });
    await page.locator('.graphiql-execute-button').click();
    // The editor draws spaces as no-break spaces.
    await page.waitForFunction(() => (document.querySelector('.graphiql-response')?.textContent ?? '').replace(/\s/g, ' ').includes('"name": "Sergei Lavrov"'), undefined, { timeout: 60_000 });
    await page.screenshot({ path: path.join(artifacts, 'graphiql-example-answered.png') });
    expect(workers.length).toBeGreaterThan(0);
    for (const worker of workers) expect(worker).toMatch(/^\/graphiql\/[\w-]{22}-\w+\.worker\.js$/);
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);
});

describe('first load', () => {
  it('GraphiQL: its query editor drawn; cached for good on a second visit', async () => {
    // The editor's lines, not the example query: a second visit opens the tabs GraphiQL kept, maybe empty.
    const result = await measure('graphiql', `${running.base}/graphql`, (page) => page.locator('.graphiql-query-editor .view-lines').waitFor({ timeout: 120_000 }));
    // The 9 MB inline page it was: now a few compressed files, taken from the browser's cache on the
    // next visit (what is left is the page itself and the schema GraphiQL asks the API for).
    expect(result['cold, local'].fileBytes).toBeLessThan(2_500_000);
    expect(result['warm, local'].fileBytes).toBeLessThan(10_000);
    expect(result['warm, 10 Mbit/s'].fileBytes).toBeLessThan(10_000);
  }, 300_000);

  it('the explorer: the network around Lavrov drawn', async () => {
    const result = await measure('explore', `${running.base}/explore#entity=${encodeURIComponent('person:Q58217')}`, (page) =>
      page.waitForFunction(() => ((window as any).explorer?.cy.nodes().length ?? 0) > 1, undefined, { timeout: 60_000 }),
    );
    // Compressed: the graph library alone is ~450 KB as it is.
    expect(result['cold, local'].fileBytes).toBeLessThan(200_000);
  }, 300_000);
});
