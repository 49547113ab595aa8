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
