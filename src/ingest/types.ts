/** Records on their way into the graph: as read (with where they came from), as validated, as reported. */
import type { StoredArticle } from '../store/model.ts';

/** What a client sends: the GraphQL `ArticleInput`, one JSON object in a file, or a parsed text file. */
export interface ArticleInput {
  title?: string | null;
  text?: string | null;
  url?: string | null;
  publishedAt?: string | null;
  source?: string | null;
  language?: string | null;
  /** "text/plain" or "text/html": whether the text is HTML to clean; judged from the text when absent. */
  contentType?: string | null;
}

/** One record as a reader produced it. `origin` names it for humans: "seed/a.jsonl:7", "stdin:3", "articles[2]". */
export interface SourceRecord {
  origin: string;
  /** The parsed record (an object from JSON, or the fields of a text file), or undefined when reading failed. */
  input?: unknown;
  /** Set when the record could not even be read or parsed (bad JSON on a line, unreadable file, binary data). */
  error?: IngestError;
}

export interface IngestError {
  /** BAD_JSON, INVALID_ARTICLE, UNREADABLE, DUPLICATE_IN_BATCH, EXTRACTION_FAILED, STORE_FAILED, ... */
  code: string;
  message: string;
}

/** A validated article, normalised and identified, ready for extraction: the shape the store accepts. */
export type ValidArticle = StoredArticle;

export type IngestStatus = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'FAILED';

export interface IngestItem {
  index: number;
  origin: string;
  status: IngestStatus;
  articleId: string | null;
  error: IngestError | null;
  /** Set on an article that was stored but needs a look (TEXT_REMOVED: cleaning removed much of its text). */
  warning: IngestError | null;
}

export interface IngestReport {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  items: IngestItem[];
}
