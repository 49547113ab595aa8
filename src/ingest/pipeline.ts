/**
 * Records in, report out: validate, skip what is unchanged, extract, write a batch per transaction.
 * A batch that fails is rolled back whole and its records retried one by one, so the record that
 * broke it is named and the good ones still land. Every input record gets exactly one report item.
 * Extraction of the next batch runs while the previous one is written: on the main thread between
 * the write's statements (the embedded engine runs them on its own threads), or on worker threads
 * with a BatchExtractor (src/extract/pool.ts), which leaves the main thread to the write.
 */
import type { BatchExtractor, ExtractionResult } from '../extract/pool.ts';
import type { Extractor } from '../extract/types.ts';
import { claimArticles, existingHashes, writeArticles, type ArticleWrite } from '../store/queries/ingest.ts';
import { StoreUnavailableError, type Runner } from '../store/runner.ts';
import type { IngestError, IngestItem, IngestReport, SourceRecord, ValidArticle } from './types.ts';
import { validateArticle } from './validate.ts';

export interface IngestOptions {
  /** Articles per transaction. */
  batchSize?: number;
  /** Called after each batch with the number of records done so far. */
  onProgress?: (done: number) => void;
  /** Called after a batch's articles are committed with those it created or updated (a failed batch's good records count, retried one by one). */
  onCommitted?: (articles: CommittedArticle[]) => void;
  now?: Date;
}

/** An article a committed transaction created or updated, and the entities it mentions. */
export interface CommittedArticle {
  articleId: string;
  status: 'CREATED' | 'UPDATED';
  entityKeys: string[];
}

interface Pending {
  item: IngestItem;
  article: ValidArticle;
}

/**
 * Articles per transaction for bulk loads. Larger batches share more co-mention pairs (a pair seen
 * in several articles of a batch is one row): at 1,000 a synthetic article costs 57 pair rows
 * against 133 at 100, and the write path about a third less CPU. A failed batch is retried one
 * article at a time, so the size bounds only how much is redone, not what is lost.
 */
export const DEFAULT_BATCH_SIZE = 1000;
export const MAX_STORE_BATCH = 5000;
/** Articles per `ingestArticles` call: the server refuses more, so a request stays small. */
export const MAX_ARTICLES_PER_CALL = 500;
export const ENDPOINT_BATCH_SIZE = 100;

function failure(code: string, origin: string, message: string): IngestError {
  return { code, message: `${origin}: ${message}` };
}

export async function ingestRecords(
  store: Runner,
  extractor: Extractor | BatchExtractor,
  records: AsyncIterable<SourceRecord> | Iterable<SourceRecord>,
  options: IngestOptions = {},
): Promise<IngestReport> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const items: IngestItem[] = [];
  let batch: Pending[] = [];
  const idsInBatch = new Set<string>();

  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    const done = items.length;
    batch = [];
    idsInBatch.clear();
    const toWrite = await prepareBatch(store, extractor, current);
    await writing;
    writing = writeBatch(store, toWrite, options).then(() => options.onProgress?.(done));
  };

  for await (const record of records) {
    const item: IngestItem = { index: items.length, origin: record.origin, status: 'FAILED', articleId: null, error: null, warning: null };
    items.push(item);
    if (record.error) {
      item.error = failure(record.error.code, record.origin, record.error.message);
      continue;
    }
    const checked = validateArticle(record.input, { now: options.now });
    if (!checked.ok) {
      item.error = failure(checked.error.code, record.origin, checked.error.message);
      continue;
    }
    item.articleId = checked.article.id;
    item.warning = checked.warning && failure(checked.warning.code, record.origin, checked.warning.message);
    // The same article twice goes into the next batch, so the second sees the first as stored
    // (unchanged, or an update when the text differs under the same URL).
    if (idsInBatch.has(checked.article.id)) await flush();
    batch.push({ item, article: checked.article });
    idsInBatch.add(checked.article.id);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  await writing;
  if (items.length % batchSize !== 0) options.onProgress?.(items.length);

  return {
    created: items.filter((i) => i.status === 'CREATED').length,
    updated: items.filter((i) => i.status === 'UPDATED').length,
    unchanged: items.filter((i) => i.status === 'UNCHANGED').length,
    failed: items.filter((i) => i.status === 'FAILED').length,
    items,
  };
}

type Prepared = { pending: Pending; write: ArticleWrite }[];

/** Settles unchanged articles (before extraction, the expensive part) and extracts the rest. */
async function prepareBatch(store: Runner, extractor: Extractor | BatchExtractor, batch: Pending[]): Promise<Prepared> {
  let stored: Map<string, string>;
  try {
    stored = await existingHashes(store, batch.map((p) => p.article.id));
  } catch (error) {
    for (const p of batch) storeFailed(p, error);
    return [];
  }
  const changed = batch.filter((pending) => {
    if (stored.get(pending.article.id) !== pending.article.contentHash) return true;
    pending.item.status = 'UNCHANGED';
    return false;
  });
  const results = await extractAll(extractor, changed.map((p) => p.article));
  const toWrite: Prepared = [];
  changed.forEach((pending, i) => {
    const result = results[i];
    if (result.ok) {
      toWrite.push({ pending, write: { article: pending.article, extracted: result.extracted, update: stored.has(pending.article.id) } });
    } else {
      pending.item.error = failure('EXTRACTION_FAILED', pending.item.origin, result.message);
    }
  });
  return toWrite;
}

async function extractAll(extractor: Extractor | BatchExtractor, articles: ValidArticle[]): Promise<ExtractionResult[]> {
  if ('extractBatch' in extractor) {
    try {
      return await extractor.extractBatch(articles);
    } catch (error) {
      // The worker itself failed: every article of the batch is reported, none is lost silently.
      return articles.map(() => ({ ok: false, message: `extraction failed: ${(error as Error).message}` }));
    }
  }
  const results: ExtractionResult[] = [];
  for (const article of articles) {
    // Between articles, let the previous batch's write go on to its next statement.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      results.push({ ok: true, extracted: extractor.extract(article) });
    } catch (error) {
      results.push({ ok: false, message: (error as Error).message });
    }
  }
  return results;
}

async function writeBatch(store: Runner, toWrite: Prepared, options: IngestOptions): Promise<void> {
  if (toWrite.length === 0) return;
  let committed: CommittedArticle[];
  try {
    committed = await commit(store, toWrite);
  } catch (error) {
    if (error instanceof StoreUnavailableError || toWrite.length === 1) {
      for (const { pending } of toWrite) storeFailed(pending, error);
      return;
    }
    committed = [];
    for (const one of toWrite) {
      try {
        committed.push(...(await commit(store, [one])));
      } catch (singleError) {
        storeFailed(one.pending, singleError);
      }
    }
  }
  if (committed.length > 0) options.onCommitted?.(committed);
}

/** Writes in one transaction; answers what it created or updated once that has committed. */
async function commit(store: Runner, toWrite: Prepared): Promise<CommittedArticle[]> {
  const ingestedAt = new Date().toISOString();
  const statuses = await store.transaction(async (tx) => {
    // Read again inside the transaction, holding the articles: another writer may have stored one meanwhile.
    const stored = await claimArticles(tx, toWrite.map(({ write }) => write.article.id));
    const writes: ArticleWrite[] = [];
    const result: IngestItem['status'][] = [];
    for (const { write } of toWrite) {
      const hash = stored.get(write.article.id);
      if (hash === write.article.contentHash) {
        result.push('UNCHANGED');
        continue;
      }
      writes.push({ ...write, update: hash !== undefined });
      result.push(hash === undefined ? 'CREATED' : 'UPDATED');
    }
    await writeArticles(tx, writes, ingestedAt);
    return result;
  });
  const committed: CommittedArticle[] = [];
  toWrite.forEach(({ pending, write }, i) => {
    pending.item.status = statuses[i];
    pending.item.error = null;
    const status = statuses[i];
    if (status === 'CREATED' || status === 'UPDATED') {
      committed.push({ articleId: write.article.id, status, entityKeys: write.extracted.entities.map((e) => e.key) });
    }
  });
  return committed;
}

function storeFailed(pending: Pending, error: unknown): void {
  pending.item.status = 'FAILED';
  if (error instanceof StoreUnavailableError) {
    // Where the store lives (a file path, a server address) is not the client's business.
    pending.item.error = failure('SERVICE_UNAVAILABLE', pending.item.origin, 'could not be stored: the graph store is unavailable; try again shortly');
    return;
  }
  // The first line says what went wrong; the rest of an engine's message is a query excerpt.
  const reason = String((error as Error).message).split('\n')[0];
  pending.item.error = failure('STORE_FAILED', pending.item.origin, `could not be stored: ${reason}`);
}
