/**
 * What links each of many pairs of entities, in a few statements whatever the number of pairs:
 * the latest event both took part in and the newest articles mentioning both, with where in them
 * each is mentioned. The answers of sharedEvents and sharedArticles (relations.ts) for each pair,
 * read for all pairs at once (the evidence behind the hops of candidate paths).
 *
 * A pair's walk is cheap only from its less mentioned end, and an UNWIND has one plan for all its
 * rows: so the pairs are first oriented from their ends' kept article counts (one statement), and
 * each walk's pattern holds only its small end `s`; the large end `l` is compared by identity with
 * the node the walk reaches (`WHERE e = l`), so no engine can start from it. With `l` in the
 * pattern, Neo4j 5.26 expanded from it, the hub (466k db hits for the 6 pairs of the benchmark's
 * paths at 10k, 793 ms under PROFILE); matched by key instead, the embedded engine read the key
 * of every mention of `s`'s articles (41k, +5 ms against the identity check).
 */
import type { QueryRunner } from '../runner.ts';
import { DAY_PAGES_FROM } from './articles.ts';
import { pairKey } from './counts.ts';
import type { SharedArticleRow } from './relations.ts';
import { byString, runRows } from './rows.ts';
import { ARTICLE, EVENT, WINDOW, windowParams, type EventRow, type Window } from './shapes.ts';

export interface EvidencePair {
  /** The caller's name for the pair; each pair once. */
  id: string;
  a: string;
  b: string;
}

export interface PairEvidence {
  /** Each pair's latest shared event (date, then key), when it has one. */
  events: Map<string, EventRow>;
  /** Each pair's newest `limit` shared articles (sortDate, then id), newest first; `aSentences` are a's. */
  articles: Map<string, SharedArticleRow[]>;
}

interface Oriented extends EvidencePair {
  /** The less mentioned end (a on a tie) and the other. */
  s: string;
  l: string;
  /** Newest first: the kept days that hold the pair's first `limit` articles; null to walk from `s`. */
  days: string[] | null;
}

/**
 * The days lists of `row`'s pair node, as a list of one (none when the pair has no node): an
 * OPTIONAL MATCH by key after the UNWIND is planned as a scan of every pair node on the embedded
 * engine (850 ms at 10k), a MATCH in a subquery as an index seek.
 */
const PAIR_DAYS = `CALL (row) {
       MATCH (p:CoMention {key: row.key})
       RETURN collect(coalesce(p.days, [])) AS days, collect(coalesce(p.dayArticles, [])) AS counts
     }`;

/**
 * Each pair with its small end, and (without a window) the days that hold its page when both ends
 * are in more than `dayPagesFrom` articles and the pair has a node (as sharedArticles chooses).
 * A pair with an end not in the graph is left out: it shares nothing.
 */
async function orient(runner: QueryRunner, pairs: EvidencePair[], windowed: boolean, limit: number, dayPagesFrom: number): Promise<Oriented[]> {
  const rows = await runRows<{ id: string; aCount: number; bCount: number; days: string[][]; counts: number[][] }>(
    runner,
    pairs.map(({ id, a, b }) => ({ id, a, b, key: pairKey(a, b) })),
    `MATCH (x:Entity {key: row.a})
     MATCH (y:Entity {key: row.b})
     ${windowed ? 'WITH row, x, y, [] AS days, [] AS counts' : PAIR_DAYS}
     RETURN row.id AS id, x.articleCount AS aCount, y.articleCount AS bCount, days, counts`,
  );
  const byId = new Map(pairs.map((p) => [p.id, p]));
  return rows.map((r) => {
    const pair = byId.get(r.id)!;
    const aSmall = r.aCount <= r.bCount;
    let days: string[] | null = null;
    // No node: the pair shares one article at most, found by walking.
    const [kept] = r.days;
    if (kept && Math.min(r.aCount, r.bCount) > dayPagesFrom) {
      days = [];
      let held = 0;
      for (let i = kept.length - 1; i >= 0 && held < limit; i--) {
        days.push(kept[i]);
        held += r.counts[0][i];
      }
    }
    return { ...pair, s: aSmall ? pair.a : pair.b, l: aSmall ? pair.b : pair.a, days };
  });
}

/**
 * After a subquery giving `id` (an article) for `row`: the article and each end's sentences in it,
 * from the article (the ends unlabelled, so never from a hub's every mention).
 */
const ARTICLE_ROWS = `MATCH (art:Article {id: id})
     MATCH (art)-[ma:MENTIONS]->(ea) WHERE ea.key = row.a
     MATCH (art)-[mb:MENTIONS]->(eb) WHERE eb.key = row.b
     RETURN row.id AS pair, art { ${ARTICLE.slice(1, -1)}, .sentenceBounds } AS article,
            coalesce(ma.sentences, []) AS aSentences, coalesce(mb.sentences, []) AS bSentences`;

/**
 * The ids of each by-day pair's newest `limit` articles, newest first (sortDate, then id): the
 * articles of every day some pair needs are read once with which of the pairs' ends they mention,
 * and each pair takes those on its own days that mention both. The pairs of a paths request share
 * their newest days (the same hubs, the same latest news): read pair by pair, each day was read
 * once per pair (11 reads of 4 days for the 6 pairs of the benchmark's paths at 100k articles,
 * 18-20 ms; read once, 6 ms). The ends are unlabelled, so no engine starts from a hub's mentions.
 */
async function idsByDay(runner: QueryRunner, pairs: { id: string; a: string; b: string; days: string[] }[], limit: number): Promise<{ id: string; a: string; b: string; article: string }[]> {
  if (pairs.length === 0) return [];
  const rows = await runner.run<{ id: string; sortDate: string; day: string; key: string }>(
    `UNWIND $days AS day
     MATCH (a:Article {day: day})-[:MENTIONS]->(e)
     WHERE e.key IN $keys
     RETURN a.id AS id, a.sortDate AS sortDate, day, e.key AS key`,
    { days: [...new Set(pairs.flatMap((p) => p.days))], keys: [...new Set(pairs.flatMap((p) => [p.a, p.b]))] },
  );
  const articles = new Map<string, { id: string; sortDate: string; day: string; keys: Set<string> }>();
  for (const { id, sortDate, day, key } of rows) {
    const seen = articles.get(id);
    if (seen) seen.keys.add(key);
    else articles.set(id, { id, sortDate, day, keys: new Set([key]) });
  }
  const newestFirst = [...articles.values()].sort((x, y) => byString(y.sortDate, x.sortDate) || byString(x.id, y.id));
  return pairs.flatMap(({ id, a, b, days }) => {
    const own = new Set(days);
    return newestFirst
      .filter((art) => own.has(art.day) && art.keys.has(a) && art.keys.has(b))
      .slice(0, limit)
      .map((art) => ({ id, a, b, article: art.id }));
  });
}

/**
 * The page of each pair's articles: walking from its small end (inside the window), or for a pair
 * with days, the days' articles (an indexed lookup) that mention both (idsByDay). Each pair's ids
 * are chosen over ids and dates alone, then its rows read by id.
 */
async function sharedArticleRows(runner: QueryRunner, pairs: Oriented[], window: Window, limit: number): Promise<Map<string, SharedArticleRow[]>> {
  const walked = pairs.filter((p) => p.days === null).map(({ id, a, b, s, l }) => ({ id, a, b, s, l }));
  const byDay = pairs.filter((p) => p.days !== null).map(({ id, a, b, days }) => ({ id, a, b, days: days! }));
  type Row = SharedArticleRow & { pair: string } & Record<string, unknown>;
  const [fromWalks, fromDays] = await Promise.all([
    runRows<Row>(
      runner,
      walked,
      `MATCH (s:Entity {key: row.s})
       MATCH (l:Entity {key: row.l})
       CALL (s, l) {
         MATCH (s)<-[:MENTIONS]-(a:Article)
         WHERE ${WINDOW('a')}
         MATCH (a)-[:MENTIONS]->(e)
         WHERE e = l
         RETURN a.id AS id, a.sortDate AS sortDate
         ORDER BY sortDate DESC, id
         LIMIT $limit
       }
       ${ARTICLE_ROWS}`,
      { ...windowParams(window), limit },
    ),
    (async () => {
      const picked = await idsByDay(runner, byDay, limit);
      const read = await runRows<Row>(runner, picked, `WITH row, row.article AS id\n     ${ARTICLE_ROWS}`);
      // In the order chosen: newest first within each pair.
      const at = new Map(picked.map((p, i) => [`${p.id}\u0000${p.article}`, i]));
      return read.sort((x, y) => at.get(`${x.pair}\u0000${x.article.id}`)! - at.get(`${y.pair}\u0000${y.article.id}`)!);
    })(),
  ]);
  const found = new Map<string, SharedArticleRow[]>();
  // Each pair's rows come newest first: in its subquery's order, or as idsByDay chose them.
  for (const { pair, ...row } of [...fromWalks, ...fromDays]) {
    const list = found.get(pair);
    if (list) list.push(row);
    else found.set(pair, [row]);
  }
  return found;
}

/**
 * Each pair's latest shared event inside the window, walking the small end's events: chosen over
 * keys and dates alone (sorting projected events sorts every one of a hub's events on the embedded
 * engine), then read by key.
 */
async function latestSharedEvents(runner: QueryRunner, pairs: Oriented[], window: Window): Promise<Map<string, EventRow>> {
  const { since, until } = windowParams(window);
  const rows = await runRows<{ pair: string; event: EventRow }>(
    runner,
    pairs.map(({ id, s, l }) => ({ id, s, l })),
    `MATCH (s:Entity {key: row.s})
     MATCH (l:Entity {key: row.l})
     CALL (s, l) {
       MATCH (s)<-[:INVOLVES]-(ev:Event)
       WHERE ($since IS NULL OR ev.date >= $sinceDate) AND ($until IS NULL OR ev.date <= $untilDate)
       MATCH (ev)-[:INVOLVES]->(e)
       WHERE e = l
       RETURN ev.key AS key, ev.date AS date
       ORDER BY date DESC, key
       LIMIT 1
     }
     MATCH (ev:Event {key: key})
     RETURN row.id AS pair, ev ${EVENT} AS event`,
    { since, until, sinceDate: since?.slice(0, 10) ?? null, untilDate: until?.slice(0, 10) ?? null },
  );
  return new Map(rows.map((r) => [r.pair, r.event]));
}

/**
 * The latest shared event and the newest `limit` shared articles of every pair, inside the window:
 * one statement to orient the pairs, then one for the events, one for the articles walked from
 * their small ends and, without a window, one for those of pairs of two large ends read by day.
 */
export async function pairEvidence(
  runner: QueryRunner,
  pairs: EvidencePair[],
  window: Window,
  limit: number,
  dayPagesFrom = DAY_PAGES_FROM,
): Promise<PairEvidence> {
  if (pairs.length === 0) return { events: new Map(), articles: new Map() };
  const oriented = await orient(runner, pairs, Boolean(window.since || window.until), limit, dayPagesFrom);
  const [events, articles] = await Promise.all([latestSharedEvents(runner, oriented, window), sharedArticleRows(runner, oriented, window, limit)]);
  return { events, articles };
}
