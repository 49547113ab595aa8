import { verifyCounts } from '../store/queries/verify-counts.ts';
import { exitOnConfigError, openStoreOrExplain } from './common.ts';

/** Differences printed one per line; the rest are counted. */
const SHOWN = 50;

export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help')) {
    process.stdout.write(
      'usage: newsgraph verify-counts\n\nRecomputes every kept count (articles per day, entity counters, entity days, co-mention pairs\nand their days) from the articles and their mentions, and the name index and most-mentioned\norder from the entities, and lists where the stored ones differ. Exits 1 when any does.\n',
    );
    return 0;
  }
  const config = exitOnConfigError();
  if (!config) return 1;
  const store = await openStoreOrExplain(config, 'Stop the server to verify the embedded database.');
  if (!store) return 1;
  try {
    const differences = await verifyCounts(store);
    for (const d of differences.slice(0, SHOWN)) {
      process.stdout.write(`${d.what} ${d.key}: stored ${JSON.stringify(d.stored)}, expected ${JSON.stringify(d.expected)}\n`);
    }
    if (differences.length > SHOWN) process.stdout.write(`… and ${differences.length - SHOWN} more\n`);
    process.stdout.write(differences.length === 0 ? 'kept counts agree with the mentions\n' : `${differences.length} kept counts differ from the mentions\n`);
    return differences.length === 0 ? 0 : 1;
  } finally {
    await store.close();
  }
}
