/**
 * The page of all articles (and of a window) read from the kept articles per day
 * (src/store/queries/article-days.ts) gives the answers of reading every article (the query it
 * replaced, kept in test/support/articles-reference.ts): pages, cursors, `last`/`before`,
 * totalCount and the newest article's date, after ingest (articles without a date among them),
 * updates that move an article's day, deletes that empty a day (the newest too) and their undo;
 * verify-counts reports a day counted wrong, and the migration's backfill counts the days, twice alike.
 */
import { offsetToCursor, resolveOffsetConnection } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.ts';
import { ingestRecords } from '../../src/ingest/pipeline.ts';
import { migrate } from '../../src/store/migrate.ts';
import { backfillArticleDays } from '../../src/store/queries/article-days.ts';
import { articlesPage, countArticles } from '../../src/store/queries/articles.ts';
import { latestArticleDate } from '../../src/store/queries/relations.ts';
import { verifyCounts } from '../../src/store/queries/verify-counts.ts';
import type { QueryRunner } from '../../src/store/runner.ts';
import { articleIdsReadingEveryArticle } from '../support/articles-reference.ts';
import { createTestApp, testExtractor, type TestApp } from '../support/app.ts';

const ADMIN = { authorization: 'Bearer curator' };
const INGEST = 'mutation ($a: [ArticleInput!]!) { ingestArticles(articles: $a) { created updated items { article { articleId } } } }';
const PAGE = `query ($filter: ArticleFilter, $first: Int, $after: String, $last: Int, $before: String) {
  articles(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
    totalCount edges { cursor node { articleId } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

type Filter = { since?: string; until?: string; source?: string };
type Args = { first?: number; after?: string; last?: number; before?: string };

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ apiKeys: ['curator:admin'], yoga: { settings: { rateLimitPerMinute: 0, costPerMinute: 0, responseCacheTtlMs: 0 } } });
  // Three months of news, a few articles a day, some days without any.
  const records = [...generateCorpus({ articles: 240, seed: 11, start: '2021-01-01', days: 90 })].map((input, i) => ({ origin: `days:${i}`, input }));
  const report = await ingestRecords(app.store, testExtractor(), records);
  expect(report.created).toBe(240);
}, 300_000);
afterAll(() => app.close());

/** The windows asked: none, open at either end, whole days, days cut mid-way, one instant, empty, beyond the news. */
async function filters(): Promise<Filter[]> {
  const [{ first, last }] = await app.store.run<{ first: string; last: string }>('MATCH (a:Article) RETURN min(a.sortDate) AS first, max(a.sortDate) AS last');
  const sources = await app.store.run<{ source: string }>('MATCH (a:Article) WHERE a.source IS NOT NULL RETURN DISTINCT a.source AS source ORDER BY source LIMIT 1');
  const [middle] = await app.store.run<{ at: string }>('MATCH (a:Article) RETURN a.sortDate AS at ORDER BY at SKIP 120 LIMIT 1');
  return [
    {},
    { since: '2021-02-10T00:00:00.000Z' },
    { until: '2021-02-10T23:59:59.999Z' },
    { since: '2021-01-20T00:00:00.000Z', until: '2021-03-01T23:59:59.999Z' },
    { since: '2021-01-20T13:30:00.000Z', until: '2021-03-01T08:15:00.000Z' },
    { since: '2021-02-03T06:00:00.000Z', until: '2021-02-03T18:00:00.000Z' },
    { since: middle.at, until: middle.at },
    { since: '2021-02-10T00:00:00.000Z', until: '2021-02-01T00:00:00.000Z' },
    { since: '1990-01-01T00:00:00.000Z', until: '1990-02-01T00:00:00.000Z' },
    { since: first.slice(0, 10) + 'T12:00:00.000Z' },
    { until: last.slice(0, 10) + 'T00:00:00.000Z' },
    // A source still reads every article (no counts per source): the same answers.
    ...sources.map(({ source }) => ({ source })),
  ];
}

/** The pages asked of each window: the first few, through cursors, deep ones, and from the end. */
function pagesOf(total: number): Args[] {
  return [
    { first: 1 },
    { first: 7 },
    { first: 20 },
    { first: 100 },
    { first: 20, after: offsetToCursor(19) },
    { first: 20, after: offsetToCursor(39) },
    { first: 5, after: offsetToCursor(Math.max(0, total - 3)) },
    { first: 20, after: offsetToCursor(total + 10) },
    { last: 5, before: offsetToCursor(30) },
    { first: 0 },
  ];
}

async function expectSamePages(): Promise<number> {
  let compared = 0;
  for (const filter of await filters()) {
    const ids = await articleIdsReadingEveryArticle(app.store, filter);
    for (const args of pagesOf(ids.length)) {
      const expected = await resolveOffsetConnection({ args, defaultSize: 20, maxSize: 100 }, ({ offset, limit }) => ids.slice(offset, offset + limit));
      const { data, errors } = await app.gql(PAGE, { filter, ...args });
      expect(errors, JSON.stringify({ filter, args })).toBeUndefined();
      expect(
        { totalCount: data.articles.totalCount, edges: data.articles.edges, pageInfo: data.articles.pageInfo },
        JSON.stringify({ filter, args }),
      ).toEqual({
        totalCount: ids.length,
        edges: expected.edges.map((e) => ({ cursor: e!.cursor, node: { articleId: e!.node } })),
        pageInfo: expected.pageInfo,
      });
      compared++;
    }
  }
  expect(await verifyCounts(app.store)).toEqual([]);
  // "Now" for trending and emerging links is the newest article, read from the newest kept day.
  const [{ newest }] = await app.store.run<{ newest: string }>('MATCH (a:Article) RETURN max(a.sortDate) AS newest');
  expect(await latestArticleDate(app.store)).toBe(newest);
  return compared;
}

/** The statements a reader runs. */
function recording(runner: QueryRunner): QueryRunner & { queries: string[] } {
  const wrapped = { queries: [] as string[], run: (query: string, params?: Record<string, unknown>) => {
    wrapped.queries.push(query);
    return runner.run(query, params);
  } };
  return wrapped as unknown as QueryRunner & { queries: string[] };
}

const article = (n: number, text: string, publishedAt?: string) => ({ title: `Days ${n}`, text, publishedAt, url: `https://article-days.test/${n}` });

describe('the page of all articles from the kept days', () => {
  it('gives the answers of reading every article, and reads the days, not every article', async () => {
    expect(await expectSamePages()).toBeGreaterThan(100);
    for (const filter of [{}, { since: '2021-01-20T13:30:00.000Z', until: '2021-03-01T08:15:00.000Z' }]) {
      const runner = recording(app.store);
      expect((await articlesPage(runner, filter, { offset: 0, limit: 20 })).length).toBe(20);
      await countArticles(runner, filter);
      await latestArticleDate(runner);
      expect(runner.queries.some((q) => q.includes('ArticleDay')), JSON.stringify(filter)).toBe(true);
      // No statement binds every article: each day's are read by Article.day.
      expect(runner.queries.filter((q) => /MATCH \(a:Article\)\s*(WHERE|RETURN)/.test(q)), JSON.stringify(filter)).toEqual([]);
    }
    const [{ days, total }] = await app.store.run<{ days: number; total: number }>('MATCH (d:ArticleDay) RETURN count(d) AS days, sum(d.articles) AS total');
    expect(total).toBe(240);
    expect(days).toBeGreaterThan(60);
  }, 300_000);

  it('keeps them after new articles (some without a date), updates that move a day, a delete that empties a day, and its undo', async () => {
    const fresh = [
      article(1, 'Sergei Lavrov met officials in Vienna on Ukraine (1).', '2021-04-15T09:00:00.000Z'),
      article(2, 'Angela Merkel spoke in Berlin about trade (2).', '2021-04-15T09:00:00.000Z'),
      article(3, 'Emmanuel Macron visited Madrid (3).'),
      article(4, 'Boris Johnson met Leo Varadkar in Dublin (4).'),
      article(5, 'Lavrov met Antony Blinken in Geneva (5).', '2019-06-01T12:00:00.000Z'),
    ];
    const ingest = await app.gql(INGEST, { a: fresh }, ADMIN);
    expect(ingest.errors).toBeUndefined();
    expect(ingest.data.ingestArticles.created).toBe(5);
    await expectSamePages();
    // Articles without a date sort by when they were ingested: they are the newest, on today's day.
    const { data } = await app.gql(PAGE, { first: 2 });
    expect(data.articles.edges.map((e: any) => e.node.articleId).sort()).toEqual([3, 4].map((i) => ingest.data.ingestArticles.items[i - 1].article.articleId).sort());

    // An update moving an article to another day (new text and date, same URL), and one that loses its date.
    const moved = await app.gql(INGEST, { a: [article(1, 'Sergei Lavrov met officials in Vienna on Ukraine, later (1).', '2021-01-02T23:59:59.000Z'), article(2, 'Angela Merkel spoke in Berlin about trade, updated (2).')] }, ADMIN);
    expect(moved.errors).toBeUndefined();
    expect(moved.data.ingestArticles.updated).toBe(2);
    await expectSamePages();

    // The one article of its day goes, and its day with it; undone, both come back.
    const id = ingest.data.ingestArticles.items[4].article.articleId;
    const del = await app.gql('mutation ($id: String!) { deleteArticle(id: $id) { id } }', { id }, ADMIN);
    expect(del.errors).toBeUndefined();
    expect(await app.store.run('MATCH (d:ArticleDay {day: $day}) RETURN d.articles AS n', { day: '2019-06-01' })).toEqual([]);
    await expectSamePages();
    const undo = await app.gql('mutation ($id: ID!) { undoCuration(id: $id) { id } }', { id: del.data.deleteArticle.id }, ADMIN);
    expect(undo.errors).toBeUndefined();
    expect(await app.store.run('MATCH (d:ArticleDay {day: $day}) RETURN d.articles AS n', { day: '2019-06-01' })).toEqual([{ n: 1 }]);
    await expectSamePages();

    // The newest day emptied (the three undated articles, on today's day): the newest article is then on an older day.
    const today = new Date().toISOString().slice(0, 10);
    const undated = [1, 2, 3].map((i) => (i === 1 ? moved.data.ingestArticles.items[1] : ingest.data.ingestArticles.items[i]).article.articleId);
    const curations: string[] = [];
    for (const articleId of undated) {
      const gone = await app.gql('mutation ($id: String!) { deleteArticle(id: $id) { id } }', { id: articleId }, ADMIN);
      expect(gone.errors).toBeUndefined();
      curations.push(gone.data.deleteArticle.id);
    }
    expect(await app.store.run('MATCH (d:ArticleDay {day: $day}) RETURN d.articles AS n', { day: today })).toEqual([]);
    expect((await latestArticleDate(app.store))! < today).toBe(true);
    await expectSamePages();
    for (const id of curations.reverse()) expect((await app.gql('mutation ($id: ID!) { undoCuration(id: $id) { id } }', { id }, ADMIN)).errors).toBeUndefined();
    expect((await latestArticleDate(app.store))!.slice(0, 10)).toBe(today);
    await expectSamePages();
  }, 600_000);

  it('are checked by verify-counts, and the backfill (migration 010) counts them, twice alike', async () => {
    const [newest] = await app.store.run<{ day: string }>('MATCH (d:ArticleDay) RETURN d.day AS day ORDER BY day DESC LIMIT 1');
    const [other] = await app.store.run<{ day: string; n: number }>("MATCH (d:ArticleDay) WHERE d.day < '2021-02-01' RETURN d.day AS day, d.articles AS n ORDER BY day LIMIT 1");
    await app.store.transaction(async (tx) => {
      await tx.run('MATCH (d:ArticleDay {day: $day}) SET d.articles = d.articles + 5', { day: newest.day });
      await tx.run('MATCH (d:ArticleDay {day: $day}) DELETE d', { day: other.day });
      await tx.run("CREATE (:ArticleDay {day: '1999-01-01', articles: 3})");
    });
    const differences = await verifyCounts(app.store);
    expect(differences.map((x) => `${x.what} ${x.key} ${JSON.stringify(x.stored)} ${JSON.stringify(x.expected)}`).sort()).toEqual(
      ['article-day-count 1999-01-01 3 null', `article-day-count ${newest.day} ${(await articleIdsReadingEveryArticle(app.store, { since: `${newest.day}T00:00:00.000Z` })).length + 5} ${(await articleIdsReadingEveryArticle(app.store, { since: `${newest.day}T00:00:00.000Z` })).length}`, `article-day-count ${other.day} null ${other.n}`].sort(),
    );
    await backfillArticleDays(app.store);
    expect(await verifyCounts(app.store)).toEqual([]);

    // A graph from before the days were kept: none of them, and the migration not recorded.
    await app.store.transaction(async (tx) => {
      await tx.run('MATCH (d:ArticleDay) DELETE d');
      await tx.run("MATCH (m:Migration {id: '010_article_days_backfill'}) DELETE m");
    });
    expect((await verifyCounts(app.store)).filter((x) => x.what === 'article-day-count').length).toBeGreaterThan(60);
    expect(await migrate(app.store)).toEqual(['010_article_days_backfill']);
    expect(await verifyCounts(app.store)).toEqual([]);
    await backfillArticleDays(app.store);
    await expectSamePages();
  }, 600_000);
});
