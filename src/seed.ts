/** The articles a new graph starts with: everything under seed/articles, loaded when the graph is empty. */
import { fileURLToPath } from 'node:url';
import { ingestRecords } from './ingest/pipeline.ts';
import { readSources } from './ingest/readers.ts';
import type { IngestReport } from './ingest/types.ts';
import type { Extractor } from './extract/types.ts';
import { stats } from './store/queries/read.ts';
import type { Runner } from './store/runner.ts';

export const SEED_ARTICLES_DIR = fileURLToPath(new URL('../seed/articles/', import.meta.url));

export async function seedIfEmpty(store: Runner, extractor: Extractor, dir = SEED_ARTICLES_DIR): Promise<IngestReport | null> {
  if ((await stats(store)).articles > 0) return null;
  return ingestRecords(store, extractor, readSources([dir]));
}
