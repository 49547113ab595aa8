import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config.ts';

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
