/** The embedded engine: Grafeo runs the same Neo4j-5 Cypher in-process, with a database file under DATA_DIR. */
import fs from 'node:fs';
import path from 'node:path';
import grafeo from '@grafeo-db/js';
import type { GrafeoDB as GrafeoDatabase, QueryResult } from '@grafeo-db/js';
import { DatabaseLockedError, StoreUnavailableError, type Params, type QueryRunner, type Row, type Runner } from './runner.ts';

const { GrafeoDB } = grafeo;

export const DATABASE_FILE = 'newsgraph.grafeo';

function rows<T>(result: QueryResult): T[] {
  return result.toArray() as T[];
}

/** Serialises write transactions: Grafeo takes one writer at a time, and queued batches must not conflict. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();

  lock<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

export function openGrafeo(dataDir: string | null): Runner {
  let db: GrafeoDatabase;
  let file = ':memory:';
  // The file the handle was opened on; checked before every call (see `checkFile`).
  let identity: FileIdentity | null = null;
  if (dataDir === null) {
    db = GrafeoDB.create();
  } else {
    fs.mkdirSync(dataDir, { recursive: true });
    file = path.join(dataDir, DATABASE_FILE);
    try {
      db = GrafeoDB.create(file);
    } catch (error) {
      if (/cannot be locked/i.test(String((error as Error).message))) throw new DatabaseLockedError(file);
      throw new StoreUnavailableError(`cannot open the embedded database ${file}: ${(error as Error).message}`, { cause: error });
    }
    identity = fileIdentity(file);
  }
  const writes = new Mutex();
  let closed = false;

  const guard = () => {
    if (closed) throw new StoreUnavailableError('the embedded database is closed');
    if (identity) checkFile(file, identity);
  };

  return {
    engine: 'grafeo',
    async run<T extends Row>(query: string, params: Params = {}) {
      guard();
      return rows<T>(await engineCall(() => db.executeCypher(query, params)));
    },
    transaction<T>(work: (tx: QueryRunner) => Promise<T>) {
      return writes.lock(async () => {
        guard();
        const tx = db.beginTransaction();
        try {
          const result = await work({
            run: async <R extends Row>(query: string, params: Params = {}) => rows<R>(await engineCall(() => tx.executeCypher(query, params))),
          });
          await engineCall(async () => tx.commit());
          return result;
        } catch (error) {
          if (tx.isActive) tx.rollback();
          throw error;
        }
      });
    },
    async ping() {
      try {
        guard();
        await db.executeCypher('RETURN 1 AS ok');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      // Let queued write transactions finish before the file is closed.
      await writes.lock(async () => undefined);
      closed = true;
      db.close();
    },
  };
}

interface FileIdentity {
  dev: number;
  ino: number;
}

function fileIdentity(file: string): FileIdentity {
  const stats = fs.statSync(file);
  return { dev: stats.dev, ino: stats.ino };
}

/**
 * The engine keeps the graph in memory and its file open: measured on 0.6.0, a database file moved away,
 * deleted or chmod-ed while open goes unnoticed — reads answer, writes are acknowledged into a WAL that no
 * longer has a path, and are lost at the next start. So the runner looks at the path itself before every
 * call and refuses while the file is not there. When the same file comes back (moved back into place) the
 * open handle is still right and calls go on. A different file at the path (restored from a backup) is
 * not reopened in place: closing the old handle would checkpoint its state over the restored file, so
 * that needs a restart.
 */
function checkFile(file: string, identity: FileIdentity): void {
  let current: FileIdentity;
  try {
    current = fileIdentity(file);
    fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' || code === 'ENOTDIR' ? 'is missing (was DATA_DIR moved or deleted?)' : `cannot be read or written (${code ?? (error as Error).message})`;
    throw new StoreUnavailableError(`the embedded database ${file} ${problem}`, { cause: error });
  }
  if (current.dev !== identity.dev || current.ino !== identity.ino) {
    throw new StoreUnavailableError(`the embedded database ${file} was replaced by another file while open: restart newsgraph to open it`);
  }
}

// What the engine says when its files cannot be read or written (disk full, I/O errors): GRAFEO-X003.
const ENGINE_IO_ERROR = /GRAFEO-X003|I\/O error/i;

/** An engine call whose I/O failures become StoreUnavailableError; any other error (a bad query, a constraint) passes through. */
async function engineCall<T>(call: () => T | Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (ENGINE_IO_ERROR.test(String((error as Error)?.message))) {
      throw new StoreUnavailableError(`the embedded database cannot read or write its files: ${(error as Error).message.split('\n')[0]}`, { cause: error });
    }
    throw error;
  }
}
