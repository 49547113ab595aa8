/**
 * A co-mention pair has its node from its second shared article: a pair of one article has none
 * and is answered from the article's mentions. Ingest in separate batches, a delete and its undo,
 * a merge and its undo each move a pair across one article; after each the node is there exactly
 * when the pair has two articles or more, the API answers the same counts, and verify-counts agrees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairKey } from '../../src/store/queries/counts.ts';
import { backfillCounts, verifyCounts } from '../../src/store/queries/verify-counts.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

const ADMIN = { authorization: 'Bearer curator' };
const INGEST = 'mutation ($a: [ArticleInput!]!) { ingestArticles(articles: $a) { created items { article { articleId } } } }';
const LAVROV = 'person:Q58217';
const TILLERSON = 'person:Q331401';

const article = (n: number, text: string, publishedAt: string) => ({ title: `Pair ${n}`, text, publishedAt, url: `https://pairs.test/${n}` });

let app: TestApp;

async function ingest(...batch: ReturnType<typeof article>[]): Promise<string[]> {
  const { data, errors } = await app.gql(INGEST, { a: batch }, ADMIN);
  expect(errors).toBeUndefined();
  expect(data.ingestArticles.created).toBe(batch.length);
  return data.ingestArticles.items.map((i: any) => i.article.articleId);
}

async function pairNode(a: string, b: string) {
  const [row] = await app.store.run<{ articles: number; days: string[]; dayArticles: number[]; firstSeen: string }>(
    'MATCH (p:CoMention {key: $key}) RETURN p.articles AS articles, p.days AS days, p.dayArticles AS dayArticles, p.firstSeen AS firstSeen',
    { key: pairKey(a, b) },
  );
  return row ?? null;
}

/** What the API answers about the pair: its count in Lavrov's co-mentions, the relationship and its days. */
async function answers(other: string) {
  const { data, errors } = await app.gql(`{
    entity(key: "${LAVROV}") { coMentions(first: 50) { entity { key } articleCount firstSeen lastSeen } }
    relationship(a: { key: "${LAVROV}" }, b: { key: "${other}" }) {
      articleCount
      timeline(granularity: DAY, since: "2017-08-05", until: "2017-08-09") { count }
      sharedArticles(first: 5) { edges { node { title } } }
    }
  }`);
  expect(errors).toBeUndefined();
  return {
    coMention: data.entity.coMentions.find((c: any) => c.entity.key === other) ?? null,
    articles: data.relationship?.articleCount ?? 0,
    timeline: data.relationship?.timeline.map((b: any) => b.count) ?? [],
    titles: data.relationship?.sharedArticles.edges.map((e: any) => e.node.title) ?? [],
  };
}

async function expectAgree() {
  expect(await verifyCounts(app.store)).toEqual([]);
}

beforeAll(async () => {
  app = await createTestApp({ apiKeys: ['curator:admin'] });
});

afterAll(() => app?.close());

describe('a pair of one article', () => {
  let second: string;
  let blinken: string;

  it('has no node, and is answered from its article', async () => {
    await ingest(article(1, 'Sergei Lavrov met Rex Tillerson in Manila on Sunday.', '2017-08-06T09:00:00Z'));
    expect(await pairNode(LAVROV, TILLERSON)).toBeNull();
    expect(await answers(TILLERSON)).toEqual({
      coMention: { entity: { key: TILLERSON }, articleCount: 1, firstSeen: '2017-08-06T09:00:00.000Z', lastSeen: '2017-08-06T09:00:00.000Z' },
      articles: 1,
      timeline: [0, 1, 0, 0, 0],
      titles: ['Pair 1'],
    });
    await expectAgree();
  });

  it('gets its node from a later batch\'s article, counting the earlier one', async () => {
    [second] = await ingest(article(2, 'Rex Tillerson and Sergei Lavrov spoke again in Manila on Tuesday.', '2017-08-08T10:00:00Z'));
    expect(await pairNode(LAVROV, TILLERSON)).toEqual({ articles: 2, days: ['2017-08-06', '2017-08-08'], dayArticles: [1, 1], firstSeen: '2017-08-06T09:00:00.000Z' });
    expect((await answers(TILLERSON)).timeline).toEqual([0, 1, 0, 1, 0]);
    await expectAgree();
  });

  it('loses its node when a delete leaves it one article, and gets it back with the undo', async () => {
    const del = await app.gql('mutation ($id: String!) { deleteArticle(id: $id) { id } }', { id: second }, ADMIN);
    expect(del.errors).toBeUndefined();
    expect(await pairNode(LAVROV, TILLERSON)).toBeNull();
    expect((await answers(TILLERSON)).articles).toBe(1);
    await expectAgree();
    const undo = await app.gql('mutation ($id: ID!) { undoCuration(id: $id) { id } }', { id: del.data.deleteArticle.id }, ADMIN);
    expect(undo.errors).toBeUndefined();
    expect((await pairNode(LAVROV, TILLERSON))?.articles).toBe(2);
    await expectAgree();
  });

  it('gets a node from a merge that brings a second article, and loses it with the undo', async () => {
    await ingest(article(3, 'Sergei Lavrov spoke with Antony Blinken in Geneva on Friday.', '2017-08-09T10:00:00Z'));
    const { data } = await app.gql('{ person(name: "Antony Blinken") { key } }');
    blinken = data.person.key;
    expect(await pairNode(LAVROV, blinken)).toBeNull();
    const merge = await app.gql(
      'mutation ($t: EntityRef!, $s: [EntityRef!]!) { mergeEntities(target: $t, sources: $s) { id } }',
      { t: { key: blinken }, s: [{ key: TILLERSON }] },
      ADMIN,
    );
    expect(merge.errors).toBeUndefined();
    expect(await pairNode(LAVROV, blinken)).toMatchObject({ articles: 3, days: ['2017-08-06', '2017-08-08', '2017-08-09'] });
    await expectAgree();
    const undo = await app.gql('mutation ($id: ID!) { undoCuration(id: $id) { id } }', { id: merge.data.mergeEntities.id }, ADMIN);
    expect(undo.errors).toBeUndefined();
    expect(await pairNode(LAVROV, blinken)).toBeNull();
    expect((await answers(blinken)).articles).toBe(1);
    expect((await pairNode(LAVROV, TILLERSON))?.articles).toBe(2);
    await expectAgree();
  });

  it('is reported by verify-counts when it has a node, which the backfill removes', async () => {
    const [a, b] = [LAVROV, blinken].sort();
    const date = '2017-08-09T10:00:00.000Z';
    await app.store.transaction((tx) =>
      tx.run(
        `MATCH (x:Entity {key: $a}) MATCH (y:Entity {key: $b})
         CREATE (x)-[:CO_MENTIONED]->(:CoMention {key: $key, a: $a, b: $b, articles: 1, firstSeen: $date, lastSeen: $date,
           lastDay: '2017-08-09', days: ['2017-08-09'], dayArticles: [1]})<-[:CO_MENTIONED]-(y)`,
        { a, b, key: pairKey(a, b), date },
      ),
    );
    expect(await verifyCounts(app.store)).toEqual([{ what: 'pair', key: pairKey(a, b), stored: { articles: 1, firstSeen: date, lastSeen: date }, expected: null }]);
    await backfillCounts(app.store);
    expect(await pairNode(a, b)).toBeNull();
    await expectAgree();
  });

  it('is an edge of a network between two of its entities', async () => {
    const { data, errors } = await app.gql(`{
      network(around: [{ key: "${TILLERSON}" }], depth: 2, kinds: [PERSON]) { edges { source { key } target { key } weight } }
    }`);
    expect(errors).toBeUndefined();
    const weights = Object.fromEntries(data.network.edges.map((e: any) => [[e.source.key, e.target.key].sort().join(' '), e.weight]));
    expect(weights).toEqual({ [[LAVROV, TILLERSON].sort().join(' ')]: 2, [[LAVROV, blinken].sort().join(' ')]: 1 });
  });
});

describe('one-article pairs on the seed graph', () => {
  let seeded: TestApp;

  beforeAll(async () => {
    seeded = await createTestApp({ seed: true });
  });

  afterAll(() => seeded?.close());

  /** Articles mentioning both `key` and each other entity, counted from the mentions alone. */
  async function sharedFromMentions(key: string): Promise<Map<string, number>> {
    const rows = await seeded.store.run<{ other: string; n: number }>(
      'MATCH (:Entity {key: $key})<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(o:Entity) WHERE o.key <> $key RETURN o.key AS other, count(a) AS n',
      { key },
    );
    return new Map(rows.map((r) => [r.other, r.n]));
  }

  /** An entity with fewer co-mentions than a page holds, some of them of one article. */
  async function modestEntity(): Promise<string> {
    const [{ key }] = await seeded.store.run<{ key: string }>(
      `MATCH (x:Entity)<-[:MENTIONS]-(:Article)-[:MENTIONS]->(o:Entity)
       WITH x, count(DISTINCT o) AS others WHERE others >= 20 AND others <= 100
       RETURN x.key AS key ORDER BY others DESC, key LIMIT 1`,
    );
    return key;
  }

  it('lists every co-mention of an entity with its count, one-article pairs included', async () => {
    const key = await modestEntity();
    const { data, errors } = await seeded.gql(`{ entity(key: "${key}") { coMentions(first: 100, orderBy: COUNT) { entity { key } articleCount } } }`);
    expect(errors).toBeUndefined();
    const listed = new Map<string, number>(data.entity.coMentions.map((c: any) => [c.entity.key, c.articleCount]));
    const expected = await sharedFromMentions(key);
    expect([...expected.values()].filter((n) => n === 1).length).toBeGreaterThan(0);
    expect(listed).toEqual(expected);
  });

  it('draws the edges of one article in a network, with the weights the mentions give', async () => {
    const key = await modestEntity();
    const { data, errors } = await seeded.gql(`{ network(around: [{ key: "${key}" }], limit: 200) { edges { source { key } target { key } weight } } }`);
    expect(errors).toBeUndefined();
    const edges: { source: { key: string }; target: { key: string }; weight: number }[] = data.network.edges;
    const other = (e: (typeof edges)[number]) => (e.source.key === key ? e.target.key : e.source.key);
    const centered = edges.filter((e) => e.source.key === key || e.target.key === key);
    expect(new Map(centered.map((e) => [other(e), e.weight]))).toEqual(await sharedFromMentions(key));
    // Among the neighbours too, each edge's weight is what the mentions give.
    const among = edges.filter((e) => !centered.includes(e));
    expect(among.length).toBeGreaterThan(0);
    for (const e of among.slice(0, 30)) expect((await sharedFromMentions(e.source.key)).get(e.target.key)).toBe(e.weight);
  });
});
