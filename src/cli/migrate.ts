import { migrate } from '../store/migrate.ts';
import { exitOnConfigError, openStoreOrExplain, parseCommand } from './common.ts';

const USAGE = 'usage: newsgraph migrate\n\nApplies the migrations under schema/migrations not yet recorded in the graph.\n';

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand('newsgraph migrate', USAGE, argv, {});
  if (typeof parsed === 'number') return parsed;
  const config = exitOnConfigError();
  if (!config) return 1;
  const store = await openStoreOrExplain(config, 'A running server applies migrations itself at start; stop it to migrate by hand.');
  if (!store) return 1;
  try {
    const applied = await migrate(store);
    process.stdout.write(applied.length > 0 ? `applied: ${applied.join(', ')}\n` : 'nothing to apply: the graph is up to date\n');
    return 0;
  } finally {
    await store.close();
  }
}
