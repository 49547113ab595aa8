/**
 * Entities found by name, search and the most-mentioned pages, read from the name index and the
 * count buckets (src/store/queries/names.ts, entity-lookup.ts), give the answers of ranking every
 * entity (the queries they replaced, kept here as the reference), after ingest, curation and
 * deletes; verify-counts reports a broken index or order, and the migration's backfill rebuilds them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityKind } from '../../src/extract/types.ts';
import { backfillNames } from '../../src/store/queries/names.ts';
import { entitiesNamed } from '../../src/store/queries/read.ts';
import { verifyCounts } from '../../src/store/queries/verify-counts.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

const ADMIN = { authorization: 'Bearer curator' };
const KINDS: (EntityKind | null)[] = [null, 'PERSON', 'COUNTRY', 'ORGANIZATION', 'PLACE'];
const SEARCHES = ['ted', 'ate', 'ran', 'ump', 'min', 'tru', 'pu', 'an', 'e', 'rus', 'united', 'lavrov', 'donald trump', 'sergei lavrov', 'zzzq', 'ar ', 'ce | '];

let app: TestApp;
beforeAll(async () => {
  // Many requests, each asked once: no rate limit, no cost budget, no response cache.
  app = await createTestApp({ seed: true, apiKeys: ['curator:admin'], yoga: { settings: { rateLimitPerMinute: 0, costPerMinute: 0, responseCacheTtlMs: 0 } } });
}, 120_000);
afterAll(() => app.close());

/** The most mentioned of a kind (or of all), every entity sorted: what the pages must equal. */
async function fullSort(kind: EntityKind | null): Promise<string[]> {
  const rows = await app.store.run<{ key: string }>(
    'MATCH (e:Entity) WHERE $kind IS NULL OR e.kind = $kind RETURN e.key AS key ORDER BY e.articleCount DESC, key',
    { kind },
  );
  return rows.map((r) => r.key);
}

/** A search ranked over every entity, as before the index. */
async function fullSearch(search: string, kind: EntityKind | null): Promise<string[]> {
  const rows = await app.store.run<{ key: string }>(
    `MATCH (e:Entity)
     WHERE ($kind IS NULL OR e.kind = $kind) AND e.searchText CONTAINS $search
     RETURN e.key AS key, CASE WHEN e.nameLower = $search OR $search IN e.namesLower THEN 2 WHEN e.nameLower STARTS WITH $search THEN 1 ELSE 0 END AS rank,
            e.articleCount AS articleCount
     ORDER BY rank DESC, articleCount DESC, key`,
    { search: search.trim().toLowerCase(), kind },
  );
  return rows.map((r) => r.key);
}

/** entitiesNamed as it read every entity. */
async function fullNamed(name: string, kind: EntityKind | null): Promise<string[]> {
  const lower = name.trim().toLowerCase();
  const params = { name: lower, kind, prefix: `${lower} `, suffix: ` ${lower}`, middle: ` ${lower} ` };
  const order = 'RETURN e.key AS key ORDER BY e.articleCount DESC, e.key LIMIT 10';
  const exact = await app.store.run<{ key: string }>(`MATCH (e:Entity) WHERE ($kind IS NULL OR e.kind = $kind) AND $name IN e.namesLower ${order}`, params);
  if (exact.length > 0) return exact.map((r) => r.key);
  const partial = await app.store.run<{ key: string }>(
    `MATCH (e:Entity) WHERE ($kind IS NULL OR e.kind = $kind)
       AND any(n IN e.namesLower WHERE n STARTS WITH $prefix OR n ENDS WITH $suffix OR n CONTAINS $middle) ${order}`,
    params,
  );
  return partial.map((r) => r.key);
}

async function page(kind: EntityKind | null, first: number, after?: string): Promise<{ keys: string[]; end: string | null }> {
  const { data, errors } = await app.gql(
    'query ($k: EntityKind, $first: Int!, $after: String) { entities(kind: $k, first: $first, after: $after) { edges { node { key } } pageInfo { endCursor } } }',
    { k: kind, first, after },
  );
  expect(errors).toBeUndefined();
  return { keys: data.entities.edges.map((e: any) => e.node.key), end: data.entities.pageInfo.endCursor };
}

async function search(query: string, kind: EntityKind | null, first = 10): Promise<string[]> {
  const { data, errors } = await app.gql('query ($q: String!, $k: [EntityKind!], $first: Int!) { search(query: $q, kinds: $k, first: $first) { key } }', {
    q: query,
    k: kind ? [kind] : null,
    first,
  });
  expect(errors).toBeUndefined();
  return data.search.map((e: any) => e.key);
}

async function searchPage(query: string, first: number, after?: string): Promise<{ keys: string[]; end: string | null }> {
  const { data, errors } = await app.gql(
    'query ($q: String!, $first: Int!, $after: String) { entities(search: $q, first: $first, after: $after) { edges { node { key } } pageInfo { endCursor } } }',
    { q: query, first, after },
  );
  expect(errors).toBeUndefined();
  return { keys: data.entities.edges.map((e: any) => e.node.key), end: data.entities.pageInfo.endCursor };
}

/** Every read this file checks, against its reference. */
async function expectSameAnswers() {
  for (const kind of KINDS) {
    const all = await fullSort(kind);
    const first = await page(kind, 15);
    expect(first.keys, `most mentioned ${kind}`).toEqual(all.slice(0, 15));
    expect((await page(kind, 20, first.end!)).keys, `most mentioned ${kind}, second page`).toEqual(all.slice(15, 35));
  }
  for (const kind of [null, 'PERSON'] as const) {
    for (const query of SEARCHES) {
      const ranked = await fullSearch(query, kind);
      // A short page is filled from the most mentioned; a long one often needs every entity.
      for (const first of [3, 25]) expect(await search(query, kind, first), `search "${query}" ${kind} first ${first}`).toEqual(ranked.slice(0, first));
    }
  }
  const ranked = await fullSearch('an', null);
  const first = await searchPage('an', 7);
  expect(first.keys).toEqual(ranked.slice(0, 7));
  expect((await searchPage('an', 9, first.end!)).keys).toEqual(ranked.slice(7, 16));
  expect(await verifyCounts(app.store)).toEqual([]);
}

async function names(): Promise<string[]> {
  const rows = await app.store.run<{ names: string[] }>('MATCH (e:Entity) RETURN e.namesLower AS names');
  const all = rows.flatMap((r) => r.names.flatMap((n) => [n, ...n.split(' ')]));
  // An empty name is refused before it is looked up.
  return [...new Set(all)].filter((n) => n.trim() !== '').sort();
}

describe('name lookups without a scan', () => {
  it('find by name, alias and whole word what reading every entity finds, in the same order', async () => {
    const all = await names();
    expect(all.length).toBeGreaterThan(100);
    // About 300 of them, spread over the alphabet: each is four queries, and Neo4j answers in milliseconds.
    const step = Math.ceil(all.length / 300);
    const typed = all.filter((_, i) => i % step === 0);
    for (const name of [...typed, 'Trump', 'SMITH', '  putin ', 'nobody at all']) {
      for (const kind of [null, 'PERSON'] as const) {
        const found = (await entitiesNamed(app.store, name, kind)).map((e) => e.key);
        expect(found, `${JSON.stringify(name)} ${kind}`).toEqual(await fullNamed(name, kind));
      }
    }
  });

  it('give the pages of ranking every entity: most mentioned, and searches short and long', async () => {
    await expectSameAnswers();
  });

  it('find an alias curation adds, by name and by search, and not after its undo', async () => {
    const alias = 'Blue Heron Envoy';
    const added = await app.gql('mutation { addAlias(entity: { key: "person:Q58217" }, alias: "Blue Heron Envoy") { id } }', {}, ADMIN);
    expect(added.errors).toBeUndefined();
    expect((await app.gql(`{ person(name: "${alias}") { key } }`)).data.person).toEqual({ key: 'person:Q58217' });
    expect((await app.gql('{ person(name: "heron") { key } }')).data.person).toEqual({ key: 'person:Q58217' });
    expect((await search('blue heron', null))[0]).toBe('person:Q58217');
    await expectSameAnswers();
    const undo = await app.gql('mutation ($id: ID!) { undoCuration(id: $id) { id } }', { id: added.data.addAlias.id }, ADMIN);
    expect(undo.errors).toBeUndefined();
    expect((await app.gql(`{ person(name: "${alias}") { key } }`)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await search('blue heron', null)).toEqual([]);
  });

  it('find a merged entity by its names only as the target, and as itself after the undo', async () => {
    const [source] = await app.store.run<{ key: string; name: string }>(
      "MATCH (e:Entity {kind: 'PERSON'}) WHERE e.key <> 'person:Q22686' AND NOT e.nameLower CONTAINS 'trump' RETURN e.key AS key, e.name AS name ORDER BY e.articleCount DESC, e.key LIMIT 1",
    );
    const merge = await app.gql(
      'mutation ($s: [EntityRef!]!) { mergeEntities(target: { key: "person:Q22686" }, sources: $s) { id } }',
      { s: [{ key: source.key }] },
      ADMIN,
    );
    expect(merge.errors).toBeUndefined();
    expect(await entitiesNamed(app.store, source.name, null).then((rows) => rows.map((e) => e.key))).toEqual(['person:Q22686']);
    expect(await search(source.name, null)).not.toContain(source.key);
    await expectSameAnswers();
    const undo = await app.gql('mutation ($id: ID!) { undoCuration(id: $id) { id } }', { id: merge.data.mergeEntities.id }, ADMIN);
    expect(undo.errors).toBeUndefined();
    expect((await search(source.name, null))[0]).toBe(source.key);
    await expectSameAnswers();
  });

  it('lose an entity its last article takes with it, and keep the order after ingest and delete', async () => {
    const ingest = await app.gql(
      'mutation ($a: [ArticleInput!]!) { ingestArticles(articles: $a) { items { article { articleId } } } }',
      { a: [{ title: 'Quillon', text: 'Ambassador Zoltan Quillonby met Sergei Lavrov in Vienna on Tuesday.', url: 'https://names.test/1', publishedAt: '2021-03-02T10:00:00Z' }] },
      ADMIN,
    );
    expect(ingest.errors).toBeUndefined();
    expect((await app.gql('{ person(name: "Quillonby") { key } }')).data.person).not.toBeNull();
    expect(await search('quillonby', null)).toHaveLength(1);
    await expectSameAnswers();
    const del = await app.gql('mutation ($id: String!) { deleteArticle(id: $id) { id } }', { id: ingest.data.ingestArticles.items[0].article.articleId }, ADMIN);
    expect(del.errors).toBeUndefined();
    expect((await app.gql('{ person(name: "Quillonby") { key } }')).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await search('quillonby', null)).toEqual([]);
    await expectSameAnswers();
  });

  it('are checked by verify-counts, and the backfill (migration 008) rebuilds them, twice alike', async () => {
    await app.store.transaction(async (tx) => {
      await tx.run("MATCH (e:Entity {key: 'person:Q22686'}) SET e.countBucket = 'PERSON:0'");
      await tx.run("MATCH (:Entity {key: 'person:Q58217'})-[:NAMED]->(n:EntityName {term: 'lavrov'}) DETACH DELETE n");
      await tx.run("CREATE (:EntityName {term: 'left behind'})");
    });
    const differences = await verifyCounts(app.store);
    expect(differences.map((d) => `${d.what} ${d.key}`).sort()).toEqual(['entity-names left behind', 'entity-names person:Q58217', 'entity-order person:Q22686']);
    await app.store.transaction((tx) => tx.run("MATCH (n:EntityName {term: 'left behind'}) DELETE n"));
    // A graph from before the index: none of it.
    await app.store.transaction(async (tx) => {
      await tx.run('MATCH (n:EntityName) DETACH DELETE n');
      await tx.run('MATCH (e:Entity) REMOVE e.countBucket, e.namePrefix');
    });
    expect((await page('PERSON', 15)).keys).toEqual([]);
    await backfillNames(app.store);
    await backfillNames(app.store);
    await expectSameAnswers();
  });
});
