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

/**
 * Above this many articles, a page of an entity's (or a pair's) articles is read from the days
 * that hold it (pageOfArticleIdsByDay) rather than from all of them.
 */
export const DAY_PAGES_FROM = 500;

/**
 * The ids of a page of articles, newest first, read from the few newest days that hold it: `days`
 * are the kept day counts (newest first) of an entity or pair, `condition` a MATCH on the bound
 * article `a` that keeps the articles counted there. Each day's articles are an indexed lookup
 * (Article.day), so a hub's page reads a day or two of news instead of every article it is in.
 */
export async function pageOfArticleIdsByDay(
  runner: QueryRunner,
  days: { day: string; count: number }[],
  condition: string,
  params: Record<string, unknown>,
  page: Page,
): Promise<string[]> {
  const end = page.offset + page.limit;
  const chosen: string[] = [];
  let held = 0;
  for (const { day, count } of days) {
    if (held >= end) break;
    chosen.push(day);
    held += count;
  }
  if (chosen.length === 0) return [];
  const rows = await runner.run<{ id: string }>(
    `UNWIND $days AS day
     MATCH (a:Article {day: day})
     ${condition}
     RETURN a.id AS id, a.sortDate AS sortDate
     ORDER BY sortDate DESC, id
     LIMIT $end`,
    { ...params, days: chosen, end },
  );
  return rows.slice(page.offset).map((r) => r.id);
}

/** An entity's kept day counts, newest first. */
export async function entityDaysNewestFirst(runner: QueryRunner, key: string): Promise<{ day: string; count: number }[]> {
  return runner.run<{ day: string; count: number }>('MATCH (d:EntityDay {entity: $key}) RETURN d.day AS day, d.articles AS count ORDER BY day DESC', { key });
}

/** Articles by id, in the order of `ids`. */
async function articlesInOrder(runner: QueryRunner, ids: string[]): Promise<ArticleRow[]> {
  if (ids.length === 0) return [];
  const byId = new Map((await articlesByIds(runner, ids)).map((a) => [a.id, a]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A page of the articles a MATCH binds to `a`, newest first (see pageOfArticleIds). */
async function articlePage(runner: QueryRunner, match: string, params: Record<string, unknown>, page: Page): Promise<ArticleRow[]> {
  return articlesInOrder(runner, await pageOfArticleIds(runner, match, params, page));
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

/**
 * Articles mentioning an entity, newest first. Without a window, an entity in more than
 * DAY_PAGES_FROM articles has its page read from its newest days (`articleCount` is its counter).
 */
export async function articlesMentioning(
  runner: QueryRunner,
  key: string,
  window: Window,
  page: Page,
  articleCount = 0,
  dayPagesFrom = DAY_PAGES_FROM,
): Promise<ArticleRow[]> {
  if (!window.since && !window.until && articleCount > dayPagesFrom) {
    const days = await entityDaysNewestFirst(runner, key);
    // The entity is bound unlabelled, so the engine can only expand from the article (not from a hub's every article).
    return articlesInOrder(runner, await pageOfArticleIdsByDay(runner, days, 'MATCH (a)-[:MENTIONS]->(e) WHERE e.key = $key', { key }, page));
  }
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
  /** significance(articleCount, the entity's articles, this one's articles, all articles). */
  score: number;
}

/** Shared articles below which a pair ranks after every pair that has them: one article proves little. */
export const MIN_SUPPORT = 2;

const xlogx = (v: number) => (v > 0 ? v * Math.log(v) : 0);

/**
 * How much more (positive) or less (negative) often two entities share articles than their own
 * frequencies predict: Dunning's log-likelihood ratio G² over the 2×2 table of articles (both,
 * only x, only y, neither), signed. Unlike pointwise mutual information it grows with the evidence:
 * a pair seen once in two rare entities does not outrank one seen fifty times. Rounded to 3 places.
 */
export function significance(together: number, x: number, y: number, total: number): number {
  if (together <= 0 || x <= 0 || y <= 0 || total <= 0) return 0;
  const g =
    2 *
    (xlogx(together) + xlogx(x - together) + xlogx(y - together) + xlogx(total - x - y + together) -
      xlogx(x) - xlogx(total - x) - xlogx(y) - xlogx(total - y) + xlogx(total));
  return Math.round((together * total < x * y ? -g : g) * 1000) / 1000;
}

/**
 * `significance` in Cypher, for ordering inside the query: k and y name columns; $x, $n and
 * $fixed (the terms of x and n alone, the same for every row: fixedTerms) are parameters.
 */
function significanceCypher(k: string, y: string): string {
  const xlx = (v: string) => `CASE WHEN ${v} > 0 THEN toFloat(${v}) * log(toFloat(${v})) ELSE 0.0 END`;
  return `CASE WHEN ${k} <= 0 OR $x <= 0 OR ${y} <= 0 OR $n <= 0 THEN 0.0
    ELSE (CASE WHEN toFloat(${k}) * $n < toFloat($x) * ${y} THEN -2.0 ELSE 2.0 END) *
      (${xlx(k)} + ${xlx(`$x - ${k}`)} + ${xlx(`${y} - ${k}`)} + ${xlx(`$n - $x - ${y} + ${k}`)} - ${xlx(y)} - ${xlx(`$n - ${y}`)} + $fixed) END`;
}

/** The terms of significance's sum that depend on x and the total alone. */
function fixedTerms(x: number, total: number): number {
  return -xlogx(x) - xlogx(total - x) + xlogx(total);
}

/**
 * Entities mentioned in the same articles as `key`, from the kept co-mention pairs: their totals,
 * or inside a window the sums of their days (whole UTC days; first and last seen to the day).
 * SCORE ranks pairs with at least MIN_SUPPORT shared articles first, then by significance (the
 * entities' all-time article counts and `total` articles, even inside a window), then shared
 * articles, then the latest; COUNT by shared articles, then the latest.
 */
export async function coMentions(
  runner: QueryRunner,
  key: string,
  options: Window & { kind: EntityKind | null; limit: number; orderBy: 'COUNT' | 'SCORE'; articles: number; total: number },
): Promise<CoMentionRow[]> {
  const windowed = Boolean(options.since || options.until);
  const pairs = windowed
    ? `WITH o, p, [i IN range(0, size(p.days) - 1) WHERE ($sinceDay IS NULL OR p.days[i] >= $sinceDay) AND ($untilDay IS NULL OR p.days[i] <= $untilDay)] AS inWindow
       WHERE size(inWindow) > 0
       WITH o, reduce(s = 0, i IN inWindow | s + p.dayArticles[i]) AS articleCount,
            p.days[inWindow[0]] + 'T00:00:00.000Z' AS firstSeen, p.days[inWindow[size(inWindow) - 1]] + 'T00:00:00.000Z' AS lastSeen`
    : 'WITH o, p.articles AS articleCount, p.firstSeen AS firstSeen, p.lastSeen AS lastSeen';
  const order =
    options.orderBy === 'SCORE'
      ? 'CASE WHEN articleCount >= $minSupport THEN 1 ELSE 0 END DESC, score DESC, articleCount DESC, lastSeen DESC, o.key'
      : 'articleCount DESC, lastSeen DESC, o.key';
  const rows = await runner.run<CoMentionRow & Record<string, unknown>>(
    `MATCH (:Entity {key: $key})-[:CO_MENTIONED]->(p:CoMention)<-[:CO_MENTIONED]-(o:Entity)
     WHERE $kind IS NULL OR o.kind = $kind
     ${pairs}
     WITH o, articleCount, firstSeen, lastSeen, ${significanceCypher('articleCount', 'o.articleCount')} AS score
     ORDER BY ${order}
     LIMIT $limit
     RETURN o ${ENTITY} AS entity, articleCount, firstSeen, lastSeen, score`,
    {
      key,
      kind: options.kind,
      limit: options.limit,
      minSupport: MIN_SUPPORT,
      x: options.articles,
      n: options.total,
      fixed: fixedTerms(options.articles, options.total),
      sinceDay: options.since ? options.since.slice(0, 10) : null,
      untilDay: options.until ? options.until.slice(0, 10) : null,
    },
  );
  return rows.map((r) => ({ ...r, score: Math.round(r.score * 1000) / 1000 }));
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
