/**
 * The errors resolvers answer with. Each has a code in `extensions.code` that clients branch on (and
 * that masking lets through), `argument` naming the argument at fault when there is one, and any
 * further extensions after those.
 */
import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';

type Code = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'AMBIGUOUS' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHENTICATED';

function coded(code: Code, message: string, argument: string | undefined, more: Record<string, unknown>): GraphQLError {
  return createGraphQLError(message, { extensions: { code, ...(argument ? { argument } : {}), ...more } });
}

/** An argument the schema lets through but the field cannot take. */
export function badInputError(message: string, argument?: string, more: Record<string, unknown> = {}): GraphQLError {
  return coded('BAD_USER_INPUT', message, argument, more);
}

export function notFoundError(message: string, argument?: string, more: Record<string, unknown> = {}): GraphQLError {
  return coded('NOT_FOUND', message, argument, more);
}

/** A name that means several things, none clearly. */
export function ambiguousError(message: string, argument?: string, more: Record<string, unknown> = {}): GraphQLError {
  return coded('AMBIGUOUS', message, argument, more);
}

/** A change the graph's present state does not allow. */
export function conflictError(message: string): GraphQLError {
  return coded('CONFLICT', message, undefined, {});
}

/** Without a (valid) key: 401. */
export function unauthenticatedError(message: string, more: Record<string, unknown>): GraphQLError {
  return coded('UNAUTHENTICATED', message, undefined, more);
}

/** A key (or a server without keys) that may not do this. */
export function forbiddenError(message: string, more: Record<string, unknown>): GraphQLError {
  return coded('FORBIDDEN', message, undefined, more);
}
