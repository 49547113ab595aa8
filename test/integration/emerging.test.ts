/**
 * Emerging links through yoga.fetch on real ingests. The corpus (latest article 2017-09-30, so the
 * default window is 09-24 to 09-30 and the baseline 08-27 to 09-23):
 * - Lavrov–Tillerson: one article every 4 days for weeks, then 10 on 09-26..09-28 (the raised pair);
 * - Germany–France: 2 articles every day, window included (frequent but steady);
 * - Norway–Chile: new, 3 articles in the window;
 * - Peru–Kenya: one article in the window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emergenceScore } from '../../src/relations/emerging.ts';
import { backfillPairLastDay } from '../../src/store/queries/emerging.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { subscribe } from '../support/sse.ts';

const KEY = 'emerging-test-key';
const AUTH = { authorization: `Bearer ${KEY}` };
const INGEST = 'mutation ($a: [ArticleInput!]!) { ingestArticles(articles: $a) { created failed } }';

const LAVROV = 'person:Q58217';
const TILLERSON = 'person:Q331401';

let serial = 0;
function article(text: string, day: string) {
  serial += 1;
  return { title: `Emerging ${serial}`, url: `https://emerging.test/${serial}`, publishedAt: `${day}T10:00:00Z`, text: `${text} Report ${serial}.` };
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function corpus() {
  const articles = [];
  // Lavrov–Tillerson: every 4 days from 08-03 (before the baseline too) to 09-20: 7 in the baseline.
  for (let day = '2017-08-03'; day <= '2017-09-20'; day = addDays(day, 4)) {
    articles.push(article('Sergei Lavrov spoke with Rex Tillerson by phone.', day));
  }
  // ...then raised on known days: 4, 3 and 3 articles on 09-26, 09-27 and 09-28.
  for (const [day, n] of [['2017-09-26', 4], ['2017-09-27', 3], ['2017-09-28', 3]] as const) {
    for (let i = 0; i < n; i++) articles.push(article('Sergei Lavrov met Rex Tillerson to discuss a ceasefire.', day));
  }
  // Germany–France: twice a day from 08-27 to 09-30.
  for (let day = '2017-08-27'; day <= '2017-09-30'; day = addDays(day, 1)) {
    articles.push(article('Germany and France agreed on a budget plan.', day));
    articles.push(article('Germany and France discussed energy prices.', day));
  }
  for (const day of ['2017-09-25', '2017-09-27', '2017-09-29']) articles.push(article('Norway and Chile signed a fisheries accord.', day));
  articles.push(article('Peru and Kenya opened embassies.', '2017-09-29'));
  return articles;
}

let app: TestApp;

async function ingest(articles: Record<string, unknown>[]) {
  for (let i = 0; i < articles.length; i += 50) {
    const { data, errors } = await app.gql(INGEST, { a: articles.slice(i, i + 50) }, AUTH);
    expect(errors).toBeUndefined();
    expect(data.ingestArticles.failed).toBe(0);
  }
}

const LINKS = `query ($kinds: [EntityKind!], $since: DateTime, $until: DateTime, $first: Int, $minScore: Float) {
  emergingLinks(kinds: $kinds, since: $since, until: $until, first: $first, minScore: $minScore) {
    a { key name kind } b { key name kind } windowArticles baselineArticles windowRate baselineRate score since until
    evidence { sentence article { title publishedAt } }
  }
}`;

const pairOf = (l: { a: { key: string }; b: { key: string } }) => [l.a.key, l.b.key].sort().join(' ');

async function links(variables: Record<string, unknown> = {}) {
  const { data, errors } = await app.gql(LINKS, variables, AUTH);
  expect(errors).toBeUndefined();
  return data.emergingLinks as any[];
}

async function keyOf(name: string) {
  const { data } = await app.gql('query ($q: String!) { search(query: $q, first: 1) { key } }', { q: name }, AUTH);
  return data.search[0].key as string;
}

beforeAll(async () => {
  app = await createTestApp({ apiKeys: [KEY] });
  await ingest(corpus());
});

afterAll(() => app?.close());

describe('emergingLinks', () => {
  it('ranks the raised pair first, above a new pair, and leaves out the frequent steady pair and a single-article pair', async () => {
    const found = await links();
    const [norway, chile, germany, france, peru, kenya] = await Promise.all(['Norway', 'Chile', 'Germany', 'France', 'Peru', 'Kenya'].map(keyOf));
    expect(found.map(pairOf)).toEqual([[LAVROV, TILLERSON].sort().join(' '), [norway, chile].sort().join(' ')]);
    const [raised, fresh] = found;
    expect(raised).toMatchObject({ windowArticles: 10, baselineArticles: 7, windowRate: 1.429, baselineRate: 0.25, since: '2017-09-24T00:00:00.000Z', until: '2017-10-01T00:00:00.000Z' });
    expect(raised.score).toBeCloseTo(emergenceScore(10, 7, 7, 28), 2);
    expect(fresh).toMatchObject({ windowArticles: 3, baselineArticles: 0 });
    // Germany–France had more articles in the window (14) than any pair, at its usual rate.
    expect(emergenceScore(14, 56, 7, 28)).toBeLessThan(0);
    const all = await links({ first: 50, minScore: 0 });
    expect(all.map(pairOf)).not.toContain([germany, france].sort().join(' '));
    expect(all.map(pairOf)).not.toContain([peru, kenya].sort().join(' '));
  });

  it('backs each link with sentences naming both from the window, newest first', async () => {
    const [raised] = await links();
    expect(raised.evidence.length).toBe(3);
    for (const e of raised.evidence) {
      expect(e.sentence).toContain('Lavrov');
      expect(e.sentence).toContain('Tillerson');
      expect(e.article.publishedAt >= '2017-09-24').toBe(true);
    }
    expect(raised.evidence[0].article.publishedAt.slice(0, 10)).toBe('2017-09-28');
  });

  it('filters both ends by kind', async () => {
    const people = await links({ kinds: ['PERSON'] });
    expect(people.map(pairOf)).toEqual([[LAVROV, TILLERSON].sort().join(' ')]);
    const countries = await links({ kinds: ['COUNTRY'] });
    expect(countries.length).toBe(1);
    expect(countries[0].a.kind).toBe('COUNTRY');
    expect(countries[0].b.kind).toBe('COUNTRY');
    expect(countries.map((l) => [l.a.name, l.b.name].sort().join(' '))).toEqual(['Chile Norway']);
  });

  it('takes an explicit window: before the rise, nothing emerged', async () => {
    expect(await links({ since: '2017-09-13T00:00:00Z', until: '2017-09-20T00:00:00Z' })).toEqual([]);
    const { errors } = await app.gql(LINKS, { since: '2017-09-20T00:00:00Z', until: '2017-09-13T00:00:00Z' }, AUTH);
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('pairs by lastDay', () => {
  it('keeps lastDay at ingest, and the data migration fills it on pairs written without it', async () => {
    const [missing] = await app.store.run<{ n: number }>('MATCH (p:CoMention) WHERE p.lastDay IS NULL OR p.lastDay <> substring(p.lastSeen, 0, 10) RETURN count(p) AS n');
    expect(missing.n).toBe(0);
    await app.store.transaction((tx) => tx.run('MATCH (p:CoMention) REMOVE p.lastDay'));
    // Other page sizes than before: the server's response cache does not see writes made straight to the store.
    expect(await links({ first: 9 })).toEqual([]);
    await backfillPairLastDay(app.store);
    expect((await links({ first: 8 })).map(pairOf)[0]).toBe([LAVROV, TILLERSON].sort().join(' '));
  });
});

describe('linkEmerged', () => {
  it('emits a pair when the article that takes it over the threshold is ingested, once', async () => {
    const stream = await subscribe(
      app.yoga,
      'subscription { linkEmerged { a { name } b { name } windowArticles baselineArticles score evidence { sentence } } }',
    );
    try {
      // Sweden–Egypt is new: 2 articles in the window are not enough, the third is (see the first test).
      for (let i = 0; i < 3; i++) await ingest([article('Sweden and Egypt held trade talks.', '2017-09-29')]);
      const first = await stream.next();
      expect(first.errors).toBeUndefined();
      const sweden = first.data.linkEmerged;
      expect([sweden.a.name, sweden.b.name].sort()).toEqual(['Egypt', 'Sweden']);
      expect(sweden).toMatchObject({ windowArticles: 3, baselineArticles: 0 });
      expect(sweden.evidence[0].sentence).toContain('Sweden and Egypt');
      // A fourth article does not emit it again; a batch of three of a new pair emits that pair once.
      await ingest([article('Sweden and Egypt held trade talks.', '2017-09-29')]);
      await ingest([0, 1, 2].map(() => article('Japan and Brazil signed a space agreement.', '2017-09-30')));
      await ingest([0, 1, 2].map(() => article('Italy and Mexico signed a cultural agreement.', '2017-09-30')));
      const events = [await stream.next(), await stream.next()];
      expect(events.map((e) => e.errors)).toEqual([undefined, undefined]);
      const names = events.map((e) => [e.data.linkEmerged.a.name, e.data.linkEmerged.b.name].sort().join(' '));
      expect(names).toEqual(['Brazil Japan', 'Italy Mexico']);
      expect(events.map((e) => e.data.linkEmerged.windowArticles)).toEqual([3, 3]);
    } finally {
      await stream.close();
    }
  });
});
