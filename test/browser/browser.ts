/**
 * What the browser tests share: the server as `npm start` runs it (embedded engine, seed articles, an
 * ephemeral port), Debian's headless Chromium driven by playwright-core, and a folder for the
 * screenshots and figures each suite leaves (test-artifacts/browser/<suite>/, gitignored; the last
 * run's only).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { start, type Running } from '../../src/server/start.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const BROWSER_KEY = 'browser-test-key';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const VIEWPORT = { width: 1440, height: 900 };

export interface BrowserServer {
  server: Running;
  /** http://127.0.0.1:PORT */
  base: string;
  dataDir: string;
  stop(): Promise<void>;
}

export function requireChromium(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install it (apt-get install -y chromium, as .ci/run does) or set CHROMIUM_PATH`);
  }
}

/** The folder for one suite's screenshots and figures, emptied. */
export function artifactsDir(suite: string): string {
  const dir = path.resolve('test-artifacts/browser', suite);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** The server on a fresh DATA_DIR, seeded; only what is set here, never the NEO4J_URI of a developer's shell. */
export async function startBrowserServer(env: Record<string, string> = {}): Promise<BrowserServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-browser-data-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, NEWSGRAPH_API_KEYS: BROWSER_KEY, LOG_LEVEL: 'silent', ...env });
  const server = await start(config, createLogger('silent'));
  const address = server.server.address();
  if (!address || typeof address !== 'object') throw new Error('the server has no port');
  return {
    server,
    base: `http://127.0.0.1:${address.port}`,
    dataDir,
    stop: async () => {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Chromium with a profile of its own (removed on close). */
export async function launchPersistent(): Promise<BrowserContext & { removeProfile(): void }> {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-browser-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, headless: true, viewport: VIEWPORT, args: ARGS });
  return Object.assign(context, { removeProfile: () => fs.rmSync(profileDir, { recursive: true, force: true }) });
}

/** Chromium whose contexts each start with an empty cache. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}
