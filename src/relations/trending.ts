/**
 * Entities whose mention rate in a window most exceeds their rate in the days before it. Rates
 * are articles per day; the ratio adds one article over the baseline to both sides, so an entity
 * new in the window ranks by how much it is mentioned, not by a division by zero. Counted from
 * the kept entity-day counts, so windows are whole UTC days: the days of since to until, and the
 * baselineDays days before since's.
 */
import type { EntityKind } from '../extract/types.ts';
import type { EntityRow } from '../store/queries/read.ts';
import { dayOf } from '../store/queries/counts.ts';
import { daysBetween, latestArticleDate } from '../store/queries/relations.ts';
import { trendCounts } from '../store/queries/trend-counts.ts';
import type { QueryRunner } from '../store/runner.ts';

const DAY_MS = 86_400_000;
/** Default window when none is given: the last week of news in the graph. */
export const DEFAULT_WINDOW_DAYS = 7;

export interface Trend {
  entity: EntityRow;
  windowCount: number;
  baselineCount: number;
  windowRate: number;
  baselineRate: number;
  ratio: number;
}

export interface TrendingResult {
  since: string;
  until: string;
  trends: Trend[];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export async function trending(
  runner: QueryRunner,
  options: { kind: EntityKind | null; since?: string | null; until?: string | null; baselineDays: number; first: number; minCount?: number },
): Promise<TrendingResult> {
  const until = options.until ?? (await latestArticleDate(runner)) ?? new Date().toISOString();
  const since = options.since ?? new Date(Date.parse(until) - DEFAULT_WINDOW_DAYS * DAY_MS).toISOString();
  const baselineStart = new Date(Date.parse(since) - options.baselineDays * DAY_MS).toISOString();
  const windowDays = Math.max(daysBetween(dayOf(since), dayOf(until)).length, 1);
  const smoothing = 1 / options.baselineDays;
  // Ranked in the query (only the first few entities are read): the same ratio as below, unrounded.
  const rows = await trendCounts(runner, {
    kind: options.kind,
    baselineStart,
    since,
    until,
    minCount: options.minCount ?? 1,
    windowDays,
    baselineDays: options.baselineDays,
    smoothing,
    limit: options.first,
  });
  const trends = rows.map((row) => {
    const windowRate = row.inWindow / windowDays;
    const baselineRate = row.inBaseline / options.baselineDays;
    return {
      entity: row.entity,
      windowCount: row.inWindow,
      baselineCount: row.inBaseline,
      windowRate: round(windowRate),
      baselineRate: round(baselineRate),
      ratio: round((windowRate + smoothing) / (baselineRate + smoothing)),
    };
  });
  return { since, until, trends };
}
