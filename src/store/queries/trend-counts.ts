/**
 * Trending counts from the entity-day rows of the entities that can rank (issue 14). The ratio is
 * (inWindow / windowDays + smoothing) / (inBaseline / baselineDays + smoothing): an entity of
 * articleCount c has inWindow <= c, so its ratio is at most bound(c) (c in the window, none before).
 * The days are read by slot (day and the entity's count bucket, counts.ts), the buckets from a
 * level up: every entity below it has fewer than 2^level articles, so once the `limit`-th entity
 * read ranks strictly above bound(2^level - 1), none below can enter the answer or tie with it,
 * and the answer is the one every day's rows would give. Otherwise the lower buckets are read too.
 * The frequent entities (a day row almost every day) are bounded the same way from their week sums
 * (entity-weeks.ts) before any of their days is read: most are ruled out there.
 */
import type { EntityKind } from '../../extract/types.ts';
import { LABELS } from '../model.ts';
import type { QueryRunner } from '../runner.ts';
import { dayOf, daySlot } from './counts.ts';
import { weeksTouching, weeksWithin } from './entity-weeks.ts';
import { countBucket, countLevel, MAX_LEVEL } from './names.ts';
import { daysBetween } from './relations.ts';
import { byString } from './rows.ts';
import { ENTITY, type EntityRow } from './shapes.ts';

const ALL_KINDS = Object.keys(LABELS) as EntityKind[];

/**
 * The lowest bucket read first: 2 articles or more (4 for a window of a month or more). Entities of
 * one article are most entities (at 100k articles most of the long tail), and the ranking's cost
 * goes with the entities it groups more than with the rows; the tenth trend of a week has more than
 * one article in the window and none before (bound(1) = 1 + baselineDays / windowDays), that of a
 * month more than three, or the next statement reads the buckets below too. Measured at 100k
 * realistic articles (BENCHMARKS.md): from 4 articles a 30-day window is ~40% faster, a 1-day one
 * twice as slow; a week or two costs the same either way.
 */
export function firstLevel(options: Pick<TrendOptions, 'windowDays'>): number {
  return options.windowDays >= 28 ? 2 : 1;
}

/**
 * The lowest bucket bounded from its week rows before its days are read: 64 articles or more. At
 * 100k realistic articles the buckets from here up hold ~5% of the entities a month and a half of
 * news mentions, and 54% of their day rows (79% of those of entities of two articles or more).
 */
export const HUB_LEVEL = 6;

/** Buckets from this one up are sparse: the highest present is found from the entities in them. */
const SPARSE_LEVEL = 10;

export interface TrendRow {
  entity: EntityRow;
  inWindow: number;
  inBaseline: number;
}

export interface TrendOptions {
  kind: EntityKind | null;
  baselineStart: string;
  since: string;
  until: string;
  minCount: number;
  windowDays: number;
  baselineDays: number;
  smoothing: number;
  limit: number;
}

type Ranked = TrendRow & { ratio: number };

/**
 * The entities whose rate in the days of [since, until] most exceeds their rate in those of
 * [baselineStart, since), ranked by ratio, then more articles in the window, then key; only the
 * first `limit` entities are read. The buckets from `fromLevel` below `hubLevel` are ranked from
 * their day rows; the frequent entities above (few, but most of the day rows: a hub has one almost
 * every day) are bounded from their week rows first, and only those whose bound reaches the
 * `limit`-th ratio found below are ranked from their days. When the ratio found does not close out
 * the buckets below `fromLevel`, one more statement ranks the ones it does not.
 */
export async function trendCounts(runner: QueryRunner, options: TrendOptions, fromLevel = firstLevel(options), hubLevel = HUB_LEVEL): Promise<TrendRow[]> {
  const top = await highestLevel(runner, options.kind);
  const level = Math.min(fromLevel, top);
  const hubs = Math.max(hubLevel, level + 1);
  let rows = await rankedFrom(runner, options, level, Math.min(hubs - 1, top));
  if (hubs <= top) rows = ranked([...rows, ...(await hubsRanked(runner, options, hubs, top, rows))], options.limit);
  if (!closed(rows, level, options)) {
    rows = ranked([...rows, ...(await rankedFrom(runner, options, lowestNeeded(rows, level, options), level - 1))], options.limit);
  }
  return rows.map(({ ratio: _ratio, ...row }) => row);
}

/** The first `limit` rows by ratio, then window articles, then key (the order of the queries, kept across statements). */
function ranked(rows: Ranked[], limit: number): Ranked[] {
  rows.sort((x, y) => y.ratio - x.ratio || y.inWindow - x.inWindow || byString(x.entity.key, y.entity.key));
  return rows.slice(0, limit);
}

/** The highest ratio an entity of `articles` articles can have, computed as the query computes ratios. */
export function ratioBound(articles: number, options: Pick<TrendOptions, 'windowDays' | 'baselineDays' | 'smoothing'>): number {
  return (articles / options.windowDays + options.smoothing) / (0 / options.baselineDays + options.smoothing);
}

/** Whether no entity below `level` can rank among `rows` (the first `limit` of the buckets from `level` up). */
function closed(rows: Ranked[], level: number, options: TrendOptions): boolean {
  if (level === 0) return true;
  const most = 2 ** level - 1;
  if (most < options.minCount) return true;
  return rows.length >= options.limit && ratioBound(most, options) < rows[options.limit - 1].ratio;
}

/**
 * The highest level below `level` whose lower buckets the `limit`-th ratio found already closes
 * out (reading more entities only raises that ratio); 0, every bucket, when none does.
 */
function lowestNeeded(rows: Ranked[], level: number, options: TrendOptions): number {
  let needed = level - 1;
  while (!closed(rows, needed, options)) needed--;
  return needed;
}

/** The highest count level of an entity of this kind (of any kind): the top of the buckets worth reading. */
async function highestLevel(runner: QueryRunner, kind: EntityKind | null): Promise<number> {
  const kinds = kind === null ? ALL_KINDS : [kind];
  const levels = Array.from({ length: MAX_LEVEL - SPARSE_LEVEL + 1 }, (_, i) => SPARSE_LEVEL + i);
  const [row] = await runner.run<{ most: number | null }>(
    `UNWIND $buckets AS bucket
     MATCH (e:Entity {countBucket: bucket})
     RETURN max(e.articleCount) AS most`,
    { buckets: kinds.flatMap((k) => levels.map((level) => countBucket(k, level))) },
  );
  return row?.most == null ? SPARSE_LEVEL - 1 : countLevel(row.most);
}

/** Ranks the summed day rows `key, inWindow, inBaseline` of a statement and reads the first `limit` entities. */
const RANK_AND_READ = `WHERE inWindow >= $minCount
     WITH key, inWindow, inBaseline,
          (toFloat(inWindow) / $windowDays + $smoothing) / (toFloat(inBaseline) / $baselineDays + $smoothing) AS ratio
     ORDER BY ratio DESC, inWindow DESC, key
     LIMIT $limit
     MATCH (e:Entity {key: key})
     RETURN e ${ENTITY} AS entity, inWindow, inBaseline, ratio`;

function rankParams(options: TrendOptions): Record<string, unknown> {
  return {
    sinceDay: dayOf(options.since),
    minCount: options.minCount,
    windowDays: options.windowDays,
    baselineDays: options.baselineDays,
    smoothing: options.smoothing,
    limit: options.limit,
  };
}

/** The buckets of the asked kind (of every kind) from `level` to `top`. */
function bucketsOf(options: TrendOptions, level: number, top: number): string[] {
  const kinds = options.kind === null ? ALL_KINDS : [options.kind];
  return kinds.flatMap((k) => Array.from({ length: top - level + 1 }, (_, i) => countBucket(k, level + i)));
}

/** The first `limit` entities of the buckets from `level` to `top`, ranked in the query from their day rows. */
async function rankedFrom(runner: QueryRunner, options: TrendOptions, level: number, top: number): Promise<Ranked[]> {
  const buckets = bucketsOf(options, level, top);
  if (buckets.length === 0) return [];
  const days = daysBetween(dayOf(options.baselineStart), dayOf(options.until));
  return runner.run<Ranked & Record<string, unknown>>(
    `UNWIND $slots AS slot
     MATCH (d:EntityDay {slot: slot})
     WITH d.entity AS key, sum(CASE WHEN d.day >= $sinceDay THEN d.articles ELSE 0 END) AS inWindow,
          sum(CASE WHEN d.day < $sinceDay THEN d.articles ELSE 0 END) AS inBaseline
     ${RANK_AND_READ}`,
    { slots: days.flatMap((day) => buckets.map((bucket) => daySlot(day, bucket))), ...rankParams(options) },
  );
}

/**
 * The first `limit` entities of the buckets from `level` to `top` that can rank beside `found` (the
 * first `limit` of the buckets below). Each entity's ratio is bounded from its week rows: in the
 * window at most the articles of the weeks the window touches, before it at least those of the weeks
 * the baseline holds whole, computed as the query computes ratios (IEEE operations are monotone).
 * An entity whose bound is below the `limit`-th ratio found can neither enter the answer nor tie
 * with its last row; the others are ranked from their days, looked up by key.
 */
async function hubsRanked(runner: QueryRunner, options: TrendOptions, level: number, top: number, found: Ranked[]): Promise<Ranked[]> {
  if (found.length < options.limit) return rankedFrom(runner, options, level, top);
  const startDay = dayOf(options.baselineStart);
  const sinceDay = dayOf(options.since);
  const untilDay = dayOf(options.until);
  const buckets = bucketsOf(options, level, top);
  const windowWeeks = weeksTouching(sinceDay, untilDay);
  const wholeWeeks = weeksWithin(startDay, previousDay(sinceDay));
  // An entity with no row in the window's weeks has no article there: it ranks only when minCount is
  // 0, and then every week of the span is read, so that every entity with a day row there is bounded.
  const weeks = options.minCount > 0 ? [...wholeWeeks, ...windowWeeks] : weeksTouching(startDay, untilDay);
  const candidates = await runner.run<{ key: string }>(
    `UNWIND $slots AS slot
     MATCH (w:EntityWeek {slot: slot})
     WITH w.entity AS key, sum(CASE WHEN w.week >= $windowWeek THEN w.articles ELSE 0 END) AS most,
          sum(CASE WHEN w.week IN $wholeWeeks THEN w.articles ELSE 0 END) AS least
     WHERE most >= $minCount
       AND (toFloat(most) / $windowDays + $smoothing) / (toFloat(least) / $baselineDays + $smoothing) >= $threshold
     RETURN key`,
    {
      slots: weeks.flatMap((week) => buckets.map((bucket) => daySlot(week, bucket))),
      windowWeek: windowWeeks[0],
      wholeWeeks,
      minCount: options.minCount,
      windowDays: options.windowDays,
      baselineDays: options.baselineDays,
      smoothing: options.smoothing,
      threshold: found[options.limit - 1].ratio,
    },
  );
  if (candidates.length === 0) return [];
  return runner.run<Ranked & Record<string, unknown>>(
    `UNWIND $keys AS key
     UNWIND $days AS day
     MATCH (d:EntityDay {key: key + '|' + day})
     WITH key, sum(CASE WHEN day >= $sinceDay THEN d.articles ELSE 0 END) AS inWindow,
          sum(CASE WHEN day < $sinceDay THEN d.articles ELSE 0 END) AS inBaseline
     ${RANK_AND_READ}`,
    { keys: candidates.map((c) => c.key).sort(), days: daysBetween(startDay, untilDay), ...rankParams(options) },
  );
}

function previousDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
