/**
 * Week sums of the entity-day counts (issue 14): `(:EntityWeek {key, entity, week, articles, slot})`,
 * per entity and UTC week (`week` is the week's Monday, "YYYY-MM-DD"), found by `key`
 * ("<entity>|<week>"), by `entity` and by `slot` (the week and the entity's daysBucket, as the day
 * rows are slotted in counts.ts). They let trending bound a frequent entity's ratio from a few weeks
 * instead of grouping all its days (trend-counts.ts): its articles in the window are at most those of
 * the weeks the window touches, and its articles before at least those of the weeks the baseline holds
 * whole. They change where the day rows change, in the same transaction: the ingest adds to them
 * (addEntityWeeks), a recount sets them from the recounted days (createEntityWeeks after
 * deleteEntityWeeks), slotEntityDays (counts.ts) moves them with the days' slot; verify-counts
 * checks them.
 */
import type { QueryRunner, Runner } from '../runner.ts';
import { byKey, inEntityChunks, runRows } from './rows.ts';
import type { CountDifference } from './verify-counts.ts';

const DAY_MS = 86_400_000;

/** The Monday of the UTC week a day ("YYYY-MM-DD") falls in. */
export function weekOf(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  return new Date(t - ((new Date(t).getUTCDay() + 6) % 7) * DAY_MS).toISOString().slice(0, 10);
}

/** The weeks whose seven days all lie in [first, last] (whole days), in order. */
export function weeksWithin(first: string, last: string): string[] {
  const weeks: string[] = [];
  const end = Date.parse(`${last}T00:00:00Z`);
  let t = Date.parse(`${weekOf(first)}T00:00:00Z`);
  if (new Date(t).toISOString().slice(0, 10) < first) t += 7 * DAY_MS;
  for (; t + 6 * DAY_MS <= end; t += 7 * DAY_MS) weeks.push(new Date(t).toISOString().slice(0, 10));
  return weeks;
}

/** The weeks that hold at least one day of [first, last], in order. */
export function weeksTouching(first: string, last: string): string[] {
  const weeks: string[] = [];
  const end = Date.parse(`${last}T00:00:00Z`);
  for (let t = Date.parse(`${weekOf(first)}T00:00:00Z`); t <= end; t += 7 * DAY_MS) weeks.push(new Date(t).toISOString().slice(0, 10));
  return weeks;
}

export const entityWeekKey = (entity: string, week: string) => `${entity}|${week}`;

export interface EntityWeekCount {
  key: string;
  entity: string;
  week: string;
  articles: number;
}

/** Day counts (or what some articles add to them) summed by entity and week, in key order. */
export function weeksOfDays(days: { entity: string; day: string; articles: number }[]): EntityWeekCount[] {
  const weeks = new Map<string, EntityWeekCount>();
  for (const { entity, day, articles } of days) {
    const week = weekOf(day);
    const key = entityWeekKey(entity, week);
    const w = weeks.get(key);
    if (w) w.articles += articles;
    else weeks.set(key, { key, entity, week, articles });
  }
  return [...weeks.values()].sort(byKey);
}

/** Adds what new articles add to the days to their weeks, creating the weeks that are new (the ingest; after slotEntityDays). */
export async function addEntityWeeks(tx: QueryRunner, days: { entity: string; day: string; articles: number }[]): Promise<void> {
  const rows = weeksOfDays(days);
  if (rows.length === 0) return;
  const found = await tx.run<{ key: string }>('UNWIND $keys AS k MATCH (w:EntityWeek {key: k}) RETURN w.key AS key', { keys: rows.map((r) => r.key) });
  const existing = new Set(found.map((r) => r.key));
  await runRows(
    tx,
    rows.filter((r) => existing.has(r.key)).map(({ key, articles }) => ({ key, articles })),
    'MATCH (w:EntityWeek {key: row.key}) SET w.articles = w.articles + row.articles',
  );
  await createEntityWeeks(tx, rows.filter((r) => !existing.has(r.key)));
}

/** Creates week rows, each slotted under its entity's daysBucket. */
export async function createEntityWeeks(tx: QueryRunner, rows: EntityWeekCount[]): Promise<void> {
  await runRows(
    tx,
    rows.map(({ key, entity, week, articles }) => ({ key, entity, week, articles })),
    `MATCH (e:Entity {key: row.entity})
     CREATE (:EntityWeek {key: row.key, entity: row.entity, week: row.week, articles: row.articles, slot: row.week + '|' + e.daysBucket})`,
  );
}

export async function deleteEntityWeeks(tx: QueryRunner, keys: string[]): Promise<void> {
  await tx.run('UNWIND $keys AS k MATCH (w:EntityWeek {entity: k}) DELETE w', { keys });
}

/** The stored week rows of these entities. */
export async function storedEntityWeeks(runner: QueryRunner, keys: string[]): Promise<(EntityWeekCount & { slot: string | null })[]> {
  return runner.run<EntityWeekCount & { slot: string | null } & Record<string, unknown>>(
    'UNWIND $keys AS k MATCH (w:EntityWeek {entity: k}) RETURN w.key AS key, w.entity AS entity, w.week AS week, w.articles AS articles, w.slot AS slot',
    { keys },
  );
}

/**
 * Data migration 011: every entity's week rows set from its day rows (the day rows are the kept
 * counts the weeks sum; verify-counts checks both against the mentions). Idempotent.
 */
export async function backfillEntityWeeks(runner: Runner): Promise<void> {
  await inEntityChunks(runner, async (tx, keys) => {
    await deleteEntityWeeks(tx, keys);
    const days = await tx.run<{ entity: string; day: string; articles: number }>(
      'UNWIND $keys AS k MATCH (d:EntityDay {entity: k}) RETURN d.entity AS entity, d.day AS day, d.articles AS articles',
      { keys },
    );
    await createEntityWeeks(tx, weeksOfDays(days));
  });
}

/**
 * verify-counts' check of these entities' week rows: each the sum of the days the mentions give
 * (`expectedDays`), slotted under the bucket of the entity's counted articles (`bucketOf`).
 */
export async function entityWeekDifferences(
  runner: QueryRunner,
  keys: string[],
  expectedDays: { entity: string; day: string; articles: number }[],
  bucketOf: Map<string, string>,
): Promise<CountDifference[]> {
  const differences: CountDifference[] = [];
  const expected = new Map(weeksOfDays(expectedDays).map((w) => [w.key, w]));
  const seen = new Set<string>();
  for (const s of await storedEntityWeeks(runner, keys)) {
    seen.add(s.key);
    const e = expected.get(s.key);
    const slot = `${s.week}|${bucketOf.get(s.entity) ?? ''}`;
    if (!e || e.articles !== s.articles || s.key !== entityWeekKey(s.entity, s.week)) {
      differences.push({ what: 'entity-week', key: s.key, stored: s.articles, expected: e ? e.articles : null });
    } else if (s.slot !== slot) {
      differences.push({ what: 'entity-day-slot', key: s.key, stored: s.slot, expected: slot });
    }
  }
  for (const [key, e] of expected) if (!seen.has(key)) differences.push({ what: 'entity-week', key, stored: null, expected: e.articles });
  return differences;
}

/** Week rows of entities that are gone. */
export async function orphanEntityWeeks(runner: QueryRunner, known: Set<string>): Promise<CountDifference[]> {
  const rows = await runner.run<{ key: string; entity: string }>('MATCH (w:EntityWeek) RETURN w.key AS key, w.entity AS entity');
  return rows.filter((w) => !known.has(w.entity)).map((w) => ({ what: 'entity-week', key: w.key, stored: 'present', expected: null }));
}
