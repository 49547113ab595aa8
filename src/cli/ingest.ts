/**
 * `newsgraph ingest PATH...`: files, folders or - (stdin) into the graph, with progress on a
 * terminal and a report at the end. With --endpoint the articles go through a running server's
 * ingestArticles mutation instead of opening the database (which that server holds).
 */
import cliProgress from 'cli-progress';
import { createWorkerExtractor } from '../extract/pool.ts';
import { DEFAULT_BATCH_SIZE, ENDPOINT_BATCH_SIZE, MAX_ARTICLES_PER_CALL, MAX_STORE_BATCH, ingestRecords } from '../ingest/pipeline.ts';
import { readSources } from '../ingest/readers.ts';
import { ARTICLE_FIELDS, validateArticle } from '../ingest/validate.ts';
import { MAX_BODY_BYTES } from '../server/body-limit.ts';
import type { IngestItem, IngestReport, SourceRecord } from '../ingest/types.ts';
import { DatabaseLockedError } from '../store/runner.ts';
import { openStore } from '../store/index.ts';
import { migrate } from '../store/migrate.ts';
import { localKeyFile, readLocalKey } from '../auth/local-key.ts';
import { apiKeyFor, dataDirOf, exitOnConfigError, parseCommand, runningServerUrl } from './common.ts';

const USAGE = `usage: newsgraph ingest [options] PATH...

PATH is a .txt/.md/.json/.jsonl file, a folder of them, or - for standard input.

options:
  --endpoint URL     send the articles to a running server's GraphQL endpoint
                     (e.g. http://localhost:4000/graphql) instead of opening the database
  --api-key KEY      API key for --endpoint (default: $NEWSGRAPH_API_KEY, else for a server
                     on this machine the local key it generated in DATA_DIR/local-api-key)
  --batch-size N     articles per transaction (default ${DEFAULT_BATCH_SIZE}, at most ${MAX_STORE_BATCH})
                     or per request with --endpoint (default ${ENDPOINT_BATCH_SIZE}, at most ${MAX_ARTICLES_PER_CALL})
  --quiet            no progress bar

Exit status: 0 when every record loaded (or was unchanged), 1 when any failed.
`;

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand('newsgraph ingest', USAGE, argv, {
    endpoint: { type: 'string' },
    'api-key': { type: 'string' },
    'batch-size': { type: 'string' },
    quiet: { type: 'boolean', default: false },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length === 0) {
    process.stderr.write(`newsgraph ingest: give at least one PATH\n\n${USAGE}`);
    return 2;
  }
  const most = values.endpoint ? MAX_ARTICLES_PER_CALL : MAX_STORE_BATCH;
  const batchSize = values['batch-size'] ? Number(values['batch-size']) : values.endpoint ? ENDPOINT_BATCH_SIZE : DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > most) {
    process.stderr.write(`newsgraph ingest: --batch-size must be a whole number from 1 to ${most}\n`);
    return 2;
  }

  const progress = createProgress(!values.quiet && process.stderr.isTTY === true);
  const records = readSources(positionals, { stdin: process.stdin });
  let report: IngestReport;
  try {
    report = values.endpoint
      ? await ingestThroughEndpoint(values.endpoint, apiKeyFor(values.endpoint, values['api-key'], dataDirOf()), records, batchSize, progress.update)
      : await ingestIntoStore(records, batchSize, progress.update);
  } catch (error) {
    progress.stop();
    if (error instanceof DatabaseLockedError) {
      process.stderr.write(`newsgraph ingest: ${error.message}.\n${throughServerHint(positionals)}`);
      return 1;
    }
    process.stderr.write(`newsgraph ingest: ${(error as Error).message}\n`);
    return 1;
  }
  progress.stop();
  process.stdout.write(formatReport(report));
  return report.failed > 0 ? 1 : 0;
}

/** How to send the articles through the server that holds the database, naming the port it really uses. */
function throughServerHint(paths: string[]): string {
  const dataDir = dataDirOf();
  const running = runningServerUrl(dataDir);
  const url = running ?? 'http://localhost:4000/graphql';
  const where = running ? `A server is running at ${url}; send` : 'Send';
  if (running && readLocalKey(dataDir)) {
    return `${where} the articles through it (the CLI uses its local key in ${localKeyFile(dataDir)}):\n  npx newsgraph ingest --endpoint ${url} ${paths.join(' ')}\nor stop the server and run this again.\n`;
  }
  return (
    `${where} the articles through that server instead:\n` +
    `  npx newsgraph ingest --endpoint ${url} --api-key <key> ${paths.join(' ')}\n` +
    '(the server needs NEWSGRAPH_API_KEYS set), or stop the server and run this again.\n'
  );
}

async function ingestIntoStore(records: AsyncIterable<SourceRecord>, batchSize: number, onProgress: (done: number) => void) {
  const config = exitOnConfigError();
  if (!config) throw new Error('invalid configuration');
  const store = await openStore(config);
  const extractor = createWorkerExtractor();
  try {
    await migrate(store);
    return await ingestRecords(store, extractor, records, { batchSize, onProgress });
  } finally {
    await extractor.close();
    await store.close();
  }
}

const MUTATION = `mutation Ingest($articles: [ArticleInput!]!) {
  ingestArticles(articles: $articles) { items { index status article { articleId } error { code message } warning { code message } } }
}`;

// The query text and the JSON around the articles.
const REQUEST_OVERHEAD_BYTES = 4096;

/** Reads and parses locally (so file and line are named), validates and writes on the server. */
async function ingestThroughEndpoint(
  endpoint: string,
  apiKey: string | null,
  records: AsyncIterable<SourceRecord>,
  batchSize: number,
  onProgress: (done: number) => void,
): Promise<IngestReport> {
  const items: IngestItem[] = [];
  let batch: { item: IngestItem; input: Record<string, unknown> }[] = [];
  let batchBytes = 0;

  const send = async () => {
    if (batch.length === 0) return;
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
      },
      body: JSON.stringify({ query: MUTATION, variables: { articles: batch.map((b) => b.input) } }),
    });
    const body = (await response.json().catch(() => null)) as {
      data?: { ingestArticles?: { items: { status: IngestItem['status']; article: { articleId: string } | null; error: IngestItem['error']; warning: IngestItem['warning'] }[] } };
      errors?: { message: string }[];
    } | null;
    const answered = body?.data?.ingestArticles?.items;
    if (!answered) {
      const reason = body?.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`;
      throw new Error(`${endpoint} refused the batch: ${reason}`);
    }
    answered.forEach((answer, i) => {
      const { item } = batch[i];
      item.status = answer.status;
      item.articleId = answer.article?.articleId ?? null;
      // The server names records by their place in the request; name them by file and line instead.
      const named = (problem: IngestItem['error']) => problem && { code: problem.code, message: problem.message.replace(/^articles\[\d+\]/, item.origin) };
      item.error = named(answer.error);
      item.warning = named(answer.warning);
    });
    batch = [];
    batchBytes = 0;
    onProgress(items.length);
  };

  for await (const record of records) {
    const item: IngestItem = { index: items.length, origin: record.origin, status: 'FAILED', articleId: null, error: null, warning: null };
    items.push(item);
    if (record.error) {
      item.error = { code: record.error.code, message: `${record.origin}: ${record.error.message}` };
      continue;
    }
    // Checked here too, so a refused record is named by file and line and never takes a request's room.
    const checked = validateArticle(record.input);
    if (!checked.ok) {
      item.error = { code: checked.error.code, message: `${record.origin}: ${checked.error.message}` };
      continue;
    }
    const input = record.input as Record<string, unknown>;
    const fields: Record<string, unknown> = {};
    for (const field of ARTICLE_FIELDS) if (input[field] != null) fields[field] = String(input[field]);
    const bytes = Buffer.byteLength(JSON.stringify(fields));
    // Requests stay under the server's body limit: a batch of long articles goes in several requests.
    if (batchBytes + bytes > MAX_BODY_BYTES - REQUEST_OVERHEAD_BYTES) await send();
    batch.push({ item, input: fields });
    batchBytes += bytes;
    if (batch.length >= batchSize) await send();
  }
  await send();
  onProgress(items.length);
  const count = (status: IngestItem['status']) => items.filter((i) => i.status === status).length;
  return { created: count('CREATED'), updated: count('UPDATED'), unchanged: count('UNCHANGED'), failed: count('FAILED'), items };
}

function createProgress(enabled: boolean) {
  if (!enabled) return { update: (_done: number) => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: 'ingesting | {value} records | {duration_formatted}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(0, 0);
  return {
    update: (done: number) => {
      bar.setTotal(done);
      bar.update(done);
    },
    stop: () => bar.stop(),
  };
}

export function formatReport(report: IngestReport): string {
  const lines = [
    `created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, failed ${report.failed}`,
    ...report.items.filter((i) => i.error).map((i) => `  FAILED ${i.error!.message} [${i.error!.code}]`),
    ...report.items.filter((i) => i.warning).map((i) => `  WARNING ${i.warning!.message} [${i.warning!.code}]`),
  ];
  return `${lines.join('\n')}\n`;
}
