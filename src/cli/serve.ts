import { createLogger } from '../logger.ts';
import { start } from '../server/start.ts';
import { DatabaseLockedError, StoreUnavailableError } from '../store/runner.ts';
import { exitOnConfigError, parseCommand } from './common.ts';

const USAGE = 'usage: newsgraph serve\n\nStarts the GraphQL server; configuration from the environment (PORT, DATA_DIR, NEO4J_*, NEWSGRAPH_API_KEYS).\n';

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand('newsgraph serve', USAGE, argv, {});
  if (typeof parsed === 'number') return parsed;
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
