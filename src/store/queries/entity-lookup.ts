/**
 * Entities found by what people type (a name, a search) and pages of the most mentioned, read from
 * the name index and the count buckets (names.ts) rather than every entity: a few index lookups and
 * the rows they find. The answers are those of ranking every entity; a search shorter than
 * PREFIX_LENGTH or matching few of the most mentioned, and the total count of a filter, still read
 * them all.
 */
import type { EntityKind } from '../../extract/types.ts';
import { LABELS } from '../model.ts';
import type { QueryRunner } from '../runner.ts';
import { countBucket, MAX_LEVEL, PREFIX_LENGTH } from './names.ts';
import { ENTITY, type EntityRow, type Page } from './shapes.ts';

const ALL_KINDS = Object.keys(LABELS) as EntityKind[];

interface Ranked {
  key: string;
  articleCount: number;
}

/** The entities of these keys, in the keys' order. */
async function entitiesByKeys(runner: QueryRunner, keys: string[]): Promise<EntityRow[]> {
  if (keys.length === 0) return [];
  const rows = await runner.run<{ e: EntityRow }>(`UNWIND $keys AS key MATCH (e:Entity {key: key}) RETURN e ${ENTITY} AS e`, { keys });
  const byKey = new Map(rows.map((r) => [r.e.key, r.e]));
  return keys.flatMap((key) => byKey.get(key) ?? []);
}

/** Entities of these kinds with a name term `term` that pass `where`, the most mentioned first. */
async function entitiesWithTerm(
  runner: QueryRunner,
  term: string,
  kinds: EntityKind[],
  where: string,
  params: Record<string, unknown>,
  limit: number,
): Promise<Ranked[]> {
  return runner.run<Ranked & Record<string, unknown>>(
    `MATCH (:EntityName {term: $term})<-[:NAMED]-(e:Entity)
     WHERE e.kind IN $kinds AND ${where}
     RETURN e.key AS key, e.articleCount AS articleCount
     ORDER BY articleCount DESC, key
     LIMIT $limit`,
    { ...params, term, kinds, limit },
  );
}

/** Count buckets read per statement, highest first: the sparse top ones together, then one at a time. */
const LEVEL_STEPS: number[][] = [
  Array.from({ length: MAX_LEVEL - 9 }, (_, i) => MAX_LEVEL - i),
  ...Array.from({ length: 10 }, (_, i) => [9 - i]),
];

/**
 * The lowest bucket a search reads from the buckets: the ones below hold most entities (at 100k
 * articles, 285k of 290k have fewer than 4 articles), where reading every entity at once is faster.
 */
const LOWEST_SEARCHED_LEVEL = 2;

/**
 * The first `limit` entities of these kinds that pass `where`, by articleCount DESC then key, read a
 * count bucket at a time from the highest down to `lowest` until the page is full: every entity of
 * a higher bucket has more articles than any of a lower one. Fewer than `limit` when `where` passes
 * fewer in those buckets.
 */
async function mostMentioned(runner: QueryRunner, kinds: EntityKind[], where: string, params: Record<string, unknown>, limit: number, lowest = 0): Promise<Ranked[]> {
  const found: Ranked[] = [];
  for (const levels of LEVEL_STEPS.filter((step) => step[0] >= lowest)) {
    if (found.length >= limit) break;
    const buckets = kinds.flatMap((kind) => levels.map((level) => countBucket(kind, level)));
    found.push(
      ...(await runner.run<Ranked & Record<string, unknown>>(
        `UNWIND $buckets AS bucket
         MATCH (e:Entity {countBucket: bucket})
         WHERE ${where}
         RETURN e.key AS key, e.articleCount AS articleCount
         ORDER BY articleCount DESC, key
         LIMIT $limit`,
        { ...params, buckets, limit: limit - found.length },
      )),
    );
  }
  return found;
}

/**
 * Entities whose name or an alias is `name` (case-insensitive); failing that, whose name or an alias
 * has it as a whole word ("Biden": "Joe Biden"), found by the name index: by the name itself, or by
 * its first word (which any whole-word match has as a word), then checked against the entity's names.
 */
export async function entitiesNamed(runner: QueryRunner, name: string, kind: EntityKind | null, limit = 10): Promise<EntityRow[]> {
  const lower = name.trim().toLowerCase();
  const kinds = kind === null ? ALL_KINDS : [kind];
  const exact = await entitiesWithTerm(runner, lower, kinds, '$term IN e.namesLower', {}, limit);
  if (exact.length > 0) return entitiesByKeys(runner, exact.map((r) => r.key));
  const partial = await entitiesWithTerm(
    runner,
    lower.split(' ')[0],
    kinds,
    'any(n IN e.namesLower WHERE n STARTS WITH $prefix OR n ENDS WITH $suffix OR n CONTAINS $middle)',
    { prefix: `${lower} `, suffix: ` ${lower}`, middle: ` ${lower} ` },
    limit,
  );
  return entitiesByKeys(runner, partial.map((r) => r.key));
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

/**
 * A search ranked over every entity it matches: the answer for a search shorter than
 * PREFIX_LENGTH, whose prefix matches the name prefixes cannot find, and for one that few of the
 * most mentioned entities match. The page is chosen over keys
 * and numbers alone: on the embedded engine `RETURN <columns> ORDER BY … LIMIT n` keeps the n best
 * while it reads, where sorting projected entities sorts every row first.
 */
async function rankedBySearch(runner: QueryRunner, params: ReturnType<typeof entityFilterParams>, end: number): Promise<Ranked[]> {
  return runner.run<Ranked & Record<string, unknown>>(
    `MATCH (e:Entity)
     ${entityWhere(params)}
     RETURN e.key AS key, CASE WHEN $search IN e.namesLower THEN 2 WHEN e.nameLower STARTS WITH $search THEN 1 ELSE 0 END AS rank,
            e.articleCount AS articleCount
     ORDER BY rank DESC, articleCount DESC, key
     LIMIT $end`,
    { ...params, end },
  );
}

/**
 * The first `end` matches of a search (at least PREFIX_LENGTH long) in rank order: exact names and
 * aliases (the name index), then names that start with it (the name prefix index), then the rest
 * by articleCount (the count buckets, from the most mentioned down until the page is full: all
 * the matches of the first two ranks are known before it starts, so none of them is missed). A
 * search the buckets down to LOWEST_SEARCHED_LEVEL do not fill is ranked over every entity.
 */
async function searched(runner: QueryRunner, params: ReturnType<typeof entityFilterParams> & { search: string }, end: number): Promise<Ranked[]> {
  const { search } = params;
  const kinds = params.kinds ?? ALL_KINDS;
  const exact = await entitiesWithTerm(runner, search, kinds, '$term IN e.namesLower', {}, end);
  if (exact.length >= end) return exact;
  const prefixed = await runner.run<Ranked & Record<string, unknown>>(
    // A WHERE, not `(e:Entity {namePrefix: $prefix})`: with the map and `e.kind IN $kinds` the embedded
    // engine reads the kinds' index (every entity) instead of the prefix's (0.7 ms against 135 at 100k).
    `MATCH (e:Entity)
     WHERE e.namePrefix = $prefix AND e.kind IN $kinds AND e.nameLower STARTS WITH $search AND NOT $search IN e.namesLower
     RETURN e.key AS key, e.articleCount AS articleCount
     ORDER BY articleCount DESC, key
     LIMIT $limit`,
    { prefix: search.slice(0, PREFIX_LENGTH), search, kinds, limit: end - exact.length },
  );
  const named = [...exact, ...prefixed];
  if (named.length >= end) return named;
  const rest = await mostMentioned(
    runner,
    kinds,
    'e.searchText CONTAINS $search AND NOT e.nameLower STARTS WITH $search AND NOT $search IN e.namesLower',
    { search },
    end - named.length,
    LOWEST_SEARCHED_LEVEL,
  );
  if (named.length + rest.length < end) return rankedBySearch(runner, params, end);
  return [...named, ...rest];
}

/**
 * Entities by kind and search text; the best match first (exact name or alias, then name prefix),
 * then the most mentioned, then by key.
 */
export async function entitiesPage(runner: QueryRunner, filter: EntityFilter, page: Page): Promise<EntityRow[]> {
  const params = entityFilterParams(filter);
  const end = page.offset + page.limit;
  const ranked =
    params.search === null
      ? await mostMentioned(runner, params.kinds ?? ALL_KINDS, 'true', {}, end)
      : params.search.length < PREFIX_LENGTH
        ? await rankedBySearch(runner, params, end)
        : await searched(runner, { ...params, search: params.search }, end);
  return entitiesByKeys(runner, ranked.slice(page.offset).map((r) => r.key));
}

export async function countEntities(runner: QueryRunner, filter: EntityFilter): Promise<number> {
  const params = entityFilterParams(filter);
  const [row] = await runner.run<{ total: number }>(`MATCH (e:Entity) ${entityWhere(params)} RETURN count(e) AS total`, params);
  return row?.total ?? 0;
}
