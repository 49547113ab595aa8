/**
 * Counts kept at ingest, so that questions over time read a few rows instead of walking a hub's
 * articles:
 * - `(:EntityDay {key, entity, day, articles, mentions})`: per entity and UTC day, the articles
 *   mentioning it and its mentions in them; found by `key` ("<entity>|<day>"), by `entity` (its
 *   timeline) and by `day` (trending), each indexed (migration 005).
 * - on each co-mention pair `(:CoMention {key, a, b, articles, firstSeen, lastSeen, days, dayArticles})`:
 *   `days` (sorted "YYYY-MM-DD") and `dayArticles` (articles mentioning both on that day) beside
 *   the totals. A pair brings ~230 rows per article (22 entities); one node per pair and day would
 *   multiply the nodes and the write rows by the days a pair spans, while the lists cost a read and a
 *   write of the pair the batch touches anyway.
 * New articles add to these in the transaction that writes them; updates, deletes, merges and
 * unmerges recount what they touched from the mentions (recountEntityDays, pair recounts in
 * ingest.ts); `verifyCounts` recomputes everything from the mentions and `backfillCounts` rebuilds it.
 */
import type { QueryRunner, Runner } from '../runner.ts';
import { runRows } from './rows.ts';

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

const byKey = (x: { key: string }, y: { key: string }) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);

// ---------------------------------------------------------------- entity days

export interface EntityDayCount {
  entity: string;
  day: string;
  articles: number;
  mentions: number;
}

const entityDayKey = (entity: string, day: string) => `${entity}|${day}`;

/** Adds to entity-day counts, creating the days that are new (the ingest of new articles). */
export async function addEntityDays(tx: QueryRunner, counts: EntityDayCount[]): Promise<void> {
  if (counts.length === 0) return;
  const rows = counts.map((c) => ({ key: entityDayKey(c.entity, c.day), ...c })).sort(byKey);
  const found = await tx.run<{ key: string }>('UNWIND $keys AS k MATCH (d:EntityDay {key: k}) RETURN d.key AS key', { keys: rows.map((r) => r.key) });
  const existing = new Set(found.map((r) => r.key));
  const known = rows.filter((r) => existing.has(r.key));
  if (known.length > 0) {
    await runRows(
      tx,
      known.map(({ key, articles, mentions }) => ({ key, articles, mentions })),
      'MATCH (d:EntityDay {key: row.key}) SET d.articles = d.articles + row.articles, d.mentions = d.mentions + row.mentions',
    );
  }
  await createEntityDays(tx, rows.filter((r) => !existing.has(r.key)));
}

async function createEntityDays(tx: QueryRunner, rows: (EntityDayCount & { key: string })[]): Promise<void> {
  if (rows.length === 0) return;
  await runRows(
    tx,
    rows.map(({ key, entity, day, articles, mentions }) => ({ key, entity, day, articles, mentions })),
    'CREATE (:EntityDay {key: row.key, entity: row.entity, day: row.day, articles: row.articles, mentions: row.mentions})',
  );
}

/** The entity-day counts of `keys` as their mentions give them. */
async function entityDaysFromMentions(tx: QueryRunner, keys: string[]): Promise<EntityDayCount[]> {
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
  await createEntityDays(tx, (await entityDaysFromMentions(tx, keys)).map((c) => ({ key: entityDayKey(c.entity, c.day), ...c })).sort(byKey));
}

export async function deleteEntityDays(tx: QueryRunner, keys: string[]): Promise<void> {
  await tx.run('UNWIND $keys AS k MATCH (d:EntityDay {entity: k}) DELETE d', { keys });
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

const PAIR = `{ .key, .a, .b, .articles, .firstSeen, .lastSeen, days: coalesce(p.days, []), dayArticles: coalesce(p.dayArticles, []) }`;

async function storedPairs(tx: QueryRunner, keys: string[]): Promise<Map<string, PairCounts>> {
  const rows = await tx.run<{ p: PairCounts }>(`UNWIND $keys AS k MATCH (p:CoMention {key: k}) RETURN p ${PAIR} AS p`, { keys });
  return new Map(rows.map((r) => [r.p.key, r.p]));
}

/**
 * Adds articles to co-mention pairs (`mode: 'add'`, the ingest of new articles) or sets pairs to
 * counts recomputed from the mentions (`'set'`), creating the pairs that are new. A pair is a
 * `(:CoMention)` node that both entities point to with CO_MENTIONED, found by its indexed key: the
 * embedded engine finds an existing relationship only by walking an end's edges, thousands for a
 * hub, while an indexed node is one lookup. Existing pairs are read first (their day lists are
 * merged here), so that each kind of row gets the plain statement it needs: a property update, or
 * a create with both links (a MERGE costs about twice either).
 */
export async function writePairs(tx: QueryRunner, rows: PairCounts[], mode: 'add' | 'set'): Promise<void> {
  if (rows.length === 0) return;
  // Safe without MERGE on Neo4j too, where write transactions run side by side: an ingest has written
  // to both entities of each pair earlier in its transaction (step 3 of writeArticles) and so holds
  // their write locks until it commits; a recount holds at least one (recountEntities comes first).
  // Another transaction creating the same pair must wait for the first to commit, then finds it here.
  // Left open: two curations at once, each holding a different end of one missing pair; the second
  // fails on the key's constraint and is rolled back whole.
  const sorted = [...rows].sort(byKey);
  const stored = await storedPairs(tx, sorted.map((r) => r.key));
  const known = sorted.filter((r) => stored.has(r.key)).map((r) => (mode === 'set' ? r : merged(stored.get(r.key)!, r)));
  if (known.length > 0) {
    await runRows(
      tx,
      known.map(({ key, articles, firstSeen, lastSeen, days, dayArticles }) => ({ key, articles, firstSeen, lastSeen, days, dayArticles })),
      `MATCH (p:CoMention {key: row.key})
       SET p.articles = row.articles, p.firstSeen = row.firstSeen, p.lastSeen = row.lastSeen, p.lastDay = substring(row.lastSeen, 0, 10),
           p.days = row.days, p.dayArticles = row.dayArticles`,
    );
  }
  const fresh = sorted.filter((r) => !stored.has(r.key));
  if (fresh.length > 0) {
    await runRows(
      tx,
      fresh.map(({ key, a, b, articles, firstSeen, lastSeen, days, dayArticles }) => ({ key, a, b, articles, firstSeen, lastSeen, days, dayArticles })),
      `MATCH (x:Entity {key: row.a})
       MATCH (y:Entity {key: row.b})
       CREATE (x)-[:CO_MENTIONED]->(:CoMention {key: row.key, a: row.a, b: row.b, articles: row.articles, firstSeen: row.firstSeen,
         lastSeen: row.lastSeen, lastDay: substring(row.lastSeen, 0, 10), days: row.days, dayArticles: row.dayArticles})<-[:CO_MENTIONED]-(y)`,
    );
  }
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

// ---------------------------------------------------------------- checking and rebuilding from the mentions

export interface CountDifference {
  /** What differs: an article's day, an entity's counters, one of its days, a pair's totals or its days. */
  what: 'article-day' | 'entity' | 'entity-day' | 'pair' | 'pair-days';
  key: string;
  stored: unknown;
  expected: unknown;
}

/** Entities per chunk when counts are checked or rebuilt a part at a time (bounded memory and transactions). */
const ENTITIES_PER_CHUNK = 2_000;

async function entityKeys(runner: QueryRunner): Promise<string[]> {
  const rows = await runner.run<{ key: string }>('MATCH (e:Entity) RETURN e.key AS key ORDER BY key');
  return rows.map((r) => r.key);
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
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

/** Every pair whose lower key is in [lo, hi), counted from the articles' mentions. */
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
  return pairs;
}

/** The keys of the stored pairs whose lower key is in [lo, hi). */
async function storedPairKeys(runner: QueryRunner, lo: string, hi: string | null): Promise<Set<string>> {
  const rows = await runner.run<{ key: string }>('MATCH (p:CoMention) WHERE p.a >= $lo AND ($hi IS NULL OR p.a < $hi) RETURN p.key AS key', { lo, hi });
  return new Set(rows.map((r) => r.key));
}

/** Pairs read per call: their day lists are the bulk of what a call converts. */
const PAIRS_PER_CALL = 10_000;

const sameList = (x: unknown[], y: unknown[]) => x.length === y.length && x.every((v, i) => v === y[i]);

/**
 * Recomputes every kept count from the mentions and lists where the stored ones differ: each
 * entity's articleCount and mentionCount, its days, each co-mention pair's totals and days.
 * Read-only; a part at a time.
 */
export async function verifyCounts(runner: QueryRunner): Promise<CountDifference[]> {
  const differences: CountDifference[] = [];
  const misdated = await runner.run<{ id: string; day: string | null; expected: string }>(
    'MATCH (a:Article) WHERE a.day IS NULL OR a.day <> substring(a.sortDate, 0, 10) RETURN a.id AS id, a.day AS day, substring(a.sortDate, 0, 10) AS expected',
  );
  for (const a of misdated) differences.push({ what: 'article-day', key: a.id, stored: a.day, expected: a.expected });
  const keys = await entityKeys(runner);
  for (const chunk of chunks(keys, ENTITIES_PER_CHUNK)) {
    // Grouped from the entities rather than a subquery per entity: on the embedded engine
    // `CALL (e) { MATCH (a:Article)-[m:MENTIONS]->(e) … }` scans every article for each entity.
    const stored = await runner.run<{ key: string; articleCount: number; mentionCount: number }>(
      'UNWIND $keys AS k MATCH (e:Entity {key: k}) RETURN k AS key, e.articleCount AS articleCount, e.mentionCount AS mentionCount',
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
    for (const c of stored) {
      const e = counted.get(c.key) ?? { articles: 0, mentions: 0 };
      if (c.articleCount !== e.articles || c.mentionCount !== e.mentions) {
        differences.push({ what: 'entity', key: c.key, stored: { articles: c.articleCount, mentions: c.mentionCount }, expected: { articles: e.articles, mentions: e.mentions } });
      }
    }
    const expected = new Map((await entityDaysFromMentions(runner, chunk)).map((c) => [entityDayKey(c.entity, c.day), c]));
    const storedDays = await runner.run<EntityDayCount & { key: string } & Record<string, unknown>>(
      'UNWIND $keys AS k MATCH (d:EntityDay {entity: k}) RETURN d.key AS key, d.entity AS entity, d.day AS day, d.articles AS articles, d.mentions AS mentions',
      { keys: chunk },
    );
    const seen = new Set<string>();
    for (const s of storedDays) {
      seen.add(s.key);
      const e = expected.get(s.key);
      if (!e || e.articles !== s.articles || e.mentions !== s.mentions || s.key !== entityDayKey(s.entity, s.day)) {
        differences.push({ what: 'entity-day', key: s.key, stored: { articles: s.articles, mentions: s.mentions }, expected: e ? { articles: e.articles, mentions: e.mentions } : null });
      }
    }
    for (const [key, e] of expected) {
      if (!seen.has(key)) differences.push({ what: 'entity-day', key, stored: null, expected: { articles: e.articles, mentions: e.mentions } });
    }
  }
  // Day counts of entities that are gone.
  const known = new Set(keys);
  const orphans = await runner.run<{ key: string; entity: string }>('MATCH (d:EntityDay) RETURN d.key AS key, d.entity AS entity');
  for (const o of orphans) if (!known.has(o.entity)) differences.push({ what: 'entity-day', key: o.key, stored: 'present', expected: null });

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
  const keys = await entityKeys(runner);
  for (const chunk of chunks(keys, ENTITIES_PER_CHUNK)) await runner.transaction((tx) => recountEntityDays(tx, chunk));
  for (const { lo, hi } of await pairParts(runner, keys)) {
    const expected = await expectedPairs(runner, lo, hi);
    const storedKeys = await storedPairKeys(runner, lo, hi);
    for (const chunk of chunks([...expected.values()], PAIRS_PER_CALL)) await runner.transaction((tx) => writePairs(tx, chunk, 'set'));
    const gone = [...storedKeys].filter((k) => !expected.has(k));
    for (const chunk of chunks(gone, PAIRS_PER_CALL)) await runner.transaction((tx) => tx.run('UNWIND $keys AS k MATCH (p:CoMention {key: k}) DETACH DELETE p', { keys: chunk }));
  }
}
