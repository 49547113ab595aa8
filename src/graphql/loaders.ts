/**
 * What the dataloader plugin's per-field loaders don't cover: a loader several fields share (one
 * batch for all of them), and forgetting everything a request has loaded once the graph changed.
 */
import { clearAllDataLoaders, dataloaderGetter } from '@pothos/plugin-dataloader';
import type DataLoader from 'dataloader';
import type { Context } from './context.ts';

/** The rows of each key, in the order the query returned them; a key without rows gets none. */
export function groupRows<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/**
 * A plugin-owned loader of each key's rows, one per request, for fields that must share one batch
 * (a `t.loadableGroup` field gets a loader of its own).
 */
export function sharedGroupLoader<K, V>(
  fetch: (keys: readonly K[], ctx: Context) => Promise<V[]>,
  keyOf: (row: V) => K,
): (ctx: Context) => DataLoader<K, V[]> {
  return dataloaderGetter<K, V[], K>(
    undefined,
    async (keys, ctx) => groupRows(keys, await fetch(keys, ctx as Context), keyOf),
    undefined,
    false,
  );
}

/** Forgets what this request (or subscription stream) has loaded: the plugin's loaders and those kept by hand. */
export function forgetLoaded(ctx: Context): void {
  clearAllDataLoaders(ctx);
  for (const loader of Object.values(ctx.loaders)) loader.clearAll();
}
