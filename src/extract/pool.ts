/**
 * Extraction on worker threads, for bulk loads. On the main thread a batch's extraction and the
 * previous batch's write compete for one core (the engine runs statements on its own threads, but
 * the rows for them are built and converted here); with extraction in a worker, the main thread
 * only feeds the store. Each worker loads its own extractor (gazetteers and the tagger's model).
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ExtractorOptions } from './index.ts';
import type { ArticleText, ExtractedArticle } from './types.ts';

export type ExtractionResult = { ok: true; extracted: ExtractedArticle } | { ok: false; message: string };

export interface BatchRequest {
  id: number;
  articles: ArticleText[];
}

export interface BatchResponse {
  id: number;
  results: ExtractionResult[];
}

export interface BatchExtractor {
  /** One result per article, in order. */
  extractBatch(articles: ArticleText[]): Promise<ExtractionResult[]>;
  close(): Promise<void>;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  waiting: Map<number, { resolve: (results: ExtractionResult[]) => void; reject: (error: Error) => void }>;
}

/** Workers: one less than the cores (the main thread and the engine need one), at least one. */
export function defaultThreads(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

function startWorker(options: ExtractorOptions): Slot {
  const worker = new Worker(new URL('./worker-entry.js', import.meta.url), { workerData: options });
  const waiting: Slot['waiting'] = new Map();
  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  const ready = new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message: BatchResponse | { ready: true }) => {
      if ('ready' in message) return resolve();
      waiting.get(message.id)?.resolve(message.results);
      waiting.delete(message.id);
    });
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the extraction worker stopped (exit code ${code})`)));
  return { worker, ready, waiting };
}

export function createWorkerExtractor(options: ExtractorOptions = {}, threads = defaultThreads()): BatchExtractor {
  const slots = Array.from({ length: threads }, () => startWorker(options));
  let nextId = 0;
  const send = async (slot: Slot, articles: ArticleText[]): Promise<ExtractionResult[]> => {
    await slot.ready;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      slot.waiting.set(id, { resolve, reject });
      slot.worker.postMessage({ id, articles } satisfies BatchRequest);
    });
  };
  return {
    async extractBatch(articles) {
      // Contiguous shares, one per worker, so the results come back in order by concatenation.
      const share = Math.ceil(articles.length / slots.length);
      const parts = slots.map((slot, i) => articles.slice(i * share, (i + 1) * share)).map((part, i) => (part.length ? send(slots[i], part) : Promise.resolve([])));
      return (await Promise.all(parts)).flat();
    },
    async close() {
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
