/**
 * The response cache: answers to queries kept per access level and per write epoch, so that
 * dashboards polling the same questions are answered without the store, and never with an answer
 * from before a write made through this server. Writes by another process (the CLI, a second server
 * on the same Neo4j) are not seen: the TTL bounds how long those go unnoticed.
 */
import { createInMemoryCache, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { getOperationAST, print } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Principal } from '../auth/keys.ts';
import { afterTransactions, type Runner } from '../store/runner.ts';
import { requestState } from './request-state.ts';

/** Answers kept at most. Entries of earlier epochs are never read again, so they are the first to go. */
const MAX_ENTRIES = 1000;

export interface ResponseCache {
  /** The store to serve with: each transaction through it (every write is one) starts a new epoch. */
  store: Runner;
  /** To install in this order, after the persisted-operations allow-list. */
  plugins: Plugin[];
}

/**
 * What a caller may see depends on its scopes alone (publicRead is the same for every request),
 * so callers with the same scopes share answers and callers with different ones never do.
 */
function accessLevel(principal: Principal): string {
  if (principal.kind === 'key') return `scopes:${[...principal.key.scopes].sort().join('+')}`;
  return principal.kind === 'anonymous' ? 'public' : 'invalid-key';
}

/**
 * The cache plugin executes a copy of the document with `__typename` and id selections added, to
 * find the entities a mutation invalidates; the write epoch makes that unnecessary. The complexity
 * budget is measured on the executed document, so this runs the client's own: the cache must not
 * change which queries are refused. Listed before the cache plugin, whose executor then wraps this one.
 */
function useDocumentAsSent(): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const sent = args.document;
      setExecuteFn((execArgs) => executeFn({ ...execArgs, document: sent }));
    },
  };
}

/**
 * Identical queries that arrive while one of them runs share its execution. Without this, 32
 * clients asking a question the cache does not hold yet run it 32 times at once, and none is cached
 * before all have finished (measured on the 100k graph: `relationship` at p99 8.9 s with the cache
 * on, the server's memory 1.3 GB above its resting size). Keyed like the cache; a shared execution
 * runs under the deadline of the request that started it.
 */
function useSharedExecution(sessionOf: (request: Request) => string): Plugin {
  const running = new Map<string, Promise<unknown>>();
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (!request || getOperationAST(args.document, args.operationName)?.operation !== 'query') return;
      const key = [sessionOf(request), args.operationName ?? '', JSON.stringify(args.variableValues ?? {}), print(args.document)].join('\n');
      setExecuteFn((execArgs) => {
        const shared = running.get(key);
        if (shared) return shared as ReturnType<typeof executeFn>;
        const result = Promise.resolve(executeFn(execArgs)).finally(() => running.delete(key));
        running.set(key, result);
        return result;
      });
    },
  };
}

/**
 * The plugin sends each answer's cache key as its ETag and answers 304 to an `If-None-Match` naming
 * any entry still in the cache, even one of an earlier epoch that a write has made stale. A client
 * that never gets an ETag never asks that way.
 */
function useNoEtags(): Plugin {
  return {
    onResponse({ request, response }) {
      // The explorer's files have ETags of their own.
      if (new URL(request.url).pathname !== '/graphql') return;
      response.headers.delete('etag');
      response.headers.delete('last-modified');
    },
  };
}

/** `ttlMs` 0: no cache, the store as given. */
export function createResponseCache(store: Runner, ttlMs: number): ResponseCache {
  if (ttlMs === 0) return { store, plugins: [] };
  let epoch = 0;
  const session = (request: Request) => `${accessLevel(requestState(request)?.principal ?? { kind: 'anonymous' })}@${epoch}`;
  return {
    store: afterTransactions(store, () => {
      epoch += 1;
    }),
    plugins: [
      useDocumentAsSent(),
      useSharedExecution(session),
      useResponseCache({
        cache: createInMemoryCache({ max: MAX_ENTRIES }),
        ttl: ttlMs,
        // Part of the plugin's key (with the document, operation name and variables): taken when the
        // request arrives, so an answer computed across a write is filed under the epoch before it.
        session,
        // The plugin turns this on when NODE_ENV=development or DEBUG is set: answers must not change with the environment.
        includeExtensionMetadata: false,
        // The default, stated because it matters: with false the plugin would cache the answers of mutations.
        invalidateViaMutation: true,
      }),
      useNoEtags(),
    ],
  };
}
