/** What the server lets in, and how much: access, limits and switches, from the environment (config.ts) or a test. */

export interface ServerSettings {
  /** Reads without a key; when false every query needs a key with the `read` scope. */
  publicRead: boolean;
  /** Origins allowed by CORS: `['*']` for any, `[]` for none (no CORS headers). */
  corsOrigins: string[];
  introspection: boolean;
  graphiql: boolean;
  /** Milliseconds a query may run; 0: no limit. */
  queryTimeoutMs: number;
  /** Milliseconds a mutation may run; 0: no limit. */
  mutationTimeoutMs: number;
  /** Requests per minute per key (per address for requests without one); 0: no limit. */
  rateLimitPerMinute: number;
  /** Requests a client may send at once before the per-minute rate applies. */
  rateLimitBurst: number;
  /** Query cost (the complexity measure) per minute per key (per address without one); 0: no budget. */
  costPerMinute: number;
  /** Cost a client may spend at once before the per-minute rate applies. */
  costBurst: number;
  /** The allow-list of persisted operations (id → document); null: arbitrary operations are allowed. */
  persistedOperations: Record<string, string> | null;
  metrics: boolean;
  /** Milliseconds an answer to a query is served from the response cache; 0: no cache. */
  responseCacheTtlMs: number;
}

export const DEFAULT_SERVER_SETTINGS: ServerSettings = {
  publicRead: true,
  corsOrigins: ['*'],
  introspection: true,
  graphiql: true,
  queryTimeoutMs: 10_000,
  mutationTimeoutMs: 120_000,
  rateLimitPerMinute: 600,
  rateLimitBurst: 100,
  costPerMinute: 30_000,
  costBurst: 30_000,
  persistedOperations: null,
  metrics: true,
  responseCacheTtlMs: 30_000,
};
