/**
 * The extraction worker (see pool.ts): loads the extractor once, then answers each batch of
 * articles with one result per article, an error message in place of a result that failed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createExtractor, type ExtractorOptions } from './index.ts';
import type { ArticleText } from './types.ts';
import type { BatchRequest, BatchResponse } from './pool.ts';

const extractor = createExtractor(workerData as ExtractorOptions);
parentPort!.on('message', ({ id, articles }: BatchRequest) => {
  const results: BatchResponse['results'] = articles.map((article: ArticleText) => {
    try {
      return { ok: true, extracted: extractor.extract(article) };
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
  });
  parentPort!.postMessage({ id, results } satisfies BatchResponse);
});
parentPort!.postMessage({ ready: true, usesNer: extractor.usesNer });
