/** What the store accepts and keeps, in its own terms: the write path and the reads are typed from here. */
import type { EntityKind } from '../extract/types.ts';

/** An article as the store accepts it: normalised and identified (ingest's validation produces these). */
export interface StoredArticle {
  /** Stable id: derived from the URL when there is one (so new text under the same URL is an update), else from the content. */
  id: string;
  title: string;
  text: string;
  url: string | null;
  source: string | null;
  language: string;
  /** ISO 8601 date-time in UTC ("2017-08-10T00:00:00.000Z"), or null when unknown. */
  publishedAt: string | null;
  /** sha256 over title and text: unchanged content means unchanged article. */
  contentHash: string;
}

/** The node label each kind of entity carries beside `Entity`. */
export const LABELS: Record<EntityKind, string> = {
  PERSON: 'Person',
  COUNTRY: 'Country',
  ORGANIZATION: 'Organization',
  PLACE: 'Place',
};
