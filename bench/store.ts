/**
 * The database a benchmark measures, on either engine, with migrations applied: Grafeo in-process on
 * a folder, or a local Neo4j Community started for the benchmark (`startLocalNeo4j`) on a folder of
 * its own, so that its memory, disk and start time are the benchmark's to measure. A NEO4J_URI in
 * the caller's environment is not used: a remote server's memory and disk cannot be read from here.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { startLocalNeo4j, type LocalNeo4j } from '../src/cli/neo4j.ts';
import { openGrafeo } from '../src/store/grafeo.ts';
import { migrate } from '../src/store/migrate.ts';
import { openNeo4j } from '../src/store/neo4j.ts';
import type { Runner } from '../src/store/runner.ts';
import type { Engine } from './engines.ts';

/**
 * Neo4j's memory, set explicitly so both engines are compared at a known budget: 2 GB of heap and
 * 1 GB of page cache (the whole 10k graph's store files fit in it). NEO4J_HEAP / NEO4J_PAGECACHE override.
 */
export const NEO4J_MEMORY = { heap: process.env.NEO4J_HEAP ?? '2g', pageCache: process.env.NEO4J_PAGECACHE ?? '1g' };

/** How to reach a local Neo4j the benchmark started. */
export interface Neo4jAccess {
  uri: string;
  password: string;
}

export interface BenchDatabase {
  store: Runner;
  /** The local Neo4j's Java process id (its memory and CPU are the benchmark's to read); absent on the embedded engine. */
  neo4j?: { pid: number };
  /** Closes the store, then stops the local Neo4j (which flushes its files). */
  close(): Promise<void>;
}

/**
 * Starts a local Neo4j on `dir` (created when missing) with the benchmark's memory settings. The
 * password of its neo4j user is new at every start: LocalNeo4j sets it at start, and Neo4j refuses
 * to set the one a folder already has (the second start on a folder fails with "Old password and new
 * password cannot be the same").
 */
export async function startBenchNeo4j(dir: string): Promise<{ server: LocalNeo4j; password: string; startMs: number }> {
  fs.mkdirSync(dir, { recursive: true });
  const password = `bench-${randomBytes(12).toString('hex')}`;
  // startLocalNeo4j hands its environment to the Java process, which reads the page cache size there.
  process.env.NEO4J_PAGECACHE = NEO4J_MEMORY.pageCache;
  const started = performance.now();
  const server = await startLocalNeo4j({ port: 0, data: dir, password, heap: NEO4J_MEMORY.heap });
  return { server, password, startMs: performance.now() - started };
}

export function openBenchNeo4jStore(uri: string, password: string): Runner {
  return openNeo4j({ uri, user: 'neo4j', password, database: 'neo4j' });
}

/** Opens the engine's database in `dir` and applies the migrations. */
export async function openBenchDatabase(engine: Engine, dir: string): Promise<BenchDatabase> {
  if (engine === 'grafeo') {
    const store = openGrafeo(dir);
    await migrate(store);
    return { store, close: () => store.close() };
  }
  const { server, password } = await startBenchNeo4j(dir);
  const store = openBenchNeo4jStore(server.uri, password);
  try {
    await migrate(store);
  } catch (error) {
    await store.close();
    await server.stop();
    throw error;
  }
  return {
    store,
    neo4j: { pid: server.process.pid! },
    close: async () => {
      await store.close();
      await server.stop();
    },
  };
}

/** A `Vm…` line of /proc/<pid>/status, in MB: VmRSS now, VmHWM the peak so far. */
export function procMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
  if (!line) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Math.round(Number(line.split(/\s+/)[1]) / 1024);
}

/** Linux reports a process's CPU time in clock ticks of USER_HZ, 100 per second on every architecture Node runs on here. */
const TICKS_PER_SECOND = 100;

/** User + system CPU milliseconds of a process so far (fields 14 and 15 of /proc/<pid>/stat, after the parenthesised name). */
export function procCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): utime and stime are fields 14 and 15.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}
