/** The `newsgraph` command as a user runs it: real processes on a real database folder. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, newsgraph as run, startServer, type CliSandbox, type RunningServer } from '../support/cli.ts';

let sandbox: CliSandbox;
let dir: string;
const newsgraph = (args: string[], input?: string) => run(sandbox, args, input);

const line = (n: number) =>
  JSON.stringify({
    title: `Summit report ${n}`,
    text: `French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Monday, report ${n}.`,
    url: `https://news.example.org/summit-${n}`,
    publishedAt: '2023-03-06',
  });

beforeAll(() => {
  sandbox = cliSandbox('newsgraph-cli-');
  dir = sandbox.dir;
  const lines = [1, 2, 3, 4, 5, 6].map(line);
  lines.push('{"title": "broken", "text": ');
  lines.push(line(8));
  fs.mkdirSync(path.join(dir, 'in'));
  fs.writeFileSync(path.join(dir, 'in', 'batch.jsonl'), `${lines.join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'in', 'story.txt'), 'Talks in Vienna\n\nPosted March 7, 2023\n\nIranian Foreign Minister Hossein Amir-Abdollahian met EU officials in Vienna.\n');
});

afterAll(() => {
  sandbox.remove();
});

describe('newsgraph migrate', () => {
  it('applies the migrations once', async () => {
    const first = await newsgraph(['migrate']);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/^applied: 001_keys, 002_lookups/);
    const second = await newsgraph(['migrate']);
    expect(second.stdout).toContain('nothing to apply');
  });
});

describe('newsgraph ingest', () => {
  it('loads files and folders, names the broken line, and changes nothing on a re-run', async () => {
    const first = await newsgraph(['ingest', 'in']);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('created 8, updated 0, unchanged 0, failed 1');
    expect(first.stdout).toMatch(/FAILED in\/batch\.jsonl:7: .* \[BAD_JSON\]/);
    const again = await newsgraph(['ingest', 'in']);
    expect(again.stdout).toContain('created 0, updated 0, unchanged 8, failed 1');
  });

  it('reads standard input', async () => {
    const result = await newsgraph(['ingest', '-'], line(20));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('created 1');
  });

  it('explains its options', async () => {
    const result = await newsgraph(['ingest', '--help']);
    expect(result.stdout).toContain('--endpoint');
  });
});

describe('a running server holding the database', () => {
  let server: RunningServer | null = null;

  afterAll(() => {
    server?.process.kill('SIGKILL');
  });

  it('starts, and the CLI says how to send articles through it', async () => {
    server = await startServer(sandbox, { NEWSGRAPH_API_KEYS: 'cli-key' });
    const { url } = server;
    const ready = await fetch(url.replace('/graphql', '/ready'));
    expect(ready.status).toBe(200);

    const locked = await newsgraph(['ingest', 'in']);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toContain('in use by another newsgraph process');
    expect(locked.stderr).toContain(`A server is running at ${url}`);
    expect(locked.stderr).toContain(`--endpoint ${url} --api-key <key> in`);

    const through = await newsgraph(['ingest', '--endpoint', url, '--api-key', 'cli-key', 'in']);
    expect(through.stdout).toContain('created 0, updated 0, unchanged 8, failed 1');
    expect(through.stdout).toMatch(/FAILED in\/batch\.jsonl:7/);
  });

  it('refuses a second server on the same DATA_DIR with a clear message, leaving the first and its file intact', async () => {
    const before = fs.readFileSync(path.join(sandbox.dataDir, 'newsgraph.grafeo'));
    const second = await newsgraph(['serve']);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`the embedded database ${path.join(sandbox.dataDir, 'newsgraph.grafeo')} is in use by another newsgraph process`);
    expect(second.stderr).toContain('Stop the other process, or give this one its own DATA_DIR');
    expect(fs.readFileSync(path.join(sandbox.dataDir, 'newsgraph.grafeo')).equals(before)).toBe(true);
    expect((await fetch(server!.url.replace('/graphql', '/ready'))).status).toBe(200);
  });

  it('stops cleanly on SIGTERM', async () => {
    server!.process.kill('SIGTERM');
    expect((await server!.exited).code).toBe(0);
    server = null;
    const after = await newsgraph(['ingest', '-'], line(21));
    expect(after.stdout).toContain('created 1');
  });
});
