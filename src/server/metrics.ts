/** The server's own Prometheus counters (store round trips, ingests, errors, curations), one registry per server. */
import { Counter, Histogram, Registry } from 'prom-client';
import type { ResolverMetrics } from '../graphql/context.ts';

export interface Metrics {
  registry: Registry;
  storeRoundTrips: Counter<'engine' | 'kind' | 'outcome'>;
  storeDuration: Histogram<'engine' | 'kind'>;
  ingested: Counter<'status'>;
  errors: Counter<'code'>;
  curations: Counter<'action'>;
}

/** One registry per server, so that several servers in one process (the tests) count apart. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  return {
    registry,
    storeRoundTrips: new Counter({
      name: 'newsgraph_store_round_trips_total',
      help: 'Queries and transactions sent to the graph engine',
      labelNames: ['engine', 'kind', 'outcome'],
      registers: [registry],
    }),
    storeDuration: new Histogram({
      name: 'newsgraph_store_round_trip_duration_seconds',
      help: 'Time of one query or one whole transaction on the graph engine',
      labelNames: ['engine', 'kind'],
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
      registers: [registry],
    }),
    ingested: new Counter({
      name: 'newsgraph_ingested_articles_total',
      help: 'Articles sent to ingestArticles, by outcome',
      labelNames: ['status'],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'newsgraph_graphql_errors_total',
      help: 'Errors in GraphQL responses (and refused requests), by extensions.code',
      labelNames: ['code'],
      registers: [registry],
    }),
    curations: new Counter({
      name: 'newsgraph_curations_total',
      help: 'Curation mutations applied, by action',
      labelNames: ['action'],
      registers: [registry],
    }),
  };
}

/** The counters resolvers add to, on this server's registry. */
export function resolverMetrics(metrics: Metrics): ResolverMetrics {
  return {
    countIngest(report) {
      for (const status of ['created', 'updated', 'unchanged', 'failed'] as const) {
        if (report[status] > 0) metrics.ingested.inc({ status: status.toUpperCase() }, report[status]);
      }
    },
    countCuration(action) {
      metrics.curations.inc({ action });
    },
  };
}
