/**
 * Cost and load: per-client rate limits and cost budgets, the per-operation complexity check,
 * per-request deadlines, the persisted-operations allow-list, the introspection switch, and
 * access to /metrics. (Each field's cost is declared with it, through the complexity plugin of
 * graphql/builder.ts; page sizes are graphql/pagination.ts's.)
 */
import { getOperationAST, Kind, NoSchemaIntrospectionCustomRule, type DocumentNode, type ExecutionArgs, type GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import { hasScope, principalName } from '../auth/keys.ts';
import { COMPLEXITY_LIMITS } from '../graphql/builder.ts';
import type { Metrics } from './metrics.ts';
import { requestState, type RequestState } from './request-state.ts';
import type { ServerSettings } from './settings.ts';

/** Buckets beyond this many are pruned of the full ones (clients idle long enough to have their whole burst back). */
const MAX_BUCKETS = 10_000;

/** An in-process token bucket per client: `burst` requests at once, then `perMinute` a minute. */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    perMinute: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Takes `amount` tokens; when fewer are left, says in how many seconds there will be enough. */
  take(client: string, amount = 1): { ok: true } | { ok: false; retryAfter: number } {
    const now = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    if (!this.buckets.has(client)) {
      if (this.buckets.size >= MAX_BUCKETS) this.prune(now);
      this.buckets.set(client, bucket);
    }
    if (bucket.tokens >= amount) {
      bucket.tokens -= amount;
      return { ok: true };
    }
    return { ok: false, retryAfter: Math.max(1, Math.ceil((amount - bucket.tokens) / this.perMs / 1000)) };
  }

  private prune(now: number): void {
    for (const [client, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.burst) this.buckets.delete(client);
    }
  }
}

/** Keys are limited by name; requests without a valid key by the address they come from (the server context, or a GraphQL context, which holds it). */
function clientOf(state: RequestState, serverContext: unknown): string {
  if (state.principal.kind === 'key') return `key:${state.principal.key.name}`;
  const socket = (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req?.socket;
  return `ip:${socket?.remoteAddress ?? 'unknown'}`;
}

function jsonError(status: number, message: string, extensions: Record<string, unknown>, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify({ errors: [{ message, extensions }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

export function useRateLimit(settings: ServerSettings, metrics: Metrics | null): Plugin {
  if (settings.rateLimitPerMinute === 0) return {};
  const buckets = new TokenBuckets(settings.rateLimitPerMinute, settings.rateLimitBurst);
  return {
    onRequest({ request, url, serverContext, endResponse }) {
      const state = requestState(request);
      if (!state || url.pathname !== '/graphql' || request.method === 'OPTIONS') return;
      const taken = buckets.take(clientOf(state, serverContext));
      if (taken.ok) return;
      metrics?.errors.inc({ code: 'RATE_LIMITED' });
      state.log.warn({ key: principalName(state.principal), retryAfter: taken.retryAfter }, 'rate limited');
      endResponse(
        jsonError(
          429,
          `too many requests: at most ${settings.rateLimitPerMinute} a minute (bursts of ${settings.rateLimitBurst}); retry after ${taken.retryAfter} s`,
          { code: 'RATE_LIMITED', retryAfter: taken.retryAfter },
          { 'retry-after': String(taken.retryAfter) },
        ),
      );
    },
  };
}

/** The operation to run, alone with the fragments: what the complexity of a request is measured on. */
function operationDocument(document: DocumentNode, operationName: string | null | undefined): DocumentNode | null {
  const operation = getOperationAST(document, operationName);
  if (!operation) return null;
  return { kind: Kind.DOCUMENT, definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)] };
}

function tooComplex(measure: 'depth' | 'breadth' | 'complexity', value: number): GraphQLError {
  return createGraphQLError(`query ${measure} ${value} exceeds the limit of ${COMPLEXITY_LIMITS[measure]}: ask for fewer fields or smaller pages`, {
    extensions: { code: 'QUERY_TOO_COMPLEX', kind: measure, limits: COMPLEXITY_LIMITS },
  });
}

/**
 * The cost of an operation, checked once before anything runs: over the depth, breadth or
 * complexity limit it is refused with one error (not one per root field). Then the client pays
 * for it from its budget of cost per minute; a client out of budget gets 429 with Retry-After.
 */
export function useCostLimits(settings: ServerSettings): Plugin {
  const budgets = settings.costPerMinute === 0 ? null : new TokenBuckets(settings.costPerMinute, settings.costBurst);
  const check = (args: ExecutionArgs): GraphQLError | null => {
    const state = requestState((args.contextValue as { request: Request }).request);
    const document = operationDocument(args.document, args.operationName);
    if (!state || !document) return null;
    let measured: { complexity: number; depth: number; breadth: number };
    try {
      measured = complexityFromQuery(document, { schema: args.schema, ctx: args.contextValue as object, variables: (args.variableValues ?? {}) as Record<string, unknown> });
    } catch {
      // Variables that do not fit the operation: the executor refuses them with its own message.
      return null;
    }
    for (const measure of ['depth', 'breadth', 'complexity'] as const) {
      if (measured[measure] > COMPLEXITY_LIMITS[measure]) return tooComplex(measure, measured[measure]);
    }
    if (!budgets) return null;
    const taken = budgets.take(clientOf(state, args.contextValue), measured.complexity);
    if (taken.ok) return null;
    state.log.warn({ key: principalName(state.principal), cost: measured.complexity, retryAfter: taken.retryAfter }, 'cost budget spent');
    return createGraphQLError(
      `this query costs ${measured.complexity} and the cost budget of this client (${settings.costPerMinute} a minute) is spent; retry after ${taken.retryAfter} s`,
      { extensions: { code: 'RATE_LIMITED', cost: measured.complexity, retryAfter: taken.retryAfter, http: { status: 429, headers: { 'retry-after': String(taken.retryAfter) } } } },
    );
  };
  // Counted in newsgraph_graphql_errors_total with the other errors of results.
  const refuse = (error: GraphQLError | null, stop: (result: { errors: GraphQLError[] }) => void) => {
    if (error) stop({ errors: [error] });
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      refuse(check(args), setResultAndStopExecution);
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      refuse(check(args as ExecutionArgs), setResultAndStopExecution);
    },
  };
}

export function timeoutError(ms: number, type: string) {
  return createGraphQLError(`the ${type} ran longer than ${ms} ms and was stopped: ask for less (smaller pages, fewer hops) or split it`, {
    extensions: { code: 'TIMEOUT', timeoutMs: ms, http: { status: 504 } },
  });
}

/**
 * The deadline of an operation. When it passes, the request's signal aborts: the executor stops
 * resolving fields, the store refuses the next round trip (a transaction rolls back), and the
 * response is a TIMEOUT error without waiting for the round trip in flight.
 */
export function useDeadline(settings: ServerSettings, metrics: Metrics | null): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const state = requestState(args.contextValue.request);
      const type = getOperationAST(args.document, args.operationName)?.operation ?? 'query';
      const ms = type === 'mutation' ? settings.mutationTimeoutMs : settings.queryTimeoutMs;
      if (!state || ms === 0) return;
      const signal = state.abort.signal;
      setExecuteFn(async (execArgs) => {
        // The error is made when it is needed (a GraphQLError captures a stack): most operations end in time.
        let reason: Error | undefined;
        state.deadline = {
          at: performance.now() + ms,
          get reason() {
            return (reason ??= timeoutError(ms, type));
          },
        };
        const timer = setTimeout(() => state.abort.abort(state.deadline!.reason), ms);
        try {
          return await executeFn({ ...execArgs, signal } as ExecutionArgs);
        } catch (error) {
          if (!signal.aborted || error !== signal.reason) throw error;
          metrics?.errors.inc({ code: 'TIMEOUT' });
          state.log.warn({ timeoutMs: ms, operation: state.operationName }, 'operation timed out');
          return { data: null, errors: [signal.reason] };
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
}

/** Brackets, braces and parentheses in a document, and arrays and objects in its variables, nest at most this deep. */
export const MAX_NESTING = 64;

/** How deep `{`, `[` and `(` nest in a GraphQL document, outside strings and comments; stops counting past `max`. */
function documentNesting(query: string, max: number): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < query.length && deepest <= max; i++) {
    const c = query[i];
    if (c === '#') {
      while (i < query.length && query[i] !== '\n' && query[i] !== '\r') i++;
    } else if (c === '"') {
      if (query.startsWith('"""', i)) {
        const end = query.indexOf('"""', i + 3);
        i = end < 0 ? query.length : end + 2;
      } else {
        for (i++; i < query.length && query[i] !== '"' && query[i] !== '\n'; i++) if (query[i] === '\\') i++;
      }
    } else if (c === '{' || c === '[' || c === '(') {
      deepest = Math.max(deepest, ++depth);
    } else if (c === '}' || c === ']' || c === ')') {
      depth--;
    }
  }
  return deepest;
}

/** How deep arrays and objects nest in a JSON value, without recursion; stops counting past `max`. */
function valueNesting(value: unknown, max: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0 && deepest <= max) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Refuses, with 400, a document or variables nested deeper than MAX_NESTING before anything parses or
 * coerces them: the parser, the validation rules and variable coercion recurse once per level, and
 * a few thousand levels overflow the stack (an "Unexpected error." 500 before this check).
 */
export function useNestingLimit(): Plugin {
  const refuse = (what: string) =>
    jsonError(400, `${what} more than ${MAX_NESTING} levels deep (brackets, braces, parentheses, lists, objects): flatten them`, {
      code: 'BAD_REQUEST',
      limit: MAX_NESTING,
    });
  return {
    // In the request parser, right after the body is read: every later step (the response cache's key
    // of the variables included) would recurse over them.
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        const parsed = await requestParser(request);
        if (parsed instanceof Response) return parsed;
        for (const params of Array.isArray(parsed) ? parsed : [parsed]) {
          if (typeof params.query === 'string' && documentNesting(params.query, MAX_NESTING) > MAX_NESTING) return refuse('the query nests');
          if (params.variables && valueNesting(params.variables, MAX_NESTING) > MAX_NESTING) return refuse('the variables nest');
        }
        return parsed;
      });
    },
  };
}

/** Refuses introspection (`__schema`, `__type`) at validation when switched off. */
export function useIntrospectionSwitch(enabled: boolean): Plugin {
  if (enabled) return {};
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

/**
 * The allow-list: operations by id (`extensions.persistedQuery.sha256Hash`). Arbitrary documents
 * are refused, except from keys with the `ingest` or `admin` scope (the ingest CLI, curators).
 */
export function usePersistedOperationsAllowList(settings: ServerSettings): Plugin {
  const operations = settings.persistedOperations;
  if (!operations) return {};
  return usePersistedOperations({
    getPersistedOperation: (id) => (Object.hasOwn(operations, id) ? operations[id] : null),
    allowArbitraryOperations: (request) => {
      const principal = requestState(request)?.principal;
      return principal !== undefined && hasScope(principal, 'ingest', false);
    },
    customErrors: {
      notFound: { message: 'no persisted operation has this id', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 404 } } },
      persistedQueryOnly: {
        message: 'this server runs only the persisted operations of its allow-list: send extensions.persistedQuery.sha256Hash',
        extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 403 } },
      },
      keyNotFound: { message: 'no persisted operation id in the request', extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } } },
    },
  });
}

/** When reads need a key, so does /metrics (it names operations). Runs before the Prometheus plugin's endpoint. */
export function useMetricsAccess(settings: ServerSettings): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (url.pathname !== '/metrics') return;
      const principal = requestState(request)?.principal;
      if (principal && hasScope(principal, 'read', settings.publicRead)) return;
      endResponse(
        jsonError(401, '/metrics needs "Authorization: Bearer <key>" with the read scope', { code: 'UNAUTHENTICATED' }, { 'www-authenticate': 'Bearer' }),
      );
    },
  };
}
