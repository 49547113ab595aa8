/** The read API through yoga.fetch on the seed articles: every query, pagination, errors, round trips. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingRunner, type RoundTrips } from '../../src/store/runner.ts';
import { createNewsPubSub } from '../../src/server/pubsub.ts';
import { createNewsgraphYoga } from '../../src/server/yoga.ts';
import { createTestApp, gql, testExtractor, type TestApp } from '../support/app.ts';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ seed: true });
});

afterAll(async () => {
  await app?.close();
});

describe('the seed graph', () => {
  it('answers who appears with Lavrov (the issue\'s acceptance query)', async () => {
    const { data, errors } = await app.gql(`{
      person(name: "Lavrov") {
        name
        coMentions(first: 20) { entity { name } articleCount }
        articles(first: 5) { edges { node { title countries { code } } } }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data.person.name).toBe('Sergei Lavrov');
    const coMentioned = data.person.coMentions.map((c: any) => c.entity.name);
    expect(coMentioned).toContain('Rex Tillerson');
    const codes = data.person.articles.edges.flatMap((e: any) => e.node.countries.map((c: any) => c.code));
    expect(codes).toContain('RU');
  });

  it("lists each article's entities most mentioned first, then by key, and each kind in that order", async () => {
    const { data, errors } = await app.gql(`{ articles(first: 30) { edges { node {
      mentions { count entity { key kind } } people { key } countries { key } organizations { key } places { key } } } } }`);
    expect(errors).toBeUndefined();
    let tied = 0;
    for (const { node } of data.articles.edges) {
      const rows = node.mentions.map((m: any) => ({ count: m.count, key: m.entity.key, kind: m.entity.kind }));
      const ordered = [...rows].sort((x, y) => y.count - x.count || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
      expect(rows).toEqual(ordered);
      tied += rows.filter((r: any, i: number) => i > 0 && rows[i - 1].count === r.count).length;
      for (const [field, kind] of [['people', 'PERSON'], ['countries', 'COUNTRY'], ['organizations', 'ORGANIZATION'], ['places', 'PLACE']]) {
        expect(node[field].map((e: any) => e.key)).toEqual(rows.filter((r: any) => r.kind === kind).map((r: any) => r.key));
      }
    }
    // The seed articles have ties on the count: the key decides between them.
    expect(tied).toBeGreaterThan(20);
  });

  it('counts what it holds', async () => {
    const { data } = await app.gql('{ stats { articles entities events quotes } }');
    expect(data.stats.articles).toBe(67);
    expect(data.stats.entities).toBeGreaterThan(100);
    expect(data.stats.events).toBeGreaterThan(0);
  });

  it('finds people by alias and full name, case-insensitively, and returns null for unknown names', async () => {
    const { data } = await app.gql(`{
      a: person(name: "sergei lavrov") { key name aliases }
      b: person(name: "TILLERSON") { name wikidataId }
      c: person(name: "Nobody Atall") { name }
    }`);
    expect(data.a.name).toBe('Sergei Lavrov');
    expect(data.a.aliases).toContain('Lavrov');
    expect(data.b.name).toBe('Rex Tillerson');
    expect(data.c).toBeNull();
  });

  it('finds countries by alpha-2, alpha-3 and name', async () => {
    const { data } = await app.gql(`{
      a: country(code: "RU") { name code iso3 }
      b: country(code: "rus") { code }
      c: country(code: "Philippines") { code }
    }`);
    expect(data.a).toEqual({ name: 'Russia', code: 'RU', iso3: 'RUS' });
    expect(data.b.code).toBe('RU');
    expect(data.c.code).toBe('PH');
  });

  it('finds organizations and places', async () => {
    const { data } = await app.gql(`{
      organization(name: "NATO") { name kind }
      place(name: "Manila") { name kind country { code } }
    }`);
    expect(data.organization).toMatchObject({ name: 'NATO', kind: 'ORGANIZATION' });
    expect(data.place).toMatchObject({ name: 'Manila', kind: 'PLACE', country: { code: 'PH' } });
  });

  it('resolves node and nodes from global ids of every type', async () => {
    const { data } = await app.gql(`{
      person(name: "Lavrov") { id }
      country(code: "US") { id }
      articles(first: 1) { edges { node { id title } } }
      events(first: 1) { edges { node { id key } } }
    }`);
    const ids = [data.person.id, data.country.id, data.articles.edges[0].node.id, data.events.edges[0].node.id];
    const { data: nodes, errors } = await app.gql(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Entity { key } ... on Article { title } ... on Event { key } } }`,
      { ids },
    );
    expect(errors).toBeUndefined();
    expect(nodes.nodes.map((n: any) => n.__typename)).toEqual(['Person', 'Country', 'Article', 'Event']);
    expect(nodes.nodes.map((n: any) => n.id)).toEqual(ids);
    const { data: one } = await app.gql(`query ($id: ID!) { node(id: $id) { ... on Country { code } } }`, { id: data.country.id });
    expect(one.node.code).toBe('US');
  });

  it('looks entities up by key and by id', async () => {
    const { data } = await app.gql('{ entity(key: "country:RU") { id name __typename } }');
    expect(data.entity).toMatchObject({ name: 'Russia', __typename: 'Country' });
    const { data: byId } = await app.gql(`query ($id: ID!) { entity(id: $id) { key } }`, { id: data.entity.id });
    expect(byId.entity.key).toBe('country:RU');
  });

  it('finds the user\'s article by id and by url, with what it mentions', async () => {
    const { data } = await app.gql(`{ articles(first: 100) { edges { node { articleId url title } } } }`);
    const seed = data.articles.edges.map((e: any) => e.node).find((n: any) => n.title.startsWith('United States and Russian officials'));
    expect(seed).toBeDefined();
    const { data: byId } = await app.gql(
      `query ($id: String!) { article(id: $id) { title publishedAt people { name } countries { code } places { name } mentions { entity { name } count evidence } } }`,
      { id: seed.articleId },
    );
    expect(byId.article.publishedAt).toBe('2017-08-10T00:00:00.000Z');
    expect(byId.article.people.map((p: any) => p.name)).toEqual(expect.arrayContaining(['Sergei Lavrov', 'Rex Tillerson']));
    expect(byId.article.countries.map((c: any) => c.code)).toEqual(expect.arrayContaining(['US', 'RU', 'PH']));
    const lavrov = byId.article.mentions.find((m: any) => m.entity.name === 'Sergei Lavrov');
    expect(lavrov.count).toBeGreaterThan(3);
    expect(lavrov.evidence[0]).toContain('Lavrov');

    const url = data.articles.edges.map((e: any) => e.node).find((n: any) => n.url)?.url;
    const { data: byUrl } = await app.gql(`query ($url: String!) { article(url: $url) { url } }`, { url });
    expect(byUrl.article.url).toBe(url);
  });

  it('pages through articles with cursors, newest first, without overlap', async () => {
    const first = await app.gql(`{ articles(first: 10) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { articleId publishedAt } } } }`);
    expect(first.data.articles.totalCount).toBe(67);
    expect(first.data.articles.edges).toHaveLength(10);
    expect(first.data.articles.pageInfo.hasNextPage).toBe(true);
    const dates = first.data.articles.edges.map((e: any) => e.node.publishedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    const second = await app.gql(`query ($after: String!) { articles(first: 10, after: $after) { edges { node { articleId } } } }`, {
      after: first.data.articles.pageInfo.endCursor,
    });
    const firstIds = new Set(first.data.articles.edges.map((e: any) => e.node.articleId));
    const secondIds = second.data.articles.edges.map((e: any) => e.node.articleId);
    expect(secondIds).toHaveLength(10);
    expect(secondIds.some((id: string) => firstIds.has(id))).toBe(false);
    const last = await app.gql(`{ articles(first: 100) { pageInfo { hasNextPage } edges { node { articleId } } } }`);
    expect(last.data.articles.edges).toHaveLength(67);
    expect(last.data.articles.pageInfo.hasNextPage).toBe(false);
  });

  it('filters articles by date window, source and mentioned entities', async () => {
    const { data } = await app.gql(`{
      window: articles(first: 100, filter: { since: "2017-08-01", until: "2017-08-31" }) { totalCount edges { node { title } } }
      wikinews: articles(filter: { source: "Wikinews" }) { totalCount }
      both: articles(filter: { mentions: [{ key: "country:RU" }, { name: "Lavrov" }] }) { totalCount edges { node { title } } }
    }`);
    expect(data.window.edges.map((e: any) => e.node.title)).toContain('United States and Russian officials to continue dialogue despite new sanctions');
    expect(data.window.totalCount).toBe(data.window.edges.length);
    expect(data.wikinews.totalCount).toBe(66);
    expect(data.both.totalCount).toBeGreaterThanOrEqual(1);
  });

  it('lists an entity\'s articles and co-mentions inside a window', async () => {
    const { data } = await app.gql(`{
      country(code: "RU") {
        all: articles(first: 1) { totalCount }
        in2017: articles(since: "2017-01-01", until: "2017-12-31") { totalCount }
        coMentions(first: 5, since: "2017-08-01", until: "2017-08-31") { entity { key } articleCount score firstSeen }
      }
    }`);
    expect(data.country.all.totalCount).toBeGreaterThan(data.country.in2017.totalCount);
    expect(data.country.in2017.totalCount).toBeGreaterThanOrEqual(1);
    for (const c of data.country.coMentions) expect(c.firstSeen.startsWith('2017-08')).toBe(true);
  });

  it('lists and searches entities', async () => {
    const { data } = await app.gql(`{
      people: entities(kind: PERSON, first: 5) { totalCount edges { node { kind name articleCount } } }
      lav: entities(search: "lavrov") { edges { node { name } } }
      search(query: "lavr", kinds: [PERSON]) { name }
      countries: search(query: "russia", kinds: [COUNTRY], first: 3) { key }
    }`);
    expect(data.people.totalCount).toBeGreaterThan(5);
    expect(data.people.edges.every((e: any) => e.node.kind === 'PERSON')).toBe(true);
    const counts = data.people.edges.map((e: any) => e.node.articleCount);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    expect(data.lav.edges[0].node.name).toBe('Sergei Lavrov');
    expect(data.search[0].name).toBe('Sergei Lavrov');
    expect(data.countries[0].key).toBe('country:RU');
  });

  it('lists events with participants, place, date and evidence', async () => {
    const { data, errors } = await app.gql(`{
      events(first: 20, filter: { type: "MEETING", since: "2017-08-01", until: "2017-08-31" }) {
        totalCount
        edges { node { type cameoCode date title location { name } participants { entity { name } role } evidence { sentence article { title } } } }
      }
    }`);
    expect(errors).toBeUndefined();
    const meeting = data.events.edges.map((e: any) => e.node).find((e: any) => e.participants.some((p: any) => p.entity.name === 'Sergei Lavrov'));
    expect(meeting).toBeDefined();
    expect(meeting.date).toBe('2017-08-06');
    expect(meeting.location.name).toBe('Manila');
    expect(meeting.participants.map((p: any) => p.entity.name)).toContain('Rex Tillerson');
    expect(meeting.evidence[0].sentence.length).toBeGreaterThan(20);
  });

  it('lists the events an entity took part in', async () => {
    const { data } = await app.gql(`{ person(name: "Lavrov") { events(first: 10) { totalCount edges { node { type } } } } }`);
    expect(data.person.events.totalCount).toBeGreaterThanOrEqual(1);
    expect(data.person.events.edges.map((e: any) => e.node.type)).toContain('MEETING');
  });
});

describe('errors a client can act on', () => {
  it('refuses a page larger than the maximum with BAD_USER_INPUT', async () => {
    const { errors } = await app.gql('{ articles(first: 101) { edges { node { title } } } }');
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].message).toContain('100');
  });

  it('refuses a cursor it never gave out', async () => {
    const { errors } = await app.gql('{ articles(after: "not-a-cursor") { totalCount } }');
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a query over the complexity budget before running it', async () => {
    const { errors, data } = await app.gql(`{
      articles(first: 100) { edges { node { people { articles(first: 100) { edges { node { people { coMentions(first: 100) { entity { name } } } } } } } } } }
    }`);
    expect(data?.articles ?? null).toBeNull();
    expect(errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(errors?.[0].message).toMatch(/exceeds the limit/);
  });

  it('says which of entity id and key to give', async () => {
    const { errors } = await app.gql('{ entity { name } }');
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('masks unexpected errors without a stack trace', async () => {
    const broken = createNewsgraphYoga({
      store: { ...app.store, run: async () => Promise.reject(new Error('secret internal detail')) },
      extractor: testExtractor(),
      apiKeys: [],
      pubsub: createNewsPubSub(),
    });
    const result = await gql<any>(broken, '{ stats { articles } }');
    expect(result.errors?.[0].message).toBe('Unexpected error.');
    expect(JSON.stringify(result)).not.toContain('secret internal detail');
  });
});

describe('round trips', () => {
  it('stay constant whatever the page size (one DataLoader batch per lookup kind)', async () => {
    const tripsFor = async (first: number) => {
      const trips: RoundTrips = { count: 0 };
      const yoga = createNewsgraphYoga({ store: countingRunner(app.store, trips), extractor: testExtractor(), apiKeys: [], pubsub: createNewsPubSub() });
      const { data, errors } = await gql<any>(
        yoga,
        `query ($first: Int!) { articles(first: $first) { edges { node { title people { name } countries { code } events { type } } } } }`,
        { first },
      );
      expect(errors).toBeUndefined();
      expect(data.articles.edges).toHaveLength(first);
      return trips.count;
    };
    const small = await tripsFor(5);
    const large = await tripsFor(50);
    expect(large).toBe(small);
    // The newest kept days, the page's ids, its articles, their mentions, their events.
    expect(large).toBe(5);
  });
});

describe('http endpoints', () => {
  it('serves GraphiQL with a relationship question on GET /graphql', async () => {
    const response = await app.yoga.fetch('http://newsgraph.test/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<script defer src="\/graphiql\/[\w-]{22}\.js"><\/script>/);
    expect(html).toContain('person(name: \\"Lavrov\\")');
  });

  it('answers /health and /ready', async () => {
    expect((await app.yoga.fetch('http://newsgraph.test/health')).status).toBe(200);
    expect((await app.yoga.fetch('http://newsgraph.test/ready')).status).toBe(200);
    const down = createNewsgraphYoga({ store: { ...app.store, ping: async () => false }, extractor: testExtractor(), apiKeys: [], pubsub: createNewsPubSub() });
    const notReady = await down.fetch('http://newsgraph.test/ready');
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ ready: false, reason: 'the graph store does not answer' });
    const failing = createNewsgraphYoga({ store: { ...app.store, ping: async () => Promise.reject(new Error('connection refused')) }, extractor: testExtractor(), apiKeys: [], pubsub: createNewsPubSub() });
    const failed = await failing.fetch('http://newsgraph.test/ready');
    expect(failed.status).toBe(503);
    expect(await failed.text()).toBe('connection refused');
    // Only the path itself: a query that ends in /ready is a GraphQL request.
    expect((await down.fetch('http://newsgraph.test/graphql?query=%7B__typename%7D&x=/ready', { headers: { 'x-graphql-yoga-csrf': '1' } })).status).toBe(200);
  });
});
