/**
 * The store is a thin runner over one of two graph engines; all Cypher lives in `queries/`.
 * Values crossing this boundary are plain JS: numbers, strings (temporal values as ISO strings),
 * booleans, null, arrays and objects. Each engine converts at its own edge.
 */

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export interface QueryRunner {
  /** On a Runner, a read (Neo4j sends it to a reader and refuses a write); inside a transaction, any statement. */
  run<T extends Row = Row>(query: string, params?: Params): Promise<T[]>;
}

export interface Runner extends QueryRunner {
  readonly engine: 'grafeo' | 'neo4j';
  /** Runs `work` in one write transaction: committed when it resolves, rolled back when it throws. Every write goes through here. */
  transaction<T>(work: (tx: QueryRunner) => Promise<T>): Promise<T>;
  /** True when the engine answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** The engine could not be reached or opened; callers answer SERVICE_UNAVAILABLE, not a crash. */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/**
 * Another process (usually a running server) holds the embedded database file. It lives here rather
 * than in grafeo.ts so that the commands can recognise it without loading the embedded engine.
 */
export class DatabaseLockedError extends StoreUnavailableError {
  constructor(readonly file: string) {
    super(`the embedded database ${file} is in use by another newsgraph process (probably a running server)`);
    this.name = 'DatabaseLockedError';
  }
}

/** Counts round trips (a query or a whole transaction) through a runner: one counter per GraphQL request. */
export interface RoundTrips {
  count: number;
}

/** What a request asks of the store besides counting: a deadline and an observer of each round trip. */
export interface RunnerGuard {
  /** Once aborted, the next round trip (a query, a transaction, a statement inside one) throws `signal.reason`. */
  signal?: AbortSignal;
  observe?: (kind: 'run' | 'transaction', seconds: number, ok: boolean) => void;
}

export function countingRunner(inner: Runner, trips: RoundTrips, guard: RunnerGuard = {}): Runner {
  const { signal, observe } = guard;
  const timed = async <T>(kind: 'run' | 'transaction', work: () => Promise<T>): Promise<T> => {
    signal?.throwIfAborted();
    trips.count += 1;
    const start = performance.now();
    let ok = false;
    try {
      const result = await work();
      ok = true;
      return result;
    } finally {
      observe?.(kind, (performance.now() - start) / 1000, ok);
    }
  };
  const checked = (tx: QueryRunner): QueryRunner => ({
    run(query, params) {
      // Inside a transaction an abort throws, so the whole transaction rolls back.
      signal?.throwIfAborted();
      return tx.run(query, params);
    },
  });
  return {
    engine: inner.engine,
    run: (query, params) => timed('run', () => inner.run(query, params)),
    transaction: (work) => timed('transaction', () => inner.transaction((tx) => work(signal ? checked(tx) : tx))),
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
}

/**
 * Calls `settled` once each transaction through the runner has ended, committed or rolled back:
 * every write goes through a transaction, so this is how a cache of answers learns of writes.
 * A failed one counts too: a commit that fails on the way back (a lost connection) may have landed.
 */
export function afterTransactions(inner: Runner, settled: () => void): Runner {
  return {
    engine: inner.engine,
    run: (query, params) => inner.run(query, params),
    transaction: async (work) => {
      try {
        return await inner.transaction(work);
      } finally {
        settled();
      }
    },
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
}
