/** The `newsgraph` command as a user runs it: real processes on a real database folder. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = path.resolve('bin/newsgraph.js');
let dir: string;
let env: NodeJS.ProcessEnv;

function newsgraph(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

const line = (n: number) =>
  JSON.stringify({
    title: `Summit report ${n}`,
    text: `French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Monday, report ${n}.`,
    url: `https://news.example.org/summit-${n}`,
    publishedAt: '2023-03-06',
  });

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-cli-'));
  const { NEO4J_URI: _ignored, ...rest } = process.env;
  env = { ...rest, DATA_DIR: path.join(dir, 'data'), NEWSGRAPH_SEED: 'false', LOG_LEVEL: 'info' };
  const lines = [1, 2, 3, 4, 5, 6].map(line);
  lines.push('{"title": "broken", "text": ');
  lines.push(line(8));
  fs.mkdirSync(path.join(dir, 'in'));
  fs.writeFileSync(path.join(dir, 'in', 'batch.jsonl'), `${lines.join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'in', 'story.txt'), 'Talks in Vienna\n\nPosted March 7, 2023\n\nIranian Foreign Minister Hossein Amir-Abdollahian met EU officials in Vienna.\n');
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
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
  let server: ChildProcess | null = null;
  let url = '';

  afterAll(() => {
    server?.kill('SIGKILL');
  });

  it('starts, and the CLI says how to send articles through it', async () => {
    server = spawn(process.execPath, [BIN, 'serve'], { env: { ...env, PORT: '0', HOST: '127.0.0.1', NEWSGRAPH_API_KEYS: 'cli-key' }, cwd: dir });
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server!.stdout!.on('data', (chunk) => {
        out += chunk;
        const match = out.match(/"url":"(http:\/\/localhost:\d+\/graphql)"/);
        if (match) resolve(match[1]);
      });
      server!.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
    });
    const ready = await fetch(url.replace('/graphql', '/ready'));
    expect(ready.status).toBe(200);

    const locked = await newsgraph(['ingest', 'in']);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toContain('in use by another newsgraph process');
    expect(locked.stderr).toContain('--endpoint');

    const through = await newsgraph(['ingest', '--endpoint', url, '--api-key', 'cli-key', 'in']);
    expect(through.stdout).toContain('created 0, updated 0, unchanged 8, failed 1');
    expect(through.stdout).toMatch(/FAILED in\/batch\.jsonl:7/);
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => server!.on('exit', (code) => resolve(code)));
    server!.kill('SIGTERM');
    expect(await exited).toBe(0);
    server = null;
    const after = await newsgraph(['ingest', '-'], line(21));
    expect(after.stdout).toContain('created 1');
  });
});
