/** Relationship questions through yoga.fetch on the seed articles (the user's article and the Wikinews sample). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ seed: true });
});

afterAll(async () => {
  await app?.close();
});

const SEED_TITLE = 'United States and Russian officials to continue dialogue despite new sanctions';

describe('paths', () => {
  it('connects Tillerson to Putin through the article, quoting a sentence', async () => {
    const { data, errors } = await app.gql(`{
      paths(from: { name: "Tillerson" }, to: { name: "Putin" }) {
        length truncated
        entities { name }
        hops { from { name } to { name } via { __typename ... on Article { title } ... on Event { title } } evidence { sentence article { title url publishedAt } } }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data.paths.length).toBeGreaterThanOrEqual(1);
    const [path] = data.paths;
    expect(path.length).toBeLessThanOrEqual(2);
    expect(path.entities[0].name).toBe('Rex Tillerson');
    expect(path.entities[path.entities.length - 1].name).toBe('Vladimir Putin');
    const hop = path.hops[0];
    expect(hop.from.name).toBe('Rex Tillerson');
    const articleTitle = hop.via.__typename === 'Article' ? hop.via.title : hop.evidence[0].article.title;
    expect(articleTitle).toBe(SEED_TITLE);
    expect(hop.evidence.length).toBeGreaterThanOrEqual(1);
    expect(hop.evidence.some((e: any) => /Tillerson|Putin/.test(e.sentence))).toBe(true);
    expect(hop.evidence[0].article.publishedAt).toBe('2017-08-10T00:00:00.000Z');
  });

  it('goes around excluded entities and through allowed kinds only, within maxHops', async () => {
    const direct = await app.gql(`{ paths(from: { name: "Lavrov" }, to: { key: "country:US" }, first: 5) { length entities { key } } }`);
    expect(direct.data.paths[0].length).toBe(1);
    const { data } = await app.gql(`{
      paths(from: { name: "Lavrov" }, to: { name: "Donald Trump" }, maxHops: 3, first: 5, via: [COUNTRY], excludeKeys: ["country:US"]) {
        length entities { key kind }
      }
    }`);
    for (const path of data.paths) {
      expect(path.length).toBeLessThanOrEqual(3);
      const middle = path.entities.slice(1, -1);
      for (const e of middle) {
        expect(e.kind).toBe('COUNTRY');
        expect(e.key).not.toBe('country:US');
      }
    }
  });

  it('finds nothing outside a date window where the two never met', async () => {
    const { data } = await app.gql(`{ paths(from: { name: "Tillerson" }, to: { name: "Putin" }, maxHops: 1, since: "2019-01-01") { length } }`);
    expect(data.paths).toEqual([]);
  });

  it('refuses more hops than the cap, and the same entity at both ends', async () => {
    const tooFar = await app.gql(`{ paths(from: { name: "Tillerson" }, to: { name: "Putin" }, maxHops: 7) { length } }`);
    expect(tooFar.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const same = await app.gql(`{ paths(from: { name: "Tillerson" }, to: { key: "person:Q331401" }) { length } }`);
    expect(same.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await app.gql(`{ paths(from: { name: "Nobody Atall" }, to: { name: "Putin" }) { length } }`);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('relationship', () => {
  it('shows the shared article, the Manila meeting and Tillerson\'s quote about Lavrov', async () => {
    const { data, errors } = await app.gql(`{
      relationship(a: { name: "Lavrov" }, b: { name: "Tillerson" }) {
        a { name } b { name }
        articleCount firstSeen lastSeen score
        sharedArticles(first: 5) { totalCount edges { node { title } } }
        sharedEvents { type date location { name } }
        quotes { text speaker { name } about { name } }
        timeline(granularity: MONTH, since: "2017-06-01", until: "2017-10-31") { bucket count }
      }
    }`);
    expect(errors).toBeUndefined();
    const r = data.relationship;
    expect(r.articleCount).toBe(1);
    expect(r.sharedArticles.totalCount).toBe(1);
    expect(r.sharedArticles.edges[0].node.title).toBe(SEED_TITLE);
    expect(r.firstSeen).toBe('2017-08-10T00:00:00.000Z');
    expect(r.score).toBeGreaterThan(0);
    const meeting = r.sharedEvents.find((e: any) => e.type === 'MEETING');
    expect(meeting).toMatchObject({ date: '2017-08-06', location: { name: 'Manila' } });
    const quote = r.quotes.find((q: any) => q.speaker?.name === 'Rex Tillerson');
    expect(quote.text).toContain('We talked about that');
    expect(quote.about.map((e: any) => e.name)).toContain('Sergei Lavrov');
    expect(r.timeline).toEqual([
      { bucket: '2017-06-01', count: 0 },
      { bucket: '2017-07-01', count: 0 },
      { bucket: '2017-08-01', count: 1 },
      { bucket: '2017-09-01', count: 0 },
      { bucket: '2017-10-01', count: 0 },
    ]);
  });
});

describe('network', () => {
  it('draws Lavrov\'s neighbourhood with Tillerson, Russia and the United States', async () => {
    const { data, errors } = await app.gql(`{
      network(around: [{ name: "Lavrov" }]) {
        truncated
        nodes { entity { key name } weight }
        edges { source { key } target { key } weight kind }
      }
    }`);
    expect(errors).toBeUndefined();
    const keys = data.network.nodes.map((n: any) => n.entity.key);
    expect(keys).toEqual(expect.arrayContaining(['person:Q58217', 'person:Q331401', 'country:RU', 'country:US']));
    expect(data.network.edges.length).toBeLessThanOrEqual(50);
    const nodeKeys = new Set(keys);
    for (const e of data.network.edges) {
      expect(nodeKeys.has(e.source.key) && nodeKeys.has(e.target.key)).toBe(true);
      expect(e.weight).toBeGreaterThanOrEqual(1);
      expect(e.kind).toBe('CO_MENTIONED');
    }
  });

  it('cuts at the limit, heaviest edges at a center first, and says truncated', async () => {
    const { data } = await app.gql(`{
      network(around: [{ key: "country:US" }], depth: 2, limit: 5) {
        truncated
        nodes { entity { key } }
        edges { source { key } target { key } weight }
      }
    }`);
    expect(data.network.truncated).toBe(true);
    expect(data.network.edges).toHaveLength(5);
    const weights = data.network.edges.map((e: any) => e.weight);
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
    for (const e of data.network.edges) expect([e.source.key, e.target.key]).toContain('country:US');
  });

  it('filters by kind and weight, and refuses out-of-budget arguments', async () => {
    const { data } = await app.gql(`{
      network(around: [{ key: "country:US" }], kinds: [PERSON], minWeight: 2) { nodes { entity { key kind } } edges { weight } }
    }`);
    for (const n of data.network.nodes) if (n.entity.key !== 'country:US') expect(n.entity.kind).toBe('PERSON');
    for (const e of data.network.edges) expect(e.weight).toBeGreaterThanOrEqual(2);
    const deep = await app.gql(`{ network(around: [{ key: "country:US" }], depth: 3) { truncated } }`);
    expect(deep.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const wide = await app.gql(`{ network(around: [{ key: "country:US" }], limit: 201) { truncated } }`);
    expect(wide.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('co-mentions, timelines and trending', () => {
  it('orders co-mentions by count or by significance', async () => {
    const { data } = await app.gql(`{
      country(code: "US") {
        byCount: coMentions(first: 10, orderBy: COUNT) { entity { key articleCount } articleCount score firstSeen lastSeen }
        byScore: coMentions(first: 10, orderBy: SCORE) { entity { key articleCount } articleCount score }
      }
    }`);
    const counts = data.country.byCount.map((c: any) => c.articleCount);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    // Pairs with at least two shared articles first, each group by score.
    const supported = data.country.byScore.filter((c: any) => c.articleCount >= 2);
    expect(data.country.byScore.slice(0, supported.length)).toEqual(supported);
    const scores = supported.map((c: any) => c.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const c of data.country.byCount) expect(c.firstSeen <= c.lastSeen).toBe(true);
  });

  it('gives a short page of co-mentions that is the head of a long one (read among the pairs of two articles or more first)', async () => {
    const { data } = await app.gql(`{
      person(name: "Donald Trump") {
        shortCount: coMentions(first: 2, orderBy: COUNT) { entity { key } articleCount score }
        longCount: coMentions(first: 100, orderBy: COUNT) { entity { key } articleCount score }
        shortScore: coMentions(first: 2, orderBy: SCORE) { entity { key } articleCount score }
        longScore: coMentions(first: 100, orderBy: SCORE) { entity { key } articleCount score }
      }
    }`);
    const p = data.person;
    // The long pages hold pairs of one article too (too few have two or more): they are read from every pair.
    expect(p.longCount.some((c: any) => c.articleCount < 2)).toBe(true);
    expect(p.shortCount[1].articleCount).toBeGreaterThanOrEqual(2);
    expect(p.shortCount).toEqual(p.longCount.slice(0, 2));
    expect(p.shortScore).toEqual(p.longScore.slice(0, 2));
  });

  it('ranks by significance by default: the people an analyst asks about come first, and scores separate neighbours', async () => {
    const { data } = await app.gql(`{
      lavrov: person(name: "Sergei Lavrov") { coMentions(first: 12) { entity { name } score } }
      trump: person(name: "Donald Trump") { coMentions(first: 10) { entity { name } articleCount score } }
    }`);
    // Among the ten highest scores, ties included: Vladimir Putin ties NATO at the tenth score, and NATO's key sorts first.
    const tenth = data.lavrov.coMentions[9].score;
    const names = data.lavrov.coMentions.filter((c: any) => c.score >= tenth).map((c: any) => c.entity.name);
    expect(names).toContain('Rex Tillerson');
    expect(names).toContain('Vladimir Putin');
    // Every neighbour of Donald Trump once scored 1.979 (pointwise mutual information of pairs that always co-occur).
    const scores = data.trump.coMentions.map((c: any) => c.score);
    expect(new Set(scores).size).toBeGreaterThanOrEqual(5);
    expect(data.trump.coMentions[0].entity.name).toBe('Joe Biden');
    // The ranking query and Relationship.score compute the same measure.
    const pair = await app.gql('{ relationship(a: { name: "Sergei Lavrov" }, b: { name: "Rex Tillerson" }) { score } }');
    expect(pair.data.relationship.score).toBe(data.lavrov.coMentions.find((c: any) => c.entity.name === 'Rex Tillerson').score);
  });

  it('gives an entity\'s timeline with empty buckets, by day, week and month', async () => {
    const { data } = await app.gql(`{
      person(name: "Lavrov") {
        days: timeline(granularity: DAY, since: "2017-08-08", until: "2017-08-12") { bucket count }
        weeks: timeline(granularity: WEEK, since: "2017-08-01", until: "2017-08-20") { bucket count }
      }
    }`);
    expect(data.person.days).toEqual([
      { bucket: '2017-08-08', count: 0 },
      { bucket: '2017-08-09', count: 0 },
      { bucket: '2017-08-10', count: 1 },
      { bucket: '2017-08-11', count: 0 },
      { bucket: '2017-08-12', count: 0 },
    ]);
    expect(data.person.weeks).toEqual([
      { bucket: '2017-07-31', count: 0 },
      { bucket: '2017-08-07', count: 1 },
      { bucket: '2017-08-14', count: 0 },
    ]);
    const tooMany = await app.gql(`{ person(name: "Lavrov") { timeline(granularity: DAY, since: "2000-01-01", until: "2020-01-01") { count } } }`);
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('finds what trends in a window against its baseline', async () => {
    const { data, errors } = await app.gql(`{
      trending(since: "2017-08-01", until: "2017-08-31", baselineDays: 30, first: 50) {
        entity { key } windowCount baselineCount windowRate baselineRate ratio
      }
    }`);
    expect(errors).toBeUndefined();
    const keys = data.trending.map((t: any) => t.entity.key);
    expect(keys).toContain('person:Q58217');
    const ratios = data.trending.map((t: any) => t.ratio);
    expect([...ratios].sort((a, b) => b - a)).toEqual(ratios);
    for (const t of data.trending) {
      expect(t.windowCount).toBeGreaterThanOrEqual(1);
      expect(t.ratio).toBeGreaterThan(0);
    }
    const people = await app.gql(`{ trending(kind: PERSON, since: "2017-08-01", until: "2017-08-31") { entity { kind } } }`);
    for (const t of people.data.trending) expect(t.entity.kind).toBe('PERSON');
  });

  it('filters events by country and by participants named by people', async () => {
    const { data } = await app.gql(`{
      ph: events(filter: { country: "PH" }) { edges { node { type location { name } } } }
      lavrov: events(filter: { participants: [{ name: "Lavrov" }, { name: "Tillerson" }] }) { totalCount edges { node { type } } }
    }`);
    expect(data.ph.edges.map((e: any) => e.node.type)).toContain('MEETING');
    expect(data.lavrov.edges.map((e: any) => e.node.type)).toContain('MEETING');
  });
});
