import { createLogger } from '../logger.ts';
import { start } from '../main.ts';
import { DatabaseLockedError, StoreUnavailableError } from '../store/runner.ts';
import { exitOnConfigError } from './common.ts';

export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help')) {
    process.stdout.write('usage: newsgraph serve\n\nStarts the GraphQL server; configuration from the environment (PORT, DATA_DIR, NEO4J_*, NEWSGRAPH_API_KEYS).\n');
    return 0;
  }
  const config = exitOnConfigError();
  if (!config) return 1;
  const logger = createLogger(config.logLevel);
  try {
    const running = await start(config, logger);
    const shutdown = (signal: string) => {
      logger.info({ signal }, 'shutting down');
      running.stop().then(
        () => process.exit(0),
        (error) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
    // Keep the process alive until a signal arrives.
    return await new Promise<number>(() => undefined);
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      process.stderr.write(`newsgraph: ${error.message}.\nStop the other process, or give this one its own DATA_DIR.\n`);
      return 1;
    }
    // The message names the setting to fix (NEO4J_URI, NEO4J_PASSWORD, NEO4J_DATABASE, DATA_DIR): no stack trace.
    if (error instanceof StoreUnavailableError) {
      process.stderr.write(`newsgraph: cannot start: ${error.message}\n`);
      return 1;
    }
    logger.error({ err: error }, 'could not start');
    return 1;
  }
}
