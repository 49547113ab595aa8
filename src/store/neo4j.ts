/** Neo4j 5 through the official driver: production, and the second engine of the test suite. */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { fromNeo4jValue, toNeo4jParams } from './neo4j-values.ts';
import { StoreUnavailableError, type Params, type QueryRunner, type Row, type Runner } from './runner.ts';

export interface Neo4jOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/**
 * The driver's defaults (30 s to connect, 60 s to get a pooled connection, 30 s of retries) made an
 * unreachable Neo4j stall /ready for ~34 s and writes for ~65 s, past every deadline of the server.
 * With these, a closed port fails in ~1.2 s: one retry, after the driver's first back-off of
 * 0.8-1.2 s (a retry only starts while less than `maxTransactionRetryTime` has passed since the
 * first failure, so 500 ms allows exactly one). A deadlock or a database switching leader gets that
 * one retry too.
 */
const DRIVER_LIMITS = {
  connectionTimeout: 1_000,
  connectionAcquisitionTimeout: 1_500,
  maxTransactionRetryTime: 500,
} as const;

/** /ready answers within 2 s however the network fails (a host that drops packets waits out connectionTimeout twice). */
const PING_TIMEOUT_MS = 1_500;

function toRows<T>(records: { keys: readonly PropertyKey[]; get(key: PropertyKey): unknown }[]): T[] {
  return records.map((record) => {
    const row: Record<string, unknown> = {};
    for (const key of record.keys) row[String(key)] = fromNeo4jValue(record.get(key));
    return row as T;
  });
}

/**
 * Errors that are no fault of the query: the client gets SERVICE_UNAVAILABLE, and a server that
 * cannot start prints the message, which names the setting to look at.
 */
function translate(error: unknown, options: Neo4jOptions): unknown {
  const { code, message } = error as { code?: string; message?: string };
  const cause = String(message ?? '').split('\n')[0];
  const unavailable = (text: string) => new StoreUnavailableError(text, { cause: error });
  switch (code) {
    case 'ServiceUnavailable':
    case 'SessionExpired':
      return unavailable(`Neo4j does not answer at ${options.uri} (check NEO4J_URI, and that Neo4j is running): ${cause}`);
    case 'Neo.ClientError.Security.Unauthorized':
    case 'Neo.ClientError.Security.AuthenticationRateLimit':
      return unavailable(`Neo4j at ${options.uri} refused user "${options.user}" (check NEO4J_USER and NEO4J_PASSWORD): ${cause}`);
    case 'Neo.ClientError.Database.DatabaseNotFound':
      return unavailable(`Neo4j at ${options.uri} has no database "${options.database}" (check NEO4J_DATABASE): ${cause}`);
    case 'Neo.TransientError.General.DatabaseUnavailable':
      return unavailable(`the Neo4j database "${options.database}" is not available yet (starting or stopped): ${cause}`);
  }
  // Without a code: every pooled connection stayed busy for connectionAcquisitionTimeout, or the URI names an HTTP port.
  if (/connection acquisition timed out/i.test(cause)) return unavailable(`Neo4j is overloaded: ${cause}`);
  if (/server responded HTTP/i.test(cause)) return unavailable(`${options.uri} answers HTTP, not Bolt (check NEO4J_URI; Bolt is port 7687 by default)`);
  return error;
}

/**
 * Reads (`run`) go to a reader of the cluster, transactions to the leader; both share the driver's
 * bookmark manager, so a read after a committed write sees it wherever it runs. Neo4j refuses a
 * write through `run` ("Writing in read access mode not allowed").
 */
export function openNeo4j(options: Neo4jOptions): Runner {
  const driver: Driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
    disableLosslessIntegers: false,
    ...DRIVER_LIMITS,
  });
  const bookmarkManager = driver.executeQueryBookmarkManager;
  const read = async <T extends Row>(query: string, params: Params = {}): Promise<T[]> => {
    try {
      const result = await driver.executeQuery(query, toNeo4jParams(params), {
        database: options.database,
        routing: neo4j.routing.READ,
        bookmarkManager,
      });
      return toRows<T>(result.records);
    } catch (error) {
      throw translate(error, options);
    }
  };

  return {
    engine: 'neo4j',
    run: read,
    async transaction<T>(work: (tx: QueryRunner) => Promise<T>) {
      const session = driver.session({ database: options.database, defaultAccessMode: neo4j.session.WRITE, bookmarkManager });
      try {
        // executeWrite retries transient failures (see DRIVER_LIMITS); each attempt starts from a rolled-back state.
        return await session.executeWrite((tx: ManagedTransaction) =>
          work({
            run: async <R extends Row>(query: string, params: Params = {}) =>
              toRows<R>((await tx.run(query, toNeo4jParams(params))).records),
          }),
        );
      } catch (error) {
        throw translate(error, options);
      } finally {
        await session.close();
      }
    },
    async ping() {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS)));
      const answered = read('RETURN 1 AS ok').then(
        () => true,
        () => false,
      );
      try {
        return await Promise.race([answered, late]);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => driver.close(),
  };
}
