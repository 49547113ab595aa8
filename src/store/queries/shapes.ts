/**
 * The rows the reads return and the Cypher projections that build them, with the window and page
 * every list takes: shared by the reads of articles, entities, events and quotes, and by the
 * relations and curation queries.
 */
import type { EntityKind } from '../../extract/types.ts';
import type { StoredArticle } from '../model.ts';

export interface EntityRow {
  key: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  wikidataId: string | null;
  code: string | null;
  iso3: string | null;
  countryCode: string | null;
  articleCount: number;
  mentionCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

/** An article as stored: what validation produced, with the date it sorts by (published, else ingested). */
export type ArticleRow = Omit<StoredArticle, 'contentHash'> & { sortDate: string; ingestedAt: string };

export interface EventRow {
  key: string;
  type: string;
  cameoCode: string;
  date: string | null;
  title: string;
}

export interface Window {
  since?: string | null;
  until?: string | null;
}

export interface Page {
  offset: number;
  limit: number;
}

export const ENTITY = `{ .key, .kind, .name, .aliases, .wikidataId, .code, .iso3, .countryCode, .articleCount, .mentionCount, .firstSeen, .lastSeen }`;
export const ARTICLE = `{ .id, .title, .text, .url, .source, .language, .publishedAt, .sortDate, .ingestedAt }`;
export const EVENT = `{ .key, .type, .cameoCode, .date, .title }`;
export const WINDOW = (v: string) => `($since IS NULL OR ${v}.sortDate >= $since) AND ($until IS NULL OR ${v}.sortDate <= $until)`;

export function windowParams(window: Window = {}) {
  return { since: window.since ?? null, until: window.until ?? null };
}
