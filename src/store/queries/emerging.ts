/**
 * Reads behind emerging links: co-mention pairs whose rate in a recent window is well above their
 * own rate in the days before it. Only pairs active since the window began are read: a pair's
 * `lastDay` (the UTC day of its lastSeen, indexed) is looked up day by day from the window's first
 * day to the latest, and each candidate's counts come from its kept day lists — no article is read.
 * Pairs of one article have no node (counts.ts) and are not needed: a link emerges with at least
 * MIN_SUPPORT (2) articles in its window, so only pairs with a node can.
 */
import type { EntityKind } from '../../extract/types.ts';
import type { QueryRunner, Runner } from '../runner.ts';

export interface EmergingPairRow {
  key: string;
  a: string;
  b: string;
  inWindow: number;
  inBaseline: number;
  lastSeen: string;
  score: number;
}

/** The days counted, whole UTC days as "YYYY-MM-DD": window [sinceDay, lastDay], baseline [baselineStartDay, sinceDay). */
export interface EmergingDays {
  sinceDay: string;
  lastDay: string;
  baselineStartDay: string;
  windowDays: number;
  baselineDays: number;
}

export interface EmergenceTest {
  /** Pseudo-articles added to every pair's baseline: a pair new in the window is compared with one article before it. */
  prior: number;
  /** Articles in the window a pair needs at least. */
  minSupport: number;
  minScore: number;
}

/**
 * Cypher for the window and baseline article counts of pair `p` from its day lists, and the
 * signed log-likelihood score (Dunning's G²) of its window share against the share the window's
 * length would give at its baseline rate. Must agree with emergenceScore in relations/emerging.ts.
 */
const COUNTS_AND_SCORE = `
  WITH p,
       reduce(s = 0, i IN range(0, size(p.days) - 1) |
         s + CASE WHEN p.days[i] >= $sinceDay AND p.days[i] <= $lastDay THEN p.dayArticles[i] ELSE 0 END) AS inWindow,
       reduce(s = 0, i IN range(0, size(p.days) - 1) |
         s + CASE WHEN p.days[i] >= $baselineStartDay AND p.days[i] < $sinceDay THEN p.dayArticles[i] ELSE 0 END) AS inBaseline
  WHERE inWindow >= $minSupport
  WITH p, inWindow, inBaseline, toFloat(inBaseline) + $prior AS b
  WITH p, inWindow, inBaseline, b, (inWindow + b) * $windowShare AS expected
  WITH p, inWindow, inBaseline,
       CASE WHEN inWindow > expected THEN 1.0 ELSE -1.0 END *
       2.0 * (inWindow * log(inWindow / expected) + b * log(b / (inWindow + b - expected))) AS score`;

function testParams(days: EmergingDays, test: EmergenceTest) {
  return {
    sinceDay: days.sinceDay,
    lastDay: days.lastDay,
    baselineStartDay: days.baselineStartDay,
    windowShare: days.windowDays / (days.windowDays + days.baselineDays),
    prior: test.prior,
    minSupport: test.minSupport,
    minScore: test.minScore,
  };
}

/**
 * The pairs above the test among those last seen on one of `activeDays` (the days from the
 * window's first to the latest article's), ranked by score, then window articles, then the latest;
 * both ends of the kinds given when `kinds` is set. At most `limit`.
 */
export async function emergingPairs(
  runner: QueryRunner,
  options: { activeDays: string[]; days: EmergingDays; test: EmergenceTest; kinds: EntityKind[] | null; limit: number },
): Promise<EmergingPairRow[]> {
  const rows = await runner.run<EmergingPairRow & Record<string, unknown>>(
    `UNWIND $activeDays AS day
     MATCH (p:CoMention {lastDay: day})
     ${COUNTS_AND_SCORE}
     WHERE score >= $minScore
     ${options.kinds ? 'MATCH (x:Entity {key: p.a}) MATCH (y:Entity {key: p.b}) WHERE x.kind IN $kinds AND y.kind IN $kinds' : ''}
     RETURN p.key AS key, p.a AS a, p.b AS b, inWindow, inBaseline, p.lastSeen AS lastSeen, score
     ORDER BY score DESC, inWindow DESC, lastSeen DESC, key
     LIMIT $limit`,
    { activeDays: options.activeDays, ...testParams(options.days, options.test), kinds: options.kinds, limit: options.limit },
  );
  return rows;
}

export interface PairDays {
  key: string;
  a: string;
  b: string;
  lastSeen: string;
  days: string[];
  dayArticles: number[];
}

/** The kept day lists of the pairs with these keys (absent pairs are left out). */
export async function pairDays(runner: QueryRunner, keys: string[]): Promise<PairDays[]> {
  if (keys.length === 0) return [];
  return runner.run<PairDays & Record<string, unknown>>(
    `UNWIND $keys AS k
     MATCH (p:CoMention {key: k})
     RETURN p.key AS key, p.a AS a, p.b AS b, p.lastSeen AS lastSeen, coalesce(p.days, []) AS days, coalesce(p.dayArticles, []) AS dayArticles`,
    { keys },
  );
}

/** Data migration: pairs written before lastDay was kept get the day of their lastSeen. Idempotent. */
export async function backfillPairLastDay(runner: Runner): Promise<void> {
  await runner.transaction((tx) =>
    tx.run('MATCH (p:CoMention) WHERE p.lastDay IS NULL OR p.lastDay <> substring(p.lastSeen, 0, 10) SET p.lastDay = substring(p.lastSeen, 0, 10)'),
  );
}

/**
 * Articles on the days [sinceDay, lastDay] mentioning both `a` and `b` that were ingested before
 * `ingestedAt` (an earlier ingest): walks the less mentioned entity's articles on those days.
 */
export async function pairArticlesIngestedBefore(
  runner: QueryRunner,
  a: string,
  b: string,
  days: { sinceDay: string; lastDay: string },
  ingestedAt: string,
): Promise<number> {
  const [row] = await runner.run<{ n: number }>(
    `MATCH (x:Entity {key: $a})
     MATCH (y:Entity {key: $b})
     WITH CASE WHEN x.articleCount <= y.articleCount THEN x ELSE y END AS s,
          CASE WHEN x.articleCount <= y.articleCount THEN y ELSE x END AS l
     MATCH (s)<-[:MENTIONS]-(art:Article)
     WHERE art.day >= $sinceDay AND art.day <= $lastDay AND art.ingestedAt < $ingestedAt
     MATCH (art)-[:MENTIONS]->(l)
     RETURN count(art) AS n`,
    { a, b, sinceDay: days.sinceDay, lastDay: days.lastDay, ingestedAt },
  );
  return row?.n ?? 0;
}
