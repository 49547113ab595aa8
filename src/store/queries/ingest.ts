/**
 * The write path: one batch of extracted articles in one transaction. Statements are split
 * (articles; entities; mentions; counters; co-mentions; events; roles; quotes) because on the
 * embedded engine a lookup that follows a MERGE in the same statement scans instead of using
 * the index. Unchanged articles never reach this module, so every write here is a real change.
 */
import type { EntityKind, ExtractedArticle, ExtractedEntity } from '../../extract/types.ts';
import { LABELS, type StoredArticle } from '../model.ts';
import type { QueryRunner } from '../runner.ts';
import { addArticleDays, addToDay } from './article-days.ts';
import { addEntityDays, addToPair, dayOf, pairsOf, recountCoMentions, recountEntities, slotEntityDays, storedPairs, writePairs, type EntityDayCount, type PairCounts } from './counts.ts';
import { indexNames, setCountBucket } from './names.ts';
import { loneSharedArticles } from './pair-lookup.ts';
import { byKey, runRows } from './rows.ts';

export interface ArticleWrite {
  article: StoredArticle;
  extracted: ExtractedArticle;
  /** True when the article exists with other content: its old links are replaced. */
  update: boolean;
}

/** The content hash of each existing article among `ids`. */
export async function existingHashes(runner: QueryRunner, ids: string[]): Promise<Map<string, string>> {
  const rows = await runner.run<{ id: string; hash: string }>(
    'UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS id, a.contentHash AS hash',
    { ids },
  );
  return new Map(rows.map((row) => [row.id, row.hash]));
}

/**
 * `existingHashes` for the transaction that writes the articles: each article is held until the
 * transaction ends (a new one is created empty, and `writeArticles` fills it in). Neo4j runs write
 * transactions side by side; without this, two that store the same article at once both find it
 * new, and both link its mentions and add to its counters. MERGE on the constrained id makes the
 * second wait until the first commits; for an article that exists, writing a property takes the
 * node's write lock (Neo4j's documented explicit lock; it is removed in the same statement, so
 * nothing is stored) and the hash is read after it. Measured on 5.26: `SET a.contentHash =
 * a.contentHash` reads the hash before the lock and writes the stale value back. In id order, so
 * that two batches take the articles they share in the same order. The embedded engine runs one
 * write transaction at a time and takes this as a plain read and create.
 */
export async function claimArticles(tx: QueryRunner, ids: string[]): Promise<Map<string, string>> {
  const rows = await tx.run<{ id: string; hash: string | null }>(
    `UNWIND $ids AS id
     MERGE (a:Article {id: id})
     SET a._lock = true
     REMOVE a._lock
     RETURN a.id AS id, a.contentHash AS hash`,
    { ids: [...new Set(ids)].sort() },
  );
  return new Map(rows.flatMap((row) => (row.hash === null ? [] : [[row.id, row.hash] as const])));
}

function sortDate(article: StoredArticle, ingestedAt: string): string {
  return article.publishedAt ?? ingestedAt;
}

/** Writes one batch inside the caller's transaction. */
export async function writeArticles(tx: QueryRunner, batch: ArticleWrite[], ingestedAt: string): Promise<void> {
  if (batch.length === 0) return;
  const writes = await followRedirects(tx, batch);
  const updates = writes.filter((w) => w.update).map((w) => w.article.id);

  // 1. An updated article gives up its old links first; what they counted is recomputed below.
  let touchedByUpdate: Detached = { entities: [], pairs: [], days: [] };
  if (updates.length > 0) touchedByUpdate = await detachArticles(tx, updates);

  // 2. Articles.
  await runRows(
    tx,
    writes.map(({ article, extracted }) => ({
        id: article.id,
        props: {
          title: article.title,
          text: article.text,
          url: article.url,
          source: article.source,
          language: article.language,
          publishedAt: article.publishedAt,
          sortDate: sortDate(article, ingestedAt),
          // The UTC day, indexed: a page of a hub's articles is read from the few days that hold it.
          day: dayOf(sortDate(article, ingestedAt)),
          contentHash: article.contentHash,
          // Sentence i is text[bounds[2i], bounds[2i+1]]: evidence for any mention, not only the first few.
          sentenceBounds: extracted.sentences.flatMap((sentence) => [sentence.start, sentence.end]),
          ingestedAt,
        },
      })),
    `MERGE (a:Article {id: row.id})
     SET a += row.props`,
  );

  // 3. Entities, one row per key across the batch, one statement per label. In key order: on Neo4j
  //    this takes each entity's write lock, and two batches at once that share entities must take
  //    them in the same order (or deadlock, and one is retried whole). Everything the batch writes
  //    next about these entities, co-mention pairs included, happens under these locks.
  const entities = new Map<string, { key: string; kind: EntityKind; props: Record<string, unknown>; aliases: Set<string> }>();
  for (const { extracted } of writes) {
    for (const e of extracted.entities) {
      let row = entities.get(e.key);
      if (!row) {
        row = {
          key: e.key,
          kind: e.kind,
          props: {
            name: e.name,
            nameLower: e.name.toLowerCase(),
            kind: e.kind,
            wikidataId: e.wikidataId ?? null,
            code: e.code ?? null,
            iso3: e.iso3 ?? null,
            countryCode: e.countryCode ?? null,
          },
          aliases: new Set(),
        };
        entities.set(e.key, row);
      }
      for (const alias of e.aliases) if (alias !== e.name) row.aliases.add(alias);
    }
  }
  const renamed: string[] = [];
  for (const [kind, label] of Object.entries(LABELS)) {
    const rows = [...entities.values()]
      .filter((row) => row.kind === kind)
      .sort(byKey)
      .map((row) => ({ key: row.key, props: row.props, aliases: [...row.aliases].sort() }));
    // The first name an entity was seen under stays its name; later names become aliases. Returns
    // the entities whose names changed (new ones, new aliases: names are only added here).
    const changed = await runRows<{ key: string }>(
      tx,
      rows,
      `MERGE (e:Entity {key: row.key})
       ON CREATE SET e += row.props, e.aliases = [], e.articleCount = 0, e.mentionCount = 0
       WITH e, row, size(coalesce(e.namesLower, [])) AS namesBefore
       SET e:${label},
           e.aliases = e.aliases + [x IN row.aliases WHERE NOT x IN e.aliases AND x <> e.name]
       SET e.searchText = reduce(s = e.nameLower, x IN e.aliases | s + ' | ' + toLower(x)),
           e.namesLower = [e.nameLower] + [x IN e.aliases | toLower(x)]
       WITH e, namesBefore
       WHERE size(e.namesLower) <> namesBefore
       RETURN e.key AS key`,
    );
    renamed.push(...changed.map((r) => r.key));
  }
  await indexNames(tx, renamed);

  // 4a. Co-mention pairs the new articles add to, read before their mentions exist (see step 6).
  const created = writes.filter((w) => !w.update);
  const pairs = await pairsBefore(tx, created, ingestedAt);

  // 4. Mentions, with where they are: sentence indexes into the article's sentenceBounds (the
  //    sentences themselves are read from the article's text, not stored again on every edge).
  const mentionRows = writes.flatMap(({ article, extracted }) =>
    extracted.entities.map((e) => {
      const sentenceIndexes = [...new Set(e.mentions.map((m) => m.sentence))].sort((a, b) => a - b);
      return {
        article: article.id,
        key: e.key,
        props: {
          count: e.mentions.length,
          salience: e.salience,
          spans: e.mentions.flatMap((m) => [m.start, m.end]),
          sentences: sentenceIndexes,
        },
      };
    }),
  );
  await runRows(
    tx,
    mentionRows,
    `MATCH (a:Article {id: row.article})
     MATCH (e:Entity {key: row.key})
     CREATE (a)-[m:MENTIONS]->(e)
     SET m += row.props`,
  );

  // 5. Entity counters and entity-day counts: added to for new articles, recomputed where an update moved them.
  const deltas = new Map<string, { key: string; articles: number; mentions: number; first: string; last: string }>();
  const dayDeltas = new Map<string, EntityDayCount>();
  for (const { article, extracted } of created) {
    const date = sortDate(article, ingestedAt);
    for (const e of extracted.entities) {
      const d = deltas.get(e.key) ?? { key: e.key, articles: 0, mentions: 0, first: date, last: date };
      d.articles += 1;
      d.mentions += e.mentions.length;
      if (date < d.first) d.first = date;
      if (date > d.last) d.last = date;
      deltas.set(e.key, d);
      const day = dayOf(date);
      const c = dayDeltas.get(`${e.key}|${day}`) ?? { entity: e.key, day, articles: 0, mentions: 0 };
      c.articles += 1;
      c.mentions += e.mentions.length;
      dayDeltas.set(`${e.key}|${day}`, c);
    }
  }
  await runRows(
    tx,
    [...deltas.values()],
    `MATCH (e:Entity {key: row.key})
     SET e.articleCount = e.articleCount + row.articles,
         e.mentionCount = e.mentionCount + row.mentions,
         e.firstSeen = CASE WHEN e.firstSeen IS NULL OR row.first < e.firstSeen THEN row.first ELSE e.firstSeen END,
         e.lastSeen = CASE WHEN e.lastSeen IS NULL OR row.last > e.lastSeen THEN row.last ELSE e.lastSeen END
     ${setCountBucket('e')}`,
  );
  // After the counters: the days are slotted under the bucket they set.
  await slotEntityDays(tx, [...deltas.keys()]);
  await addEntityDays(tx, [...dayDeltas.values()]);

  // 6. Co-mentions, the same way: one pair per two entities (lower key first), counting shared articles per day.
  await writePairs(tx, pairs.deltas, 'add', pairs.stored);
  if (updates.length > 0) {
    const updated = writes.filter((w) => w.update);
    const entityKeys = new Set(touchedByUpdate.entities);
    const pairKeys = new Map(touchedByUpdate.pairs.map(([a, b]) => [`${a}\u0000${b}`, [a, b] as [string, string]]));
    for (const { extracted } of updated) {
      for (const e of extracted.entities) entityKeys.add(e.key);
      for (const [a, b] of pairsOf(extracted.entities.map((e) => e.key))) pairKeys.set(`${a}\u0000${b}`, [a, b]);
    }
    await recountEntities(tx, [...entityKeys]);
    await recountCoMentions(tx, [...pairKeys.values()]);
  }
  // 6a. Articles per day: each article on its day, an updated one off the day it had (after the entities and pairs: one lock order).
  const articleDays = new Map<string, number>();
  for (const { article } of writes) addToDay(articleDays, dayOf(sortDate(article, ingestedAt)), 1);
  for (const day of touchedByUpdate.days) addToDay(articleDays, day, -1);
  await addArticleDays(tx, articleDays);

  // 7. Events, their participants, places and the articles reporting them; events in key order, as entities.
  const events = writes.flatMap(({ article, extracted }) =>
    extracted.events.map((ev) => ({ article, extracted, ev })),
  );
  await runRows(
    tx,
    events.map(({ ev }) => ({ key: ev.key, props: { type: ev.type, cameoCode: ev.cameoCode, date: ev.date ?? null, title: ev.title } })).sort(byKey),
    `MERGE (ev:Event {key: row.key})
     ON CREATE SET ev += row.props`,
  );
  await runRows(
    tx,
    events.map(({ article, extracted, ev }) => ({ article: article.id, key: ev.key, evidence: extracted.sentences[ev.sentence]?.text ?? '' })),
    `MATCH (a:Article {id: row.article})
     MATCH (ev:Event {key: row.key})
     MERGE (a)-[r:REPORTS]->(ev)
     SET r.evidence = row.evidence`,
  );
  await runRows(
    tx,
    events.flatMap(({ ev }) => ev.participants.map((p) => ({ event: ev.key, key: p.entityKey, role: p.role }))),
    `MATCH (ev:Event {key: row.event})
     MATCH (e:Entity {key: row.key})
     MERGE (ev)-[r:INVOLVES]->(e)
     SET r.role = row.role`,
  );
  await runRows(
    tx,
    events.flatMap(({ ev }) => (ev.locationKey === undefined ? [] : [{ event: ev.key, key: ev.locationKey }])),
    `MATCH (ev:Event {key: row.event})
     MATCH (e:Entity {key: row.key})
     MERGE (ev)-[:\`IN\`]->(e)`,
  );

  // 8. Roles, as of the article's date.
  const roles = writes.flatMap(({ article, extracted }) =>
    extracted.roles.flatMap((role) => {
      const holder = role.countryKey ?? role.organizationKey;
      return holder ? [{ person: role.personKey, holder, title: role.title, asOf: sortDate(article, ingestedAt) }] : [];
    }),
  );
  await runRows(
    tx,
    roles,
    `MATCH (p:Entity {key: row.person})
     MATCH (h:Entity {key: row.holder})
     MERGE (p)-[r:HOLDS_ROLE {title: row.title}]->(h)
     SET r.asOf = CASE WHEN r.asOf IS NULL OR row.asOf > r.asOf THEN row.asOf ELSE r.asOf END`,
  );

  // 9. Quotes: keyed by article and position, so re-ingesting an article replaces its quotes.
  const quotes = writes.flatMap(({ article, extracted }) =>
    extracted.quotes.map((q, i) => ({
      key: `${article.id}#${i}`,
      article: article.id,
      text: q.text,
      speaker: q.speakerKey ?? null,
      about: q.aboutKeys,
      evidence: extracted.sentences[q.sentence]?.text ?? '',
      date: sortDate(article, ingestedAt),
    })),
  );
  await runRows(
    tx,
    quotes.map(({ key, article, text, evidence, date }) => ({ key, article, text, evidence, date })),
    `MATCH (a:Article {id: row.article})
     CREATE (q:Quote {key: row.key, text: row.text, evidence: row.evidence, date: row.date})
     CREATE (a)-[:CONTAINS]->(q)`,
  );
  await runRows(
    tx,
    quotes.flatMap((q) => (q.speaker === null ? [] : [{ key: q.key, speaker: q.speaker }])),
    `MATCH (q:Quote {key: row.key})
     MATCH (p:Entity {key: row.speaker})
     CREATE (p)-[:SAID]->(q)`,
  );
  await runRows(
    tx,
    quotes.flatMap((q) => q.about.map((key) => ({ quote: q.key, key }))),
    `MATCH (q:Quote {key: row.quote})
     MATCH (e:Entity {key: row.key})
     MERGE (q)-[:ABOUT]->(e)`,
  );
}

/**
 * What new articles add to their co-mention pairs, with the stored pairs among them. A pair with
 * no node gets the earlier article it may share (read before the batch's mentions are written):
 * with the batch's it makes the two articles that create the node.
 */
async function pairsBefore(tx: QueryRunner, created: ArticleWrite[], ingestedAt: string): Promise<{ deltas: PairCounts[]; stored: Map<string, PairCounts> }> {
  const into = new Map<string, PairCounts>();
  for (const { article, extracted } of created) {
    const date = sortDate(article, ingestedAt);
    for (const [a, b] of pairsOf(extracted.entities.map((e) => e.key))) addToPair(into, a, b, date);
  }
  const deltas = [...into.values()];
  const stored = await storedPairs(tx, deltas.map((p) => p.key).sort());
  const earlier = await loneSharedArticles(tx, deltas.filter((p) => !stored.has(p.key)).map((p) => [p.a, p.b]));
  for (const [key, date] of earlier) {
    const p = into.get(key)!;
    addToPair(into, p.a, p.b, date);
  }
  return { deltas, stored };
}

/** Entity keys merged into others by curation, as `(:Redirect {key})-[:REDIRECTS_TO]->(:Entity)`. */
async function redirectsOf(tx: QueryRunner, keys: string[]): Promise<Map<string, string>> {
  const rows = await tx.run<{ from: string; to: string }>(
    'UNWIND $keys AS k MATCH (:Redirect {key: k})-[:REDIRECTS_TO]->(e:Entity) RETURN k AS from, e.key AS to',
    { keys },
  );
  return new Map(rows.map((r) => [r.from, r.to]));
}

/** The batch with merged-away keys replaced by the entity they were merged into, so a merge stays merged. */
async function followRedirects(tx: QueryRunner, writes: ArticleWrite[]): Promise<ArticleWrite[]> {
  const keys = [...new Set(writes.flatMap((w) => w.extracted.entities.map((e) => e.key)))];
  const to = await redirectsOf(tx, keys);
  if (to.size === 0) return writes;
  return writes.map((w) => ({ ...w, extracted: redirected(w.extracted, to) }));
}

function redirected(extracted: ExtractedArticle, to: Map<string, string>): ExtractedArticle {
  if (!extracted.entities.some((e) => to.has(e.key))) return extracted;
  const key = (k: string) => to.get(k) ?? k;
  const entities = new Map<string, ExtractedEntity>();
  for (const e of extracted.entities) {
    const target = key(e.key);
    const moved = target === e.key ? e : { ...e, key: target, aliases: [...new Set([e.name, ...e.aliases])] };
    const seen = entities.get(target);
    entities.set(
      target,
      seen
        ? {
            ...seen,
            aliases: [...new Set([...seen.aliases, ...moved.aliases])],
            mentions: [...seen.mentions, ...moved.mentions].sort((a, b) => a.start - b.start),
            salience: Math.max(seen.salience, moved.salience),
          }
        : moved,
    );
  }
  const optional = (k: string | undefined) => (k === undefined ? undefined : key(k));
  return {
    ...extracted,
    entities: [...entities.values()],
    events: extracted.events.map((ev) => ({
      ...ev,
      locationKey: optional(ev.locationKey),
      participants: [...new Map(ev.participants.map((p) => [key(p.entityKey), { ...p, entityKey: key(p.entityKey) }])).values()],
    })),
    roles: extracted.roles.map((r) => ({
      ...r,
      personKey: key(r.personKey),
      countryKey: optional(r.countryKey),
      organizationKey: optional(r.organizationKey),
    })),
    quotes: extracted.quotes.map((q) => ({ ...q, speakerKey: optional(q.speakerKey), aboutKeys: [...new Set(q.aboutKeys.map(key))] })),
  };
}

/** What detached articles counted in: entities, co-mention pairs, and the day of each article. */
export interface Detached {
  entities: string[];
  pairs: [string, string][];
  days: string[];
}

/** Removes what articles link to (mentions, reports, quotes) and returns what those links counted in: the update path and deleteArticle. */
export async function detachArticles(tx: QueryRunner, ids: string[]): Promise<Detached> {
  const dated = await tx.run<{ day: string | null }>('UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.day AS day', { ids });
  const old = await tx.run<{ keys: string[] }>(
    `UNWIND $ids AS id
     MATCH (:Article {id: id})-[:MENTIONS]->(e:Entity)
     WITH id, collect(e.key) AS keys
     RETURN keys`,
    { ids },
  );
  await tx.run('UNWIND $ids AS id MATCH (:Article {id: id})-[m:MENTIONS]->() DELETE m', { ids });
  await tx.run('UNWIND $ids AS id MATCH (:Article {id: id})-[:CONTAINS]->(q:Quote) DETACH DELETE q', { ids });
  const reported = await tx.run<{ key: string }>(
    `UNWIND $ids AS id
     MATCH (:Article {id: id})-[r:REPORTS]->(ev:Event)
     DELETE r
     RETURN DISTINCT ev.key AS key`,
    { ids },
  );
  if (reported.length > 0) {
    // An event no other article reports goes with the article; one still reported stays.
    await tx.run(
      `UNWIND $keys AS key
       MATCH (ev:Event {key: key})
       WHERE NOT EXISTS { (:Article)-[:REPORTS]->(ev) }
       DETACH DELETE ev`,
      { keys: reported.map((r) => r.key) },
    );
  }
  const entities = new Set<string>();
  const pairs: [string, string][] = [];
  for (const { keys } of old) {
    for (const key of keys) entities.add(key);
    pairs.push(...pairsOf(keys));
  }
  return { entities: [...entities], pairs, days: dated.flatMap((r) => (r.day === null ? [] : [r.day])) };
}
