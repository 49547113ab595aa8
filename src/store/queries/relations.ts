/**
 * Reads behind the relationship questions: neighbours for path search and networks, the evidence
 * behind a hop, what two entities share, mention counts over time, and trending counts. Every
 * list is bounded by a limit the caller passes.
 */
import type { EntityKind } from '../../extract/types.ts';
import type { QueryRunner } from '../runner.ts';
import { ARTICLE, ENTITY, EVENT, QUOTE_FIELDS, WINDOW, windowParams, type ArticleRow, type EntityRow, type EventRow, type Page, type QuoteRow, type Window } from './read.ts';

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

/**
 * The heaviest co-mentioned neighbours of each key. Without a window this reads the maintained
 * CO_MENTIONED edges; with one it counts the shared articles inside it.
 */
export async function neighbours(runner: QueryRunner, keys: string[], options: NeighbourOptions): Promise<NeighbourRow[]> {
  if (keys.length === 0) return [];
  const params = {
    keys,
    exclude: options.exclude,
    kinds: options.kinds,
    always: options.always,
    fanOut: options.fanOut,
    ...windowParams(options),
  };
  const accept = `NOT y.key IN $exclude AND ($kinds IS NULL OR y.kind IN $kinds OR y.key IN $always)`;
  if (!options.since && !options.until) {
    return runner.run<NeighbourRow & Record<string, unknown>>(
      `UNWIND $keys AS k
       MATCH (x:Entity {key: k})
       CALL {
         WITH x
         MATCH (x)-[r:CO_MENTIONED]-(y:Entity)
         WHERE ${accept}
         RETURN y.key AS to, r.articles AS articles
         ORDER BY articles DESC, to
         LIMIT $fanOut
       }
       RETURN k AS from, to, articles`,
      params,
    );
  }
  return runner.run<NeighbourRow & Record<string, unknown>>(
    `UNWIND $keys AS k
     MATCH (x:Entity {key: k})
     CALL {
       WITH x
       MATCH (x)<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(y:Entity)
       WHERE y <> x AND ${WINDOW('a')} AND ${accept}
       RETURN y.key AS to, count(a) AS articles
       ORDER BY articles DESC, to
       LIMIT $fanOut
     }
     RETURN k AS from, to, articles`,
    params,
  );
}

/** Co-mention weights among a set of entities (each pair once, lower key first). */
export async function edgesAmong(runner: QueryRunner, keys: string[], window: Window): Promise<NeighbourRow[]> {
  if (keys.length < 2) return [];
  if (!window.since && !window.until) {
    return runner.run<NeighbourRow & Record<string, unknown>>(
      `UNWIND $keys AS k
       MATCH (x:Entity {key: k})-[r:CO_MENTIONED]->(y:Entity)
       WHERE y.key IN $keys
       RETURN x.key AS from, y.key AS to, r.articles AS articles`,
      { keys },
    );
  }
  return runner.run<NeighbourRow & Record<string, unknown>>(
    `UNWIND $keys AS k
     MATCH (x:Entity {key: k})<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(y:Entity)
     WHERE x.key < y.key AND y.key IN $keys AND ${WINDOW('a')}
     RETURN x.key AS from, y.key AS to, count(a) AS articles`,
    { keys, ...windowParams(window) },
  );
}

/** Articles mentioning each entity inside a window. */
export async function articleCountsIn(runner: QueryRunner, keys: string[], window: Window): Promise<Map<string, number>> {
  const rows = await runner.run<{ key: string; n: number }>(
    `UNWIND $keys AS k
     MATCH (:Entity {key: k})<-[:MENTIONS]-(a:Article)
     WHERE ${WINDOW('a')}
     RETURN k AS key, count(a) AS n`,
    { keys, ...windowParams(window) },
  );
  return new Map(rows.map((r) => [r.key, r.n]));
}

export interface HopArticleRow {
  a: string;
  b: string;
  article: ArticleRow & { sentenceBounds: number[] | null };
  aSentences: number[];
  bSentences: number[];
  aEvidence: string[];
  bEvidence: string[];
}

/** For each pair, the newest articles mentioning both, with where in them each is mentioned. */
export async function sharedArticlesOfPairs(runner: QueryRunner, pairs: { a: string; b: string }[], window: Window, perPair: number): Promise<HopArticleRow[]> {
  if (pairs.length === 0) return [];
  return runner.run<HopArticleRow & Record<string, unknown>>(
    `UNWIND $pairs AS pair
     MATCH (x:Entity {key: pair.a})
     MATCH (y:Entity {key: pair.b})
     CALL {
       WITH x, y
       MATCH (x)<-[mx:MENTIONS]-(a:Article)-[my:MENTIONS]->(y)
       WHERE ${WINDOW('a')}
       RETURN a, mx, my
       ORDER BY a.sortDate DESC, a.id
       LIMIT $perPair
     }
     RETURN pair.a AS a, pair.b AS b, a { ${ARTICLE.slice(1, -1)}, .sentenceBounds } AS article,
            mx.sentences AS aSentences, my.sentences AS bSentences, mx.evidence AS aEvidence, my.evidence AS bEvidence`,
    { pairs, perPair, ...windowParams(window) },
  );
}

export interface HopEventRow {
  a: string;
  b: string;
  event: EventRow;
  article: ArticleRow;
  evidence: string;
}

/** For each pair, the events both took part in, with the articles reporting them. */
export async function sharedEventsOfPairs(runner: QueryRunner, pairs: { a: string; b: string }[], window: Window, perPair: number): Promise<HopEventRow[]> {
  if (pairs.length === 0) return [];
  const { since, until } = windowParams(window);
  return runner.run<HopEventRow & Record<string, unknown>>(
    `UNWIND $pairs AS pair
     MATCH (x:Entity {key: pair.a})
     MATCH (y:Entity {key: pair.b})
     CALL {
       WITH x, y
       MATCH (x)<-[:INVOLVES]-(ev:Event)-[:INVOLVES]->(y)
       WHERE ($since IS NULL OR ev.date >= $sinceDate) AND ($until IS NULL OR ev.date <= $untilDate)
       MATCH (art:Article)-[r:REPORTS]->(ev)
       RETURN ev, art, r.evidence AS evidence
       ORDER BY ev.date DESC, ev.key, art.sortDate
       LIMIT $perPair
     }
     RETURN pair.a AS a, pair.b AS b, ev ${EVENT} AS event, art ${ARTICLE} AS article, evidence`,
    { pairs, perPair, since, until, sinceDate: since?.slice(0, 10) ?? null, untilDate: until?.slice(0, 10) ?? null },
  );
}

export interface PairSummary {
  articles: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

export async function pairSummary(runner: QueryRunner, a: string, b: string): Promise<PairSummary> {
  const rows = await runner.run<PairSummary & Record<string, unknown>>(
    `MATCH (:Entity {key: $a})-[r:CO_MENTIONED]-(:Entity {key: $b})
     RETURN r.articles AS articles, r.firstSeen AS firstSeen, r.lastSeen AS lastSeen`,
    { a, b },
  );
  return rows[0] ?? { articles: 0, firstSeen: null, lastSeen: null };
}

export async function sharedArticlesPage(runner: QueryRunner, a: string, b: string, page: Page): Promise<ArticleRow[]> {
  const rows = await runner.run<{ article: ArticleRow }>(
    `MATCH (:Entity {key: $a})<-[:MENTIONS]-(art:Article)-[:MENTIONS]->(:Entity {key: $b})
     RETURN art ${ARTICLE} AS article
     ORDER BY article.sortDate DESC, article.id
     SKIP $offset LIMIT $limit`,
    { a, b, ...page },
  );
  return rows.map((r) => r.article);
}

export async function sharedEvents(runner: QueryRunner, a: string, b: string, limit: number): Promise<EventRow[]> {
  const rows = await runner.run<{ event: EventRow }>(
    `MATCH (:Entity {key: $a})<-[:INVOLVES]-(ev:Event)-[:INVOLVES]->(:Entity {key: $b})
     RETURN ev ${EVENT} AS event
     ORDER BY event.date DESC, event.key
     LIMIT $limit`,
    { a, b, limit },
  );
  return rows.map((r) => r.event);
}

/** Quotes by either entity about the other, newest first. */
export async function quotesBetween(runner: QueryRunner, a: string, b: string, limit: number): Promise<QuoteRow[]> {
  return runner.run<QuoteRow & Record<string, unknown>>(
    `UNWIND [[$a, $b], [$b, $a]] AS pair
     MATCH (:Entity {key: pair[0]})-[:SAID]->(q:Quote)-[:ABOUT]->(:Entity {key: pair[1]})
     MATCH (a:Article)-[:CONTAINS]->(q)
     RETURN ${QUOTE_FIELDS}
     ORDER BY date DESC, key
     LIMIT $limit`,
    { a, b, limit },
  );
}

export interface DayCount {
  day: string;
  count: number;
}

/** Articles per day mentioning every one of `keys` (one key: its mentions; two: the pair's shared articles). */
export async function articlesPerDay(runner: QueryRunner, keys: [string] | [string, string], window: Window): Promise<DayCount[]> {
  const match =
    keys.length === 1
      ? 'MATCH (:Entity {key: $a})<-[:MENTIONS]-(art:Article)'
      : 'MATCH (:Entity {key: $a})<-[:MENTIONS]-(art:Article)-[:MENTIONS]->(:Entity {key: $b})';
  return runner.run<DayCount & Record<string, unknown>>(
    `${match}
     WHERE ${WINDOW('art')}
     RETURN substring(art.sortDate, 0, 10) AS day, count(art) AS count
     ORDER BY day`,
    { a: keys[0], b: keys[1] ?? null, ...windowParams(window) },
  );
}

/** The newest article date in the graph: "now" for questions about recent news. */
export async function latestArticleDate(runner: QueryRunner): Promise<string | null> {
  const rows = await runner.run<{ date: string }>('MATCH (a:Article) RETURN a.sortDate AS date ORDER BY date DESC LIMIT 1');
  return rows[0]?.date ?? null;
}

export interface TrendRow {
  entity: EntityRow;
  inWindow: number;
  inBaseline: number;
}

/** Mentions per entity in [since, until] and in [baselineStart, since). */
export async function trendCounts(
  runner: QueryRunner,
  options: { kind: EntityKind | null; baselineStart: string; since: string; until: string; minCount: number },
): Promise<TrendRow[]> {
  return runner.run<TrendRow & Record<string, unknown>>(
    `MATCH (a:Article)
     WHERE a.sortDate >= $baselineStart AND a.sortDate <= $until
     MATCH (a)-[:MENTIONS]->(e:Entity)
     WHERE $kind IS NULL OR e.kind = $kind
     WITH e, sum(CASE WHEN a.sortDate >= $since THEN 1 ELSE 0 END) AS inWindow,
             sum(CASE WHEN a.sortDate < $since THEN 1 ELSE 0 END) AS inBaseline
     WHERE inWindow >= $minCount
     RETURN e ${ENTITY} AS entity, inWindow, inBaseline`,
    options,
  );
}
