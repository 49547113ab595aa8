/**
 * Which pairs of a batch of new articles already have a stored article in common. A pair's
 * `(:CoMention)` node exists only from its second shared article (counts.ts), so a pair of the
 * batch with no node has at most one earlier article: this finds it, so that the node is created
 * with both articles' counts when the batch brings the second.
 */
import type { QueryRunner } from '../runner.ts';
import { pairKey, type PairCounts } from './counts.ts';
import { runRows } from './rows.ts';

/**
 * The sortDate of the earlier article each of `pairs` (pairs with no node) shares, by pair key;
 * a pair with none is absent. Must run before the batch's own mentions are written: every
 * mention it walks is then an earlier article's.
 *
 * Each pair is looked up from its end with fewer articles: one walk per such entity, over its
 * articles' mentions restricted to the partners it has in the batch. Most pairs have a tail name
 * at one end (a handful of articles); a pair of two hubs with no node costs a walk of the smaller
 * hub's articles, and such pairs are rare, as two hubs share articles early.
 */
export async function earlierSharedArticles(tx: QueryRunner, pairs: PairCounts[]): Promise<Map<string, string>> {
  if (pairs.length === 0) return new Map();
  const ends = [...new Set(pairs.flatMap((p) => [p.a, p.b]))].sort();
  const counted = await tx.run<{ key: string; n: number }>(
    'UNWIND $keys AS k MATCH (e:Entity {key: k}) RETURN k AS key, e.articleCount AS n',
    { keys: ends },
  );
  const articles = new Map(counted.map((r) => [r.key, r.n]));
  // An entity the graph does not hold yet has no earlier article: nothing to walk for its pairs.
  const partners = new Map<string, string[]>();
  for (const p of pairs) {
    const na = articles.get(p.a);
    const nb = articles.get(p.b);
    if (!na || !nb) continue;
    const [walker, partner] = na <= nb ? [p.a, p.b] : [p.b, p.a];
    const list = partners.get(walker);
    if (list) list.push(partner);
    else partners.set(walker, [partner]);
  }
  const rows = [...partners].map(([key, others]) => ({ key, others }));
  const found = await runRows<{ a: string; b: string; date: string }>(
    tx,
    rows,
    `MATCH (e:Entity {key: row.key})<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(o:Entity)
     WHERE o.key IN row.others
     RETURN row.key AS a, o.key AS b, a.sortDate AS date`,
  );
  return new Map(found.map((r) => [pairKey(r.a, r.b), r.date]));
}
