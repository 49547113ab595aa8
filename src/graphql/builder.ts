import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { getNullableType, isListType } from 'graphql';
import type { Context } from './context.ts';
import { badInputError } from './errors.ts';
import { DEFAULT_PAGE_SIZE } from './pagination.ts';
import { accessError, scopesOf, type AuthScopes } from './scopes.ts';

/**
 * Query budget: refused up front, once per operation, before any resolver runs (the check is
 * server/limits.ts's `useCostLimits`; the plugin here only gives each field its cost).
 */
export const COMPLEXITY_LIMITS = { complexity: 5000, depth: 12, breadth: 200 };

/** Rows a resolver may read per point of cost: a field that walks the graph costs what it can read. */
const ROWS_PER_POINT = 50;

export function costOfRows(rows: number): number {
  return Math.ceil(rows / ROWS_PER_POINT);
}

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: AuthScopes;
  Scalars: {
    Date: { Input: string; Output: string };
    DateTime: { Input: string; Output: string };
  };
  Connection: { totalCount: number | (() => Promise<number>) };
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  // Scope auth first, so that no other plugin's wrapper runs before the check.
  plugins: [ScopeAuthPlugin, RelayPlugin, DataloaderPlugin, ComplexityPlugin],
  scopeAuth: {
    authScopes: (ctx) => scopesOf(ctx),
    unauthorizedError: (_parent, ctx, _info, result) => accessError(ctx, result),
    authorizeOnSubscribe: true,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // The page's size is the connection field's multiplier already.
    edgesFieldOptions: { nullable: false, complexity: { field: 1, multiplier: 1 } },
    nodeFieldOptions: { nullable: false },
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    // Fields without a cost of their own: one that pages (has `first`) costs its page size times what is
    // asked of each item (a connection's edges then count once, see edgesFieldOptions); other lists count 10 items.
    fieldComplexity: (args, _ctx, field) => {
      const first = field.args.find((arg) => arg.name === 'first');
      if (first) return { field: 1, multiplier: Math.max(1, Number(args.first ?? first.defaultValue ?? DEFAULT_PAGE_SIZE)) };
      return isListType(getNullableType(field.type)) ? { field: 1, multiplier: 10 } : 1;
    },
  },
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw badInputError(`Date must be an ISO date such as "2017-08-06", got ${JSON.stringify(value)}`);
  }
  return value;
}

function parseDateTime(value: unknown): string {
  if (typeof value === 'string' && ISO_DATE.test(value)) return `${parseDate(value)}T00:00:00.000Z`;
  const ms = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw badInputError(`DateTime must be ISO 8601 such as "2017-08-10T00:00:00Z", got ${JSON.stringify(value)}`);
  }
  return new Date(ms).toISOString();
}

builder.scalarType('Date', {
  description: 'A calendar date, ISO 8601: "2017-08-06".',
  serialize: (value) => String(value).slice(0, 10),
  parseValue: parseDate,
});

builder.scalarType('DateTime', {
  description: 'An instant, ISO 8601 with zone: "2017-08-10T00:00:00.000Z". Input also takes a date alone (midnight UTC).',
  serialize: (value) => String(value),
  parseValue: parseDateTime,
});

// Every query field needs the read scope: anyone's while NEWSGRAPH_PUBLIC_READ is on, keys' otherwise.
builder.queryType({ authScopes: { read: true } });
builder.mutationType({});

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many items the whole list has, across pages.',
    complexity: 2,
    resolve: (parent) => (typeof parent.totalCount === 'function' ? parent.totalCount() : parent.totalCount),
  }),
);
