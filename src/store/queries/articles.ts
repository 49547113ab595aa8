/**
 * Reads of articles: by id and URL, pages of them (all or in a window, read from the kept article
 * days; filtered; or those mentioning an entity, read from the kept day counts for a hub), what
 * each mentions, their sentences, and the totals.
 */
import type { QueryRunner } from '../runner.ts';
import { articleDaysNewestFirst, countArticlesByDay } from './article-days.ts';
import { ARTICLE, ENTITY, WINDOW, windowParams, type ArticleRow, type EntityRow, type Page, type Window } from './shapes.ts';
import { byString } from './rows.ts';

// ---------------------------------------------------------------- lookups by id (DataLoader batches)

export async function articlesByIds(runner: QueryRunner, ids: readonly string[]): Promise<ArticleRow[]> {
  const rows = await runner.run<{ a: ArticleRow }>(`UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a ${ARTICLE} AS a`, { ids });
  return rows.map((r) => r.a);
}


/**
 * The ids of a page of the articles a MATCH binds to `v`, newest first. On the embedded engine
 * only `RETURN <columns> ORDER BY … LIMIT n` keeps the n best while it reads; sorting whole nodes
 * (`WITH a ORDER BY …`) or adding SKIP sorts everything first: over 100k articles 17 ms against
 * ~100 ms. So the page is cut from the first offset + limit here, and its rows are read by id.
 */
export async function pageOfArticleIds(runner: QueryRunner, match: string, params: Record<string, unknown>, page: Page, v = 'a'): Promise<string[]> {
  const rows = await runner.run<{ id: string }>(
    `${match}
     RETURN ${v}.id AS id, ${v}.sortDate AS sortDate
     ORDER BY sortDate DESC, id
     LIMIT $end`,
    { ...params, end: page.offset + page.limit },
  );
  return rows.slice(page.offset).map((r) => r.id);
}

/**
 * Above this many articles, a page of an entity's (or a pair's) articles is read from the days
 * that hold it (pageOfArticleIdsByDay) rather than from all of them.
 */
export const DAY_PAGES_FROM = 500;

/**
 * The ids of a page of articles, newest first, read from the few newest days that hold it: `days`
 * are the kept day counts (newest first) of an entity, a pair or all articles, `condition` a MATCH
 * or WHERE on the bound article `a` that keeps the articles counted there (a count may be below
 * what its day holds, never above). Each day's articles are an indexed lookup (Article.day), so a
 * hub's page reads a day or two of news instead of every article it is in.
 */
export async function pageOfArticleIdsByDay(
  runner: QueryRunner,
  days: { day: string; count: number }[],
  condition: string,
  params: Record<string, unknown>,
  page: Page,
): Promise<string[]> {
  const end = page.offset + page.limit;
  const chosen: string[] = [];
  let held = 0;
  for (const { day, count } of days) {
    if (held >= end) break;
    chosen.push(day);
    held += count;
  }
  if (chosen.length === 0) return [];
  const rows = await runner.run<{ id: string }>(
    `UNWIND $days AS day
     MATCH (a:Article {day: day})
     ${condition}
     RETURN a.id AS id, a.sortDate AS sortDate
     ORDER BY sortDate DESC, id
     LIMIT $end`,
    { ...params, days: chosen, end },
  );
  return rows.slice(page.offset).map((r) => r.id);
}

/** An entity's kept day counts, newest first. */
export async function entityDaysNewestFirst(runner: QueryRunner, key: string): Promise<{ day: string; count: number }[]> {
  return runner.run<{ day: string; count: number }>('MATCH (d:EntityDay {entity: $key}) RETURN d.day AS day, d.articles AS count ORDER BY day DESC', { key });
}

/** Articles by id, in the order of `ids`. */
async function articlesInOrder(runner: QueryRunner, ids: string[]): Promise<ArticleRow[]> {
  if (ids.length === 0) return [];
  const byId = new Map((await articlesByIds(runner, ids)).map((a) => [a.id, a]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A page of the articles a MATCH binds to `a`, newest first (see pageOfArticleIds). */
async function articlePage(runner: QueryRunner, match: string, params: Record<string, unknown>, page: Page): Promise<ArticleRow[]> {
  return articlesInOrder(runner, await pageOfArticleIds(runner, match, params, page));
}

export async function articleByUrl(runner: QueryRunner, url: string): Promise<ArticleRow | null> {
  const rows = await runner.run<{ a: ArticleRow }>(`MATCH (a:Article {url: $url}) RETURN a ${ARTICLE} AS a LIMIT 1`, { url });
  return rows[0]?.a ?? null;
}

export interface MentionRow {
  articleId: string;
  entity: EntityRow;
  count: number;
  /** Indexes of the sentences that mention the entity (see articleSentences). */
  sentences: number[];
  /** Start and end offsets of each mention in the article's text, flat: [s0, e0, s1, e1, …]. */
  spans: number[];
}

/**
 * The entities each article mentions, by article, most mentioned first (then by key). Sorted here:
 * the embedded engine's sort of the rows' entity maps was a quarter of the statement (3 of 13 ms for
 * a page of 20 articles at 100k).
 */
export async function mentionsOfArticles(runner: QueryRunner, ids: readonly string[]): Promise<MentionRow[]> {
  const rows = await runner.run<MentionRow & Record<string, unknown>>(
    `UNWIND $ids AS id
     MATCH (:Article {id: id})-[m:MENTIONS]->(e:Entity)
     RETURN id AS articleId, e ${ENTITY} AS entity, m.count AS count, m.sentences AS sentences, m.spans AS spans`,
    { ids },
  );
  return rows.sort((x, y) => byString(x.articleId, y.articleId) || y.count - x.count || byString(x.entity.key, y.entity.key));
}

export interface ArticleSentences {
  id: string;
  text: string;
  /** Sentence i is text[bounds[2i], bounds[2i+1]]. */
  bounds: number[];
}

/** Each article's text with its sentence boundaries: where evidence sentences are read from. */
export async function articleSentences(runner: QueryRunner, ids: readonly string[]): Promise<ArticleSentences[]> {
  return runner.run<ArticleSentences & Record<string, unknown>>(
    'UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN id, a.text AS text, coalesce(a.sentenceBounds, []) AS bounds',
    { ids },
  );
}

/** The sentence at `index`, or null when the article has no such sentence. */
export function sentenceAt(text: string, bounds: number[], index: number): string | null {
  return bounds.length > 2 * index + 1 ? text.slice(bounds[2 * index], bounds[2 * index + 1]) : null;
}

// ---------------------------------------------------------------- articles

export interface ArticleFilter extends Window {
  source?: string | null;
  /** Keys of entities every article must mention. */
  mentions?: string[] | null;
}

/**
 * The MATCH and WHERE of an article filter, with only the conditions asked for (a condition on an
 * absent parameter still costs a subquery per article on the embedded engine). With entities to
 * mention, the match starts from the first of them instead of from every article.
 */
function articleFilter(filter: ArticleFilter): { clause: string; params: Record<string, unknown>; byDay: string | null } {
  const mentions = filter.mentions?.length ? filter.mentions : null;
  const conditions: string[] = [];
  if (filter.since) conditions.push('a.sortDate >= $since');
  if (filter.until) conditions.push('a.sortDate <= $until');
  // A window alone (or nothing) is read from the kept day counts; a source or mentions are not counted per day.
  const byDay = !filter.source && !mentions ? (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '') : null;
  if (filter.source) conditions.push('a.source = $source');
  if (mentions && mentions.length > 1) conditions.push('COUNT { (a)-[:MENTIONS]->(m:Entity) WHERE m.key IN $mentions } = size($mentions)');
  const match = mentions ? 'MATCH (:Entity {key: $firstMention})<-[:MENTIONS]-(a:Article)' : 'MATCH (a:Article)';
  return {
    clause: `${match}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}`,
    params: { ...windowParams(filter), source: filter.source ?? null, mentions, firstMention: mentions?.[0] ?? null },
    byDay,
  };
}

/**
 * A page of articles, newest first. Without a source or mentions to match, it is read from the
 * newest kept days that hold it (article-days.ts) rather than from every article; `byDay` is the
 * window's condition on the articles of those days.
 */
export async function articlesPage(runner: QueryRunner, filter: ArticleFilter, page: Page): Promise<ArticleRow[]> {
  const { clause, params, byDay } = articleFilter(filter);
  if (byDay === null) return articlePage(runner, clause, params, page);
  const days = await articleDaysNewestFirst(runner, filter, page.offset + page.limit);
  return articlesInOrder(runner, await pageOfArticleIdsByDay(runner, days, byDay, params, page));
}

export async function countArticles(runner: QueryRunner, filter: ArticleFilter): Promise<number> {
  const { clause, params, byDay } = articleFilter(filter);
  if (byDay !== null) return countArticlesByDay(runner, filter, byDay, params);
  const [row] = await runner.run<{ total: number }>(`${clause} RETURN count(a) AS total`, params);
  return row?.total ?? 0;
}

/**
 * Articles mentioning an entity, newest first. Without a window, an entity in more than
 * DAY_PAGES_FROM articles has its page read from its newest days (`articleCount` is its counter).
 */
export async function articlesMentioning(
  runner: QueryRunner,
  key: string,
  window: Window,
  page: Page,
  articleCount = 0,
  dayPagesFrom = DAY_PAGES_FROM,
): Promise<ArticleRow[]> {
  if (!window.since && !window.until && articleCount > dayPagesFrom) {
    const days = await entityDaysNewestFirst(runner, key);
    // The entity is bound unlabelled, so the engine can only expand from the article (not from a hub's every article).
    return articlesInOrder(runner, await pageOfArticleIdsByDay(runner, days, 'MATCH (a)-[:MENTIONS]->(e) WHERE e.key = $key', { key }, page));
  }
  return articlePage(runner, `MATCH (:Entity {key: $key})<-[:MENTIONS]-(a:Article) WHERE ${WINDOW('a')}`, { key, ...windowParams(window) }, page);
}

export async function countArticlesMentioning(runner: QueryRunner, key: string, window: Window): Promise<number> {
  // Without a window the entity's maintained counter is the answer: no walk over a hub's articles.
  const query =
    window.since || window.until
      ? `MATCH (:Entity {key: $key})<-[:MENTIONS]-(a:Article) WHERE ${WINDOW('a')} RETURN count(a) AS total`
      : 'MATCH (e:Entity {key: $key}) RETURN e.articleCount AS total';
  const [count] = await runner.run<{ total: number }>(query, { key, ...windowParams(window) });
  return count?.total ?? 0;
}

// ---------------------------------------------------------------- totals

export interface Stats {
  articles: number;
  entities: number;
  events: number;
  quotes: number;
}

export async function stats(runner: QueryRunner): Promise<Stats> {
  const [row] = await runner.run<Stats & Record<string, unknown>>(
    `CALL () { MATCH (a:Article) RETURN count(a) AS articles }
     CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
     CALL () { MATCH (ev:Event) RETURN count(ev) AS events }
     CALL () { MATCH (q:Quote) RETURN count(q) AS quotes }
     RETURN articles, entities, events, quotes`,
  );
  return row;
}
