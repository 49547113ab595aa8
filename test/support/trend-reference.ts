/**
 * trendCounts as it read every entity-day row of the days (before the rows were slotted, issue 14):
 * the reference the slotted reads must agree with (test/integration/kept-ranking.test.ts).
 */
import { dayOf } from '../../src/store/queries/counts.ts';
import { daysBetween } from '../../src/store/queries/relations.ts';
import { ENTITY } from '../../src/store/queries/shapes.ts';
import type { TrendOptions, TrendRow } from '../../src/store/queries/trend-counts.ts';
import type { QueryRunner } from '../../src/store/runner.ts';

export async function trendCountsReadingEveryDay(runner: QueryRunner, options: TrendOptions): Promise<TrendRow[]> {
  const rows = await runner.run<TrendRow & { ratio: number } & Record<string, unknown>>(
    `UNWIND $days AS day
     MATCH (d:EntityDay {day: day})
     WITH d.entity AS key, sum(CASE WHEN day >= $sinceDay THEN d.articles ELSE 0 END) AS inWindow,
          sum(CASE WHEN day < $sinceDay THEN d.articles ELSE 0 END) AS inBaseline
     WHERE inWindow >= $minCount
     ${options.kind ? 'MATCH (k:Entity {key: key}) WHERE k.kind = $kind' : ''}
     WITH key, inWindow, inBaseline,
          (toFloat(inWindow) / $windowDays + $smoothing) / (toFloat(inBaseline) / $baselineDays + $smoothing) AS ratio
     ORDER BY ratio DESC, inWindow DESC, key
     LIMIT $limit
     MATCH (e:Entity {key: key})
     RETURN e ${ENTITY} AS entity, inWindow, inBaseline, ratio`,
    {
      days: daysBetween(dayOf(options.baselineStart), dayOf(options.until)),
      sinceDay: dayOf(options.since),
      minCount: options.minCount,
      kind: options.kind,
      windowDays: options.windowDays,
      baselineDays: options.baselineDays,
      smoothing: options.smoothing,
      limit: options.limit,
    },
  );
  rows.sort((x, y) => y.ratio - x.ratio || y.inWindow - x.inWindow || (x.entity.key < y.entity.key ? -1 : 1));
  return rows.map(({ ratio: _ratio, ...row }) => row);
}
