/** Configuration from the environment, validated once at start; every problem is reported together. */
import path from 'node:path';
import { z } from 'zod';

const optionalString = z.string().trim().min(1).optional();

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  NEO4J_URI: optionalString,
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().default('neo4j'),
  NEWSGRAPH_API_KEYS: z.string().default(''),
  NEWSGRAPH_SEED: z.enum(['true', 'false']).default('true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  /** Folder of the embedded database; the database file is `<dataDir>/newsgraph.grafeo`. */
  dataDir: string;
  neo4j: { uri: string; user: string; password: string; database: string } | null;
  apiKeys: string[];
  /** Load the articles under seed/ when the graph is empty. */
  seed: boolean;
  logLevel: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    neo4j: e.NEO4J_URI
      ? { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE }
      : null,
    apiKeys: e.NEWSGRAPH_API_KEYS.split(',').map((k) => k.trim()).filter(Boolean),
    seed: e.NEWSGRAPH_SEED === 'true',
    logLevel: e.LOG_LEVEL,
  };
}
