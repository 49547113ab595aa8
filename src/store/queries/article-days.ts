/**
 * `(:ArticleDay {day, articles})`: the articles per UTC day (`Article.day`, the day of `sortDate`),
 * kept in the transaction that adds, moves or removes an article. The page of all articles, newest
 * first, is read from the newest days that hold it (pageOfArticleIdsByDay) and the total is their
 * sum, instead of reading every article. verify-counts.ts recounts them from the articles.
 */
import type { QueryRunner, Runner } from '../runner.ts';
import { windowDays } from './counts.ts';
import { byString, runRows } from './rows.ts';
import type { Window } from './shapes.ts';

/** What articles add to (or, negative, take from) each day, gathered by day. */
export type ArticleDayDeltas = Map<string, number>;

export function addToDay(deltas: ArticleDayDeltas, day: string, n: number): void {
  deltas.set(day, (deltas.get(day) ?? 0) + n);
}

/**
 * Adds to the articles counted on each day; a day left with none goes. In day order, and each day
 * locked before its count is read (the write of a property takes Neo4j's write lock, as in
 * claimArticles): two transactions adding to one day at once count both, neither reads a stale
 * count. Callers run this after their article, entity and pair writes, so locks are taken in one order.
 */
export async function addArticleDays(tx: QueryRunner, deltas: ArticleDayDeltas): Promise<void> {
  const rows = [...deltas].filter(([, n]) => n !== 0).sort(([x], [y]) => byString(x, y)).map(([day, articles]) => ({ day, articles }));
  if (rows.length === 0) return;
  await runRows(
    tx,
    rows,
    `MERGE (d:ArticleDay {day: row.day})
     ON CREATE SET d.articles = 0
     SET d._lock = true
     REMOVE d._lock
     WITH d, row
     SET d.articles = d.articles + row.articles`,
  );
  const emptied = rows.filter((r) => r.articles < 0).map((r) => r.day);
  if (emptied.length > 0) await tx.run('UNWIND $days AS day MATCH (d:ArticleDay {day: day}) WHERE d.articles <= 0 DELETE d', { days: emptied });
}

/** The start and end of a UTC day as stored sortDates spell them. */
const dayStart = (day: string) => `${day}T00:00:00.000Z`;
const dayEnd = (day: string) => `${day}T23:59:59.999Z`;

/**
 * The kept days a window covers, newest first, each with the articles it holds in the window, or 0
 * for a day the window cuts (since after its start, until before its end): the count is then not
 * known, and 0 is a lower bound, so a page read from these days reads enough of them. With
 * `atLeast`, only the newest atLeast + 2 days (a top-k read of the day nodes, in one statement
 * whatever the page): a kept day holds at least one article, and a window cuts at most two days,
 * so these hold that many articles when the window has them.
 */
export async function articleDaysNewestFirst(runner: QueryRunner, window: Window = {}, atLeast?: number): Promise<{ day: string; count: number; cut: boolean }[]> {
  const { sinceDay, untilDay } = windowDays(window);
  const conditions = [...(sinceDay ? ['d.day >= $sinceDay'] : []), ...(untilDay ? ['d.day <= $untilDay'] : [])];
  const read = async (limit: number | null) => {
    const rows = await runner.run<{ day: string; count: number }>(
      `MATCH (d:ArticleDay)${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}
       RETURN d.day AS day, d.articles AS count
       ORDER BY day DESC${limit === null ? '' : ' LIMIT $limit'}`,
      { sinceDay, untilDay, limit },
    );
    return rows.map(({ day, count }) => {
      const cut = (!!window.since && window.since > dayStart(day)) || (!!window.until && window.until < dayEnd(day));
      return { day, count: cut ? 0 : count, cut };
    });
  };
  return read(atLeast === undefined ? null : atLeast + 2);
}

/**
 * The articles in a window (all of them without one): the kept counts of the days it covers whole,
 * and the articles of the days it cuts counted by an indexed lookup on Article.day. `condition`
 * is the window's WHERE on the bound article `a`.
 */
export async function countArticlesByDay(runner: QueryRunner, window: Window, condition: string, params: Record<string, unknown>): Promise<number> {
  if (!window.since && !window.until) {
    const [row] = await runner.run<{ total: number | null }>('MATCH (d:ArticleDay) RETURN sum(d.articles) AS total');
    return row?.total ?? 0;
  }
  const days = await articleDaysNewestFirst(runner, window);
  const whole = days.reduce((sum, d) => sum + d.count, 0);
  const cut = days.filter((d) => d.cut).map((d) => d.day);
  if (cut.length === 0) return whole;
  const [row] = await runner.run<{ total: number }>(`UNWIND $days AS day MATCH (a:Article {day: day}) ${condition} RETURN count(a) AS total`, { ...params, days: cut });
  return whole + (row?.total ?? 0);
}

/** The articles per day as the articles give them (by their sortDate). */
export async function articleDaysFromArticles(runner: QueryRunner): Promise<Map<string, number>> {
  const rows = await runner.run<{ day: string; articles: number }>('MATCH (a:Article) RETURN substring(a.sortDate, 0, 10) AS day, count(a) AS articles');
  return new Map(rows.map((r) => [r.day, r.articles]));
}

/** Where the kept day counts differ from the articles: a day's count, a day missing, a day kept with none. */
export async function articleDayDifferences(runner: QueryRunner): Promise<{ day: string; stored: number | null; expected: number | null }[]> {
  const expected = await articleDaysFromArticles(runner);
  const stored = await runner.run<{ day: string; articles: number }>('MATCH (d:ArticleDay) RETURN d.day AS day, d.articles AS articles ORDER BY day');
  const differences: { day: string; stored: number | null; expected: number | null }[] = [];
  const seen = new Set<string>();
  for (const s of stored) {
    if (seen.has(s.day) || s.articles !== (expected.get(s.day) ?? null)) differences.push({ day: s.day, stored: s.articles, expected: expected.get(s.day) ?? null });
    seen.add(s.day);
  }
  for (const [day, n] of [...expected].sort(([x], [y]) => (x < y ? -1 : 1))) if (!seen.has(day)) differences.push({ day, stored: null, expected: n });
  return differences;
}

/**
 * Data migration `010_article_days_backfill` (and part of rebuilding the kept counts): the day
 * counts set from the articles, days without articles removed. Idempotent; one transaction (a
 * graph holds one node per day it has news on: thousands at most).
 */
export async function backfillArticleDays(runner: Runner): Promise<void> {
  await runner.transaction(async (tx) => {
    const expected = await articleDaysFromArticles(tx);
    await tx.run('MATCH (d:ArticleDay) WHERE NOT d.day IN $days DELETE d', { days: [...expected.keys()] });
    const rows = [...expected].sort(([x], [y]) => (x < y ? -1 : 1)).map(([day, articles]) => ({ day, articles }));
    await runRows(tx, rows, 'MERGE (d:ArticleDay {day: row.day}) SET d.articles = row.articles');
  });
}
