/**
 * The store is a thin runner over one of two graph engines; all Cypher lives in `queries/`.
 * Values crossing this boundary are plain JS: numbers, strings (temporal values as ISO strings),
 * booleans, null, arrays and objects. Each engine converts at its own edge.
 */

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export interface QueryRunner {
  run<T extends Row = Row>(query: string, params?: Params): Promise<T[]>;
}

export interface Runner extends QueryRunner {
  readonly engine: 'grafeo' | 'neo4j';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
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

/** Counts round trips (a query or a whole transaction) through a runner: one counter per GraphQL request. */
export interface RoundTrips {
  count: number;
}

export function countingRunner(inner: Runner, trips: RoundTrips): Runner {
  return {
    engine: inner.engine,
    run(query, params) {
      trips.count += 1;
      return inner.run(query, params);
    },
    transaction(work) {
      trips.count += 1;
      return inner.transaction(work);
    },
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
}
