/**
 * The page of all articles as it read every article (before the articles per day were kept, issue
 * 14): the reference the reads from the kept days must agree with (test/integration/article-days.test.ts).
 */
import type { QueryRunner } from '../../src/store/runner.ts';

/** The ids of the articles in a window (and of a source), newest first, ties by id: every article read. */
export async function articleIdsReadingEveryArticle(
  runner: QueryRunner,
  filter: { since?: string | null; until?: string | null; source?: string | null },
): Promise<string[]> {
  const rows = await runner.run<{ id: string }>(
    `MATCH (a:Article)
     WHERE ($since IS NULL OR a.sortDate >= $since) AND ($until IS NULL OR a.sortDate <= $until) AND ($source IS NULL OR a.source = $source)
     RETURN a.id AS id, a.sortDate AS sortDate
     ORDER BY sortDate DESC, id`,
    { since: filter.since ?? null, until: filter.until ?? null, source: filter.source ?? null },
  );
  return rows.map((r) => r.id);
}
