/**
 * Reads of entities: by key (a key merged away, a `(:Redirect {key})` a curation left, answers the
 * entity it was merged into), found by trigrams and country codes (by names and searches, and pages
 * of the most mentioned: entity-lookup.ts), the roles people hold, and the entities mentioned
 * alongside one.
 */
import type { EntityKind } from '../../extract/types.ts';
import type { QueryRunner } from '../runner.ts';
import { ENTITY, type EntityRow, type Window } from './shapes.ts';
import { pairsOfWalking } from './pair-lookup.ts';

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

// ---------------------------------------------------------------- finding entities by what people type

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
 * The co-mentions query over the kept pairs, those with at least $minSupport articles (in the
 * window when there is one), checked on the pair before its other end is read; or, `walking`, over
 * every pair of the entity counted from its articles' mentions (pairs of one article have no node).
 */
function coMentionsQuery(windowed: boolean, order: string, walking: boolean): string {
  const pairs = windowed
    ? `WITH o, p, [i IN range(0, size(p.days) - 1) WHERE ($sinceDay IS NULL OR p.days[i] >= $sinceDay) AND ($untilDay IS NULL OR p.days[i] <= $untilDay)] AS inWindow
       WHERE size(inWindow) > 0
       WITH o, reduce(s = 0, i IN inWindow | s + p.dayArticles[i]) AS articleCount,
            p.days[inWindow[0]] + 'T00:00:00.000Z' AS firstSeen, p.days[inWindow[size(inWindow) - 1]] + 'T00:00:00.000Z' AS lastSeen
       WHERE articleCount >= $minSupport`
    : 'WITH o, p.articles AS articleCount, p.firstSeen AS firstSeen, p.lastSeen AS lastSeen';
  // Without a window a pair's total is on its node: filtered in the MATCH, before the other end is read.
  const kept = `MATCH (:Entity {key: $key})-[:CO_MENTIONED]->(p:CoMention)<-[:CO_MENTIONED]-(o:Entity)
     WHERE ${windowed ? '' : 'p.articles >= $minSupport AND '}($kind IS NULL OR o.kind = $kind)
     ${pairs}`;
  return `${walking ? `MATCH (x:Entity {key: $key})\n     ${pairsOfWalking('x', '($kind IS NULL OR o.kind = $kind)', windowed)}` : kept}
     WITH o, articleCount, firstSeen, lastSeen, ${significanceCypher('articleCount', 'o.articleCount')} AS score
     ORDER BY ${order}
     LIMIT $limit
     RETURN o ${ENTITY} AS entity, articleCount, firstSeen, lastSeen, score`;
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
  const order =
    options.orderBy === 'SCORE'
      ? 'CASE WHEN articleCount >= $minSupport THEN 1 ELSE 0 END DESC, score DESC, articleCount DESC, lastSeen DESC, o.key'
      : 'articleCount DESC, lastSeen DESC, o.key';
  const params = {
    key,
    kind: options.kind,
    limit: options.limit,
    minSupport: MIN_SUPPORT,
    x: options.articles,
    n: options.total,
    fixed: fixedTerms(options.articles, options.total),
    sinceDay: options.since ? options.since.slice(0, 10) : null,
    untilDay: options.until ? options.until.slice(0, 10) : null,
  };
  // Both orders put every pair with MIN_SUPPORT shared articles before every pair with fewer: when
  // there are `limit` such pairs, they are the answer, and the (many) one-article pairs are never
  // scored. Only when there are fewer is every pair read, from the entity's articles: a pair of one
  // article (in all, or in the window) may have no node.
  const supported = await runner.run<CoMentionRow & Record<string, unknown>>(coMentionsQuery(windowed, order, false), params);
  const rows = supported.length >= options.limit ? supported : await runner.run<CoMentionRow & Record<string, unknown>>(coMentionsQuery(windowed, order, true), params);
  return rows.map((r) => ({ ...r, score: Math.round(r.score * 1000) / 1000 }));
}

/** Entities by key, where a merged key answers the entity it was merged into. `asked` is the key asked for. */
export async function entitiesFollowingRedirects(runner: QueryRunner, keys: readonly string[]): Promise<{ asked: string; e: EntityRow }[]> {
  return runner.run<{ asked: string; e: EntityRow }>(
    // Two matches and a UNION rather than OPTIONAL MATCH, which scans on the embedded engine.
    `UNWIND $keys AS key
     MATCH (e:Entity {key: key})
     RETURN key AS asked, e ${ENTITY} AS e
     UNION
     UNWIND $keys AS key
     MATCH (:Redirect {key: key})-[:REDIRECTS_TO]->(r:Entity)
     RETURN key AS asked, r ${ENTITY} AS e`,
    { keys },
  );
}
