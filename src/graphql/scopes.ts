/** Scopes as the Pothos scope-auth plugin sees them, and the errors a refused field answers. */
import type { AuthFailure, ForbiddenResult } from '@pothos/plugin-scope-auth';
import { hasScope, SCOPES, type Scope } from '../auth/keys.ts';
import type { Context } from './context.ts';
import { forbiddenError, unauthenticatedError } from './errors.ts';

export interface AuthScopes {
  read: boolean;
  ingest: boolean;
  admin: boolean;
}

export function scopesOf(ctx: Context): Record<Scope, boolean> {
  const { principal, publicRead } = ctx.req;
  return { read: hasScope(principal, 'read', publicRead), ingest: hasScope(principal, 'ingest', publicRead), admin: hasScope(principal, 'admin', publicRead) };
}

function scopesIn(failure: AuthFailure): Scope[] {
  if (failure.kind === 'AuthScope') return SCOPES.filter((s) => s === failure.scope);
  if (failure.kind === 'AnyAuthScopes' || failure.kind === 'AllAuthScopes') return failure.failures.flatMap(scopesIn);
  return [];
}

/**
 * FORBIDDEN naming the variable when no key is configured and the field writes; UNAUTHENTICATED
 * (401) without a key or with an unknown one; FORBIDDEN (403) for a key without the scope.
 */
export function accessError(ctx: Context, result: ForbiddenResult) {
  const needed = scopesIn(result.failure)[0] ?? 'read';
  const { principal, keysConfigured } = ctx.req;
  if (!keysConfigured && needed !== 'read') {
    return forbiddenError(
      'mutations are disabled on this server: set NEWSGRAPH_API_KEYS (or NEWSGRAPH_API_KEYS_FILE) to keys with the ' +
        `${needed} scope and send "Authorization: Bearer <key>"`,
      { scope: needed },
    );
  }
  if (principal.kind === 'invalid') {
    return unauthenticatedError('the API key sent is not valid', { scope: needed, http: { status: 401 } });
  }
  if (principal.kind === 'anonymous') {
    return unauthenticatedError(`this field needs an API key with the ${needed} scope: send "Authorization: Bearer <key>"`, { scope: needed, http: { status: 401 } });
  }
  return forbiddenError(`the API key "${principal.key.name}" does not have the ${needed} scope this field needs`, { scope: needed, http: { status: 403 } });
}
