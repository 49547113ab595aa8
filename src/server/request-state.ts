/**
 * What the server knows about one HTTP request before and after GraphQL runs: its id, who sent it,
 * its deadline and its logger. Made by the first plugin, read by the others and by the context.
 */
import crypto from 'node:crypto';
import type { Logger } from '../logger.ts';
import { authenticate, bearerOf, type ApiKey, type Principal } from '../auth/keys.ts';
import { anonymousScope, type RequestScope, type ResolverMetrics } from '../graphql/context.ts';
import type { RoundTrips, RunnerGuard } from '../store/runner.ts';
import type { Metrics } from './metrics.ts';

export interface RequestState {
  /** `x-request-id` as sent (when it looks like an id), or a new UUID; on every log line and in the response. */
  id: string;
  principal: Principal;
  /** Aborted at the request's deadline (or when the client goes away): store work stops at the next round trip. */
  abort: AbortController;
  /** The server's logger with the request's id on each line; made on first use (most requests log one line only, the request's, which the logger writes directly). */
  readonly log: Logger;
  started: number;
  roundTrips: RoundTrips;
  /** When the operation must have ended (performance.now() time) and the error it then answers; set by useDeadline. */
  deadline?: { at: number; reason: Error };
  operationName?: string;
  operationType?: string;
}

const states = new WeakMap<Request, RequestState>();

/**
 * Store round trips of one request at once: half the engine's worker threads (libuv's default four),
 * so that one request with many aliases leaves room for everyone else's.
 */
const ROUND_TRIPS_AT_ONCE = 2;

/** Aborts the request once its deadline has passed, whether or not the deadline's timer has fired yet. */
function expireIfOverdue(state: RequestState): void {
  if (state.deadline && !state.abort.signal.aborted && performance.now() >= state.deadline.at) state.abort.abort(state.deadline.reason);
}
const ID = /^[\w.:-]{1,128}$/;

export function createRequestState(request: Request, keys: readonly ApiKey[], logger: Logger): RequestState {
  const sent = request.headers.get('x-request-id');
  const id = sent && ID.test(sent) ? sent : crypto.randomUUID();
  const principal = authenticate(bearerOf(request), keys);
  let log: Logger | undefined;
  const state: RequestState = {
    id,
    principal,
    abort: new AbortController(),
    get log() {
      return (log ??= logger.child({ reqId: id }));
    },
    started: performance.now(),
    roundTrips: { count: 0 },
  };
  states.set(request, state);
  return state;
}

export function requestState(request: Request): RequestState | undefined {
  return states.get(request);
}

/** The parts of a GraphQL context that come from the request state: scope, deadline, round-trip counting and timing. */
export function contextScope(
  request: Request,
  access: { publicRead: boolean; keysConfigured: boolean; metrics: Metrics | null; resolverMetrics: ResolverMetrics | null; engine: string },
): { req: RequestScope; roundTrips: RoundTrips; guard: RunnerGuard } {
  const state = states.get(request);
  const { metrics, engine } = access;
  const scope = { publicRead: access.publicRead, keysConfigured: access.keysConfigured, metrics: access.resolverMetrics };
  if (!state) return { req: { ...anonymousScope(), ...scope }, roundTrips: { count: 0 }, guard: {} };
  return {
    req: {
      id: state.id,
      principal: state.principal,
      get log() {
        return state.log;
      },
      ...scope,
    },
    roundTrips: state.roundTrips,
    guard: {
      signal: state.abort.signal,
      // A method, not an arrow function: tsx would name a new arrow function on every request (Object.defineProperty).
      check() {
        expireIfOverdue(state);
      },
      concurrency: ROUND_TRIPS_AT_ONCE,
      observe: metrics
        ? (kind, seconds, ok) => {
            metrics.storeRoundTrips.inc({ engine, kind, outcome: ok ? 'ok' : 'error' });
            metrics.storeDuration.observe({ engine, kind }, seconds);
          }
        : undefined,
    },
  };
}
