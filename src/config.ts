/** Configuration from the environment, validated once at start; every problem is reported together. */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseKeyFile, parseKeyList, type ApiKey } from './auth/keys.ts';
import { DEFAULT_SERVER_SETTINGS as D, type ServerSettings } from './server/settings.ts';

const optionalString = z.string().trim().min(1).optional();
const flag = (fallback: boolean) => z.enum(['true', 'false']).default(fallback ? 'true' : 'false').transform((v) => v === 'true');
const count = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  NEO4J_URI: optionalString,
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().default('neo4j'),
  REDIS_URL: z.string().trim().regex(/^rediss?:\/\/\S+$/, 'expected a redis:// or rediss:// URL').optional(),
  NEWSGRAPH_API_KEYS: z.string().default(''),
  NEWSGRAPH_API_KEYS_FILE: optionalString,
  NEWSGRAPH_PUBLIC_READ: flag(D.publicRead),
  NEWSGRAPH_CORS_ORIGINS: z.string().default(D.corsOrigins.join(',')),
  NEWSGRAPH_INTROSPECTION: flag(D.introspection),
  NEWSGRAPH_GRAPHIQL: flag(D.graphiql),
  NEWSGRAPH_QUERY_TIMEOUT_MS: count(D.queryTimeoutMs),
  NEWSGRAPH_MUTATION_TIMEOUT_MS: count(D.mutationTimeoutMs),
  NEWSGRAPH_RATE_LIMIT_PER_MINUTE: count(D.rateLimitPerMinute),
  NEWSGRAPH_RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(D.rateLimitBurst),
  NEWSGRAPH_COST_PER_MINUTE: count(D.costPerMinute),
  // At least one query at the complexity limit must fit, or such queries could never run.
  NEWSGRAPH_COST_BURST: z.coerce.number().int().min(5000).default(D.costBurst),
  NEWSGRAPH_PERSISTED_OPERATIONS_FILE: optionalString,
  NEWSGRAPH_METRICS: flag(D.metrics),
  NEWSGRAPH_RESPONSE_CACHE_TTL_MS: count(D.responseCacheTtlMs),
  NEWSGRAPH_SEED: z.enum(['true', 'false']).default('true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  /** Folder of the embedded database; the database file is `<dataDir>/newsgraph.grafeo`. */
  dataDir: string;
  neo4j: { uri: string; user: string; password: string; database: string } | null;
  /** Redis that carries live updates between servers on one graph; null: this process only. */
  redisUrl: string | null;
  /** Keys from NEWSGRAPH_API_KEYS and NEWSGRAPH_API_KEYS_FILE, as digests; none means mutations are off. */
  apiKeys: ApiKey[];
  /** Access, limits and switches of the HTTP server. */
  server: ServerSettings;
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
  const problems: string[] = [];
  const apiKeys = parseKeyList(e.NEWSGRAPH_API_KEYS);
  if (e.NEWSGRAPH_API_KEYS_FILE) {
    const text = readConfigFile(e.NEWSGRAPH_API_KEYS_FILE, 'NEWSGRAPH_API_KEYS_FILE', problems);
    if (text !== null) {
      const file = parseKeyFile(text, e.NEWSGRAPH_API_KEYS_FILE);
      apiKeys.push(...file.keys);
      problems.push(...file.problems.map((p) => `NEWSGRAPH_API_KEYS_FILE: ${p}`));
    }
  }
  let persistedOperations: Record<string, string> | null = null;
  if (e.NEWSGRAPH_PERSISTED_OPERATIONS_FILE) {
    const text = readConfigFile(e.NEWSGRAPH_PERSISTED_OPERATIONS_FILE, 'NEWSGRAPH_PERSISTED_OPERATIONS_FILE', problems);
    if (text !== null) persistedOperations = parsePersistedOperations(text, problems);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const cors = e.NEWSGRAPH_CORS_ORIGINS.trim();
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    neo4j: e.NEO4J_URI
      ? { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE }
      : null,
    redisUrl: e.REDIS_URL ?? null,
    apiKeys,
    server: {
      publicRead: e.NEWSGRAPH_PUBLIC_READ,
      corsOrigins: cors === 'false' || cors === '' ? [] : cors.split(',').map((o) => o.trim()).filter(Boolean),
      introspection: e.NEWSGRAPH_INTROSPECTION,
      graphiql: e.NEWSGRAPH_GRAPHIQL,
      queryTimeoutMs: e.NEWSGRAPH_QUERY_TIMEOUT_MS,
      mutationTimeoutMs: e.NEWSGRAPH_MUTATION_TIMEOUT_MS,
      rateLimitPerMinute: e.NEWSGRAPH_RATE_LIMIT_PER_MINUTE,
      rateLimitBurst: e.NEWSGRAPH_RATE_LIMIT_BURST,
      costPerMinute: e.NEWSGRAPH_COST_PER_MINUTE,
      costBurst: e.NEWSGRAPH_COST_BURST,
      persistedOperations,
      metrics: e.NEWSGRAPH_METRICS,
      responseCacheTtlMs: e.NEWSGRAPH_RESPONSE_CACHE_TTL_MS,
    },
    seed: e.NEWSGRAPH_SEED === 'true',
    logLevel: e.LOG_LEVEL,
  };
}

function readConfigFile(file: string, variable: string, problems: string[]): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    problems.push(`${variable}: cannot read ${file}: ${(error as Error).message}`);
    return null;
  }
}

/** The allow-list: a JSON object mapping operation ids (by convention the SHA-256 of the document) to documents. */
function parsePersistedOperations(text: string, problems: string[]): Record<string, string> | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    problems.push(`NEWSGRAPH_PERSISTED_OPERATIONS_FILE: not JSON: ${(error as Error).message}`);
    return null;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value) || !Object.values(value).every((v) => typeof v === 'string')) {
    problems.push('NEWSGRAPH_PERSISTED_OPERATIONS_FILE: expected a JSON object of "<id>": "<GraphQL document>"');
    return null;
  }
  return value as Record<string, string>;
}
