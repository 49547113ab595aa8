/**
 * One Cypher, two engines: the seed corpus loaded into an in-memory embedded engine and into the
 * Neo4j named by NEO4J_URI, then every top-level query field asked of both through yoga.fetch, with
 * arguments that page, filter and window. Each answer must be the same JSON, global ids and cursors
 * included. Left out: Article.ingestedAt, the time each engine's own load ran.
 */
import { Kind, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/index.ts';
import { openGrafeo } from '../../src/store/grafeo.ts';
import { migrate } from '../../src/store/migrate.ts';
import { createTestApp, onNeo4j, openTestStore, type TestApp } from '../support/app.ts';

const ADMIN = { authorization: 'Bearer curator' };

type Ask = (query: string, variables?: Record<string, unknown>) => Promise<unknown>;

const ENTITY = 'id key name kind aliases articleCount mentionCount firstSeen lastSeen';
const ARTICLE = 'id articleId title url source publishedAt language';
const EVENT = `id key type cameoCode date title location { key }
  participants { entity { key } role } articles { articleId } evidence { sentence article { articleId } }`;
const PAGE = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount';

/**
 * Pages of a connection, `first` at a time, following `endCursor`, until the last or `most` pages:
 * `path` leads from `data` to the connection, and the query takes `$after`.
 */
async function pages(ask: Ask, query: string, path: string[], variables: Record<string, unknown> = {}, most = 40): Promise<unknown[]> {
  const answers: unknown[] = [];
  let after: string | null = null;
  while (answers.length < most) {
    const data = (await ask(query, { ...variables, after })) as Record<string, any>;
    answers.push(data);
    const connection = path.reduce((node, field) => node?.[field], data);
    if (!connection?.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  return answers;
}

/** The operations both engines answer, by name: each returns everything it asked, in order. */
const OPERATIONS: Record<string, (ask: Ask) => Promise<unknown>> = {
  'articles: every page of 5, newest first': (ask) =>
    pages(ask, `query ($after: String) { articles(first: 5, after: $after) { edges { cursor node { ${ARTICLE} } } ${PAGE} } }`, ['articles']),
  'articles: filtered by mentions, since/until and source': async (ask) => [
    await pages(
      ask,
      `query ($after: String) { articles(first: 2, after: $after, filter: { mentions: [{ name: "Lavrov" }, { key: "country:US" }] }) {
        edges { cursor node { ${ARTICLE} mentions { entity { key } count evidence } people { key } countries { key }
          organizations { key } places { key } events { key } quotes { text speaker { key } about { key } } } } ${PAGE} } }`,
      ['articles'],
    ),
    await ask(`{ articles(first: 20, filter: { since: "2017-08-01", until: "2017-08-31T23:59:59Z" }) { edges { node { articleId publishedAt } } ${PAGE} } }`),
    await ask(`{ articles(first: 3, filter: { source: "Wikinews", since: "2019-01-01" }) { edges { node { articleId } } ${PAGE} } }`),
  ],
  'articles: backwards, last before a cursor': async (ask) => {
    const first = (await ask(`{ articles(first: 10) { ${PAGE} } }`)) as any;
    return [first, await ask(`query ($before: String) { articles(last: 4, before: $before) { edges { cursor node { articleId } } ${PAGE} } }`, { before: first.articles.pageInfo.endCursor })];
  },
  'article by id and by url, with its text': async (ask) => {
    const first = (await ask('{ articles(first: 1, filter: { source: "Wikinews", mentions: [{ key: "country:US" }] }) { edges { node { articleId url } } } }')) as any;
    const { articleId, url } = first.articles.edges[0].node;
    return [
      await ask(`query ($id: String) { article(id: $id) { ${ARTICLE} text } }`, { id: articleId }),
      await ask(`query ($url: String) { article(url: $url) { ${ARTICLE} mentions { entity { key } count evidence } } }`, { url }),
    ];
  },
  'country by code, alpha-3 and name, with windows and timelines': (ask) =>
    Promise.all(
      ['RU', 'rus', 'Philippines'].map((code) =>
        ask(
          `query ($code: String!) { country(code: $code) { ${ENTITY} code iso3
            articles(first: 3, since: "2017-01-01", until: "2018-12-31") { edges { cursor node { articleId } } ${PAGE} }
            events(first: 3) { edges { node { key type date } } ${PAGE} }
            coMentions(first: 8, kind: PERSON, since: "2017-01-01") { entity { key } articleCount score firstSeen lastSeen }
            timeline(granularity: MONTH, since: "2017-01-01", until: "2019-12-31") { bucket count } } }`,
          { code },
        ),
      ),
    ),
  'curations (admin)': (ask) => ask(`{ curations(first: 5) { edges { node { id action summary } } ${PAGE} } }`),
  'entities of each kind, five pages of 10, and a search': async (ask) => [
    ...(await Promise.all(
      ['PERSON', 'COUNTRY', 'ORGANIZATION', 'PLACE'].map((kind) =>
        pages(ask, `query ($after: String, $kind: EntityKind) { entities(kind: $kind, first: 10, after: $after) { edges { cursor node { ${ENTITY} } } ${PAGE} } }`, ['entities'], { kind }, 5),
      ),
    )),
    await ask(`{ entities(search: "rus", first: 10) { edges { node { key name } } ${PAGE} } }`),
  ],
  'entity by key and by global id; node and nodes': async (ask) => {
    const byKey = (await ask(`{ entity(key: "country:US") { ${ENTITY} } }`)) as any;
    const lavrov = (await ask('{ person(name: "Lavrov") { id } }')) as any;
    const event = (await ask('{ events(first: 1) { edges { node { id } } } }')) as any;
    const article = (await ask('{ articles(first: 1) { edges { node { id } } } }')) as any;
    const ids = [byKey.entity.id, lavrov.person.id, event.events.edges[0].node.id, article.articles.edges[0].node.id];
    return [
      byKey,
      await ask(`query ($id: ID) { entity(id: $id) { ${ENTITY} } }`, { id: lavrov.person.id }),
      await ask(`query ($id: ID!) { node(id: $id) { id __typename ... on Entity { key } } }`, { id: ids[0] }),
      await ask(
        `query ($ids: [ID!]!) { nodes(ids: $ids) { id __typename ... on Entity { key } ... on Event { key } ... on Article { articleId } } }`,
        { ids },
      ),
    ];
  },
  'events: every page, and filtered by country, participants, types and window': async (ask) => [
    await pages(ask, `query ($after: String) { events(first: 10, after: $after) { edges { cursor node { ${EVENT} } } ${PAGE} } }`, ['events']),
    await ask(`{ events(first: 10, filter: { country: "RU", since: "2017-08-01", until: "2017-08-31" }) { edges { node { key type date } } ${PAGE} } }`),
    await ask(`{ events(first: 10, filter: { participants: [{ key: "country:RU" }, { key: "country:US" }] }) { edges { node { key } } ${PAGE} } }`),
    await ask(`{ events(first: 10, filter: { types: ["MEETING", "STATEMENT"], since: "2010-01-01" }) { edges { node { key type } } ${PAGE} } }`),
    await ask(`{ events(first: 5, filter: { type: "MEETING" }) { edges { node { key type } } ${PAGE} } }`),
  ],
  'network: depth 1 and 2, kinds, weights, windows, a truncated limit': async (ask) => {
    const network = `nodes { entity { key } weight } edges { source { key } target { key } weight kind } truncated`;
    return [
      await ask(`{ network(around: [{ name: "Lavrov" }]) { ${network} } }`),
      await ask(`{ network(around: [{ key: "country:US" }], depth: 2, limit: 5) { ${network} } }`),
      await ask(`{ network(around: [{ key: "country:US" }, { key: "country:RU" }], kinds: [PERSON, COUNTRY], minWeight: 2, limit: 30) { ${network} } }`),
      await ask(`{ network(around: [{ key: "country:US" }], since: "2017-01-01", until: "2017-12-31") { ${network} } }`),
    ];
  },
  'organization and place by name': async (ask) => [
    await ask(`{ organization(name: "NATO") { ${ENTITY} country { key } articles(first: 3) { edges { node { articleId } } ${PAGE} } } }`),
    await ask(`{ place(name: "Manila") { ${ENTITY} country { key } events(first: 3) { edges { node { key } } ${PAGE} } } }`),
  ],
  'paths: hops, maxHops, first, excludeKeys, via, since/until': async (ask) => {
    const path = `length truncated entities { key } hops { from { key } to { key }
      via { __typename ... on Article { articleId } ... on Event { key } } evidence { sentence article { articleId } } }`;
    return [
      await ask(`{ paths(from: { name: "Tillerson" }, to: { name: "Putin" }) { ${path} } }`),
      await ask(`{ paths(from: { name: "Tillerson" }, to: { name: "Putin" }, maxHops: 3, first: 5, excludeKeys: ["country:US", "country:RU"]) { ${path} } }`),
      await ask(`{ paths(from: { name: "Lavrov" }, to: { key: "country:PH" }, via: [PERSON, PLACE], since: "2017-01-01", until: "2017-12-31") { ${path} } }`),
    ];
  },
  'person: roles, quotes, co-mentions by count and score, articles and events paged, timelines': async (ask) => [
    await ask(`{ person(name: "Lavrov") { ${ENTITY} wikidataId
      roles { title asOf country { key } organization { key } }
      quotes(first: 2) { edges { cursor node { text article { articleId } about { key } } } ${PAGE} }
      coMentions(first: 10) { entity { key } articleCount score firstSeen lastSeen }
      bySpecificity: coMentions(first: 10, orderBy: SCORE, kind: COUNTRY) { entity { key } articleCount score }
      inWindow: coMentions(since: "2017-08-01", until: "2017-08-31") { entity { key } articleCount }
      events(first: 3, since: "2017-01-01") { edges { cursor node { key type } } ${PAGE} }
      byDay: timeline(granularity: DAY) { bucket count }
      byWeek: timeline(granularity: WEEK, since: "2017-01-01") { bucket count } } }`),
    await pages(
      ask,
      `query ($after: String) { person(name: "Donald Trump") { key articles(first: 4, after: $after, since: "2016-01-01") { edges { cursor node { articleId publishedAt } } ${PAGE} } } }`,
      ['person', 'articles'],
    ),
  ],
  'relationship: shared articles paged, events, quotes, timeline': async (ask) => [
    await pages(
      ask,
      `query ($after: String) { relationship(a: { key: "country:US" }, b: { key: "country:RU" }) {
        a { key } b { key } articleCount score firstSeen lastSeen
        sharedArticles(first: 3, after: $after) { edges { cursor node { articleId } } ${PAGE} }
        sharedEvents(first: 5) { key type } quotes(first: 5) { text speaker { key } }
        timeline(granularity: MONTH, since: "2017-01-01") { bucket count } } }`,
      ['relationship', 'sharedArticles'],
    ),
    await ask(`{ relationship(a: { name: "Lavrov" }, b: { name: "Tillerson" }) { articleCount score sharedArticles(first: 5) { edges { node { articleId } } ${PAGE} } } }`),
  ],
  'emergingLinks: windows, kinds, minScore, and the latest week by default': async (ask) => {
    const link = 'a { key } b { key } windowArticles baselineArticles windowRate baselineRate score lastSeen since until evidence { sentence article { articleId } }';
    return [
      await ask(`{ emergingLinks(since: "2017-08-01", until: "2017-08-15", minScore: 0, first: 20) { ${link} } }`),
      await ask(`{ emergingLinks(since: "2019-09-01", until: "2019-10-01", baselineDays: 60, kinds: [PERSON, COUNTRY], minScore: 1, first: 10) { ${link} } }`),
      await ask(`{ emergingLinks { ${link} } }`),
    ];
  },
  'search: names, kinds, first': async (ask) => [
    await ask('{ search(query: "lavr") { key name kind } }'),
    await ask('{ search(query: "russia", kinds: [COUNTRY, ORGANIZATION], first: 5) { key name kind } }'),
    await ask('{ search(query: "an", first: 20) { key } }'),
  ],
  stats: (ask) => ask('{ stats { articles entities events quotes } }'),
  'trending: a window with a baseline, and the last 7 days by default': async (ask) => {
    const trend = 'entity { key } windowCount baselineCount windowRate baselineRate ratio';
    return [
      await ask(`{ trending(since: "2017-08-01", until: "2017-08-31", baselineDays: 30, first: 20) { ${trend} } }`),
      await ask(`{ trending(kind: COUNTRY, since: "2019-09-01", until: "2019-10-15", first: 5) { ${trend} } }`),
      await ask(`{ trending { ${trend} } }`),
    ];
  },
};

describe.skipIf(!onNeo4j)('the embedded engine and Neo4j give the same answers (needs NEO4J_URI: it compares the two)', () => {
  let grafeo: TestApp;
  let neo4j: TestApp;

  beforeAll(async () => {
    // One client asks everything here, faster than the per-client rate limit allows.
    const options = { seed: true, apiKeys: ['curator:admin'], yoga: { settings: { rateLimitPerMinute: 0 } } };
    const embedded = openGrafeo(null);
    await migrate(embedded);
    grafeo = await createTestApp({ ...options, store: embedded });
    neo4j = await createTestApp({ ...options, store: await openTestStore() });
  });

  afterAll(async () => {
    await grafeo?.close();
    await neo4j?.close();
  });

  // The top-level fields the operations asked, so that a query field added later without a case here fails.
  const asked = new Set<string>();
  const asker = (app: TestApp): Ask => async (query, variables) => {
    for (const definition of parse(query).definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      for (const selection of definition.selectionSet.selections) if (selection.kind === Kind.FIELD) asked.add(selection.name.value);
    }
    const { data, errors } = await app.gql(query, variables, ADMIN);
    expect(errors, `${app.store.engine}: ${query}`).toBeUndefined();
    return data;
  };

  for (const [name, operation] of Object.entries(OPERATIONS)) {
    it(name, async () => {
      const expected = await operation(asker(grafeo));
      expect(JSON.stringify(expected)).not.toMatch(/^(\[\]|\{\}|null)$/);
      expect(await operation(asker(neo4j))).toEqual(expected);
    });
  }

  it('asked every top-level query field', () => {
    expect([...asked].filter((field) => !field.startsWith('__')).sort()).toEqual(Object.keys(schema.getQueryType()!.getFields()).sort());
  });
});
