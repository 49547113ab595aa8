/**
 * Reads behind the relationship questions: neighbours for path search and networks, the evidence
 * behind a hop, what two entities share, mention counts over time, and trending counts. Every
 * list is bounded by a limit the caller passes.
 */
import type { EntityKind } from '../../extract/types.ts';
import type { QueryRunner } from '../runner.ts';
import { dayOf, MIN_PAIR_ARTICLES, pairArticlesInWindow, pairKey, windowDays } from './counts.ts';
import { loneSharedArticles, pairsOfWalking } from './pair-lookup.ts';
import { DAY_PAGES_FROM, pageOfArticleIds, pageOfArticleIdsByDay } from './articles.ts';
import { QUOTE_ROWS, type QuoteRow } from './events-quotes.ts';
import { ARTICLE, ENTITY, EVENT, WINDOW, windowParams, type ArticleRow, type EntityRow, type EventRow, type Page, type Window } from './shapes.ts';

export interface NeighbourRow {
  from: string;
  to: string;
  /** Articles mentioning both (inside the window when one is given). */
  articles: number;
}

export interface NeighbourOptions extends Window {
  /** Keys never to step onto (hubs the caller wants out of the way). */
  exclude: string[];
  /** Kinds a neighbour must have, except the keys in `always`. */
  kinds: EntityKind[] | null;
  always: string[];
  /** At most this many neighbours per entity, the heaviest. */
  fanOut: number;
}

/** Rows one call may send or return: the engine converts a call's parameters and rows on the main thread. */
const ROWS_PER_CALL = 2_000;

/**
 * `call` on `items` a chunk at a time, one after the other, the rows in order. A large call would
 * hold the event loop for every other request (~50 ms for 80k pairs); between chunks a request
 * past its deadline stops (the runner refuses its next round trip).
 */
async function inChunks<T, R>(items: T[], size: number, call: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const rows: R[] = [];
  for (let start = 0; start < items.length; start += size) rows.push(...(await call(items.slice(start, start + size))));
  return rows;
}

/**
 * The heaviest co-mentioned neighbours of each key, from the kept pairs: their totals, or inside
 * a window the sums of their days (whole UTC days). In the CO_MENTIONED form
 * `y` has no label (only entities have CO_MENTIONED edges): with `y:Entity`, Neo4j 5.26 planned the
 * scoped `CALL (x)` as every entity crossed with x's pairs, then a hash join (944k rows, 3.1 s on
 * the seed graph, where `CALL { WITH x … }` took 24 ms); without a label it can only expand from x.
 */
export async function neighbours(runner: QueryRunner, keys: string[], options: NeighbourOptions): Promise<NeighbourRow[]> {
  // fanOut rows per key at most: as many keys per call as fit in ROWS_PER_CALL.
  return inChunks(keys, Math.max(1, Math.floor(ROWS_PER_CALL / options.fanOut)), (chunk) => neighboursOf(runner, chunk, options));
}

/**
 * Pairs with one shared article are most of a hub's pairs (the long tail) and come last in the
 * order: each key's heaviest `fanOut` are first read among the kept pairs with at least two
 * articles, and only a key with fewer than `fanOut` of those has all its pairs read again, from
 * its articles (a pair of one article has no node).
 */
async function neighboursOf(runner: QueryRunner, keys: string[], options: NeighbourOptions): Promise<NeighbourRow[]> {
  const heavy = await neighboursAbove(runner, keys, options, MIN_PAIR_ARTICLES);
  const byKey = new Map<string, NeighbourRow[]>(keys.map((k) => [k, []]));
  for (const row of heavy) byKey.get(row.from)?.push(row);
  const short = keys.filter((k) => byKey.get(k)!.length < options.fanOut);
  if (short.length > 0) {
    for (const k of short) byKey.set(k, []);
    for (const row of await neighboursWalking(runner, short, options)) byKey.get(row.from)?.push(row);
  }
  return keys.flatMap((k) => byKey.get(k) ?? []);
}

/** Each key's heaviest `fanOut` neighbours among the pairs with at least `floor` articles (inside the window when one is given). */
async function neighboursAbove(runner: QueryRunner, keys: string[], options: NeighbourOptions, floor: number): Promise<NeighbourRow[]> {
  const windowed = Boolean(options.since || options.until);
  return runner.run<NeighbourRow & Record<string, unknown>>(
    `UNWIND $keys AS k
     MATCH (x:Entity {key: k})
     CALL (x) {
       MATCH (x)-[:CO_MENTIONED]->(p:CoMention)<-[:CO_MENTIONED]-(y)
       WHERE ${windowed ? '' : 'p.articles >= $floor AND '}NOT y.key IN $exclude AND ($kinds IS NULL OR y.kind IN $kinds OR y.key IN $always)
       WITH y.key AS to, ${windowed ? pairArticlesInWindow('p') : 'p.articles'} AS articles
       WHERE articles >= $floor
       RETURN to, articles
       ORDER BY articles DESC, to
       LIMIT $fanOut
     }
     RETURN k AS from, to, articles`,
    { keys, exclude: options.exclude, kinds: options.kinds, always: options.always, fanOut: options.fanOut, floor, ...windowDays(options) },
  );
}

/** Each key's heaviest `fanOut` neighbours counted from its articles' mentions, every pair (one-article pairs included). */
async function neighboursWalking(runner: QueryRunner, keys: string[], options: NeighbourOptions): Promise<NeighbourRow[]> {
  const windowed = Boolean(options.since || options.until);
  return runner.run<NeighbourRow & Record<string, unknown>>(
    `UNWIND $keys AS k
     MATCH (x:Entity {key: k})
     CALL (x) {
       ${pairsOfWalking('x', 'NOT o.key IN $exclude AND ($kinds IS NULL OR o.kind IN $kinds OR o.key IN $always)', windowed)}
       RETURN o.key AS to, articleCount AS articles
       ORDER BY articles DESC, to
       LIMIT $fanOut
     }
     RETURN k AS from, to, articles`,
    { keys, exclude: options.exclude, kinds: options.kinds, always: options.always, fanOut: options.fanOut, ...windowDays(options) },
  );
}

/**
 * Co-mention weights among a set of entities from the kept pairs (each pair once, lower key
 * first): every possible pair looked up by its indexed key, n(n-1)/2 lookups, where walking each
 * entity's pairs would read every pair of every hub among them (thousands each). Inside a window,
 * the sums of the pairs' days. The pairs left out have no node: one shared article at most (loneEdges).
 */
export async function keptEdgesAmong(runner: QueryRunner, keys: string[], window: Window): Promise<NeighbourRow[]> {
  const windowed = Boolean(window.since || window.until);
  const rows = await inChunks(pairsAmong(keys).map(([a, b]) => pairKey(a, b)), ROWS_PER_CALL, (chunk) =>
    runner.run<NeighbourRow & Record<string, unknown>>(
      `UNWIND $pairs AS k
       MATCH (p:CoMention {key: k})
       RETURN p.a AS from, p.b AS to, ${windowed ? pairArticlesInWindow('p') : 'p.articles'} AS articles`,
      { pairs: chunk, ...windowDays(window) },
    ),
  );
  return rows.filter((r) => r.articles > 0);
}

/** Every pair of distinct keys, lower key first. */
export function pairsAmong(keys: string[]): [string, string][] {
  const sorted = [...new Set(keys)].sort();
  return sorted.flatMap((a, i) => sorted.slice(i + 1).map((b) => [a, b] as [string, string]));
}

/** The pairs among `pairs` (pairs without a node) that share an article (inside the window), as edges of weight 1. */
export async function loneEdges(runner: QueryRunner, pairs: [string, string][], window: Window): Promise<NeighbourRow[]> {
  // One call for all: the lookup walks each entity once for all its partners, where chunks of pairs would walk it in each chunk.
  const found = await loneSharedArticles(runner, pairs, window);
  return pairs.filter(([a, b]) => found.has(pairKey(a, b))).map(([a, b]) => ({ from: a < b ? a : b, to: a < b ? b : a, articles: 1 }));
}

/** Articles mentioning each entity on the days of a window, from the kept entity-day counts. */
export async function articleCountsIn(runner: QueryRunner, keys: string[], window: Window): Promise<Map<string, number>> {
  const rows = await runner.run<{ key: string; n: number }>(
    `UNWIND $keys AS k
     MATCH (d:EntityDay {entity: k})
     WHERE ($sinceDay IS NULL OR d.day >= $sinceDay) AND ($untilDay IS NULL OR d.day <= $untilDay)
     RETURN k AS key, sum(d.articles) AS n`,
    { keys, ...windowDays(window) },
  );
  return new Map(rows.map((r) => [r.key, r.n]));
}

/**
 * Binds `s` to the less mentioned and `l` to the more mentioned of two entities: a search from a
 * hub reads every article of the hub, one from the other end reads a few.
 */
const SMALL_THEN_LARGE = `MATCH (x:Entity {key: $a})
  MATCH (y:Entity {key: $b})
  WITH CASE WHEN x.articleCount <= y.articleCount THEN x ELSE y END AS s,
       CASE WHEN x.articleCount <= y.articleCount THEN y ELSE x END AS l`;

export interface SharedArticleRow {
  article: ArticleRow & { sentenceBounds: number[] | null };
  /** Indexes of the sentences that mention each entity in the article. */
  aSentences: number[];
  bSentences: number[];
}

/**
 * Articles mentioning both `a` and `b`, newest first, with where in them each is mentioned. The
 * page is chosen over ids and dates alone, then read by id (see pageOfArticleIds).
 */
export async function sharedArticles(
  runner: QueryRunner,
  a: string,
  b: string,
  window: Window,
  page: Page,
  dayPagesFrom = DAY_PAGES_FROM,
): Promise<SharedArticleRow[]> {
  const ids = window.since || window.until ? await sharedArticleIdsWalking(runner, a, b, window, page) : await sharedArticleIds(runner, a, b, page, dayPagesFrom);
  if (ids.length === 0) return [];
  const rows = await runner.run<SharedArticleRow & { id: string } & Record<string, unknown>>(
    `UNWIND $ids AS id
     MATCH (art:Article {id: id})-[ma:MENTIONS]->(:Entity {key: $a})
     MATCH (art)-[mb:MENTIONS]->(:Entity {key: $b})
     RETURN id, art { ${ARTICLE.slice(1, -1)}, .sentenceBounds } AS article,
            coalesce(ma.sentences, []) AS aSentences, coalesce(mb.sentences, []) AS bSentences`,
    { ids, a, b },
  );
  const byId = new Map(rows.map(({ id, ...row }) => [id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The page's ids from the pair's kept days when both entities are in more than `dayPagesFrom`
 * articles (the newest days that hold the page, read by day); otherwise by walking the less
 * mentioned one's articles.
 */
async function sharedArticleIds(runner: QueryRunner, a: string, b: string, page: Page, dayPagesFrom: number): Promise<string[]> {
  const [pair] = await runner.run<{ days: string[]; counts: number[]; smaller: number }>(
    `MATCH (x:Entity {key: $a})
     MATCH (y:Entity {key: $b})
     MATCH (p:CoMention {key: $key})
     RETURN coalesce(p.days, []) AS days, coalesce(p.dayArticles, []) AS counts,
            CASE WHEN x.articleCount < y.articleCount THEN x.articleCount ELSE y.articleCount END AS smaller`,
    { a, b, key: pairKey(a, b) },
  );
  // No node: the pair shares one article at most, found by walking.
  if (!pair || pair.smaller <= dayPagesFrom) return sharedArticleIdsWalking(runner, a, b, {}, page);
  const days = pair.days.map((day, i) => ({ day, count: pair.counts[i] })).reverse();
  // Both ends unlabelled: the engine can only expand from the day's articles.
  return pageOfArticleIdsByDay(runner, days, 'MATCH (a)-[:MENTIONS]->(x) WHERE x.key = $a MATCH (a)-[:MENTIONS]->(y) WHERE y.key = $b', { a, b }, page);
}

async function sharedArticleIdsWalking(runner: QueryRunner, a: string, b: string, window: Window, page: Page): Promise<string[]> {
  return pageOfArticleIds(
    runner,
    `${SMALL_THEN_LARGE}
     MATCH (s)<-[:MENTIONS]-(art:Article)
     WHERE ${WINDOW('art')}
     MATCH (art)-[:MENTIONS]->(l)`,
    { a, b, ...windowParams(window) },
    page,
    'art',
  );
}

/**
 * Events both `a` and `b` took part in, latest first: chosen over keys and dates alone (sorting
 * projected events sorts every one of a hub's events on the embedded engine), then read by key.
 */
export async function sharedEvents(runner: QueryRunner, a: string, b: string, window: Window, limit: number): Promise<EventRow[]> {
  const { since, until } = windowParams(window);
  const chosen = await runner.run<{ key: string }>(
    `${SMALL_THEN_LARGE}
     MATCH (s)<-[:INVOLVES]-(ev:Event)
     WHERE ($since IS NULL OR ev.date >= $sinceDate) AND ($until IS NULL OR ev.date <= $untilDate)
     MATCH (ev)-[:INVOLVES]->(l)
     RETURN ev.key AS key, ev.date AS date
     ORDER BY date DESC, key
     LIMIT $limit`,
    { a, b, limit, since, until, sinceDate: since?.slice(0, 10) ?? null, untilDate: until?.slice(0, 10) ?? null },
  );
  if (chosen.length === 0) return [];
  const keys = chosen.map((r) => r.key);
  const rows = await runner.run<{ event: EventRow }>(`UNWIND $keys AS key MATCH (ev:Event {key: key}) RETURN ev ${EVENT} AS event`, { keys });
  const byKey = new Map(rows.map((r) => [r.event.key, r.event]));
  return keys.flatMap((key) => byKey.get(key) ?? []);
}

export interface PairSummary {
  articles: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

export async function pairSummary(runner: QueryRunner, a: string, b: string): Promise<PairSummary> {
  const rows = await runner.run<PairSummary & Record<string, unknown>>(
    'MATCH (p:CoMention {key: $key}) RETURN p.articles AS articles, p.firstSeen AS firstSeen, p.lastSeen AS lastSeen',
    { key: pairKey(a, b) },
  );
  if (rows[0]) return rows[0];
  const date = (await loneSharedArticles(runner, [[a, b]])).get(pairKey(a, b));
  return date ? { articles: 1, firstSeen: date, lastSeen: date } : { articles: 0, firstSeen: null, lastSeen: null };
}

/** Quotes by either entity about the other, newest first. */
export async function quotesBetween(runner: QueryRunner, a: string, b: string, limit: number): Promise<QuoteRow[]> {
  return runner.run<QuoteRow & Record<string, unknown>>(
    `UNWIND $pairs AS pair
     MATCH (:Entity {key: pair.speaker})-[:SAID]->(q:Quote)-[:ABOUT]->(target:Entity)
     WHERE target.key = pair.about
     WITH q ORDER BY q.date DESC, q.key
     LIMIT $limit
     MATCH (q)<-[:CONTAINS]-(a:Article)
     ${QUOTE_ROWS}
     ORDER BY date DESC, key`,
    { pairs: [{ speaker: a, about: b }, { speaker: b, about: a }], limit },
  );
}

export interface DayCount {
  day: string;
  count: number;
}

/**
 * Articles per day mentioning `key`, or both `key` and `other`, from the kept day counts (whole
 * UTC days): an entity's days are a lookup by entity, a pair's days are lists on its one node.
 */
export async function articlesPerDay(runner: QueryRunner, key: string, other: string | null, window: Window): Promise<DayCount[]> {
  const { sinceDay, untilDay } = windowDays(window);
  const inWindow = (day: string) => (sinceDay === null || day >= sinceDay) && (untilDay === null || day <= untilDay);
  if (other === null) {
    const rows = await runner.run<DayCount & Record<string, unknown>>(
      'MATCH (d:EntityDay {entity: $key}) RETURN d.day AS day, d.articles AS count ORDER BY day',
      { key },
    );
    return rows.filter((r) => inWindow(r.day));
  }
  const [pair] = await runner.run<{ days: string[]; counts: number[] }>(
    'MATCH (p:CoMention {key: $key}) RETURN coalesce(p.days, []) AS days, coalesce(p.dayArticles, []) AS counts',
    { key: pairKey(key, other) },
  );
  if (!pair) {
    const date = (await loneSharedArticles(runner, [[key, other]], window)).get(pairKey(key, other));
    return date ? [{ day: dayOf(date), count: 1 }] : [];
  }
  return pair.days.flatMap((day, i) => (inWindow(day) ? [{ day, count: pair.counts[i] }] : []));
}

/**
 * The newest article date in the graph: "now" for questions about recent news. Read from the newest
 * kept day's articles (article-days.ts keeps a day while it holds one), not from every article: 0.7
 * against 18 ms at 100k articles on the embedded engine.
 */
export async function latestArticleDate(runner: QueryRunner): Promise<string | null> {
  const rows = await runner.run<{ date: string }>(
    `MATCH (d:ArticleDay) WITH d.day AS day ORDER BY day DESC LIMIT 1
     MATCH (a:Article {day: day}) RETURN a.sortDate AS date ORDER BY date DESC LIMIT 1`,
  );
  return rows[0]?.date ?? null;
}

/** Every UTC day from `first` to `last`, both included. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`), end = Date.parse(`${last}T00:00:00Z`); t <= end; t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}
