/**
 * What clients see of an error. `maskedErrors` stays on: expected errors (createGraphQLError with a code)
 * pass unchanged, unexpected ones become "Unexpected error." — except a store that cannot be reached,
 * which is not the client's fault nor a bug, and gets its own code so clients know to retry.
 */
import { createGraphQLError, maskError, type YogaServerOptions } from 'graphql-yoga';
import { GraphQLError } from 'graphql';
import { StoreUnavailableError } from '../store/runner.ts';

type MaskError = NonNullable<Exclude<YogaServerOptions<object, object>['maskedErrors'], boolean | undefined>['maskError']>;

export const STORE_UNAVAILABLE_MESSAGE = 'the graph store is unavailable; try again shortly';

/** The StoreUnavailableError behind an error (a resolver's, a DataLoader's, or a GraphQLError wrapping one), if any. */
function storeUnavailable(error: unknown): StoreUnavailableError | null {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof StoreUnavailableError) return current;
    current = current instanceof GraphQLError ? current.originalError : (current as { cause?: unknown }).cause;
  }
  return null;
}

export const maskNewsgraphError: MaskError = (error, message, isDev) => {
  if (storeUnavailable(error)) {
    const located = error instanceof GraphQLError ? error : null;
    // The engine's own message (paths, query excerpts) stays in the server log, not in the answer.
    return createGraphQLError(STORE_UNAVAILABLE_MESSAGE, {
      nodes: located?.nodes,
      source: located?.source,
      positions: located?.positions,
      path: located?.path,
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
  }
  return maskError(error, message, isDev);
};
