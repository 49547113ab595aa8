/**
 * The `newsgraph` command as a user runs it, for tests: real processes (node bin/newsgraph.js) on a real
 * database folder, never the Neo4j of the environment (these tests are about the embedded database's files).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const BIN = path.resolve('bin/newsgraph.js');

export interface CliResult {
  code: number;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A temporary folder with a DATA_DIR inside; `env` is the environment the commands run with. */
export interface CliSandbox {
  dir: string;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  remove(): void;
}

export function cliSandbox(prefix: string, extraEnv: NodeJS.ProcessEnv = {}): CliSandbox {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  // Nor the Redis of the environment: servers of different tests would hear each other's ingests.
  const { NEO4J_URI: _ignored, REDIS_URL: _alsoIgnored, ...rest } = process.env;
  const dataDir = path.join(dir, 'data');
  return {
    dir,
    dataDir,
    env: { ...rest, DATA_DIR: dataDir, NEWSGRAPH_SEED: 'false', LOG_LEVEL: 'info', ...extraEnv },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Starts `newsgraph ARGS` in the sandbox folder; `input` goes to its standard input. */
export function spawnNewsgraph(sandbox: Pick<CliSandbox, 'dir' | 'env'>, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): ChildProcess {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...sandbox.env, ...options.env }, cwd: sandbox.dir });
  child.stdin!.end(options.input ?? '');
  return child;
}

/** What a finished process printed and how it ended. */
export function finished(child: ChildProcess): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }));
  });
}

/** Runs `newsgraph ARGS` to the end. */
export function newsgraph(sandbox: Pick<CliSandbox, 'dir' | 'env'>, args: string[], input?: string): Promise<CliResult> {
  return finished(spawnNewsgraph(sandbox, args, { input }));
}

export interface RunningServer {
  process: ChildProcess;
  /** http://localhost:PORT/graphql */
  url: string;
  /** Everything the server printed so far (pino lines on stdout, anything else on stderr). */
  output(): string;
  /** Resolves with the exit code (or signal) once the process ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `newsgraph serve` on a free port; resolves once it logs its URL. */
export async function startServer(sandbox: Pick<CliSandbox, 'dir' | 'env'>, env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  const child = spawnNewsgraph(sandbox, ['serve'], { env: { PORT: '0', HOST: '127.0.0.1', ...env } });
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (out += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const onData = () => {
      const match = out.match(/"url":"(http:\/\/localhost:\d+\/graphql)"/);
      if (match) resolve(match[1]);
    };
    child.stdout!.on('data', onData);
    exited.then(({ code, signal }) => reject(new Error(`server exited (${code ?? signal}) before listening:\n${out}`)));
  });
  return { process: child, url, output: () => out, exited };
}

/** POSTs a GraphQL operation to a running server. */
export async function postGraphql<T = any>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ status: number; data: T; errors?: { message: string; extensions?: Record<string, any> }[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: { message: string; extensions?: Record<string, any> }[] };
  return { status: response.status, ...body };
}
