/** Reads of events (by key, pages by filter, their participants, places and reports) and of quotes. */
import type { QueryRunner } from '../runner.ts';
import { ARTICLE, ENTITY, EVENT, windowParams, type ArticleRow, type EntityRow, type EventRow, type Page, type Window } from './shapes.ts';

export async function eventsByKeys(runner: QueryRunner, keys: readonly string[]): Promise<EventRow[]> {
  const rows = await runner.run<{ e: EventRow }>(`UNWIND $keys AS key MATCH (e:Event {key: key}) RETURN e ${EVENT} AS e`, { keys });
  return rows.map((r) => r.e);
}

export interface QuoteRow {
  key: string;
  text: string;
  date: string | null;
  articleId: string;
  speakerKey: string | null;
  aboutKeys: string[];
}

/**
 * Completes quote rows from bound `q` (the quote) and `a` (its article). The subqueries start from
 * the quote; a pattern comprehension or OPTIONAL MATCH here scans every entity on the embedded engine.
 * Keys are collected in key order: each engine walks the edges in its own order (Neo4j newest first).
 */
export const QUOTE_ROWS = `CALL (q) { MATCH (q)<-[:SAID]-(s:Entity) WITH s.key AS key ORDER BY key RETURN collect(key) AS speakers }
  CALL (q) { MATCH (q)-[:ABOUT]->(x:Entity) WITH x.key AS key ORDER BY key RETURN collect(key) AS aboutKeys }
  RETURN q.key AS key, q.text AS text, q.date AS date, a.id AS articleId, head(speakers) AS speakerKey, aboutKeys`;

export async function quotesOfArticles(runner: QueryRunner, ids: readonly string[]): Promise<QuoteRow[]> {
  return runner.run<QuoteRow & Record<string, unknown>>(
    `UNWIND $ids AS id
     MATCH (a:Article {id: id})-[:CONTAINS]->(q:Quote)
     ${QUOTE_ROWS}
     ORDER BY articleId, key`,
    { ids },
  );
}

export async function quotesBySpeaker(runner: QueryRunner, key: string, page: Page): Promise<QuoteRow[]> {
  return runner.run<QuoteRow & Record<string, unknown>>(
    `MATCH (:Entity {key: $key})-[:SAID]->(q:Quote)
     WITH q ORDER BY q.date DESC, q.key
     SKIP $offset LIMIT $limit
     MATCH (q)<-[:CONTAINS]-(a:Article)
     ${QUOTE_ROWS}
     ORDER BY date DESC, key`,
    { key, ...page },
  );
}

export async function countQuotesBySpeaker(runner: QueryRunner, key: string): Promise<number> {
  const [count] = await runner.run<{ total: number }>('MATCH (:Entity {key: $key})-[:SAID]->(q:Quote) RETURN count(q) AS total', { key });
  return count?.total ?? 0;
}

// ---------------------------------------------------------------- events

export interface EventFilter extends Window {
  types?: string[] | null;
  /** Keys of entities every event must involve. */
  participants?: string[] | null;
  /** Alpha-2 code: events located in the country or in a place of it, or involving it. */
  country?: string | null;
}

/** The MATCH and WHERE of an event filter, like `articleFilter`: only the conditions asked for, starting from a participant when there is one. */
function eventFilter(filter: EventFilter): { clause: string; params: Record<string, unknown> } {
  const { since, until } = windowParams(filter);
  const participants = filter.participants?.length ? filter.participants : null;
  const types = filter.types?.length ? filter.types : null;
  const conditions: string[] = [];
  if (since) conditions.push('ev.date >= $sinceDate');
  if (until) conditions.push('ev.date <= $untilDate');
  if (types) conditions.push('ev.type IN $types');
  if (participants && participants.length > 1) {
    conditions.push('COUNT { (ev)-[:INVOLVES]->(p:Entity) WHERE p.key IN $participants } = size($participants)');
  }
  if (filter.country) conditions.push('COUNT { (ev)-->(c:Entity) WHERE c.key = $countryKey OR c.countryCode = $country } > 0');
  const match = participants ? 'MATCH (:Entity {key: $firstParticipant})<-[:INVOLVES]-(ev:Event)' : 'MATCH (ev:Event)';
  return {
    clause: `${match}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}`,
    params: {
      sinceDate: since?.slice(0, 10) ?? null,
      untilDate: until?.slice(0, 10) ?? null,
      types,
      participants,
      firstParticipant: participants?.[0] ?? null,
      country: filter.country ?? null,
      countryKey: filter.country ? `country:${filter.country}` : null,
    },
  };
}

export async function eventsPage(runner: QueryRunner, filter: EventFilter, page: Page): Promise<EventRow[]> {
  const { clause, params } = eventFilter(filter);
  const rows = await runner.run<{ e: EventRow }>(
    `${clause}
     WITH ev ORDER BY ev.date DESC, ev.key
     SKIP $offset LIMIT $limit
     RETURN ev ${EVENT} AS e`,
    { ...params, ...page },
  );
  return rows.map((r) => r.e);
}

export async function countEvents(runner: QueryRunner, filter: EventFilter): Promise<number> {
  const { clause, params } = eventFilter(filter);
  const [count] = await runner.run<{ total: number }>(`${clause} RETURN count(ev) AS total`, params);
  return count?.total ?? 0;
}

export interface ParticipantRow {
  eventKey: string;
  role: string;
  entity: EntityRow;
}

export async function participantsOfEvents(runner: QueryRunner, keys: readonly string[]): Promise<ParticipantRow[]> {
  return runner.run<ParticipantRow & Record<string, unknown>>(
    `UNWIND $keys AS key
     MATCH (:Event {key: key})-[r:INVOLVES]->(e:Entity)
     RETURN key AS eventKey, r.role AS role, e ${ENTITY} AS entity
     ORDER BY eventKey, role, entity.key`,
    { keys },
  );
}

export async function locationsOfEvents(runner: QueryRunner, keys: readonly string[]): Promise<{ eventKey: string; entity: EntityRow }[]> {
  return runner.run(
    `UNWIND $keys AS key
     MATCH (:Event {key: key})-[:\`IN\`]->(e:Entity)
     RETURN key AS eventKey, e ${ENTITY} AS entity
     ORDER BY eventKey, entity.key`,
    { keys },
  );
}

export interface ReportRow {
  eventKey: string;
  article: ArticleRow;
  evidence: string;
}

/** The articles reporting each event, with the sentence that reports it; each once, however often its key is asked. */
export async function reportsOfEvents(runner: QueryRunner, keys: readonly string[]): Promise<ReportRow[]> {
  return runner.run<ReportRow & Record<string, unknown>>(
    `UNWIND $keys AS key
     MATCH (:Event {key: key})<-[r:REPORTS]-(a:Article)
     RETURN key AS eventKey, a ${ARTICLE} AS article, r.evidence AS evidence
     ORDER BY eventKey, article.sortDate, article.id`,
    { keys: [...new Set(keys)] },
  );
}

export async function eventsOfArticles(runner: QueryRunner, ids: readonly string[]): Promise<{ articleId: string; event: EventRow }[]> {
  return runner.run(
    `UNWIND $ids AS id
     MATCH (:Article {id: id})-[:REPORTS]->(ev:Event)
     RETURN id AS articleId, ev ${EVENT} AS event
     ORDER BY articleId, event.date, event.key`,
    { ids },
  );
}
