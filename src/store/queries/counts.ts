/**
 * Counts kept at ingest, so that questions over time read a few rows instead of walking a hub's
 * articles:
 * - `(:EntityDay {key, entity, day, articles, mentions})`: per entity and UTC day, the articles
 *   mentioning it and its mentions in them; found by `key` ("<entity>|<day>"), by `entity` (its
 *   timeline) and by `day`, each indexed (migration 005), and by `slot`: the day and the entity's
 *   countBucket ("2017-08-06|PERSON:7", migration 009), so that trending reads the days of the
 *   entities mentioned often enough to rank, not every entity's (trend-counts.ts). The entity's
 *   `daysBucket` is the bucket its days are slotted under: slotEntityDays re-slots them when
 *   countBucket moves (log2 of articleCount: a few times in an entity's life).
 * - `(:EntityWeek)`: the day rows summed by entity and week, slotted alike, written and re-slotted
 *   with them (entity-weeks.ts): trending bounds a frequent entity from a few weeks.
 * - on each co-mention pair `(:CoMention {key, a, b, articles, firstSeen, lastSeen, days, dayArticles})`:
 *   `days` (sorted "YYYY-MM-DD") and `dayArticles` (articles mentioning both on that day) beside
 *   the totals. A pair brings ~230 rows per article (22 entities); one node per pair and day would
 *   multiply the nodes and the write rows by the days a pair spans, while the lists cost a read and a
 *   write of the pair the batch touches anyway.
 * - a pair has its node only from its SECOND shared article (MIN_PAIR_ARTICLES): five pairs in six
 *   share one article, and creating their nodes was most of the ingest's time and memory. A pair
 *   of one article is read from that article's mentions (pair-lookup.ts): readers take the kept
 *   pairs first (ranked first anyway: one article proves little) and walk an entity's articles, or
 *   look a pair up from its smaller end, only where one-article pairs can be in the answer. The
 *   ingest finds the earlier article a pair without a node may share before creating it.
 * New articles add to these in the transaction that writes them; updates, deletes, merges and
 * unmerges recount what they touched from the mentions (recountEntities, recountCoMentions);
 * verify-counts.ts recomputes everything from the mentions and rebuilds it.
 */
import type { QueryRunner, Runner } from '../runner.ts';
import { deleteNameTerms, setCountBucket } from './names.ts';
import { addEntityWeeks, createEntityWeeks, deleteEntityWeeks, weeksOfDays } from './entity-weeks.ts';
import { byKey, inEntityChunks, runRows } from './rows.ts';

/** The UTC day a stored sortDate (an ISO string in UTC) falls on. */
export function dayOf(sortDate: string): string {
  return sortDate.slice(0, 10);
}

/** The key of a co-mention pair: the two entity keys in order. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export function pairsOf(keys: string[]): [string, string][] {
  const sorted = [...new Set(keys)].sort();
  const pairs: [string, string][] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) pairs.push([sorted[i], sorted[j]]);
  }
  return pairs;
}

// ---------------------------------------------------------------- entity days

export interface EntityDayCount {
  entity: string;
  day: string;
  articles: number;
  mentions: number;
}

export const entityDayKey = (entity: string, day: string) => `${entity}|${day}`;

/** Adds to entity-day counts, creating the days that are new (the ingest of new articles). */
export async function addEntityDays(tx: QueryRunner, counts: EntityDayCount[]): Promise<void> {
  if (counts.length === 0) return;
  const rows = counts.map((c) => ({ key: entityDayKey(c.entity, c.day), ...c })).sort(byKey);
  const found = await tx.run<{ key: string }>('UNWIND $keys AS k MATCH (d:EntityDay {key: k}) RETURN d.key AS key', { keys: rows.map((r) => r.key) });
  const existing = new Set(found.map((r) => r.key));
  const known = rows.filter((r) => existing.has(r.key));
  await runRows(
    tx,
    known.map(({ key, articles, mentions }) => ({ key, articles, mentions })),
    'MATCH (d:EntityDay {key: row.key}) SET d.articles = d.articles + row.articles, d.mentions = d.mentions + row.mentions',
  );
  await createEntityDays(tx, rows.filter((r) => !existing.has(r.key)));
  await addEntityWeeks(tx, counts);
}

/** Creates day rows, each slotted under its entity's daysBucket (slotEntityDays first when countBucket may have moved). */
async function createEntityDays(tx: QueryRunner, rows: (EntityDayCount & { key: string })[]): Promise<void> {
  await runRows(
    tx,
    rows.map(({ key, entity, day, articles, mentions }) => ({ key, entity, day, articles, mentions })),
    `MATCH (e:Entity {key: row.entity})
     CREATE (:EntityDay {key: row.key, entity: row.entity, day: row.day, articles: row.articles, mentions: row.mentions, slot: row.day + '|' + e.daysBucket})`,
  );
}

/** The slot of an entity's day row: the day and the entity's countBucket. */
export const daySlot = (day: string, bucket: string) => `${day}|${bucket}`;

/**
 * Re-slots the day rows of the entities among `keys` whose countBucket is not the bucket their
 * days are slotted under (after the statement that set articleCount), and records it as their
 * daysBucket: only those entities' days are read.
 */
export async function slotEntityDays(tx: QueryRunner, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  const moved = await tx.run<{ key: string }>(
    `UNWIND $keys AS k
     MATCH (e:Entity {key: k})
     WHERE e.daysBucket IS NULL OR e.daysBucket <> e.countBucket
     SET e.daysBucket = e.countBucket
     RETURN k AS key`,
    { keys: [...keys].sort() },
  );
  if (moved.length === 0) return;
  const movedKeys = moved.map((r) => r.key);
  await slotRows(tx, 'EntityDay', movedKeys);
  await slotRows(tx, 'EntityWeek', movedKeys);
}

/** Slots the day (or week) rows of these entities under their daysBucket: `<day or week>|<bucket>`. */
async function slotRows(tx: QueryRunner, label: 'EntityDay' | 'EntityWeek', keys: string[]): Promise<void> {
  const period = label === 'EntityDay' ? 'day' : 'week';
  await tx.run(
    `UNWIND $keys AS k
     MATCH (e:Entity {key: k})
     MATCH (r:${label} {entity: k})
     SET r.slot = r.${period} + '|' + e.daysBucket`,
    { keys },
  );
}

/** The entity-day counts of `keys` as their mentions give them. */
export async function entityDaysFromMentions(tx: QueryRunner, keys: string[]): Promise<EntityDayCount[]> {
  return tx.run<EntityDayCount & Record<string, unknown>>(
    `UNWIND $keys AS k
     MATCH (:Entity {key: k})<-[m:MENTIONS]-(a:Article)
     RETURN k AS entity, substring(a.sortDate, 0, 10) AS day, count(a) AS articles, sum(m.count) AS mentions`,
    { keys },
  );
}

/** Sets the entity-day counts of `keys` from their mentions; an entity no article mentions keeps none. */
export async function recountEntityDays(tx: QueryRunner, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await deleteEntityDays(tx, keys);
  await slotEntityDays(tx, keys);
  const days = await entityDaysFromMentions(tx, keys);
  await createEntityDays(tx, days.map((c) => ({ key: entityDayKey(c.entity, c.day), ...c })).sort(byKey));
  await createEntityWeeks(tx, weeksOfDays(days));
}

/** Data migration: every entity's days slotted under its count bucket. Idempotent (each entity's days are slotted anew). */
export async function backfillDaySlots(runner: Runner): Promise<void> {
  await inEntityChunks(runner, async (tx, keys) => {
    await tx.run('UNWIND $keys AS k MATCH (e:Entity {key: k}) SET e.daysBucket = null', { keys });
    await slotEntityDays(tx, keys);
  });
}

export async function deleteEntityDays(tx: QueryRunner, keys: string[]): Promise<void> {
  await tx.run('UNWIND $keys AS k MATCH (d:EntityDay {entity: k}) DELETE d', { keys });
  await deleteEntityWeeks(tx, keys);
}

// ---------------------------------------------------------------- co-mention pairs and their days

/** A pair's counts, or what some articles add to them. `days` sorted, `dayArticles[i]` the articles on `days[i]`. */
export interface PairCounts {
  key: string;
  a: string;
  b: string;
  articles: number;
  firstSeen: string;
  lastSeen: string;
  days: string[];
  dayArticles: number[];
}

/** What articles on `date` add to the pair of `a` and `b`, gathered in `into` by pair key. */
export function addToPair(into: Map<string, PairCounts>, a: string, b: string, date: string, n = 1): void {
  const key = pairKey(a, b);
  let p = into.get(key);
  if (!p) {
    p = { key, a: a < b ? a : b, b: a < b ? b : a, articles: 0, firstSeen: date, lastSeen: date, days: [], dayArticles: [] };
    into.set(key, p);
  }
  p.articles += n;
  if (date < p.firstSeen) p.firstSeen = date;
  if (date > p.lastSeen) p.lastSeen = date;
  addDay(p, dayOf(date), n);
}

/** Adds n articles on `day` to the sorted day lists (appending is the common case: news arrives in date order). */
function addDay(p: Pick<PairCounts, 'days' | 'dayArticles'>, day: string, n: number): void {
  const last = p.days.length - 1;
  if (last < 0 || p.days[last] < day) {
    p.days.push(day);
    p.dayArticles.push(n);
    return;
  }
  if (p.days[last] === day) {
    p.dayArticles[last] += n;
    return;
  }
  let lo = 0;
  let hi = last;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (p.days[mid] < day) lo = mid + 1;
    else hi = mid;
  }
  if (p.days[lo] === day) p.dayArticles[lo] += n;
  else {
    p.days.splice(lo, 0, day);
    p.dayArticles.splice(lo, 0, n);
  }
}

/**
 * Cypher for the articles a pair `p` counts on the days of a window, from its day lists, with
 * `$sinceDay` and `$untilDay` (null for an open end) as windowDays gives them.
 */
export function pairArticlesInWindow(p: string): string {
  return `reduce(s = 0, i IN range(0, size(${p}.days) - 1) |
    s + CASE WHEN ($sinceDay IS NULL OR ${p}.days[i] >= $sinceDay) AND ($untilDay IS NULL OR ${p}.days[i] <= $untilDay) THEN ${p}.dayArticles[i] ELSE 0 END)`;
}

/** The UTC days a window covers, as the kept day counts are filtered: whole days, null for an open end. */
export function windowDays(window: { since?: string | null; until?: string | null }): { sinceDay: string | null; untilDay: string | null } {
  return { sinceDay: window.since ? dayOf(window.since) : null, untilDay: window.until ? dayOf(window.until) : null };
}

/** A pair has a node from its second shared article; a pair of one article is read from that article's mentions. */
export const MIN_PAIR_ARTICLES = 2;

const PAIR = `{ .key, .a, .b, .articles, .firstSeen, .lastSeen, days: coalesce(p.days, []), dayArticles: coalesce(p.dayArticles, []) }`;

/** The stored pairs among `keys`, by key. */
export async function storedPairs(tx: QueryRunner, keys: string[]): Promise<Map<string, PairCounts>> {
  const rows = await tx.run<{ p: PairCounts }>(`UNWIND $keys AS k MATCH (p:CoMention {key: k}) RETURN p ${PAIR} AS p`, { keys });
  return new Map(rows.map((r) => [r.p.key, r.p]));
}

/**
 * Adds articles to co-mention pairs (`mode: 'add'`, the ingest of new articles) or sets pairs to
 * counts recomputed from the mentions (`'set'`): a pair that reaches MIN_PAIR_ARTICLES gets its node,
 * one that a recount leaves below loses it. For `'add'` the caller has added the earlier article a
 * pair without a node may share (pairsBefore in ingest.ts); `known` are the stored pairs when the
 * caller has read them already. A pair is a
 * `(:CoMention)` node that both entities point to with CO_MENTIONED, found by its indexed key: the
 * embedded engine finds an existing relationship only by walking an end's edges, thousands for a
 * hub, while an indexed node is one lookup. Existing pairs are read first (their day lists are
 * merged here), so that each kind of row gets the plain statement it needs: a property update, or
 * a create with both links (a MERGE costs about twice either).
 */
export async function writePairs(tx: QueryRunner, rows: PairCounts[], mode: 'add' | 'set', known?: Map<string, PairCounts>): Promise<void> {
  if (rows.length === 0) return;
  // Safe without MERGE on Neo4j too, where write transactions run side by side: an ingest has written
  // to both entities of each pair earlier in its transaction (step 3 of writeArticles) and so holds
  // their write locks until it commits; a recount holds at least one (recountEntities comes first).
  // Another transaction creating the same pair must wait for the first to commit, then finds it here.
  // Left open: two curations at once, each holding a different end of one missing pair; the second
  // fails on the key's constraint and is rolled back whole.
  const sorted = [...rows].sort(byKey);
  const stored = known ?? (await storedPairs(tx, sorted.map((r) => r.key)));
  const counted = sorted.filter((r) => stored.has(r.key)).map((r) => (mode === 'set' ? r : merged(stored.get(r.key)!, r)));
  await runRows(
    tx,
    counted.filter((r) => r.articles >= MIN_PAIR_ARTICLES).map(({ key, articles, firstSeen, lastSeen, days, dayArticles }) => ({ key, articles, firstSeen, lastSeen, days, dayArticles })),
    `MATCH (p:CoMention {key: row.key})
     SET p.articles = row.articles, p.firstSeen = row.firstSeen, p.lastSeen = row.lastSeen, p.lastDay = substring(row.lastSeen, 0, 10),
         p.days = row.days, p.dayArticles = row.dayArticles`,
  );
  // A recount that leaves a pair at one article removes its node: the article's mentions answer for it.
  const dropped = counted.filter((r) => r.articles < MIN_PAIR_ARTICLES).map((r) => r.key);
  await deletePairs(tx, dropped);
  await runRows(
    tx,
    sorted
      .filter((r) => !stored.has(r.key) && r.articles >= MIN_PAIR_ARTICLES)
      .map(({ key, a, b, articles, firstSeen, lastSeen, days, dayArticles }) => ({ key, a, b, articles, firstSeen, lastSeen, days, dayArticles })),
    `MATCH (x:Entity {key: row.a})
     MATCH (y:Entity {key: row.b})
     CREATE (x)-[:CO_MENTIONED]->(:CoMention {key: row.key, a: row.a, b: row.b, articles: row.articles, firstSeen: row.firstSeen,
       lastSeen: row.lastSeen, lastDay: substring(row.lastSeen, 0, 10), days: row.days, dayArticles: row.dayArticles})<-[:CO_MENTIONED]-(y)`,
  );
}

function merged(stored: PairCounts, added: PairCounts): PairCounts {
  const p = { ...stored, days: [...stored.days], dayArticles: [...stored.dayArticles] };
  p.articles += added.articles;
  if (added.firstSeen < p.firstSeen) p.firstSeen = added.firstSeen;
  if (added.lastSeen > p.lastSeen) p.lastSeen = added.lastSeen;
  added.days.forEach((day, i) => addDay(p, day, added.dayArticles[i]));
  return p;
}

/** The counts of each pair as the articles mentioning both give them; a pair none mentions is absent. */
export async function pairsFromMentions(tx: QueryRunner, pairs: [string, string][]): Promise<Map<string, PairCounts>> {
  const rows = [...new Map(pairs.map(([a, b]) => [pairKey(a, b), { a: a < b ? a : b, b: a < b ? b : a }])).values()];
  const counted = await tx.run<{ a: string; b: string; day: string; n: number; first: string; last: string }>(
    `UNWIND $rows AS row
     MATCH (x:Entity {key: row.a})
     MATCH (y:Entity {key: row.b})
     CALL (x, y) {
       MATCH (x)<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(y)
       RETURN substring(a.sortDate, 0, 10) AS day, count(a) AS n, min(a.sortDate) AS first, max(a.sortDate) AS last
     }
     RETURN row.a AS a, row.b AS b, day, n, first, last
     ORDER BY day`,
    { rows },
  );
  const counts = new Map<string, PairCounts>();
  for (const c of counted) {
    addToPair(counts, c.a, c.b, c.first, c.n);
    const p = counts.get(pairKey(c.a, c.b))!;
    if (c.last > p.lastSeen) p.lastSeen = c.last;
  }
  return counts;
}

// ---------------------------------------------------------------- recounting what an update, delete or curation touched

/** Deletes entities with their co-mention pairs (a pair without both ends means nothing), their day counts and their name index. */
export async function deleteEntities(tx: QueryRunner, keys: string[], where = 'true'): Promise<void> {
  const deleted = await tx.run<{ key: string }>(`UNWIND $keys AS key MATCH (e:Entity {key: key}) WHERE ${where} RETURN key`, { keys });
  if (deleted.length === 0) return;
  keys = deleted.map((r) => r.key);
  await deleteEntityDays(tx, keys);
  await deleteNameTerms(tx, keys);
  await tx.run(
    `UNWIND $keys AS key
     MATCH (e:Entity {key: key})-[:CO_MENTIONED]->(p:CoMention)
     WHERE ${where}
     DETACH DELETE p`,
    { keys },
  );
  await tx.run(`UNWIND $keys AS key MATCH (e:Entity {key: key}) WHERE ${where} DETACH DELETE e`, { keys });
}

/** Sets an entity's counters from its mentions: the reference the incremental path must agree with. */
export async function recountEntities(tx: QueryRunner, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  // In key order, as writeArticles takes its entities: on Neo4j this takes their write locks.
  const sorted = [...keys].sort();
  await tx.run(
    'UNWIND $keys AS key MATCH (e:Entity {key: key}) SET e.articleCount = 0, e.mentionCount = 0, e.firstSeen = null, e.lastSeen = null',
    { keys: sorted },
  );
  // Grouped from the entities: on the embedded engine a subquery per entity over
  // `(a:Article)-[m:MENTIONS]->(e)` scans every article for each entity.
  await tx.run(
    `UNWIND $keys AS key
     MATCH (e:Entity {key: key})<-[m:MENTIONS]-(a:Article)
     WITH e, count(a) AS articles, sum(m.count) AS mentions, min(a.sortDate) AS first, max(a.sortDate) AS last
     SET e.articleCount = articles, e.mentionCount = mentions, e.firstSeen = first, e.lastSeen = last
     ${setCountBucket('e')}`,
    { keys: sorted },
  );
  await recountEntityDays(tx, keys);
  // An entity no article mentions any more is gone from the graph, with its edges.
  await deleteEntities(tx, keys, 'e.articleCount = 0');
}

/** Sets co-mention pairs (totals and days) from the articles that mention both; removes the ones left at zero. */
export async function recountCoMentions(tx: QueryRunner, pairs: [string, string][]): Promise<void> {
  if (pairs.length === 0) return;
  const counts = await pairsFromMentions(tx, pairs);
  await writePairs(tx, [...counts.values()], 'set');
  const gone = [...new Set(pairs.map(([a, b]) => pairKey(a, b)))].filter((k) => !counts.has(k));
  await deletePairs(tx, gone);
}

/** Deletes the co-mention pairs' nodes of these keys, with their links. */
export async function deletePairs(tx: QueryRunner, keys: string[]): Promise<void> {
  if (keys.length > 0) await tx.run('UNWIND $keys AS k MATCH (p:CoMention {key: k}) DETACH DELETE p', { keys });
}
