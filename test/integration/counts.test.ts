/**
 * Counts kept at ingest: per entity and day, per co-mention pair and day. After every kind of write
 * (new articles, an update that moves an article to another day, a merge and its undo, a delete and
 * its undo) they agree with the mentions; verify-counts finds counts corrupted on purpose, and the
 * backfill puts them right.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairKey } from '../../src/store/queries/counts.ts';
import { backfillCounts, verifyCounts } from '../../src/store/queries/verify-counts.ts';
import { articlesMentioning } from '../../src/store/queries/read.ts';
import { sharedArticles } from '../../src/store/queries/relations.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

const ADMIN = { authorization: 'Bearer curator' };
const INGEST = 'mutation ($a: [ArticleInput!]!) { ingestArticles(articles: $a) { created updated items { article { articleId } } } }';
const LAVROV = 'person:Q58217';
const TILLERSON = 'person:Q331401';

const article = (n: number, text: string, publishedAt: string) => ({ title: `Report ${n}`, text, publishedAt, url: `https://counts.test/${n}` });
const articles = [
  article(1, 'Sergei Lavrov met Rex Tillerson in Manila on Sunday. Lavrov spoke first.', '2017-08-06T09:00:00Z'),
  article(2, 'Sergei Lavrov and Rex Tillerson spoke again in Manila on Sunday.', '2017-08-06T18:00:00Z'),
  article(3, 'Rex Tillerson visited Ankara on Monday and met Turkish officials.', '2017-08-07T10:00:00Z'),
  article(4, 'Sergey Lavrov spoke with Antony Blinken in Geneva on Friday about Ukraine.', '2022-01-21T10:00:00Z'),
];

let app: TestApp;
let ids: string[];

async function entityDays(key: string) {
  return app.store.run<{ day: string; articles: number; mentions: number }>(
    'MATCH (d:EntityDay {entity: $key}) RETURN d.day AS day, d.articles AS articles, d.mentions AS mentions ORDER BY day',
    { key },
  );
}

async function pairDays(a: string, b: string) {
  const [row] = await app.store.run<{ days: string[]; dayArticles: number[]; articles: number }>(
    'MATCH (p:CoMention {key: $key}) RETURN p.days AS days, p.dayArticles AS dayArticles, p.articles AS articles',
    { key: pairKey(a, b) },
  );
  return row ?? null;
}

async function expectAgree() {
  expect(await verifyCounts(app.store)).toEqual([]);
}

beforeAll(async () => {
  app = await createTestApp({ apiKeys: ['curator:admin'] });
  const { data, errors } = await app.gql(INGEST, { a: articles }, ADMIN);
  expect(errors).toBeUndefined();
  expect(data.ingestArticles.created).toBe(4);
  ids = data.ingestArticles.items.map((i: any) => i.article.articleId);
});

afterAll(() => app?.close());

describe('counts kept at ingest', () => {
  it('counts new articles per entity and day and per pair and day', async () => {
    expect(await entityDays(TILLERSON)).toEqual([
      { day: '2017-08-06', articles: 2, mentions: 2 },
      { day: '2017-08-07', articles: 1, mentions: 1 },
    ]);
    const lavrov = await entityDays(LAVROV);
    expect(lavrov[0]).toEqual({ day: '2017-08-06', articles: 2, mentions: 3 });
    expect(await pairDays(LAVROV, TILLERSON)).toEqual({ days: ['2017-08-06'], dayArticles: [2], articles: 2 });
    await expectAgree();
  });

  it('answers trending from the day counts: the window\'s whole days against the baseline days before', async () => {
    const { data, errors } = await app.gql(`{
      trending(since: "2017-08-07T12:00:00Z", until: "2017-08-07T13:00:00Z", baselineDays: 1) { entity { key } windowCount baselineCount windowRate ratio }
    }`);
    expect(errors).toBeUndefined();
    const keys = data.trending.map((t: any) => t.entity.key);
    expect(keys).not.toContain(LAVROV);
    expect(data.trending.find((t: any) => t.entity.key === TILLERSON)).toMatchObject({ windowCount: 1, baselineCount: 2, windowRate: 1 });
  });

  it('moves an updated article\'s counts to its new day and entities', async () => {
    const moved = article(2, 'Rex Tillerson spoke in Manila on Tuesday, without Lavrov this time: Sergei Lavrov had left.', '2017-08-08T08:00:00Z');
    const { data } = await app.gql(INGEST, { a: [moved] }, ADMIN);
    expect(data.ingestArticles.updated).toBe(1);
    expect(await entityDays(TILLERSON)).toEqual([
      { day: '2017-08-06', articles: 1, mentions: 1 },
      { day: '2017-08-07', articles: 1, mentions: 1 },
      { day: '2017-08-08', articles: 1, mentions: 1 },
    ]);
    expect(await pairDays(LAVROV, TILLERSON)).toEqual({ days: ['2017-08-06', '2017-08-08'], dayArticles: [1, 1], articles: 2 });
    const { data: timeline } = await app.gql(
      `{ relationship(a: { key: "${LAVROV}" }, b: { key: "${TILLERSON}" }) { articleCount timeline(granularity: DAY, since: "2017-08-05", until: "2017-08-08") { bucket count } } }`,
    );
    expect(timeline.relationship.timeline.map((b: any) => b.count)).toEqual([0, 1, 0, 1]);
    const { data: picture } = await app.gql(`{
      network(around: [{ key: "${TILLERSON}" }], since: "2017-08-06T12:00:00Z", until: "2017-08-07") {
        nodes { entity { key } weight } edges { source { key } target { key } weight }
      }
      person(name: "Rex Tillerson") { coMentions(since: "2017-08-08", until: "2017-08-08") { entity { key } articleCount firstSeen } }
    }`);
    const weights = Object.fromEntries(picture.network.nodes.map((n: any) => [n.entity.key, n.weight]));
    expect(weights[TILLERSON]).toBe(2);
    expect(weights[LAVROV]).toBe(1);
    const edge = picture.network.edges.find((e: any) => [e.source.key, e.target.key].sort().join() === [LAVROV, TILLERSON].sort().join());
    expect(edge.weight).toBe(1);
    expect(picture.person.coMentions.find((c: any) => c.entity.key === LAVROV)).toEqual({ entity: { key: LAVROV }, articleCount: 1, firstSeen: '2017-08-08T00:00:00.000Z' });
    await expectAgree();
  });

  it('agrees with the mentions after a merge, its undo, a delete and its undo', async () => {
    const { data } = await app.gql('{ entities(kind: PERSON, first: 50) { edges { node { key name } } } }');
    const people = data.entities.edges.map((e: any) => e.node);
    const lavrovs = people.filter((p: any) => /Lavrov/.test(p.name));
    const [target, source] = lavrovs.length === 2 ? lavrovs : [lavrovs[0], people.find((p: any) => /Blinken/.test(p.name))];
    const merge = await app.gql(
      'mutation ($t: EntityRef!, $s: [EntityRef!]!) { mergeEntities(target: $t, sources: $s) { id } }',
      { t: { key: target.key }, s: [{ key: source.key }] },
      ADMIN,
    );
    expect(merge.errors).toBeUndefined();
    expect((await entityDays(target.key)).map((d) => d.day)).toContain('2022-01-21');
    expect(await entityDays(source.key)).toEqual([]);
    await expectAgree();
    const undo = await app.gql('mutation ($id: ID!) { undoCuration(id: $id) { id } }', { id: merge.data.mergeEntities.id }, ADMIN);
    expect(undo.errors).toBeUndefined();
    expect((await entityDays(source.key)).map((d) => d.day)).toEqual(['2022-01-21']);
    await expectAgree();

    const del = await app.gql('mutation ($id: String!) { deleteArticle(id: $id) { id } }', { id: ids[2] }, ADMIN);
    expect(del.errors).toBeUndefined();
    expect((await entityDays(TILLERSON)).map((d) => d.day)).toEqual(['2017-08-06', '2017-08-08']);
    await expectAgree();
    const back = await app.gql('mutation ($id: ID!) { undoCuration(id: $id) { id } }', { id: del.data.deleteArticle.id }, ADMIN);
    expect(back.errors).toBeUndefined();
    expect((await entityDays(TILLERSON)).map((d) => d.day)).toEqual(['2017-08-06', '2017-08-07', '2017-08-08']);
    await expectAgree();
  });

  it('reports counts corrupted on purpose, and the backfill puts them right', async () => {
    await app.store.transaction(async (tx) => {
      await tx.run("MATCH (d:EntityDay {entity: $key}) WHERE d.day = '2017-08-06' SET d.articles = 99", { key: TILLERSON });
      await tx.run("MATCH (d:EntityDay {entity: $key}) WHERE d.day = '2017-08-07' DELETE d", { key: TILLERSON });
      await tx.run("CREATE (:EntityDay {key: 'person:gone|2017-01-01', entity: 'person:gone', day: '2017-01-01', articles: 1, mentions: 1})");
      await tx.run('MATCH (p:CoMention {key: $key}) SET p.dayArticles = [2, 1]', { key: pairKey(LAVROV, TILLERSON) });
      await tx.run('MATCH (e:Entity {key: $key}) SET e.mentionCount = e.mentionCount + 1', { key: LAVROV });
    });
    const differences = await verifyCounts(app.store);
    expect(differences.map((d) => `${d.what} ${d.key}`).sort()).toEqual(
      [
        `entity ${LAVROV}`,
        `entity-day ${TILLERSON}|2017-08-06`,
        `entity-day ${TILLERSON}|2017-08-07`,
        'entity-day person:gone|2017-01-01',
        `pair-days ${pairKey(LAVROV, TILLERSON)}`,
      ].sort(),
    );
    expect(differences.find((d) => d.key === `${TILLERSON}|2017-08-06`)).toMatchObject({ stored: { articles: 99 }, expected: { articles: 1 } });
    await app.store.transaction((tx) => tx.run('MATCH (e:Entity {key: $key}) SET e.mentionCount = e.mentionCount - 1', { key: LAVROV }));
    await app.store.transaction((tx) => tx.run("MATCH (d:EntityDay {key: 'person:gone|2017-01-01'}) DELETE d"));
    await backfillCounts(app.store);
    await expectAgree();
  });
});

describe('pages of a hub\'s articles read from its newest days', () => {
  let seeded: TestApp;

  beforeAll(async () => {
    seeded = await createTestApp({ seed: true });
  });

  afterAll(() => seeded?.close());

  it('give the same pages as walking all of its articles, for an entity and for a pair', async () => {
    const US = 'country:US';
    const [{ n }] = await seeded.store.run<{ n: number }>('MATCH (e:Entity {key: $key}) RETURN e.articleCount AS n', { key: US });
    expect(n).toBeGreaterThan(20);
    for (const page of [{ offset: 0, limit: 5 }, { offset: 5, limit: 7 }, { offset: n - 3, limit: 10 }]) {
      const byDay = await articlesMentioning(seeded.store, US, {}, page, n, 0);
      const walked = await articlesMentioning(seeded.store, US, {}, page, n, Infinity);
      expect(byDay.map((a) => a.id)).toEqual(walked.map((a) => a.id));
      expect(byDay.length).toBe(Math.min(page.limit, n - page.offset));
    }
    const [{ other }] = await seeded.store.run<{ other: string }>(
      'MATCH (:Entity {key: $key})-[:CO_MENTIONED]->(p:CoMention)<-[:CO_MENTIONED]-(o) RETURN o.key AS other ORDER BY p.articles DESC, other LIMIT 1',
      { key: US },
    );
    for (const page of [{ offset: 0, limit: 3 }, { offset: 2, limit: 4 }]) {
      const byDay = await sharedArticles(seeded.store, US, other, {}, page, 0);
      const walked = await sharedArticles(seeded.store, US, other, {}, page, Infinity);
      expect(byDay.map((r) => r.article.id)).toEqual(walked.map((r) => r.article.id));
      expect(byDay.length).toBeGreaterThan(0);
    }
  });
});
