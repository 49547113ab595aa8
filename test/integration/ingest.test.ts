/** The ingestArticles mutation through yoga.fetch: access, per-record reports, idempotence, updates. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

const KEY = 'test-key-1';
const AUTH = { authorization: `Bearer ${KEY}` };

const INGEST = `mutation ($articles: [ArticleInput!]!) {
  ingestArticles(articles: $articles) {
    created updated unchanged failed
    items { index status article { articleId title } error { code message } }
  }
}`;

const article = (n: number, extra: Record<string, unknown> = {}) => ({
  title: `Ministers meet in Geneva ${n}`,
  text: `Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State Antony Blinken in Geneva on Friday, report ${n}. "We talked about security," Lavrov said.`,
  url: `https://news.example.org/2022/01/geneva-${n}`,
  publishedAt: '2022-01-21',
  source: 'Example News',
  ...extra,
});

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ apiKeys: [KEY, 'second-key'] });
});

afterAll(async () => {
  await app?.close();
});

describe('access', () => {
  it('answers FORBIDDEN, saying how to enable mutations, when no key is configured', async () => {
    const closed = await createTestApp({ store: app.store, apiKeys: [] });
    const { errors } = await closed.gql(INGEST, { articles: [article(0)] }, AUTH);
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(errors?.[0].message).toContain('NEWSGRAPH_API_KEYS');
  });

  it('answers UNAUTHENTICATED without a key or with a wrong one, and writes nothing', async () => {
    const none = await app.gql(INGEST, { articles: [article(0)] });
    expect(none.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const wrong = await app.gql(INGEST, { articles: [article(0)] }, { authorization: 'Bearer nope' });
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const { data } = await app.gql('{ stats { articles } }');
    expect(data.stats.articles).toBe(0);
  });

  it('needs no key to read', async () => {
    const { errors } = await app.gql('{ stats { articles } }');
    expect(errors).toBeUndefined();
  });
});

describe('ingestArticles', () => {
  it('creates articles and reports one item per input, in order, naming each bad record', async () => {
    const { data, errors } = await app.gql(
      INGEST,
      {
        articles: [
          article(1),
          { text: '   ' },
          article(2, { publishedAt: '2017-13-45' }),
          article(3, { url: 'not a url' }),
          article(4),
        ],
      },
      AUTH,
    );
    expect(errors).toBeUndefined();
    const report = data.ingestArticles;
    expect(report).toMatchObject({ created: 2, updated: 0, unchanged: 0, failed: 3 });
    expect(report.items.map((i: any) => [i.index, i.status])).toEqual([
      [0, 'CREATED'],
      [1, 'FAILED'],
      [2, 'FAILED'],
      [3, 'FAILED'],
      [4, 'CREATED'],
    ]);
    expect(report.items[0].article.title).toBe('Ministers meet in Geneva 1');
    expect(report.items[1].error).toMatchObject({ code: 'INVALID_ARTICLE' });
    expect(report.items[1].error.message).toMatch(/^articles\[1\]: text is empty/);
    expect(report.items[2].error.message).toContain('articles[2]');
    expect(report.items[2].error.message).toContain('2017-13-45');
    expect(report.items[3].error.message).toContain('url');
  });

  it('is idempotent: the same articles again are unchanged and change no counts', async () => {
    const before = await app.gql('{ stats { articles entities events quotes } person(name: "Lavrov") { articleCount mentionCount coMentions { entity { key } articleCount } } }');
    const { data } = await app.gql(INGEST, { articles: [article(1), article(4)] }, AUTH);
    expect(data.ingestArticles).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: 0 });
    const after = await app.gql('{ stats { articles entities events quotes } person(name: "Lavrov") { articleCount mentionCount coMentions { entity { key } articleCount } } }');
    expect(after.data).toEqual(before.data);
    expect(after.data.person.articleCount).toBe(2);
  });

  it('treats new text under a known URL as an update, moving counts exactly once', async () => {
    const changed = article(4, { text: 'Chinese President Xi Jinping visited Paris on Monday, where he met French President Emmanuel Macron.' });
    const { data } = await app.gql(INGEST, { articles: [changed] }, AUTH);
    expect(data.ingestArticles).toMatchObject({ created: 0, updated: 1, unchanged: 0, failed: 0 });
    const { data: after } = await app.gql(`{
      person(name: "Lavrov") { articleCount coMentions { entity { name } articleCount } }
      articles(filter: { mentions: [{ key: "country:FR" }] }) { totalCount edges { node { title } } }
    }`);
    expect(after.person.articleCount).toBe(1);
    for (const c of after.person.coMentions) expect(c.articleCount).toBe(1);
    expect(after.articles.totalCount).toBe(1);
  });

  it('loads the same article twice in one call once: the second is unchanged', async () => {
    const { data } = await app.gql(INGEST, { articles: [article(5), article(5)] }, AUTH);
    expect(data.ingestArticles.items.map((i: any) => i.status)).toEqual(['CREATED', 'UNCHANGED']);
  });

  it('makes an ambiguous name an AMBIGUOUS error listing the candidates', async () => {
    await app.gql(
      INGEST,
      {
        articles: [
          { title: 'Smiths', text: 'Local farmer Jonathan Smithers spoke to reporters in Leeds on Monday.', publishedAt: '2021-03-01' },
          { title: 'More Smiths', text: 'Teacher Margaret Smithers opened the new school in York on Tuesday.', publishedAt: '2021-03-02' },
        ],
      },
      AUTH,
    );
    const { data, errors } = await app.gql('{ person(name: "Smithers") { name } }');
    expect(data.person).toBeNull();
    expect(errors?.[0].extensions?.code).toBe('AMBIGUOUS');
    const names = errors?.[0].extensions?.candidates.map((c: any) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Jonathan Smithers', 'Margaret Smithers']));
  });

  it('stores names with quotes, backslashes and Cypher fragments as text', async () => {
    const hostile = "Officials said '}) MATCH (n) DETACH DELETE n // and \\\"escaped\\\" text in Geneva.";
    const { data } = await app.gql(INGEST, { articles: [{ title: "O'Brien \\ \"quoted\"", text: hostile }] }, AUTH);
    expect(data.ingestArticles.created).toBe(1);
    const stats = await app.gql('{ stats { articles } }');
    expect(stats.data.stats.articles).toBeGreaterThan(3);
    const id = data.ingestArticles.items[0].article.articleId;
    const { data: stored } = await app.gql('query ($id: String!) { article(id: $id) { title text } }', { id });
    expect(stored.article).toEqual({ title: "O'Brien \\ \"quoted\"", text: hostile });
  });
});
