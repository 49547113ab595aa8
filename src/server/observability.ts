/**
 * Logs and metrics. Every log line of a request carries its id; no line carries a key, a query's
 * variables or article text (only operation names, codes, counts and durations). `/metrics` is
 * Prometheus text from Yoga's Prometheus plugin plus the store, ingest and curation counters of metrics.ts.
 */
import { getOperationAST, GraphQLError, isInputObjectType, isInterfaceType, isObjectType, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { createCounter, createHistogram, usePrometheus } from '@graphql-yoga/plugin-prometheus';
import { principalName, type ApiKey } from '../auth/keys.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from './metrics.ts';
import { createRequestState, requestState } from './request-state.ts';

export function errorCode(error: unknown): string {
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

function operationOf(document: DocumentNode, name: string | null | undefined) {
  const operation = getOperationAST(document, name);
  return { name: operation?.name?.value ?? 'anonymous', type: operation?.operation ?? 'unknown' };
}

/**
 * The first plugin: gives each request its state (id, principal, logger), answers with
 * `x-request-id`, logs one line per request and every unexpected error, counts error codes.
 */
export function useRequestObservability(keys: readonly ApiKey[], logger: Logger, metrics: Metrics | null): Plugin {
  return {
    onRequest({ request }) {
      createRequestState(request, keys, logger);
    },
    onExecute({ args }) {
      const state = requestState(args.contextValue.request);
      if (!state) return;
      const operation = operationOf(args.document, args.operationName);
      state.operationName = operation.name;
      state.operationType = operation.type;
      return {
        onExecuteDone({ result }) {
          if (!('errors' in result) || !result.errors) return;
          for (const error of result.errors) {
            // Errors the client is meant to see are answers, not faults; the rest are masked in the response and logged here.
            if (errorCode(error) === 'INTERNAL_SERVER_ERROR') {
              state.log.error({ err: error.originalError ?? error, path: error.path?.join('.') }, 'unexpected error');
            }
          }
        },
      };
    },
    onResultProcess({ result }) {
      if (!metrics) return;
      for (const one of Array.isArray(result) ? result : [result]) {
        const errors = (one as { errors?: readonly unknown[] }).errors ?? [];
        for (const error of errors) metrics.errors.inc({ code: errorCode(error) });
      }
    },
    onResponse({ request, response }) {
      const state = requestState(request);
      if (!state) return;
      response.headers.set('x-request-id', state.id);
      const url = new URL(request.url);
      const line = {
        method: request.method,
        path: url.pathname,
        status: response.status,
        ms: Math.round(performance.now() - state.started),
        key: principalName(state.principal),
        operation: state.operationName,
        type: state.operationType,
        roundTrips: state.roundTrips.count,
      };
      // The request's id as its child logger would put it, without making one for this line alone.
      if (url.pathname === '/graphql') logger.info({ reqId: state.id, ...line }, 'request');
      else logger.debug({ reqId: state.id, ...line }, 'request');
    },
  };
}

/**
 * Yoga's own logger: an error it logs is one it answers "Unexpected error." for, and goes into our log
 * with its stack. Its other lines (progress, at debug and info) are dropped: they can carry request
 * parameters, which are never logged; warnings keep their message only.
 */
export function yogaLogger(logger: Logger) {
  const drop = () => undefined;
  return {
    debug: drop,
    info: drop,
    warn: (message: unknown) => logger.warn({ yoga: typeof message === 'string' ? message : undefined }, 'yoga warning'),
    error: (error: unknown) => logger.error({ err: error }, 'unexpected error'),
  };
}

/** Operation names kept as label values; names first seen after this many are counted as "other". */
export const MAX_OPERATION_NAMES = 100;

/**
 * Operation names come from clients: as labels, each new one adds series to every metric that has
 * them, so /metrics would grow with what clients send (2,000 names made it 50 MB). The first
 * MAX_OPERATION_NAMES names keep theirs (dashboards' fixed operations come first and stay); the rest are "other".
 */
export function boundedOperationNames(max = MAX_OPERATION_NAMES): (name: string) => string {
  const known = new Set<string>();
  return (name) => {
    if (known.has(name)) return name;
    if (known.size >= max) return 'other';
    known.add(name);
    return name;
  };
}

/** Whether any field, argument or input field of the schema is deprecated. */
export function hasDeprecations(schema: GraphQLSchema): boolean {
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.deprecationReason != null || field.args.some((a) => a.deprecationReason != null)) return true;
      }
    } else if (isInputObjectType(type)) {
      if (Object.values(type.getFields()).some((f) => f.deprecationReason != null)) return true;
    }
  }
  return false;
}

/**
 * Yoga's Prometheus plugin on our registry: requests and durations per operation (names bounded),
 * HTTP durations. The phase durations carry the operation type only: the plugin would label them
 * with every name sent. Only execution (and subscription) has a phase histogram of its own: parse and
 * validation are cached and the context is a few objects, and graphql_envelop_request_duration already
 * times the whole operation from parse to execute, so three more observations a request told nothing new.
 */
export function usePrometheusMetrics(metrics: Metrics, schema: GraphQLSchema): Plugin {
  const bounded = boundedOperationNames();
  const labels = (document: DocumentNode | undefined, context: unknown) => {
    if (!document) return { operationName: 'anonymous', operationType: 'unknown' };
    const { name, type } = operationOf(document, (context as { params?: { operationName?: string | null } } | undefined)?.params?.operationName);
    return { operationName: bounded(name), operationType: type };
  };
  return usePrometheus({
    registry: metrics.registry,
    endpoint: '/metrics',
    labels: { operationName: false },
    metrics: {
      graphql_envelop_request: createCounter({
        registry: metrics.registry,
        counter: { name: 'graphql_envelop_request', help: 'Counts the amount of GraphQL requests executed through Envelop', labelNames: ['operationName', 'operationType'] },
        fillLabelsFn: (params, context) => labels(params.document, context),
      }),
      graphql_envelop_request_duration: createHistogram({
        registry: metrics.registry,
        histogram: { name: 'graphql_envelop_request_duration', help: 'Time spent on running the GraphQL operation from parse to execute', labelNames: ['operationName', 'operationType'] },
        fillLabelsFn: (params, context) => labels(params.document, context),
      }),
      graphql_envelop_request_time_summary: false,
      graphql_envelop_phase_parse: false,
      graphql_envelop_phase_validate: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_execute: true,
      graphql_envelop_phase_subscribe: true,
      // Counted by code in newsgraph_graphql_errors_total, which also sees errors outside the GraphQL phases.
      graphql_envelop_error_result: false,
      // Counting uses of deprecated fields walks every document with its types (~40% of a small
      // request's time here): only worth it when the schema has any.
      graphql_envelop_deprecated_field: hasDeprecations(schema),
      graphql_envelop_schema_change: false,
      graphql_yoga_http_duration: createHistogram({
        registry: metrics.registry,
        histogram: {
          name: 'graphql_yoga_http_duration',
          help: 'Time spent on HTTP requests to /graphql',
          labelNames: ['operationName', 'operationType', 'method', 'statusCode'],
        },
        // The operation as useRequestObservability found it (the plugin's own name is switched off above).
        fillLabelsFn: (_params, { request, response }) => ({
          operationName: bounded(requestState(request)?.operationName ?? 'anonymous'),
          operationType: requestState(request)?.operationType ?? 'unknown',
          method: request.method,
          statusCode: response.status,
        }),
      }),
    },
  });
}
