import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isLoopback, readLocalKey } from '../auth/local-key.ts';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { openStore } from '../store/index.ts';
import { DatabaseLockedError } from '../store/runner.ts';
import { readServerFile } from '../server/server-file.ts';

/** Loads the configuration; on problems prints all of them and returns null (the caller exits 1). */
export function exitOnConfigError(): Config | null {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`newsgraph: ${error.message}\n`);
      return null;
    }
    throw error;
  }
}

/**
 * Opens the configured store for a command that works on the database directly. When a server holds
 * the embedded database, prints why and `whenLocked` (what to do instead) and answers null (exit 1).
 */
export async function openStoreOrExplain(config: Config, whenLocked: string) {
  try {
    return await openStore(config);
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      process.stderr.write(`newsgraph: ${error.message}.\n${whenLocked}\n`);
      return null;
    }
    throw error;
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;
const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/**
 * Parses a command's arguments; `--help` prints the usage. Answers the parsed arguments, or the
 * exit code when the command should stop here (0 after --help, 2 after a usage error).
 */
export function parseCommand<const O extends Options>(command: string, usage: string, argv: string[], options: O) {
  try {
    const parsed = parseArgs({ args: argv, allowPositionals: true, options: { ...options, ...HELP } });
    if ((parsed.values as { help?: boolean }).help) {
      process.stdout.write(usage);
      return 0;
    }
    return parsed;
  } catch (error) {
    process.stderr.write(`${command}: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
}

/** DATA_DIR as the server reads it, without failing on unrelated configuration problems. */
export function dataDirOf(env: NodeJS.ProcessEnv = process.env): string {
  try {
    return loadConfig(env).dataDir;
  } catch {
    return path.resolve(env.DATA_DIR || './data');
  }
}

/** Where the server holding this DATA_DIR listens (from its DATA_DIR/server.json), if one runs. */
export function runningServerUrl(dataDir: string): string | null {
  return readServerFile(dataDir)?.url ?? null;
}

/**
 * The key to send to `endpoint`: --api-key, else $NEWSGRAPH_API_KEY, else, for a server on this
 * machine, the local key that server generated in DATA_DIR.
 */
export function apiKeyFor(endpoint: string, given: string | undefined, dataDir: string): string | null {
  if (given) return given;
  if (process.env.NEWSGRAPH_API_KEY) return process.env.NEWSGRAPH_API_KEY;
  let host: string;
  try {
    host = new URL(endpoint).hostname;
  } catch {
    return null;
  }
  return isLoopback(host) ? readLocalKey(dataDir) : null;
}
