/**
 * Trending counts from the entity-day rows of the entities that can rank (issue 14). The ratio is
 * (inWindow / windowDays + smoothing) / (inBaseline / baselineDays + smoothing): an entity of
 * articleCount c has inWindow <= c, so its ratio is at most bound(c) (c in the window, none before).
 * The days are read by slot (day and the entity's count bucket, counts.ts), the buckets from a
 * level up: every entity below it has fewer than 2^level articles, so once the `limit`-th entity
 * read ranks strictly above bound(2^level - 1), none below can enter the answer or tie with it,
 * and the answer is the one every day's rows would give. Otherwise the lower buckets are read too.
 */
import type { EntityKind } from '../../extract/types.ts';
import { LABELS } from '../model.ts';
import type { QueryRunner } from '../runner.ts';
import { dayOf, daySlot } from './counts.ts';
import { countBucket, countLevel, MAX_LEVEL } from './names.ts';
import { daysBetween } from './relations.ts';
import { ENTITY, type EntityRow } from './shapes.ts';

const ALL_KINDS = Object.keys(LABELS) as EntityKind[];

/**
 * The lowest bucket read first: 2 articles or more. Entities of one article are most entities (at
 * 100k articles most of the long tail), and the ranking's cost goes with the entities it groups
 * more than with the rows; the tenth trend of a month has more than one article in the window and
 * none before (bound(1) = 1 + baselineDays / windowDays), or the next statement reads them too.
 */
export const FIRST_LEVEL = 1;

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
 * first `limit` entities are read. At most two statements over the day rows: the buckets from
 * FIRST_LEVEL up, then, when the bound does not close them out, from the level that the ratio
 * found there shows is enough.
 */
export async function trendCounts(runner: QueryRunner, options: TrendOptions, firstLevel = FIRST_LEVEL): Promise<TrendRow[]> {
  const top = await highestLevel(runner, options.kind);
  let level = Math.min(firstLevel, top);
  let rows = await rankedFrom(runner, options, level, top);
  if (!closed(rows, level, options)) {
    level = lowestNeeded(rows, level, options);
    rows = await rankedFrom(runner, options, level, top);
  }
  // The last MATCH need not keep the order.
  rows.sort((x, y) => y.ratio - x.ratio || y.inWindow - x.inWindow || (x.entity.key < y.entity.key ? -1 : 1));
  return rows.map(({ ratio: _ratio, ...row }) => row);
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

/** The first `limit` entities of the buckets from `level` to `top`, ranked in the query from their day rows. */
async function rankedFrom(runner: QueryRunner, options: TrendOptions, level: number, top: number): Promise<Ranked[]> {
  const kinds = options.kind === null ? ALL_KINDS : [options.kind];
  const buckets = kinds.flatMap((k) => Array.from({ length: top - level + 1 }, (_, i) => countBucket(k, level + i)));
  const days = daysBetween(dayOf(options.baselineStart), dayOf(options.until));
  return runner.run<Ranked & Record<string, unknown>>(
    `UNWIND $slots AS slot
     MATCH (d:EntityDay {slot: slot})
     WITH d.entity AS key, sum(CASE WHEN d.day >= $sinceDay THEN d.articles ELSE 0 END) AS inWindow,
          sum(CASE WHEN d.day < $sinceDay THEN d.articles ELSE 0 END) AS inBaseline
     WHERE inWindow >= $minCount
     WITH key, inWindow, inBaseline,
          (toFloat(inWindow) / $windowDays + $smoothing) / (toFloat(inBaseline) / $baselineDays + $smoothing) AS ratio
     ORDER BY ratio DESC, inWindow DESC, key
     LIMIT $limit
     MATCH (e:Entity {key: key})
     RETURN e ${ENTITY} AS entity, inWindow, inBaseline, ratio`,
    {
      slots: days.flatMap((day) => buckets.map((bucket) => daySlot(day, bucket))),
      sinceDay: dayOf(options.since),
      minCount: options.minCount,
      windowDays: options.windowDays,
      baselineDays: options.baselineDays,
      smoothing: options.smoothing,
      limit: options.limit,
    },
  );
}
