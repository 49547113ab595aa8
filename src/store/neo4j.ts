/** Neo4j 5 through the official driver: production, and the second engine of the test suite. */
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { fromNeo4jValue, toNeo4jParams } from './neo4j-values.ts';
import { StoreUnavailableError, type Params, type QueryRunner, type Row, type Runner } from './runner.ts';

export interface Neo4jOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
}

function toRows<T>(records: { keys: readonly PropertyKey[]; get(key: PropertyKey): unknown }[]): T[] {
  return records.map((record) => {
    const row: Record<string, unknown> = {};
    for (const key of record.keys) row[String(key)] = fromNeo4jValue(record.get(key));
    return row as T;
  });
}

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired']);

function translate(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code && UNAVAILABLE.has(code)) {
    return new StoreUnavailableError(`Neo4j is unavailable: ${(error as Error).message}`, { cause: error });
  }
  return error;
}

export function openNeo4j(options: Neo4jOptions): Runner {
  const driver: Driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
    disableLosslessIntegers: false,
  });
  const session = (mode: 'READ' | 'WRITE'): Session =>
    driver.session({ database: options.database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });

  return {
    engine: 'neo4j',
    async run<T extends Row>(query: string, params: Params = {}) {
      try {
        const result = await driver.executeQuery(query, toNeo4jParams(params) as Params, { database: options.database });
        return toRows<T>(result.records);
      } catch (error) {
        throw translate(error);
      }
    },
    async transaction<T>(work: (tx: QueryRunner) => Promise<T>) {
      const s = session('WRITE');
      try {
        // executeWrite retries transient failures; each attempt starts from a rolled-back state.
        return await s.executeWrite((tx: ManagedTransaction) =>
          work({
            run: async <R extends Row>(query: string, params: Params = {}) =>
              toRows<R>((await tx.run(query, toNeo4jParams(params) as Params)).records),
          }),
        );
      } catch (error) {
        throw translate(error);
      } finally {
        await s.close();
      }
    },
    async ping() {
      try {
        await driver.executeQuery('RETURN 1 AS ok', {}, { database: options.database });
        return true;
      } catch {
        return false;
      }
    },
    close: () => driver.close(),
  };
}
