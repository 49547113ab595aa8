/**
 * `newsgraph neo4j [--port 7687] [--data ./data/neo4j]`: a local Neo4j Community without Docker.
 * Builds the Maven module in `neo4j/` on first use (Maven fetches Neo4j from Maven Central), starts
 * it as a Java process with Bolt on 127.0.0.1, and prints the NEO4J_URI to use. Tests start their
 * own through `startLocalNeo4j`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommand } from './common.ts';

const moduleDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../neo4j');
const jar = join(moduleDir, 'target', 'newsgraph-neo4j.jar');
const mainClass = 'dev.newsgraph.neo4j.LocalNeo4j';

/** Builds the module when its jar is missing or older than its sources. */
export function buildLocalNeo4j(log: (line: string) => void = () => {}): void {
  const sources = [join(moduleDir, 'pom.xml'), join(moduleDir, 'src/main/java/dev/newsgraph/neo4j/LocalNeo4j.java')];
  if (existsSync(jar) && sources.every((file) => statSync(file).mtimeMs <= statSync(jar).mtimeMs)) return;
  log('building the local Neo4j with Maven (the first time downloads Neo4j from Maven Central)…');
  const result = spawnSync('mvn', ['-q', '-B', 'package', '-DskipTests'], { cwd: moduleDir, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) throw new Error(`cannot run Maven (mvn): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`Maven failed to build ${moduleDir} (exit ${result.status})`);
}

export interface LocalNeo4j {
  uri: string;
  process: ChildProcess;
  /** SIGTERM, then waits for the process to end (Neo4j flushes and closes its store). */
  stop(): Promise<void>;
}

export interface LocalNeo4jOptions {
  port?: number;
  data: string;
  password: string;
  /** JVM heap, e.g. `1g`. */
  heap?: string;
  /** Where Neo4j's own log lines go; ignored when absent. */
  log?: (line: string) => void;
}

export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  buildLocalNeo4j(options.log);
  const classpath = `${jar}:${join(moduleDir, 'target', 'lib', '*')}`;
  const child = spawn(
    'java',
    [`-Xmx${options.heap ?? '1g'}`, '-cp', classpath, mainClass, '--port', String(options.port ?? 7687), '--data', resolve(options.data)],
    { env: { ...process.env, NEO4J_PASSWORD: options.password }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderr.push(line);
    if (stderr.length > 50) stderr.shift();
    options.log?.(line);
  });
  const uri = await new Promise<string>((ready, failed) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const found = /^NEO4J_URI=(\S+)/.exec(line);
      if (found) ready(found[1]!);
      else options.log?.(line);
    });
    child.once('exit', (code) => failed(new Error(`the local Neo4j exited (${code}) before Bolt was ready:\n${stderr.join('\n')}`)));
    child.once('error', (error) => failed(new Error(`cannot start java: ${error.message}`)));
  });
  return {
    uri,
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

const USAGE = `usage: newsgraph neo4j [--port <port>] [--data <dir>]

Starts a local Neo4j Community (built with Maven on first use) with Bolt on 127.0.0.1.
The password of the neo4j user is NEO4J_PASSWORD; NEO4J_HEAP sets the JVM heap (default 1g).
Defaults: --port 7687, --data ./data/neo4j.
`;

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand('newsgraph neo4j', USAGE, argv, {
    port: { type: 'string', default: '7687' },
    data: { type: 'string', default: './data/neo4j' },
  });
  if (typeof parsed === 'number') return parsed;
  const password = process.env.NEO4J_PASSWORD ?? '';
  if (password.length < 8) {
    process.stderr.write('newsgraph neo4j: set NEO4J_PASSWORD (at least 8 characters; the server reads the same variable)\n');
    return 2;
  }
  const neo4j = await startLocalNeo4j({
    port: Number(parsed.values.port),
    data: String(parsed.values.data),
    password,
    heap: process.env.NEO4J_HEAP,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`Neo4j is ready. Run newsgraph on it with:\n  NEO4J_URI=${neo4j.uri} NEO4J_PASSWORD=… npm start\n`);
  const stop = () => void neo4j.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await new Promise((done) => neo4j.process.once('exit', done));
  return 0;
}
