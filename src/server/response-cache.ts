/**
 * The response cache: answers to queries kept per access level and per write epoch, so that
 * dashboards polling the same questions are answered without the store, and never with an answer
 * from before a write made through this server. Writes by another process (the CLI, a second server
 * on the same Neo4j) are not seen: the TTL bounds how long those go unnoticed.
 */
import { createInMemoryCache, useResponseCache } from '@graphql-yoga/plugin-response-cache';
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
  return {
    store: afterTransactions(store, () => {
      epoch += 1;
    }),
    plugins: [
      useDocumentAsSent(),
      useResponseCache({
        cache: createInMemoryCache({ max: MAX_ENTRIES }),
        ttl: ttlMs,
        // Part of the plugin's key (with the document, operation name and variables): taken when the
        // request arrives, so an answer computed across a write is filed under the epoch before it.
        session: (request) => `${accessLevel(requestState(request)?.principal ?? { kind: 'anonymous' })}@${epoch}`,
        // The plugin turns this on when NODE_ENV=development or DEBUG is set: answers must not change with the environment.
        includeExtensionMetadata: false,
        // The default, stated because it matters: with false the plugin would cache the answers of mutations.
        invalidateViaMutation: true,
      }),
      useNoEtags(),
    ],
  };
}
