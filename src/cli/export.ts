/**
 * `newsgraph export <network|paths|relationship> [options]`: the same files as GET /export/*, from
 * the server running on this DATA_DIR (or --endpoint), else from the database directly through an
 * in-process server: the same queries, names and errors either way.
 */
import fs from 'node:fs';
import { createExtractor } from '../extract/index.ts';
import { EXPORT_FORMATS, EXPORT_PATH, EXPORT_VIEWS, type ExportFormat } from '../server/export.ts';
import { createNewsPubSub } from '../server/pubsub.ts';
import { createNewsgraphYoga } from '../server/yoga.ts';
import { openStore } from '../store/index.ts';
import { migrate } from '../store/migrate.ts';
import { DatabaseLockedError } from '../store/runner.ts';
import { apiKeyFor, exitOnConfigError, parseCommand, runningServerUrl } from './common.ts';

const USAGE = `usage: newsgraph export <network|paths|relationship> [options]

  network       --around NAME|KEY (repeat for several) [--depth N] [--limit N] [--kinds K,K]
                [--min-weight N] [--since DATE] [--until DATE]
  paths         --from NAME|KEY --to NAME|KEY [--max-hops N] [--first N] [--via K,K]
                [--exclude KEY,KEY] [--since DATE] [--until DATE]
  relationship  --a NAME|KEY --b NAME|KEY [--first N]

options:
  --format F     ${EXPORT_FORMATS.join(', ')} (default graphml)
  --part P       with --format csv: nodes or edges (default nodes)
  --output FILE  write there instead of standard output
  --endpoint URL a server's GraphQL endpoint (default: the server running on this DATA_DIR, if any;
                 else the database is read directly)
  --api-key KEY  for that server (default: $NEWSGRAPH_API_KEY, or the local key of a server on this machine)

Example: npx newsgraph export network --around "Sergei Lavrov" --limit 50 --format gexf --output lavrov.gexf
`;

/** CLI option → URL parameter of /export. */
const PARAMS: Record<string, string> = {
  around: 'around',
  depth: 'depth',
  limit: 'limit',
  kinds: 'kinds',
  'min-weight': 'minWeight',
  since: 'since',
  until: 'until',
  from: 'from',
  to: 'to',
  'max-hops': 'maxHops',
  first: 'first',
  via: 'via',
  exclude: 'exclude',
  a: 'a',
  b: 'b',
};

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand('newsgraph export', USAGE, argv, {
    ...Object.fromEntries(Object.keys(PARAMS).map((name) => [name, { type: 'string', multiple: true }] as const)),
    format: { type: 'string', default: 'graphml' },
    part: { type: 'string', default: 'nodes' },
    output: { type: 'string', short: 'o' },
    endpoint: { type: 'string' },
    'api-key': { type: 'string' },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const view = positionals[0];
  if (positionals.length !== 1 || !EXPORT_VIEWS.includes(view)) {
    process.stderr.write(`newsgraph export: say what to export: ${EXPORT_VIEWS.join(', ')}\n\n${USAGE}`);
    return 2;
  }
  const format = values.format as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) {
    process.stderr.write(`newsgraph export: --format is one of ${EXPORT_FORMATS.join(', ')}\n`);
    return 2;
  }
  const search = new URLSearchParams();
  for (const [option, param] of Object.entries(PARAMS)) {
    for (const value of (values as unknown as Record<string, string[] | undefined>)[option] ?? []) search.append(param, value);
  }
  if (format === 'csv') search.set('part', values.part!);
  const path = `${EXPORT_PATH}/${view}.${format}?${search}`;

  const config = exitOnConfigError();
  if (!config) return 1;
  const endpoint = values.endpoint ?? runningServerUrl(config.dataDir);
  let response: Response;
  try {
    response = endpoint ? await fromServer(endpoint, path, apiKeyFor(endpoint, values['api-key'], config.dataDir)) : await fromDatabase(config, path);
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      process.stderr.write(`newsgraph export: ${error.message}; give --endpoint URL of the server that holds it\n`);
      return 1;
    }
    process.stderr.write(`newsgraph export: ${(error as Error).message}\n`);
    return 1;
  }
  const body = await response.text();
  if (response.status !== 200) {
    let messages = body;
    try {
      messages = (JSON.parse(body) as { errors: { message: string }[] }).errors.map((e) => e.message).join('\n');
    } catch {
      // not JSON: printed as it came
    }
    process.stderr.write(`newsgraph export: ${messages} (HTTP ${response.status})\n`);
    return 1;
  }
  if (values.output) fs.writeFileSync(values.output, body);
  else process.stdout.write(body);
  return 0;
}

function fromServer(endpoint: string, path: string, apiKey: string | null): Promise<Response> {
  return fetch(new URL(path, endpoint), { headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {} });
}

/** The export through a server made in this process on the database: nothing listens, nothing is cached. */
async function fromDatabase(config: NonNullable<ReturnType<typeof exitOnConfigError>>, path: string): Promise<Response> {
  const store = await openStore(config);
  try {
    await migrate(store);
    let extractor: ReturnType<typeof createExtractor> | null = null;
    const yoga = createNewsgraphYoga(
      { store, extractor: { extract: (article) => (extractor ??= createExtractor()).extract(article) }, apiKeys: config.apiKeys, pubsub: createNewsPubSub() },
      { settings: { ...config.server, responseCacheTtlMs: 0, rateLimitPerMinute: 0, costPerMinute: 0, metrics: false } },
    );
    const response = await yoga.fetch(`http://newsgraph.local${path}`);
    // Read before the store closes.
    const body = await response.arrayBuffer();
    return new Response(body, { status: response.status, headers: response.headers });
  } finally {
    await store.close();
  }
}
