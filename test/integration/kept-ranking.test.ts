/**
 * Trending read by slot (src/store/queries/trend-counts.ts: the days of the entities that can rank)
 * gives the answers of reading every entity-day row of the days (the query it replaced, kept as the
 * reference in test/support/trend-reference.ts), for every kind, several windows, baselines and
 * limits, from every first level and with hubs bounded from their week sums (entity-weeks.ts) from
 * several levels, after ingest, an update, a delete, a merge and its undo; verify-counts reports a
 * day row or an entity slotted wrong and a week sum wrong, missing or slotted wrong, and the
 * migrations' backfills (009, 011) put them right.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.ts';
import type { EntityKind } from '../../src/extract/types.ts';
import { ingestRecords } from '../../src/ingest/pipeline.ts';
import { backfillDaySlots, dayOf } from '../../src/store/queries/counts.ts';
import { backfillEntityWeeks, weekOf } from '../../src/store/queries/entity-weeks.ts';
import { daysBetween, latestArticleDate } from '../../src/store/queries/relations.ts';
import { HUB_LEVEL, trendCounts, type TrendOptions } from '../../src/store/queries/trend-counts.ts';
import { verifyCounts } from '../../src/store/queries/verify-counts.ts';
import type { QueryRunner } from '../../src/store/runner.ts';
import { trendCountsReadingEveryDay } from '../support/trend-reference.ts';
import { createTestApp, testExtractor, type TestApp } from '../support/app.ts';

const ADMIN = { authorization: 'Bearer curator' };
const INGEST = 'mutation ($a: [ArticleInput!]!) { ingestArticles(articles: $a) { created updated items { article { articleId } } } }';
const KINDS: (EntityKind | null)[] = [null, 'PERSON', 'COUNTRY', 'ORGANIZATION', 'PLACE'];
const DAY_MS = 86_400_000;
/** [window days, baseline days]: a week against two (the API's default baseline), a month, a day, a short window against a long baseline, a year. */
const WINDOWS: [number, number][] = [[7, 14], [30, 14], [1, 1], [3, 30], [365, 7]];
const LIMITS = [1, 5, 10, 40];

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ apiKeys: ['curator:admin'], yoga: { settings: { rateLimitPerMinute: 0, costPerMinute: 0, responseCacheTtlMs: 0 } } });
  // A synthetic month of news: hubs, a long tail of one article, entities in every count bucket up to ~2^6.
  const records = [...generateCorpus({ articles: 300, seed: 7, start: '2021-01-01', days: 90 })].map((input, i) => ({ origin: `kept:${i}`, input }));
  const report = await ingestRecords(app.store, testExtractor(), records);
  expect(report.created).toBe(300);
}, 300_000);
afterAll(() => app.close());

/** What a reader read: the lowest day bucket it ranked, and the hubs it bounded from their weeks and those it then ranked from their days. */
interface Reads {
  lowestLevel: number;
  bounded: number;
  ranked: number;
}

function watching(runner: QueryRunner, reads: Reads): QueryRunner {
  return { run: async (query: string, params: Record<string, unknown> = {}) => {
    const rows = await runner.run(query, params);
    if (query.includes('EntityDay {slot')) {
      for (const slot of params.slots as string[]) reads.lowestLevel = Math.min(reads.lowestLevel, Number(slot.slice(slot.lastIndexOf(':') + 1)));
    }
    if (query.includes('EntityWeek {slot')) {
      const [all] = await runner.run<{ n: number }>('UNWIND $slots AS slot MATCH (w:EntityWeek {slot: slot}) RETURN count(DISTINCT w.entity) AS n', params);
      reads.bounded += all.n;
    }
    if (query.includes('EntityDay {key')) reads.ranked += (params.keys as string[]).length;
    return rows;
  } } as QueryRunner;
}

async function optionsFor(kind: EntityKind | null, windowLength: number, baselineDays: number, limit: number, back: number): Promise<TrendOptions> {
  const until = new Date(Date.parse((await latestArticleDate(app.store))!) - back * DAY_MS).toISOString();
  const since = new Date(Date.parse(until) - windowLength * DAY_MS).toISOString();
  return {
    kind,
    baselineStart: new Date(Date.parse(since) - baselineDays * DAY_MS).toISOString(),
    since,
    until,
    minCount: 1,
    windowDays: Math.max(daysBetween(dayOf(since), dayOf(until)).length, 1),
    baselineDays,
    smoothing: 1 / baselineDays,
    limit,
  };
}

/** [first level, hub level]: every first level with the default hubs (none in this corpus), and hubs from low levels. */
const LEVELS: [number, number][] = [[0, HUB_LEVEL], [1, HUB_LEVEL], [2, HUB_LEVEL], [3, HUB_LEVEL], [5, HUB_LEVEL], [1, 2], [1, 3], [2, 4]];

/**
 * Every kind, window and limit, from every first level and hub level: the reference's answer.
 * Returns how many answers read no bucket below their first level, and (baselines of two weeks or
 * more) the hubs bounded from their weeks and those ranked from their days.
 */
async function expectSameTrends(): Promise<{ closedEarly: number; bounded: number; ranked: number }> {
  let closedEarly = 0;
  let bounded = 0;
  let ranked = 0;
  for (const kind of KINDS) {
    for (const [windowLength, baselineDays] of WINDOWS) {
      for (const limit of LIMITS) {
        for (const back of [0, 40]) {
          const options = await optionsFor(kind, windowLength, baselineDays, limit, back);
          const expected = await trendCountsReadingEveryDay(app.store, options);
          for (const [firstLevel, hubLevel] of LEVELS) {
            const reads: Reads = { lowestLevel: Infinity, bounded: 0, ranked: 0 };
            const got = await trendCounts(watching(app.store, reads), options, firstLevel, hubLevel);
            expect(got, `${kind} ${windowLength}/${baselineDays} first ${limit} back ${back} from level ${firstLevel}, hubs from ${hubLevel}`).toEqual(expected);
            if (firstLevel > 0 && reads.lowestLevel >= firstLevel) closedEarly++;
            // Baselines of two weeks or more hold a whole week, which bounds a hub's articles before.
            if (baselineDays >= 14) {
              bounded += reads.bounded;
              ranked += reads.ranked;
            }
          }
        }
      }
    }
  }
  expect(await verifyCounts(app.store)).toEqual([]);
  return { closedEarly, bounded, ranked };
}

const tail = (n: number, text: string, publishedAt: string) => ({ title: `Kept ${n}`, text, publishedAt, url: `https://kept-ranking.test/${n}` });

describe('trending from slotted day rows', () => {
  it('gives the answers of reading every day row, and most answers close from the first level', async () => {
    const options = await optionsFor(null, 30, 14, 10, 0);
    expect((await trendCountsReadingEveryDay(app.store, options)).length).toBe(10);
    const { closedEarly, bounded, ranked } = await expectSameTrends();
    // The pruning is real: a good share of the answers never read the lower buckets (and some do),
    // and most hubs bounded from their weeks are never ranked from their days.
    expect(closedEarly).toBeGreaterThan(100);
    expect(closedEarly).toBeLessThan(KINDS.length * WINDOWS.length * LIMITS.length * 2 * (LEVELS.length - 1));
    expect(bounded).toBeGreaterThan(1000);
    expect(ranked).toBeLessThan(bounded / 3);
  }, 300_000);

  it('keeps them after new articles (a new name several times: a bucket moved), an update, a delete, a merge and its undo', async () => {
    const latest = (await latestArticleDate(app.store))!;
    const at = (daysBack: number) => new Date(Date.parse(latest) - daysBack * DAY_MS).toISOString();
    const fresh = Array.from({ length: 9 }, (_, i) => tail(i, `Ambassador Quentin Varrowby met Sergei Lavrov in Vienna. Varrowby spoke of Ukraine (${i}).`, at(i % 5)));
    const ingest = await app.gql(INGEST, { a: fresh }, ADMIN);
    expect(ingest.errors).toBeUndefined();
    const [varrowby] = await app.store.run<{ key: string; bucket: string }>("MATCH (e:Entity) WHERE e.nameLower CONTAINS 'varrowby' RETURN e.key AS key, e.countBucket AS bucket");
    expect(varrowby.bucket).toBe('PERSON:3');
    const { data } = await app.gql(`{ trending(since: "${at(7)}", first: 5) { entity { key } windowCount } }`);
    expect(data.trending).toContainEqual({ entity: { key: varrowby.key }, windowCount: 9 });
    await expectSameTrends();

    // An update that moves an article back a year without Varrowby, and a delete of another: he drops to the bucket below.
    const moved = await app.gql(INGEST, { a: [tail(0, 'Sergei Lavrov met officials in Vienna on Ukraine (0).', at(400))] }, ADMIN);
    expect(moved.data.ingestArticles.updated).toBe(1);
    const del = await app.gql('mutation ($id: String!) { deleteArticle(id: $id) { id } }', { id: ingest.data.ingestArticles.items[1].article.articleId }, ADMIN);
    expect(del.errors).toBeUndefined();
    const [after] = await app.store.run<{ bucket: string }>('MATCH (e:Entity {key: $key}) RETURN e.countBucket AS bucket', { key: varrowby.key });
    expect(after.bucket).toBe('PERSON:2');
    await expectSameTrends();

    const [hub] = await app.store.run<{ key: string }>("MATCH (e:Entity {kind: 'PERSON'}) WHERE e.key <> $key RETURN e.key AS key ORDER BY e.articleCount DESC, key LIMIT 1", { key: varrowby.key });
    const merge = await app.gql('mutation ($t: EntityRef!, $s: [EntityRef!]!) { mergeEntities(target: $t, sources: $s) { id } }', { t: { key: varrowby.key }, s: [{ key: hub.key }] }, ADMIN);
    expect(merge.errors).toBeUndefined();
    await expectSameTrends();
    const undo = await app.gql('mutation ($id: ID!) { undoCuration(id: $id) { id } }', { id: merge.data.mergeEntities.id }, ADMIN);
    expect(undo.errors).toBeUndefined();
    const [back] = await app.store.run<{ bucket: string }>('MATCH (e:Entity {key: $key}) RETURN e.countBucket AS bucket', { key: varrowby.key });
    expect(back.bucket).toBe('PERSON:2');
    await expectSameTrends();
  }, 600_000);

  it('are checked by verify-counts, and the backfill (migration 009) re-slots them, twice alike', async () => {
    const [e] = await app.store.run<{ key: string }>("MATCH (e:Entity {kind: 'COUNTRY'}) RETURN e.key AS key ORDER BY e.articleCount DESC, key LIMIT 1");
    const [d] = await app.store.run<{ key: string }>("MATCH (d:EntityDay) WHERE d.entity <> $key RETURN d.key AS key ORDER BY key LIMIT 1", { key: e.key });
    await app.store.transaction(async (tx) => {
      await tx.run("MATCH (x:Entity {key: $key}) SET x.daysBucket = 'COUNTRY:0'", { key: e.key });
      await tx.run("MATCH (x:EntityDay {key: $key}) SET x.slot = '1999-01-01|PLACE:9'", { key: d.key });
    });
    const differences = await verifyCounts(app.store);
    expect(differences.map((x) => `${x.what} ${x.key}`).sort()).toEqual([`entity-day-slot ${d.key}`, `entity-day-slot ${e.key}`].sort());
    // A graph from before the slots: none of them.
    await app.store.transaction(async (tx) => {
      await tx.run('MATCH (x:EntityDay) REMOVE x.slot');
      await tx.run('MATCH (x:Entity) REMOVE x.daysBucket');
    });
    expect((await verifyCounts(app.store)).length).toBeGreaterThan(100);
    await backfillDaySlots(app.store);
    expect(await verifyCounts(app.store)).toEqual([]);
    await backfillDaySlots(app.store);
    await expectSameTrends();
  }, 600_000);

  it('keep week sums that verify-counts checks and the backfill (migration 011) rebuilds, twice alike', async () => {
    const weeks = await app.store.run<{ key: string; week: string; slot: string }>('MATCH (w:EntityWeek) RETURN w.key AS key, w.week AS week, w.slot AS slot ORDER BY key LIMIT 3');
    expect(weeks.map((w) => weekOf(w.week))).toEqual(weeks.map((w) => w.week));
    await app.store.transaction(async (tx) => {
      await tx.run('MATCH (w:EntityWeek {key: $key}) SET w.articles = w.articles + 3', { key: weeks[0].key });
      await tx.run('MATCH (w:EntityWeek {key: $key}) DELETE w', { key: weeks[1].key });
      await tx.run("MATCH (w:EntityWeek {key: $key}) SET w.slot = '1999-01-04|PLACE:9'", { key: weeks[2].key });
    });
    const differences = await verifyCounts(app.store);
    expect(differences.map((x) => `${x.what} ${x.key}`).sort()).toEqual([`entity-week ${weeks[0].key}`, `entity-week ${weeks[1].key}`, `entity-day-slot ${weeks[2].key}`].sort());
    // A graph from before the weeks: none of them.
    await app.store.transaction((tx) => tx.run('MATCH (w:EntityWeek) DELETE w'));
    expect((await verifyCounts(app.store)).filter((x) => x.what === 'entity-week').length).toBeGreaterThan(100);
    await backfillEntityWeeks(app.store);
    expect(await verifyCounts(app.store)).toEqual([]);
    await backfillEntityWeeks(app.store);
    await expectSameTrends();
  }, 600_000);
});
