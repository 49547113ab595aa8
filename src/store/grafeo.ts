/** The embedded engine: Grafeo runs the same Neo4j-5 Cypher in-process, with a database file under DATA_DIR. */
import fs from 'node:fs';
import path from 'node:path';
import grafeo from '@grafeo-db/js';
import type { GrafeoDB as GrafeoDatabase, QueryResult } from '@grafeo-db/js';
import { StoreUnavailableError, type Params, type QueryRunner, type Row, type Runner } from './runner.ts';

const { GrafeoDB } = grafeo;

export const DATABASE_FILE = 'newsgraph.grafeo';

/** Thrown when another process (usually a running server) holds the database file. */
export class DatabaseLockedError extends StoreUnavailableError {
  constructor(readonly file: string) {
    super(`the embedded database ${file} is in use by another newsgraph process (probably a running server)`);
    this.name = 'DatabaseLockedError';
  }
}

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
  }
  const writes = new Mutex();
  let closed = false;

  const guard = () => {
    if (closed) throw new StoreUnavailableError('the embedded database is closed');
  };

  return {
    engine: 'grafeo',
    async run<T extends Row>(query: string, params: Params = {}) {
      guard();
      return rows<T>(await db.executeCypher(query, params));
    },
    transaction<T>(work: (tx: QueryRunner) => Promise<T>) {
      return writes.lock(async () => {
        guard();
        const tx = db.beginTransaction();
        try {
          const result = await work({
            run: async <R extends Row>(query: string, params: Params = {}) => rows<R>(await tx.executeCypher(query, params)),
          });
          tx.commit();
          return result;
        } catch (error) {
          if (tx.isActive) tx.rollback();
          throw error;
        }
      });
    },
    async ping() {
      if (closed) return false;
      try {
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
