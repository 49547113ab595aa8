/**
 * Checking the kept counts (counts.ts) against the mentions they are counted from, and rebuilding
 * them: `newsgraph verify-counts`, the test suites' check after every scenario, and `newsgraph
 * migrate` on a graph written before the counts were kept.
 */
import type { EntityKind } from '../../extract/types.ts';
import type { QueryRunner, Runner } from '../runner.ts';
import { articleDayDifferences, backfillArticleDays } from './article-days.ts';
import { entityWeekDifferences, orphanEntityWeeks } from './entity-weeks.ts';
import { countBucket, countLevel, orphanNameTerms, verifyNames } from './names.ts';
import { chunks, entityKeys, ENTITIES_PER_CHUNK } from './rows.ts';
import { addToPair, daySlot, deletePairs, entityDayKey, MIN_PAIR_ARTICLES, entityDaysFromMentions, recountEntityDays, storedPairs, writePairs, type EntityDayCount, type PairCounts } from './counts.ts';

export interface CountDifference {
  /**
   * What differs: an article's day, the articles kept for a day (article-days.ts), an entity's
   * counters, one of its days, its count bucket (the kept order), its name index (names.ts), the
   * slot of its days and weeks (trending's), one of its week sums (entity-weeks.ts), a pair's totals
   * or its days.
   */
  what: 'article-day' | 'article-day-count' | 'entity' | 'entity-day' | 'entity-week' | 'entity-order' | 'entity-names' | 'entity-day-slot' | 'pair' | 'pair-days';
  key: string;
  stored: unknown;
  expected: unknown;
}


/**
 * Ranges of entity keys [lo, hi) whose pairs (by their lower key `a`) are counted together: about
 * `pairsPerPart` pair occurrences each, so that a part's pairs fit in memory on a large graph.
 */
async function pairParts(runner: QueryRunner, keys: string[], pairsPerPart = 2_000_000): Promise<{ lo: string; hi: string | null }[]> {
  const [{ articles, mentions }] = await runner.run<{ articles: number; mentions: number }>(
    'MATCH (a:Article) CALL (a) { MATCH (a)-[:MENTIONS]->(e) RETURN count(e) AS n } RETURN count(a) AS articles, sum(n * (n - 1) / 2) AS mentions',
  );
  const parts = Math.max(1, Math.ceil((mentions ?? 0) / pairsPerPart));
  if (parts === 1 || keys.length === 0 || articles === 0) return [{ lo: '', hi: null }];
  const size = Math.ceil(keys.length / parts);
  return chunks(keys, size).map((chunk, i, all) => ({ lo: i === 0 ? '' : chunk[0], hi: i + 1 < all.length ? all[i + 1][0] : null }));
}

/** Every pair whose lower key is in [lo, hi) with a node to keep (MIN_PAIR_ARTICLES articles), counted from the articles' mentions. */
async function expectedPairs(runner: QueryRunner, lo: string, hi: string | null): Promise<Map<string, PairCounts>> {
  const articles = await runner.run<{ id: string; date: string; keys: string[] }>(
    `MATCH (a:Article)-[:MENTIONS]->(e:Entity)
     WITH a, e.key AS key ORDER BY key
     RETURN a.id AS id, a.sortDate AS date, collect(key) AS keys
     ORDER BY date, id`,
  );
  const pairs = new Map<string, PairCounts>();
  const inPart = (k: string) => k >= lo && (hi === null || k < hi);
  for (const { date, keys } of articles) {
    for (let i = 0; i < keys.length; i++) {
      if (!inPart(keys[i])) continue;
      for (let j = i + 1; j < keys.length; j++) addToPair(pairs, keys[i], keys[j], date);
    }
  }
  // A pair of one article has no node: its article's mentions answer for it.
  for (const [key, p] of pairs) if (p.articles < MIN_PAIR_ARTICLES) pairs.delete(key);
  return pairs;
}

/** The keys of the stored pairs whose lower key is in [lo, hi). */
async function storedPairKeys(runner: QueryRunner, lo: string, hi: string | null): Promise<Set<string>> {
  const rows = await runner.run<{ key: string }>('MATCH (p:CoMention) WHERE p.a >= $lo AND ($hi IS NULL OR p.a < $hi) RETURN p.key AS key', { lo, hi });
  return new Set(rows.map((r) => r.key));
}

/** Pairs read per call: their day lists are the bulk of what a call converts. */
const PAIRS_PER_CALL = 10_000;

export const sameList = (x: unknown[], y: unknown[]) => x.length === y.length && x.every((v, i) => v === y[i]);

/**
 * Recomputes every kept count from the articles and mentions and lists where the stored ones
 * differ: each day's articles, each entity's articleCount and mentionCount, its days, each co-mention pair's totals and days (a node
 * for each pair of at least MIN_PAIR_ARTICLES articles, none for the others).
 * Read-only; a part at a time.
 */
export async function verifyCounts(runner: QueryRunner): Promise<CountDifference[]> {
  const differences: CountDifference[] = [];
  const misdated = await runner.run<{ id: string; day: string | null; expected: string }>(
    'MATCH (a:Article) WHERE a.day IS NULL OR a.day <> substring(a.sortDate, 0, 10) RETURN a.id AS id, a.day AS day, substring(a.sortDate, 0, 10) AS expected',
  );
  for (const a of misdated) differences.push({ what: 'article-day', key: a.id, stored: a.day, expected: a.expected });
  for (const d of await articleDayDifferences(runner)) differences.push({ what: 'article-day-count', key: d.day, stored: d.stored, expected: d.expected });
  const keys = await entityKeys(runner);
  for (const chunk of chunks(keys, ENTITIES_PER_CHUNK)) {
    // Grouped from the entities rather than a subquery per entity: on the embedded engine
    // `CALL (e) { MATCH (a:Article)-[m:MENTIONS]->(e) … }` scans every article for each entity.
    const stored = await runner.run<{ key: string; kind: EntityKind; articleCount: number; mentionCount: number; daysBucket: string | null }>(
      `UNWIND $keys AS k MATCH (e:Entity {key: k})
       RETURN k AS key, e.kind AS kind, e.articleCount AS articleCount, e.mentionCount AS mentionCount, e.daysBucket AS daysBucket`,
      { keys: chunk },
    );
    const counted = new Map(
      (
        await runner.run<{ key: string; articles: number; mentions: number }>(
          'UNWIND $keys AS k MATCH (:Entity {key: k})<-[m:MENTIONS]-(a:Article) RETURN k AS key, count(a) AS articles, sum(m.count) AS mentions',
          { keys: chunk },
        )
      ).map((c) => [c.key, c]),
    );
    // Each day row slotted under the bucket of the entity's counted articles, and recorded as slotted so.
    const bucketOf = new Map<string, string>();
    for (const c of stored) {
      const e = counted.get(c.key) ?? { articles: 0, mentions: 0 };
      const bucket = countBucket(c.kind, countLevel(e.articles));
      bucketOf.set(c.key, bucket);
      if (c.daysBucket !== bucket) differences.push({ what: 'entity-day-slot', key: c.key, stored: c.daysBucket, expected: bucket });
      if (c.articleCount !== e.articles || c.mentionCount !== e.mentions) {
        differences.push({ what: 'entity', key: c.key, stored: { articles: c.articleCount, mentions: c.mentionCount }, expected: { articles: e.articles, mentions: e.mentions } });
      }
    }
    const expectedDays = await entityDaysFromMentions(runner, chunk);
    const expected = new Map(expectedDays.map((c) => [entityDayKey(c.entity, c.day), c]));
    const storedDays = await runner.run<EntityDayCount & { key: string; slot: string | null } & Record<string, unknown>>(
      'UNWIND $keys AS k MATCH (d:EntityDay {entity: k}) RETURN d.key AS key, d.entity AS entity, d.day AS day, d.articles AS articles, d.mentions AS mentions, d.slot AS slot',
      { keys: chunk },
    );
    const seen = new Set<string>();
    for (const s of storedDays) {
      seen.add(s.key);
      const slot = daySlot(s.day, bucketOf.get(s.entity) ?? '');
      if (s.slot !== slot) differences.push({ what: 'entity-day-slot', key: s.key, stored: s.slot, expected: slot });
      const e = expected.get(s.key);
      if (!e || e.articles !== s.articles || e.mentions !== s.mentions || s.key !== entityDayKey(s.entity, s.day)) {
        differences.push({ what: 'entity-day', key: s.key, stored: { articles: s.articles, mentions: s.mentions }, expected: e ? { articles: e.articles, mentions: e.mentions } : null });
      }
    }
    for (const [key, e] of expected) {
      if (!seen.has(key)) differences.push({ what: 'entity-day', key, stored: null, expected: { articles: e.articles, mentions: e.mentions } });
    }
    differences.push(...(await entityWeekDifferences(runner, chunk, expectedDays, bucketOf)));
    differences.push(...(await verifyNames(runner, chunk)));
  }
  differences.push(...(await orphanNameTerms(runner)));
  // Day counts of entities that are gone.
  const known = new Set(keys);
  const orphans = await runner.run<{ key: string; entity: string }>('MATCH (d:EntityDay) RETURN d.key AS key, d.entity AS entity');
  for (const o of orphans) if (!known.has(o.entity)) differences.push({ what: 'entity-day', key: o.key, stored: 'present', expected: null });
  differences.push(...(await orphanEntityWeeks(runner, known)));

  for (const { lo, hi } of await pairParts(runner, keys)) {
    const expected = await expectedPairs(runner, lo, hi);
    const storedKeys = await storedPairKeys(runner, lo, hi);
    for (const key of expected.keys()) {
      if (!storedKeys.has(key)) {
        const e = expected.get(key)!;
        differences.push({ what: 'pair', key, stored: null, expected: { articles: e.articles, firstSeen: e.firstSeen, lastSeen: e.lastSeen } });
      }
    }
    for (const chunk of chunks([...storedKeys], PAIRS_PER_CALL)) {
      for (const [key, s] of await storedPairs(runner, chunk)) {
        const e = expected.get(key);
        if (!e || e.articles !== s.articles || e.firstSeen !== s.firstSeen || e.lastSeen !== s.lastSeen || e.a !== s.a || e.b !== s.b) {
          differences.push({ what: 'pair', key, stored: { articles: s.articles, firstSeen: s.firstSeen, lastSeen: s.lastSeen }, expected: e ? { articles: e.articles, firstSeen: e.firstSeen, lastSeen: e.lastSeen } : null });
        } else if (!sameList(e.days, s.days) || !sameList(e.dayArticles, s.dayArticles)) {
          differences.push({ what: 'pair-days', key, stored: { days: s.days, dayArticles: s.dayArticles }, expected: { days: e.days, dayArticles: e.dayArticles } });
        }
      }
    }
  }
  return differences;
}

/**
 * Rebuilds the kept day counts and co-mention pairs from the mentions (`newsgraph migrate` on a
 * graph written before they were kept). Idempotent; one transaction per chunk of entities or pairs.
 */
export async function backfillCounts(runner: Runner): Promise<void> {
  await runner.transaction((tx) => tx.run('MATCH (a:Article) WHERE a.day IS NULL OR a.day <> substring(a.sortDate, 0, 10) SET a.day = substring(a.sortDate, 0, 10)'));
  await backfillArticleDays(runner);
  const keys = await entityKeys(runner);
  for (const chunk of chunks(keys, ENTITIES_PER_CHUNK)) await runner.transaction((tx) => recountEntityDays(tx, chunk));
  for (const { lo, hi } of await pairParts(runner, keys)) {
    const expected = await expectedPairs(runner, lo, hi);
    const storedKeys = await storedPairKeys(runner, lo, hi);
    for (const chunk of chunks([...expected.values()], PAIRS_PER_CALL)) await runner.transaction((tx) => writePairs(tx, chunk, 'set'));
    const gone = [...storedKeys].filter((k) => !expected.has(k));
    for (const chunk of chunks(gone, PAIRS_PER_CALL)) await runner.transaction((tx) => deletePairs(tx, chunk));
  }
}

/** Data migration: pairs of one article lose the node they were given before nodes came from the second article. Idempotent. */
export async function deleteOneArticlePairs(runner: Runner): Promise<void> {
  await runner.transaction((tx) => tx.run('MATCH (p:CoMention) WHERE p.articles < $min DETACH DELETE p', { min: MIN_PAIR_ARTICLES }));
}
