/**
 * Co-mention pairs that have no `(:CoMention)` node, read from the articles' mentions. A pair's
 * node exists only from its second shared article (counts.ts): a pair without one shares at most
 * one article, and these find it. Used by the ingest (a batch that brings a pair's second article
 * creates its node with both) and by the readers that must answer one-article pairs too.
 */
import type { QueryRunner } from '../runner.ts';
import { pairKey, windowDays } from './counts.ts';
import { runRows } from './rows.ts';
import type { Window } from './shapes.ts';

/** Cypher: article `a` falls on the days of the window ($sinceDay, $untilDay). */
export const ARTICLE_IN_DAYS = (a: string) =>
  `($sinceDay IS NULL OR substring(${a}.sortDate, 0, 10) >= $sinceDay) AND ($untilDay IS NULL OR substring(${a}.sortDate, 0, 10) <= $untilDay)`;

/**
 * The sortDate of the article each pair of `pairs` shares, by pair key, for pairs with no node
 * (inside the window when one is given); a pair with none is absent. Given a pair that has a node,
 * it answers one of its articles: callers ask only for pairs they found without one.
 *
 * Each pair is looked up from its end with fewer articles: one walk per such entity, over its
 * articles' mentions restricted to the partners asked with it. Most pairs have a tail name at one
 * end (a handful of articles); two hubs with no node cost a walk of the smaller hub's articles,
 * and such pairs are rare, as hubs share articles early.
 */
export async function loneSharedArticles(tx: QueryRunner, pairs: [string, string][], window: Window = {}): Promise<Map<string, string>> {
  if (pairs.length === 0) return new Map();
  const ends = [...new Set(pairs.flat())].sort();
  const counted = await tx.run<{ key: string; n: number }>('UNWIND $keys AS k MATCH (e:Entity {key: k}) RETURN k AS key, e.articleCount AS n', { keys: ends });
  const articles = new Map(counted.map((r) => [r.key, r.n]));
  const partners = new Map<string, string[]>();
  for (const [a, b] of pairs) {
    const na = articles.get(a);
    const nb = articles.get(b);
    // An entity without articles (or not in the graph) shares none.
    if (!na || !nb || a === b) continue;
    const [walker, partner] = na < nb || (na === nb && a < b) ? [a, b] : [b, a];
    const list = partners.get(walker);
    if (list) list.push(partner);
    else partners.set(walker, [partner]);
  }
  const rows = [...partners].map(([key, others]) => ({ key, others }));
  const found = await runRows<{ a: string; b: string; date: string }>(
    tx,
    rows,
    `MATCH (e:Entity {key: row.key})<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(o:Entity)
     WHERE o.key IN row.others AND ${ARTICLE_IN_DAYS('a')}
     RETURN row.key AS a, o.key AS b, a.sortDate AS date`,
    windowDays(window),
  );
  return new Map(found.map((r) => [pairKey(r.a, r.b), r.date]));
}

/**
 * Cypher reading every co-mentioned entity `o` of entity `x` from x's articles `a` (one-article
 * pairs included), as the columns o, articleCount, firstSeen, lastSeen: totals, or inside a window
 * ($sinceDay, $untilDay) the articles on its days, first and last seen to the day as the kept day
 * lists give them. `where` adds conditions on o. The same counts the pair nodes keep, without them.
 */
export function pairsOfWalking(x: string, where: string, windowed: boolean): string {
  const seen = windowed
    ? `min(substring(a.sortDate, 0, 10)) + 'T00:00:00.000Z' AS firstSeen, max(substring(a.sortDate, 0, 10)) + 'T00:00:00.000Z' AS lastSeen`
    : 'min(a.sortDate) AS firstSeen, max(a.sortDate) AS lastSeen';
  return `MATCH (${x})<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(o)
     WHERE o.key <> ${x}.key AND ${windowed ? `${ARTICLE_IN_DAYS('a')} AND ` : ''}${where}
     WITH o, count(a) AS articleCount, ${seen}`;
}
