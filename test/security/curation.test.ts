/** Curation by admins: aliases, merges with redirects, article deletion, the record, undo. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

const ADMIN = { authorization: 'Bearer curator' };
let app: TestApp;

const INGEST = 'mutation ($a: [ArticleInput!]!) { ingestArticles(articles: $a) { created items { article { articleId } } } }';
const articles = [
  { title: 'One', text: 'Sergei Lavrov met Rex Tillerson in Manila on Sunday. "We talked," Lavrov said.', publishedAt: '2017-08-06', url: 'https://x.test/1' },
  { title: 'Two', text: 'Sergey Lavrov spoke with Antony Blinken in Geneva on Friday about Ukraine.', publishedAt: '2022-01-21', url: 'https://x.test/2' },
  { title: 'Three', text: 'Rex Tillerson visited Ankara on Monday and met Turkish officials.', publishedAt: '2017-07-10', url: 'https://x.test/3' },
];

const ENTITY = `key name aliases articleCount mentionCount coMentions(first: 50) { entity { key } articleCount }
  articles(first: 10) { totalCount edges { node { title } } }`;

async function people() {
  const { data } = await app.gql('{ entities(kind: PERSON, first: 50) { edges { node { key name articleCount } } } }');
  return data.entities.edges.map((e: any) => e.node);
}

async function snapshot(key: string) {
  const { data, errors } = await app.gql(`query ($k: String!) { entity(key: $k) { ${ENTITY} } }`, { k: key });
  expect(errors).toBeUndefined();
  return data.entity;
}

async function stats() {
  return (await app.gql('{ stats { articles entities events quotes } }')).data.stats;
}

beforeAll(async () => {
  app = await createTestApp({ apiKeys: ['curator:admin'] });
  const { data } = await app.gql(INGEST, { a: articles }, { authorization: 'Bearer curator' });
  expect(data.ingestArticles.created).toBe(3);
});

afterAll(() => app?.close());

describe('mergeEntities', () => {
  it('moves everything to the target, redirects the old key, recounts, records who did it, and undoes exactly', async () => {
    const list = await people();
    const lavrovs = list.filter((p: any) => /Lavrov/.test(p.name));
    // The extractor keeps "Sergey Lavrov" apart when it cannot link it: the case for a merge.
    const [target, source] = lavrovs.length === 2 ? lavrovs : [lavrovs[0], list.find((p: any) => /Blinken/.test(p.name))];
    const beforeTarget = await snapshot(target.key);
    const beforeSource = await snapshot(source.key);
    const beforeStats = await stats();

    const merge = await app.gql(
      'mutation ($t: EntityRef!, $s: [EntityRef!]!) { mergeEntities(target: $t, sources: $s) { id action by summary entity { key articleCount aliases } } }',
      { t: { key: target.key }, s: [{ key: source.key }] },
      ADMIN,
    );
    expect(merge.errors).toBeUndefined();
    const record = merge.data.mergeEntities;
    expect(record).toMatchObject({ action: 'MERGE_ENTITIES', by: 'env#1', entity: { key: target.key } });
    expect(record.entity.aliases).toContain(source.name);

    const merged = await snapshot(target.key);
    const sharedArticles = new Set([...beforeTarget.articles.edges, ...beforeSource.articles.edges].map((e: any) => e.node.title));
    expect(merged.articleCount).toBe(sharedArticles.size);
    expect(merged.mentionCount).toBe(beforeTarget.mentionCount + beforeSource.mentionCount);
    for (const c of merged.coMentions) expect(c.entity.key).not.toBe(source.key);
    // The old key (and the old name) still find the entity.
    expect((await snapshot(source.key)).key).toBe(target.key);
    expect((await stats()).entities).toBe(beforeStats.entities - 1);

    const undo = await app.gql('mutation ($id: ID!) { undoCuration(id: $id) { action summary } }', { id: record.id }, ADMIN);
    expect(undo.errors).toBeUndefined();
    expect(await snapshot(target.key)).toEqual(beforeTarget);
    expect(await snapshot(source.key)).toEqual(beforeSource);
    expect(await stats()).toEqual(beforeStats);
    const again = await app.gql('mutation ($id: ID!) { undoCuration(id: $id) { id } }', { id: record.id }, ADMIN);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('refuses merging an entity into itself or an unknown one', async () => {
    const self = await app.gql('mutation { mergeEntities(target: { name: "Tillerson" }, sources: [{ name: "Rex Tillerson" }]) { id } }', {}, ADMIN);
    expect(self.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await app.gql('mutation { mergeEntities(target: { name: "Tillerson" }, sources: [{ key: "person:nobody" }]) { id } }', {}, ADMIN);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('addAlias', () => {
  it('makes the entity findable by the alias, and undo takes it away', async () => {
    const add = await app.gql('mutation { addAlias(entity: { name: "Tillerson" }, alias: "T-Rex") { id entity { name aliases } } }', {}, ADMIN);
    expect(add.errors).toBeUndefined();
    expect(add.data.addAlias.entity.aliases).toContain('T-Rex');
    expect((await app.gql('{ person(name: "t-rex") { name } }')).data.person.name).toBe('Rex Tillerson');
    const dup = await app.gql('mutation { addAlias(entity: { name: "Tillerson" }, alias: "t-rex") { id } }', {}, ADMIN);
    expect(dup.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await app.gql('mutation ($id: ID!) { undoCuration(id: $id) { id } }', { id: add.data.addAlias.id }, ADMIN);
    expect((await app.gql('{ person(name: "T-Rex") { name } }')).data.person).toBeNull();
  });
});

describe('deleteArticle', () => {
  it('removes the article and what only it counted, and undo ingests it again', async () => {
    const ankara = (await app.gql('{ articles(first: 10) { edges { node { articleId title } } } }')).data.articles.edges
      .map((e: any) => e.node)
      .find((a: any) => a.title === 'Three');
    const query = '{ person(name: "Tillerson") { articleCount coMentions(first: 50) { entity { key } articleCount } } country(code: "TR") { name articleCount } stats { articles entities events quotes } }';
    const before = (await app.gql(query)).data;
    const del = await app.gql('mutation ($id: String!) { deleteArticle(id: $id) { id action summary } }', { id: ankara.articleId }, ADMIN);
    expect(del.errors).toBeUndefined();
    expect(del.data.deleteArticle.summary).toContain('Three');
    const after = (await app.gql(query)).data;
    expect(after.person.articleCount).toBe(before.person.articleCount - 1);
    expect(after.country).toBeNull();
    expect(after.stats.articles).toBe(2);

    const undo = await app.gql('mutation ($id: ID!) { undoCuration(id: $id) { action summary } }', { id: del.data.deleteArticle.id }, ADMIN);
    expect(undo.errors).toBeUndefined();
    expect(undo.data.undoCuration.action).toBe('UNDO');
    expect((await app.gql(query)).data).toEqual(before);
    const missing = await app.gql('mutation { deleteArticle(id: "no-such-article") { id } }', {}, ADMIN);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('the record', () => {
  it('lists every curation, newest first, with the key name and never the key', async () => {
    const { data, errors } = await app.gql('{ curations(first: 20) { totalCount edges { node { action by at undoneAt undoneBy payload } } } }', {}, ADMIN);
    expect(errors).toBeUndefined();
    const actions = data.curations.edges.map((e: any) => e.node.action);
    expect(actions).toEqual(['UNDO', 'DELETE_ARTICLE', 'UNDO', 'ADD_ALIAS', 'UNDO', 'MERGE_ENTITIES']);
    for (const { node } of data.curations.edges) {
      expect(node.by).toBe('env#1');
      expect(node.payload).not.toContain('curator');
    }
    expect(data.curations.edges[1].node.undoneBy).toBe('env#1');
    expect(data.curations.edges[3].node.undoneBy).toBe('env#1');
    expect((await app.gql('{ curations(first: 1) { totalCount } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('ingest after a merge', () => {
  it('stays merged when a new article names the merged-away entity', async () => {
    const tillerson = (await people()).find((p: any) => p.name === 'Rex Tillerson');
    const { data: countries } = await app.gql('{ entities(kind: COUNTRY, first: 1) { edges { node { key name } } } }');
    const country = countries.entities.edges[0].node;
    const before = await snapshot(country.key);
    const merge = await app.gql(
      'mutation ($t: EntityRef!, $s: [EntityRef!]!) { mergeEntities(target: $t, sources: $s) { id } }',
      { t: { key: tillerson.key }, s: [{ key: country.key }] },
      ADMIN,
    );
    expect(merge.errors).toBeUndefined();
    const later = { title: 'Four', text: `${country.name} and Rex Tillerson were in the news again on Tuesday.`, publishedAt: '2017-07-12', url: 'https://x.test/4' };
    const { data } = await app.gql(INGEST, { a: [later] }, ADMIN);
    expect(data.ingestArticles.created).toBe(1);
    const { data: found } = await app.gql('query ($k: String!, $n: String!) { entity(key: $k) { key } same: entities(search: $n) { edges { node { key } } } }', {
      k: country.key,
      n: country.name,
    });
    expect(found.entity.key).toBe(tillerson.key);
    expect(found.same.edges.map((e: any) => e.node.key)).not.toContain(country.key);
    const after = await snapshot(tillerson.key);
    expect(after.articles.edges.map((e: any) => e.node.title)).toContain('Four');
    const undo = await app.gql('mutation ($id: ID!) { undoCuration(id: $id) { id } }', { id: merge.data.mergeEntities.id }, ADMIN);
    expect(undo.errors).toBeUndefined();
    expect((await snapshot(country.key)).articleCount).toBe(before.articleCount);
  });
});
