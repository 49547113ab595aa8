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

/** What a request asks of the store besides counting: a deadline, a share of the engine, an observer of each round trip. */
export interface RunnerGuard {
  /** Once aborted, the next round trip (a query, a transaction, a statement inside one) throws `signal.reason`. */
  signal?: AbortSignal;
  /**
   * Called before every round trip and statement, to abort `signal` once the deadline has passed:
   * a timer fires late when the event loop is busy, and no call may start after the deadline.
   */
  check?: () => void;
  /** Round trips of this request at once; the rest wait their turn, and one whose turn comes after the abort is never sent. */
  concurrency?: number;
  observe?: (kind: 'run' | 'transaction', seconds: number, ok: boolean) => void;
}

/*
 * A runner of its own for every GraphQL request: the functions below are methods (or module-level), not
 * arrow functions made per request, which tsx names one by one with Object.defineProperty (~1 µs each).
 */

/** A counting semaphore: `size` holders at once, the others served in order. */
function slots(size: number) {
  let free = size;
  const waiting: (() => void)[] = [];
  return {
    acquire(): Promise<void> | undefined {
      if (free > 0) {
        free -= 1;
        return undefined;
      }
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
    // A waiter is handed the slot directly, so it cannot be taken by a later caller in between.
    release() {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    },
  };
}

type Slots = ReturnType<typeof slots>;

function pass(guard: RunnerGuard): void {
  guard.check?.();
  guard.signal?.throwIfAborted();
}

async function timed<T>(guard: RunnerGuard, gate: Slots | null, trips: RoundTrips, kind: 'run' | 'transaction', work: () => Promise<T>): Promise<T> {
  pass(guard);
  await gate?.acquire();
  try {
    pass(guard);
    trips.count += 1;
    const start = performance.now();
    let ok = false;
    try {
      const result = await work();
      ok = true;
      return result;
    } finally {
      guard.observe?.(kind, (performance.now() - start) / 1000, ok);
    }
  } finally {
    gate?.release();
  }
}

function checked(tx: QueryRunner, guard: RunnerGuard): QueryRunner {
  return {
    run(query, params) {
      // Inside a transaction an abort throws, so the whole transaction rolls back.
      pass(guard);
      return tx.run(query, params);
    },
  };
}

export function countingRunner(inner: Runner, trips: RoundTrips, guard: RunnerGuard = {}): Runner {
  const gate = guard.concurrency ? slots(guard.concurrency) : null;
  const guarded = guard.signal !== undefined || guard.check !== undefined;
  return {
    engine: inner.engine,
    run(query, params) {
      return timed(guard, gate, trips, 'run', () => inner.run(query, params));
    },
    transaction(work) {
      return timed(guard, gate, trips, 'transaction', () => inner.transaction((tx) => work(guarded ? checked(tx, guard) : tx)));
    },
    ping() {
      return inner.ping();
    },
    close() {
      return inner.close();
    },
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
