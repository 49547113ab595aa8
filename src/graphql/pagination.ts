/** Page sizes and offset connections, the same rules for every list in the API. */
import { cursorToOffset, resolveOffsetConnection } from '@pothos/plugin-relay';
import type { Page } from '../store/queries/read.ts';
import { badInputError } from './errors.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** A `first` beyond the maximum is refused, not silently cut: a dashboard should know. */
export function pageSize(first: number | null | undefined, name = 'first'): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badInputError(`${name} must be between 0 and ${MAX_PAGE_SIZE}, got ${size}`, name, { max: MAX_PAGE_SIZE });
  }
  return size;
}

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

function checkCursor(cursor: string | null | undefined, name: string): void {
  if (cursor == null) return;
  let offset = Number.NaN;
  try {
    offset = cursorToOffset(cursor);
  } catch {
    // reported below
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw badInputError(`${name} is not a cursor this list gave out: ${JSON.stringify(cursor)}`, name);
  }
}

/**
 * Resolves a connection from an offset query. `count` runs only when a client asks for totalCount.
 */
export async function offsetConnection<T>(
  args: ConnectionArgs,
  fetch: (page: Page) => Promise<readonly T[]>,
  count: () => Promise<number>,
) {
  pageSize(args.first, 'first');
  if (args.last != null) pageSize(args.last, 'last');
  checkCursor(args.after, 'after');
  checkCursor(args.before, 'before');
  const connection = await resolveOffsetConnection(
    { args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE },
    ({ offset, limit }) => fetch({ offset, limit }),
  );
  return { ...connection, totalCount: count };
}
