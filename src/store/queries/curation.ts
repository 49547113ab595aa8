/**
 * Curation by admins: aliases, entity merges, article deletion, each recorded as
 * `(:Curation {id, action, by, at, payload})`. A merge keeps what it moved in its payload, so that
 * it can be undone exactly; the merged keys become `(:Redirect {key})-[:REDIRECTS_TO]->(:Entity)`,
 * which every lookup by key follows.
 */
import type { EntityKind } from '../../extract/types.ts';
import { LABELS } from '../model.ts';
import type { QueryRunner } from '../runner.ts';
import { addArticleDays } from './article-days.ts';
import { deleteEntities, pairsOf, recountCoMentions, recountEntities } from './counts.ts';
import { detachArticles } from './ingest.ts';
import { indexNames } from './names.ts';
import type { Page } from './shapes.ts';

// ---------------------------------------------------------------- the record

export interface CurationRow {
  id: string;
  action: string;
  by: string;
  at: string;
  payload: string;
  undoneAt: string | null;
  undoneBy: string | null;
}

const CURATION = `{ .id, .action, .by, .at, .payload, .undoneAt, .undoneBy }`;

export async function recordCuration(tx: QueryRunner, c: { id: string; action: string; by: string; at: string; payload: unknown }): Promise<void> {
  await tx.run('CREATE (c:Curation {id: $id, action: $action, by: $by, at: $at, payload: $payload})', { ...c, payload: JSON.stringify(c.payload) });
}

export async function curationById(runner: QueryRunner, id: string): Promise<CurationRow | null> {
  const rows = await runner.run<{ c: CurationRow }>(`MATCH (c:Curation {id: $id}) RETURN c ${CURATION} AS c`, { id });
  return rows[0]?.c ?? null;
}

/** Newest first. */
export async function curationsPage(runner: QueryRunner, page: Page): Promise<CurationRow[]> {
  const rows = await runner.run<{ c: CurationRow }>(`MATCH (c:Curation) RETURN c ${CURATION} AS c ORDER BY c.at DESC, c.id DESC SKIP $offset LIMIT $limit`, { ...page });
  return rows.map((r) => r.c);
}

export async function countCurations(runner: QueryRunner): Promise<number> {
  const [{ n }] = await runner.run<{ n: number }>('MATCH (c:Curation) RETURN count(c) AS n');
  return n;
}

export async function markUndone(tx: QueryRunner, id: string, by: string, at: string): Promise<void> {
  await tx.run('MATCH (c:Curation {id: $id}) SET c.undoneAt = $at, c.undoneBy = $by', { id, by, at });
}

// ---------------------------------------------------------------- aliases

const NAMES = `SET e.searchText = reduce(s = e.nameLower, x IN e.aliases | s + ' | ' + toLower(x)),
      e.namesLower = [e.nameLower] + [x IN e.aliases | toLower(x)]`;

/** False when the entity already goes by that name. */
export async function addAlias(tx: QueryRunner, key: string, alias: string): Promise<boolean> {
  const rows = await tx.run(
    `MATCH (e:Entity {key: $key})
     WHERE NOT toLower($alias) IN e.namesLower
     SET e.aliases = e.aliases + [$alias]
     ${NAMES}
     RETURN e.key AS key`,
    { key, alias },
  );
  await indexNames(tx, rows.length > 0 ? [key] : []);
  return rows.length > 0;
}

export async function removeAliases(tx: QueryRunner, key: string, aliases: string[]): Promise<void> {
  await tx.run(
    `MATCH (e:Entity {key: $key})
     SET e.aliases = [x IN e.aliases WHERE NOT x IN $aliases]
     ${NAMES}`,
    { key, aliases },
  );
  await indexNames(tx, [key]);
}

// ---------------------------------------------------------------- merging

type Props = Record<string, unknown>;

/** Everything a merge moved from one source, enough to put it back. `targetHad`: the target already had that link. */
export interface MergedSource {
  key: string;
  kind: EntityKind;
  props: Props;
  mentions: { article: string; props: Props; targetHad: Props | null }[];
  involves: { event: string; role: string | null; targetHad: boolean }[];
  located: { event: string; targetHad: boolean }[];
  rolesHeld: { holder: string; title: string; asOf: string | null; targetHad: boolean }[];
  rolesGiven: { person: string; title: string; asOf: string | null; targetHad: boolean }[];
  said: { quote: string; targetHad: boolean }[];
  about: { quote: string; targetHad: boolean }[];
  /** Keys that redirected to the source before (they now redirect to the target). */
  redirects: string[];
  aliasesAdded: string[];
}

async function snapshot(tx: QueryRunner, s: string, t: string): Promise<Omit<MergedSource, 'aliasesAdded'> | null> {
  const p = { s, t };
  const [node] = await tx.run<{ props: Props; kind: EntityKind }>('MATCH (e:Entity {key: $s}) RETURN properties(e) AS props, e.kind AS kind', p);
  if (!node) return null;
  const mentions = await tx.run<MergedSource['mentions'][number]>(
    `MATCH (a:Article)-[m:MENTIONS]->(:Entity {key: $s})
     OPTIONAL MATCH (a)-[m2:MENTIONS]->(:Entity {key: $t})
     RETURN a.id AS article, properties(m) AS props, CASE WHEN m2 IS NULL THEN null ELSE properties(m2) END AS targetHad`,
    p,
  );
  const involves = await tx.run<MergedSource['involves'][number]>(
    `MATCH (ev:Event)-[r:INVOLVES]->(:Entity {key: $s})
     RETURN ev.key AS event, r.role AS role, EXISTS { (ev)-[:INVOLVES]->(:Entity {key: $t}) } AS targetHad`,
    p,
  );
  const located = await tx.run<MergedSource['located'][number]>(
    `MATCH (ev:Event)-[:\`IN\`]->(:Entity {key: $s})
     RETURN ev.key AS event, EXISTS { (ev)-[:\`IN\`]->(:Entity {key: $t}) } AS targetHad`,
    p,
  );
  const rolesHeld = await tx.run<MergedSource['rolesHeld'][number]>(
    `MATCH (:Entity {key: $s})-[r:HOLDS_ROLE]->(h:Entity)
     WITH h, r.title AS title, r.asOf AS asOf
     RETURN h.key AS holder, title, asOf,
            EXISTS { MATCH (:Entity {key: $t})-[x:HOLDS_ROLE]->(h) WHERE x.title = title } AS targetHad`,
    p,
  );
  const rolesGiven = await tx.run<MergedSource['rolesGiven'][number]>(
    `MATCH (q:Entity)-[r:HOLDS_ROLE]->(:Entity {key: $s})
     WITH q, r.title AS title, r.asOf AS asOf
     RETURN q.key AS person, title, asOf,
            EXISTS { MATCH (q)-[x:HOLDS_ROLE]->(:Entity {key: $t}) WHERE x.title = title } AS targetHad`,
    p,
  );
  const said = await tx.run<MergedSource['said'][number]>(
    `MATCH (:Entity {key: $s})-[:SAID]->(q:Quote)
     RETURN q.key AS quote, EXISTS { (:Entity {key: $t})-[:SAID]->(q) } AS targetHad`,
    p,
  );
  const about = await tx.run<MergedSource['about'][number]>(
    `MATCH (q:Quote)-[:ABOUT]->(:Entity {key: $s})
     RETURN q.key AS quote, EXISTS { (q)-[:ABOUT]->(:Entity {key: $t}) } AS targetHad`,
    p,
  );
  const redirects = await tx.run<{ key: string }>('MATCH (r:Redirect)-[:REDIRECTS_TO]->(:Entity {key: $s}) RETURN r.key AS key', p);
  return { key: s, kind: node.kind, props: node.props, mentions, involves, located, rolesHeld, rolesGiven, said, about, redirects: redirects.map((r) => r.key) };
}

/** One mention edge from two: counts added, sentences and spans joined, the higher salience. */
function joinMentions(a: Props, b: Props): Props {
  const sentences = [...new Set([...((a.sentences as number[]) ?? []), ...((b.sentences as number[]) ?? [])])].sort((x, y) => x - y);
  return {
    count: Number(a.count ?? 0) + Number(b.count ?? 0),
    salience: Math.max(Number(a.salience ?? 0), Number(b.salience ?? 0)),
    spans: [...((a.spans as number[]) ?? []), ...((b.spans as number[]) ?? [])],
    sentences,
  };
}

/** Keys of the entities that share an article with `key`. */
async function partners(tx: QueryRunner, key: string): Promise<string[]> {
  const rows = await tx.run<{ key: string }>(
    `MATCH (:Entity {key: $key})<-[:MENTIONS]-(:Article)-[:MENTIONS]->(x:Entity)
     RETURN DISTINCT x.key AS key`,
    { key },
  );
  return rows.map((r) => r.key);
}

async function coMentionedWith(tx: QueryRunner, key: string): Promise<string[]> {
  const rows = await tx.run<{ key: string }>(
    'MATCH (:Entity {key: $key})-[:CO_MENTIONED]->(:CoMention)<-[:CO_MENTIONED]-(x:Entity) RETURN DISTINCT x.key AS key',
    { key },
  );
  return rows.map((r) => r.key);
}

function pairsWith(key: string, others: Iterable<string>): [string, string][] {
  return [...new Set(others)].filter((o) => o !== key).map((o) => pairsOf([key, o])[0]);
}

/** Moves everything of `source` onto `target`, deletes `source` and leaves a redirect. Null when `source` does not exist. */
export async function mergeEntity(tx: QueryRunner, target: string, source: string): Promise<MergedSource | null> {
  const snap = await snapshot(tx, source, target);
  if (!snap) return null;
  const t = target;
  const [targetNode] = await tx.run<{ name: string; aliases: string[] }>('MATCH (e:Entity {key: $t}) RETURN e.name AS name, e.aliases AS aliases', { t });
  const known = new Set([targetNode.name, ...targetNode.aliases].map((n) => n.toLowerCase()));
  const aliasesAdded = [...new Set([String(snap.props.name), ...((snap.props.aliases as string[]) ?? [])])].filter((n) => !known.has(n.toLowerCase()));

  await deleteEntities(tx, [source]);
  const fresh = snap.mentions.filter((m) => m.targetHad === null);
  const shared = snap.mentions.filter((m) => m.targetHad !== null).map((m) => ({ article: m.article, props: joinMentions(m.targetHad!, m.props) }));
  if (fresh.length > 0) {
    await tx.run(
      `UNWIND $rows AS row
       MATCH (a:Article {id: row.article})
       MATCH (t:Entity {key: $t})
       CREATE (a)-[m:MENTIONS]->(t)
       SET m += row.props`,
      { rows: fresh, t },
    );
  }
  if (shared.length > 0) {
    await tx.run('UNWIND $rows AS row MATCH (:Article {id: row.article})-[m:MENTIONS]->(:Entity {key: $t}) SET m += row.props', { rows: shared, t });
  }
  await tx.run(
    'UNWIND $rows AS row MATCH (ev:Event {key: row.event}) MATCH (t:Entity {key: $t}) MERGE (ev)-[r:INVOLVES]->(t) ON CREATE SET r.role = row.role',
    { rows: snap.involves, t },
  );
  await tx.run('UNWIND $rows AS row MATCH (ev:Event {key: row.event}) MATCH (t:Entity {key: $t}) MERGE (ev)-[:`IN`]->(t)', { rows: snap.located, t });
  await tx.run(
    `UNWIND $rows AS row
     MATCH (t:Entity {key: $t})
     MATCH (h:Entity {key: row.holder})
     MERGE (t)-[r:HOLDS_ROLE {title: row.title}]->(h)
     ON CREATE SET r.asOf = row.asOf`,
    { rows: snap.rolesHeld, t },
  );
  await tx.run(
    `UNWIND $rows AS row
     MATCH (p:Entity {key: row.person})
     MATCH (t:Entity {key: $t})
     MERGE (p)-[r:HOLDS_ROLE {title: row.title}]->(t)
     ON CREATE SET r.asOf = row.asOf`,
    { rows: snap.rolesGiven, t },
  );
  await tx.run('UNWIND $rows AS row MATCH (q:Quote {key: row.quote}) MATCH (t:Entity {key: $t}) MERGE (t)-[:SAID]->(q)', { rows: snap.said, t });
  await tx.run('UNWIND $rows AS row MATCH (q:Quote {key: row.quote}) MATCH (t:Entity {key: $t}) MERGE (q)-[:ABOUT]->(t)', { rows: snap.about, t });
  await pointRedirects(tx, [source, ...snap.redirects], t);
  await tx.run(`MATCH (e:Entity {key: $t}) SET e.aliases = e.aliases + $added ${NAMES}`, { t, added: aliasesAdded });
  await indexNames(tx, [t]);
  await recountEntities(tx, [t]);
  await recountCoMentions(tx, pairsWith(t, await partners(tx, t)));
  return { ...snap, aliasesAdded };
}

async function pointRedirects(tx: QueryRunner, keys: string[], to: string): Promise<void> {
  await tx.run('UNWIND $keys AS k MATCH (:Redirect {key: k})-[r:REDIRECTS_TO]->() DELETE r', { keys });
  await tx.run(
    `UNWIND $keys AS k
     MATCH (t:Entity {key: $to})
     MERGE (r:Redirect {key: k})
     CREATE (r)-[:REDIRECTS_TO]->(t)`,
    { keys, to },
  );
}

/** Whether an entity has this key now (a merged key that ingest has since brought back, for one). */
export async function entityExists(runner: QueryRunner, key: string): Promise<boolean> {
  return (await runner.run('MATCH (e:Entity {key: $key}) RETURN e.key AS key', { key })).length > 0;
}

/** Puts a merged source back as it was, taking from `target` exactly what the merge gave it. */
export async function unmergeEntity(tx: QueryRunner, target: string, m: MergedSource): Promise<void> {
  const t = target;
  const s = m.key;
  const before = await coMentionedWith(tx, t);
  await tx.run(`CREATE (e:Entity) SET e += $props SET e:${LABELS[m.kind]}`, { props: m.props });
  await tx.run('MATCH (r:Redirect {key: $s}) DETACH DELETE r', { s });
  if (m.redirects.length > 0) await pointRedirects(tx, m.redirects, s);
  const took = m.mentions.filter((x) => x.targetHad === null);
  const joined = m.mentions.filter((x) => x.targetHad !== null);
  await tx.run('UNWIND $rows AS row MATCH (:Article {id: row.article})-[r:MENTIONS]->(:Entity {key: $t}) DELETE r', { rows: took, t });
  await tx.run('UNWIND $rows AS row MATCH (:Article {id: row.article})-[r:MENTIONS]->(:Entity {key: $t}) SET r += row.targetHad', { rows: joined, t });
  await tx.run(
    'UNWIND $rows AS row MATCH (a:Article {id: row.article}) MATCH (e:Entity {key: $s}) CREATE (a)-[r:MENTIONS]->(e) SET r += row.props',
    { rows: m.mentions, s },
  );
  const notHad = <T extends { targetHad: boolean }>(rows: T[]) => rows.filter((r) => !r.targetHad);
  await tx.run('UNWIND $rows AS row MATCH (:Event {key: row.event})-[r:INVOLVES]->(:Entity {key: $t}) DELETE r', { rows: notHad(m.involves), t });
  await tx.run('UNWIND $rows AS row MATCH (ev:Event {key: row.event}) MATCH (e:Entity {key: $s}) CREATE (ev)-[r:INVOLVES]->(e) SET r.role = row.role', { rows: m.involves, s });
  await tx.run('UNWIND $rows AS row MATCH (:Event {key: row.event})-[r:`IN`]->(:Entity {key: $t}) DELETE r', { rows: notHad(m.located), t });
  await tx.run('UNWIND $rows AS row MATCH (ev:Event {key: row.event}) MATCH (e:Entity {key: $s}) CREATE (ev)-[:`IN`]->(e)', { rows: m.located, s });
  await tx.run(
    'UNWIND $rows AS row MATCH (:Entity {key: $t})-[r:HOLDS_ROLE]->(:Entity {key: row.holder}) WHERE r.title = row.title DELETE r',
    { rows: notHad(m.rolesHeld), t },
  );
  await tx.run(
    'UNWIND $rows AS row MATCH (e:Entity {key: $s}) MATCH (h:Entity {key: row.holder}) CREATE (e)-[r:HOLDS_ROLE]->(h) SET r.title = row.title, r.asOf = row.asOf',
    { rows: m.rolesHeld, s },
  );
  await tx.run(
    'UNWIND $rows AS row MATCH (:Entity {key: row.person})-[r:HOLDS_ROLE]->(:Entity {key: $t}) WHERE r.title = row.title DELETE r',
    { rows: notHad(m.rolesGiven), t },
  );
  await tx.run(
    'UNWIND $rows AS row MATCH (p:Entity {key: row.person}) MATCH (e:Entity {key: $s}) CREATE (p)-[r:HOLDS_ROLE]->(e) SET r.title = row.title, r.asOf = row.asOf',
    { rows: m.rolesGiven, s },
  );
  await tx.run('UNWIND $rows AS row MATCH (:Entity {key: $t})-[r:SAID]->(:Quote {key: row.quote}) DELETE r', { rows: notHad(m.said), t });
  await tx.run('UNWIND $rows AS row MATCH (q:Quote {key: row.quote}) MATCH (e:Entity {key: $s}) CREATE (e)-[:SAID]->(q)', { rows: m.said, s });
  await tx.run('UNWIND $rows AS row MATCH (:Quote {key: row.quote})-[r:ABOUT]->(:Entity {key: $t}) DELETE r', { rows: notHad(m.about), t });
  await tx.run('UNWIND $rows AS row MATCH (q:Quote {key: row.quote}) MATCH (e:Entity {key: $s}) CREATE (q)-[:ABOUT]->(e)', { rows: m.about, s });
  await removeAliases(tx, t, m.aliasesAdded);
  // The source comes back with its stored names; its name index went with it (a merge made before the index was kept had none).
  await indexNames(tx, [s]);
  await recountEntities(tx, [t, s]);
  await recountCoMentions(tx, [...pairsWith(t, [...before, ...(await partners(tx, t))]), ...pairsWith(s, await partners(tx, s))]);
}

// ---------------------------------------------------------------- deleting an article

export interface DeletedArticle {
  id: string;
  title: string;
  text: string;
  url: string | null;
  publishedAt: string | null;
  source: string | null;
  language: string;
}

/**
 * Deletes an article and what only it held up (its mentions, quotes, events no other article
 * reports); recounts what it counted in. Returns the article as it was ingested, so that undo can
 * ingest it again.
 */
export async function deleteArticle(tx: QueryRunner, id: string): Promise<DeletedArticle | null> {
  const [found] = await tx.run<DeletedArticle & Record<string, unknown>>(
    `MATCH (a:Article {id: $id})
     RETURN a.id AS id, a.title AS title, a.text AS text, a.url AS url, a.publishedAt AS publishedAt, a.source AS source, a.language AS language`,
    { id },
  );
  if (!found) return null;
  const touched = await detachArticles(tx, [id]);
  await tx.run('MATCH (a:Article {id: $id}) DETACH DELETE a', { id });
  await recountEntities(tx, touched.entities);
  await recountCoMentions(tx, touched.pairs);
  await addArticleDays(tx, new Map(touched.days.map((day) => [day, -1])));
  return found;
}
