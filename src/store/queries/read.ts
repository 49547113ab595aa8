/**
 * Every read the API makes, as named functions over a runner. Batched lookups take lists of ids
 * (one round trip for a DataLoader batch); pages take offset and limit; windows take ISO strings
 * compared with the stored ISO `sortDate`, which orders the same way as the dates it encodes.
 */
import type { EntityKind } from '../../extract/types.ts';
import type { ValidArticle } from '../../ingest/types.ts';
import type { QueryRunner } from '../runner.ts';

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
export type ArticleRow = Omit<ValidArticle, 'contentHash'> & { sortDate: string; ingestedAt: string };

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

// ---------------------------------------------------------------- lookups by id (DataLoader batches)

export async function articlesByIds(runner: QueryRunner, ids: readonly string[]): Promise<ArticleRow[]> {
  const rows = await runner.run<{ a: ArticleRow }>(`UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a ${ARTICLE} AS a`, { ids });
  return rows.map((r) => r.a);
}

export async function eventsByKeys(runner: QueryRunner, keys: readonly string[]): Promise<EventRow[]> {
  const rows = await runner.run<{ e: EventRow }>(`UNWIND $keys AS key MATCH (e:Event {key: key}) RETURN e ${EVENT} AS e`, { keys });
  return rows.map((r) => r.e);
}

/**
 * The ids of a page of the articles a MATCH binds to `v`, newest first. On the embedded engine
 * only `RETURN <columns> ORDER BY … LIMIT n` keeps the n best while it reads; sorting whole nodes
 * (`WITH a ORDER BY …`) or adding SKIP sorts everything first: over 100k articles 17 ms against
 * ~100 ms. So the page is cut from the first offset + limit here, and its rows are read by id.
 */
export async function pageOfArticleIds(runner: QueryRunner, match: string, params: Record<string, unknown>, page: Page, v = 'a'): Promise<string[]> {
  const rows = await runner.run<{ id: string }>(
    `${match}
     RETURN ${v}.id AS id, ${v}.sortDate AS sortDate
     ORDER BY sortDate DESC, id
     LIMIT $end`,
    { ...params, end: page.offset + page.limit },
  );
  return rows.slice(page.offset).map((r) => r.id);
}

/** A page of the articles a MATCH binds to `a`, newest first (see pageOfArticleIds). */
async function articlePage(runner: QueryRunner, match: string, params: Record<string, unknown>, page: Page): Promise<ArticleRow[]> {
  const ids = await pageOfArticleIds(runner, match, params, page);
  if (ids.length === 0) return [];
  const byId = new Map((await articlesByIds(runner, ids)).map((a) => [a.id, a]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function articleByUrl(runner: QueryRunner, url: string): Promise<ArticleRow | null> {
  const rows = await runner.run<{ a: ArticleRow }>(`MATCH (a:Article {url: $url}) RETURN a ${ARTICLE} AS a LIMIT 1`, { url });
  return rows[0]?.a ?? null;
}

export interface MentionRow {
  articleId: string;
  entity: EntityRow;
  count: number;
  /** Indexes of the sentences that mention the entity (see articleSentences). */
  sentences: number[];
  /** Start and end offsets of each mention in the article's text, flat: [s0, e0, s1, e1, …]. */
  spans: number[];
}

/** The entities each article mentions, most mentioned first. */
export async function mentionsOfArticles(runner: QueryRunner, ids: readonly string[]): Promise<MentionRow[]> {
  return runner.run<MentionRow & Record<string, unknown>>(
    `UNWIND $ids AS id
     MATCH (:Article {id: id})-[m:MENTIONS]->(e:Entity)
     RETURN id AS articleId, e ${ENTITY} AS entity, m.count AS count, m.sentences AS sentences, m.spans AS spans
     ORDER BY articleId, count DESC, entity.key`,
    { ids },
  );
}

export interface ArticleSentences {
  id: string;
  text: string;
  /** Sentence i is text[bounds[2i], bounds[2i+1]]. */
  bounds: number[];
}

/** Each article's text with its sentence boundaries: where evidence sentences are read from. */
export async function articleSentences(runner: QueryRunner, ids: readonly string[]): Promise<ArticleSentences[]> {
  return runner.run<ArticleSentences & Record<string, unknown>>(
    'UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN id, a.text AS text, coalesce(a.sentenceBounds, []) AS bounds',
    { ids },
  );
}

/** The sentence at `index`, or null when the article has no such sentence. */
export function sentenceAt(text: string, bounds: number[], index: number): string | null {
  return bounds.length > 2 * index + 1 ? text.slice(bounds[2 * index], bounds[2 * index + 1]) : null;
}

export interface RoleRow {
  personKey: string;
  title: string;
  asOf: string | null;
  holder: EntityRow;
}

export async function rolesOfPeople(runner: QueryRunner, keys: readonly string[]): Promise<RoleRow[]> {
  return runner.run<RoleRow & Record<string, unknown>>(
    `UNWIND $keys AS key
     MATCH (:Entity {key: key})-[r:HOLDS_ROLE]->(h:Entity)
     RETURN key AS personKey, r.title AS title, r.asOf AS asOf, h ${ENTITY} AS holder
     ORDER BY personKey, asOf DESC, title`,
    { keys },
  );
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

// ---------------------------------------------------------------- finding entities by what people type

/** Entities whose name or an alias is `name` (case-insensitive); failing that, whose name has it as a whole word. */
export async function entitiesNamed(runner: QueryRunner, name: string, kind: EntityKind | null, limit = 10): Promise<EntityRow[]> {
  const lower = name.trim().toLowerCase();
  const exact = await runner.run<{ e: EntityRow }>(
    `MATCH (e:Entity)
     WHERE ($kind IS NULL OR e.kind = $kind) AND $name IN e.namesLower
     RETURN e ${ENTITY} AS e
     ORDER BY e.articleCount DESC, e.key
     LIMIT $limit`,
    { name: lower, kind, limit },
  );
  if (exact.length > 0) return exact.map((r) => r.e);
  const partial = await runner.run<{ e: EntityRow }>(
    `MATCH (e:Entity)
     WHERE ($kind IS NULL OR e.kind = $kind)
       AND any(n IN e.namesLower WHERE n STARTS WITH $prefix OR n ENDS WITH $suffix OR n CONTAINS $middle)
     RETURN e ${ENTITY} AS e
     ORDER BY e.articleCount DESC, e.key
     LIMIT $limit`,
    { prefix: `${lower} `, suffix: ` ${lower}`, middle: ` ${lower} `, kind, limit },
  );
  return partial.map((r) => r.e);
}

/**
 * Entities sharing letter trigrams with `name` over the search text (names and aliases), most shared
 * first: the candidates a "did you mean" ranks by edit distance. Read only when a name finds nothing.
 */
export async function entitiesSharingTrigrams(runner: QueryRunner, grams: string[], kind: EntityKind | null, limit = 50): Promise<EntityRow[]> {
  if (grams.length === 0) return [];
  const rows = await runner.run<{ e: EntityRow }>(
    `MATCH (e:Entity)
     WHERE ($kind IS NULL OR e.kind = $kind)
     WITH e, size([g IN $grams WHERE e.searchText CONTAINS g]) AS hits
     WHERE hits > 0
     RETURN e ${ENTITY} AS e
     ORDER BY hits DESC, e.articleCount DESC, e.key
     LIMIT $limit`,
    { grams, kind, limit },
  );
  return rows.map((r) => r.e);
}

export async function countryByCode(runner: QueryRunner, code: string): Promise<EntityRow | null> {
  const upper = code.trim().toUpperCase();
  const rows = await runner.run<{ e: EntityRow }>(
    `MATCH (e:Entity {key: $key}) RETURN e ${ENTITY} AS e
     UNION
     MATCH (e:Entity {iso3: $code}) WHERE e.kind = 'COUNTRY' RETURN e ${ENTITY} AS e`,
    { key: `country:${upper}`, code: upper },
  );
  return rows[0]?.e ?? null;
}

export interface EntityFilter {
  kinds: EntityKind[] | null;
  search: string | null;
}

function entityFilterParams(filter: EntityFilter) {
  return { kinds: filter.kinds, search: filter.search ? filter.search.trim().toLowerCase() : null };
}

/**
 * The WHERE of an entity filter, with only the conditions asked for: Neo4j serves
 * `searchText CONTAINS $search` from the text index (migration 001), but not when it sits inside
 * `$search IS NULL OR …`, which makes it scan every entity.
 */
function entityWhere(params: ReturnType<typeof entityFilterParams>): string {
  const conditions: string[] = [];
  if (params.kinds !== null) conditions.push('e.kind IN $kinds');
  if (params.search !== null) conditions.push('e.searchText CONTAINS $search');
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}

/** Entities by kind and search text; the best match first (exact name, then name prefix), then the most mentioned. */
export async function entitiesPage(runner: QueryRunner, filter: EntityFilter, page: Page): Promise<EntityRow[]> {
  const params = entityFilterParams(filter);
  const rows = await runner.run<{ e: EntityRow }>(
    `MATCH (e:Entity)
     ${entityWhere(params)}
     WITH e, CASE WHEN $search IS NULL THEN 0
                  WHEN e.nameLower = $search OR $search IN e.namesLower THEN 2
                  WHEN e.nameLower STARTS WITH $search THEN 1
                  ELSE 0 END AS rank
     RETURN e ${ENTITY} AS e
     ORDER BY rank DESC, e.articleCount DESC, e.key
     SKIP $offset LIMIT $limit`,
    { ...params, ...page },
  );
  return rows.map((r) => r.e);
}

export async function countEntities(runner: QueryRunner, filter: EntityFilter): Promise<number> {
  const params = entityFilterParams(filter);
  const [row] = await runner.run<{ total: number }>(`MATCH (e:Entity) ${entityWhere(params)} RETURN count(e) AS total`, params);
  return row?.total ?? 0;
}

// ---------------------------------------------------------------- articles

export interface ArticleFilter extends Window {
  source?: string | null;
  /** Keys of entities every article must mention. */
  mentions?: string[] | null;
}

/**
 * The MATCH and WHERE of an article filter, with only the conditions asked for (a condition on an
 * absent parameter still costs a subquery per article on the embedded engine). With entities to
 * mention, the match starts from the first of them instead of from every article.
 */
function articleFilter(filter: ArticleFilter): { clause: string; params: Record<string, unknown> } {
  const mentions = filter.mentions?.length ? filter.mentions : null;
  const conditions: string[] = [];
  if (filter.since) conditions.push('a.sortDate >= $since');
  if (filter.until) conditions.push('a.sortDate <= $until');
  if (filter.source) conditions.push('a.source = $source');
  if (mentions && mentions.length > 1) conditions.push('COUNT { (a)-[:MENTIONS]->(m:Entity) WHERE m.key IN $mentions } = size($mentions)');
  const match = mentions ? 'MATCH (:Entity {key: $firstMention})<-[:MENTIONS]-(a:Article)' : 'MATCH (a:Article)';
  return {
    clause: `${match}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}`,
    params: { ...windowParams(filter), source: filter.source ?? null, mentions, firstMention: mentions?.[0] ?? null },
  };
}

export async function articlesPage(runner: QueryRunner, filter: ArticleFilter, page: Page): Promise<ArticleRow[]> {
  const { clause, params } = articleFilter(filter);
  return articlePage(runner, clause, params, page);
}

export async function countArticles(runner: QueryRunner, filter: ArticleFilter): Promise<number> {
  const { clause, params } = articleFilter(filter);
  const [row] = await runner.run<{ total: number }>(`${clause} RETURN count(a) AS total`, params);
  return row?.total ?? 0;
}

/** Articles mentioning an entity, newest first. */
export async function articlesMentioning(runner: QueryRunner, key: string, window: Window, page: Page): Promise<ArticleRow[]> {
  return articlePage(runner, `MATCH (:Entity {key: $key})<-[:MENTIONS]-(a:Article) WHERE ${WINDOW('a')}`, { key, ...windowParams(window) }, page);
}

export async function countArticlesMentioning(runner: QueryRunner, key: string, window: Window): Promise<number> {
  // Without a window the entity's maintained counter is the answer: no walk over a hub's articles.
  const query =
    window.since || window.until
      ? `MATCH (:Entity {key: $key})<-[:MENTIONS]-(a:Article) WHERE ${WINDOW('a')} RETURN count(a) AS total`
      : 'MATCH (e:Entity {key: $key}) RETURN e.articleCount AS total';
  const [count] = await runner.run<{ total: number }>(query, { key, ...windowParams(window) });
  return count?.total ?? 0;
}

// ---------------------------------------------------------------- co-mentions

export interface CoMentionRow {
  entity: EntityRow;
  articleCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

/**
 * Entities mentioned in the same articles as `key`. Without a window this reads the maintained
 * co-mention pairs (through CO_MENTIONED); with one it counts the shared articles inside the window.
 */
export async function coMentions(
  runner: QueryRunner,
  key: string,
  options: Window & { kind: EntityKind | null; limit: number; orderBy: 'COUNT' | 'SCORE' },
): Promise<CoMentionRow[]> {
  // For one entity, pointwise mutual information orders its partners as shared / partner's own
  // article count does (the rest of the formula is the same for every partner).
  const rank = options.orderBy === 'SCORE' ? 'toFloat(articleCount) / o.articleCount' : 'articleCount';
  if (!options.since && !options.until) {
    return runner.run<CoMentionRow & Record<string, unknown>>(
      `MATCH (:Entity {key: $key})-[:CO_MENTIONED]->(p:CoMention)<-[:CO_MENTIONED]-(o:Entity)
       WHERE $kind IS NULL OR o.kind = $kind
       WITH o, p.articles AS articleCount, p.firstSeen AS firstSeen, p.lastSeen AS lastSeen
       WITH o, articleCount, firstSeen, lastSeen, ${rank} AS rank
       ORDER BY rank DESC, articleCount DESC, o.key
       LIMIT $limit
       RETURN o ${ENTITY} AS entity, articleCount, firstSeen, lastSeen`,
      { key, kind: options.kind, limit: options.limit },
    );
  }
  return runner.run<CoMentionRow & Record<string, unknown>>(
    `MATCH (e:Entity {key: $key})<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(o:Entity)
     WHERE o <> e AND ${WINDOW('a')} AND ($kind IS NULL OR o.kind = $kind)
     WITH o, count(a) AS articleCount, min(a.sortDate) AS firstSeen, max(a.sortDate) AS lastSeen
     WITH o, articleCount, firstSeen, lastSeen, ${rank} AS rank
     ORDER BY rank DESC, articleCount DESC, o.key
     LIMIT $limit
     RETURN o ${ENTITY} AS entity, articleCount, firstSeen, lastSeen`,
    { key, kind: options.kind, limit: options.limit, ...windowParams(options) },
  );
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

/** The articles reporting each event, with the sentence that reports it. */
export async function reportsOfEvents(runner: QueryRunner, keys: readonly string[]): Promise<ReportRow[]> {
  return runner.run<ReportRow & Record<string, unknown>>(
    `UNWIND $keys AS key
     MATCH (:Event {key: key})<-[r:REPORTS]-(a:Article)
     RETURN key AS eventKey, a ${ARTICLE} AS article, r.evidence AS evidence
     ORDER BY eventKey, article.sortDate, article.id`,
    { keys },
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

// ---------------------------------------------------------------- totals

export interface Stats {
  articles: number;
  entities: number;
  events: number;
  quotes: number;
}

export async function stats(runner: QueryRunner): Promise<Stats> {
  const [row] = await runner.run<Stats & Record<string, unknown>>(
    `CALL () { MATCH (a:Article) RETURN count(a) AS articles }
     CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
     CALL () { MATCH (ev:Event) RETURN count(ev) AS events }
     CALL () { MATCH (q:Quote) RETURN count(q) AS quotes }
     RETURN articles, entities, events, quotes`,
  );
  return row;
}
