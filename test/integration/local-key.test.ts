/** The local key of a fresh install on loopback, and DATA_DIR/server.json: real servers and CLI runs. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureLocalKey, isLoopback, LOCAL_KEY_FILE } from '../../src/auth/local-key.ts';
import { loadConfig } from '../../src/config.ts';
import { cliSandbox, newsgraph, postGraphql, startServer, type CliSandbox, type RunningServer } from '../support/cli.ts';

const ARTICLE = JSON.stringify({
  title: 'Talks in Geneva',
  text: 'Swiss President Alain Berset welcomed negotiators to Geneva on Tuesday.',
  url: 'https://news.example.org/geneva-local-key',
  publishedAt: '2023-05-02',
});
const INGEST = 'mutation ($a: [ArticleInput!]!) { ingestArticles(articles: $a) { created } }';

let sandbox: CliSandbox;
let server: RunningServer | null = null;

beforeAll(() => {
  sandbox = cliSandbox('newsgraph-local-key-');
  fs.writeFileSync(path.join(sandbox.dir, 'article.jsonl'), `${ARTICLE}\n`);
});
afterEach(async () => {
  if (server) {
    server.process.kill('SIGTERM');
    await server.exited;
    server = null;
  }
});
afterAll(() => sandbox.remove());

describe('a fresh install listening on loopback with no keys', () => {
  it('listens on loopback unless HOST says otherwise, so `npm start` on a fresh install gets a local key', () => {
    const host = loadConfig({}).host;
    expect(host).toBe('127.0.0.1');
    expect(isLoopback(host)).toBe(true);
  });

  it('generates a key readable by the owner only, says how to use it, and the CLI loads articles with it', async () => {
    server = await startServer(sandbox, { HOST: '127.0.0.1' });
    const file = path.join(sandbox.dataDir, LOCAL_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const key = fs.readFileSync(file, 'utf8').trim();
    expect(key.length).toBeGreaterThan(40);
    expect(server.output()).toContain(`npx newsgraph ingest --endpoint ${server.url}`);
    expect(server.output()).toContain(file);
    expect(server.output()).not.toContain(key);

    // DATA_DIR/server.json names the URL the server really listens on (PORT=0: a port chosen at start).
    const written = JSON.parse(fs.readFileSync(path.join(sandbox.dataDir, 'server.json'), 'utf8'));
    expect(written.url).toBe(server.url);

    const withoutKey = await postGraphql(server.url, INGEST, { a: [JSON.parse(ARTICLE)] });
    expect(withoutKey.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const run = await newsgraph(sandbox, ['ingest', '--endpoint', server.url, 'article.jsonl']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('created 1');

    // The database is the server's: the hint names its real URL and needs no --api-key.
    const locked = await newsgraph(sandbox, ['ingest', 'article.jsonl']);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toContain(`A server is running at ${server.url}`);
    expect(locked.stderr).toContain(`npx newsgraph ingest --endpoint ${server.url} article.jsonl`);
    expect(locked.stderr).not.toContain('--api-key');
  });

  it('keeps the same key across restarts, and removes server.json on stop', async () => {
    const file = path.join(sandbox.dataDir, LOCAL_KEY_FILE);
    const before = fs.readFileSync(file, 'utf8');
    server = await startServer(sandbox, { HOST: '127.0.0.1' });
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    const answer = await postGraphql(server.url, INGEST, { a: [JSON.parse(ARTICLE)] }, { authorization: `Bearer ${before.trim()}` });
    expect(answer.errors).toBeUndefined();
    server.process.kill('SIGTERM');
    await server.exited;
    server = null;
    expect(fs.existsSync(path.join(sandbox.dataDir, 'server.json'))).toBe(false);
  });
});

describe('any other HOST, or configured keys', () => {
  it('makes no key when listening on every interface: mutations stay off', async () => {
    const open = cliSandbox('newsgraph-open-host-');
    try {
      server = await startServer(open, { HOST: '0.0.0.0' });
      expect(fs.existsSync(path.join(open.dataDir, LOCAL_KEY_FILE))).toBe(false);
      const refused = await postGraphql(server.url, INGEST, { a: [JSON.parse(ARTICLE)] });
      expect(refused.errors?.[0].message).toMatch(/mutations are disabled|no API keys/i);
    } finally {
      server?.process.kill('SIGTERM');
      await server?.exited;
      server = null;
      open.remove();
    }
  });

  it('makes no key when keys are configured', async () => {
    const keyed = cliSandbox('newsgraph-keyed-', { NEWSGRAPH_API_KEYS: 'configured-key' });
    try {
      server = await startServer(keyed, { HOST: '127.0.0.1' });
      expect(fs.existsSync(path.join(keyed.dataDir, LOCAL_KEY_FILE))).toBe(false);
    } finally {
      server?.process.kill('SIGTERM');
      await server?.exited;
      server = null;
      keyed.remove();
    }
  });
});

describe('the local key file', () => {
  it('tells loopback hosts from others', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.1.1', '::ffff:127.0.0.1']) expect(isLoopback(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.4', 'example.org', '']) expect(isLoopback(host), host).toBe(false);
  });

  it('narrows a key file others could read to its owner', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-key-mode-'));
    try {
      fs.writeFileSync(path.join(dir, LOCAL_KEY_FILE), 'ngl_existing\n', { mode: 0o644 });
      const { key, created } = ensureLocalKey(dir);
      expect({ key, created }).toEqual({ key: 'ngl_existing', created: false });
      expect(fs.statSync(path.join(dir, LOCAL_KEY_FILE)).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
