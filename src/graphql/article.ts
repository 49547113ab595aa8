/** Articles: the node, what it mentions, and the queries that list them. */
import type { EntityKind } from '../extract/types.ts';
import type { Context } from './context.ts';
import * as read from '../store/queries/read.ts';
import { sentenceAt, type ArticleRow, type EntityRow, type MentionRow } from '../store/queries/read.ts';
import { builder } from './builder.ts';
import { CountryRef, EntityRef, EntityRefInput, OrganizationRef, PersonRef, PlaceRef, resolveEntityRefs } from './entity.ts';
import { badInputError } from './errors.ts';
import { sharedGroupLoader } from './loaders.ts';
import { offsetConnection } from './pagination.ts';

/** Evidence sentences shown per mention: enough to show why, short enough to read. */
const EVIDENCE_PER_MENTION = 5;

/** An id the graph has no article for: an error where a node is looked up, null where a field may be empty. */
class NoArticle extends Error {}

export const ArticleRef = builder.loadableNode('Article', {
  description: 'A news article as ingested.',
  id: { resolve: (a: ArticleRow) => a.id },
  load: async (ids: string[], ctx: Context) => {
    const found = new Map((await read.articlesByIds(ctx.store, ids)).map((a) => [a.id, a]));
    return ids.map((id) => found.get(id) ?? new NoArticle(`no article ${id}`));
  },
  fields: (t) => ({
    articleId: t.exposeString('id', { description: 'The stored id (from the URL, or from the content when there is none).' }),
    title: t.exposeString('title'),
    text: t.exposeString('text'),
    url: t.exposeString('url', { nullable: true }),
    source: t.exposeString('source', { nullable: true }),
    language: t.exposeString('language'),
    publishedAt: t.field({ type: 'DateTime', nullable: true, resolve: (a) => a.publishedAt }),
    ingestedAt: t.field({ type: 'DateTime', resolve: (a) => a.ingestedAt }),
  }),
});

/** The article of that id through the Article loader, or null when the graph has none. */
export async function articleById(ctx: Context, id: string): Promise<ArticleRow | null> {
  try {
    return await ArticleRef.getDataloader(ctx).load(id);
  } catch (error) {
    if (error instanceof NoArticle) return null;
    throw error;
  }
}

const MentionRef = builder.objectRef<MentionRow>('Mention').implement({
  description: 'An entity an article mentions, with the sentences that mention it.',
  fields: (t) => ({
    entity: t.field({ type: EntityRef, resolve: (m) => m.entity }),
    count: t.exposeInt('count'),
    evidence: t.loadableList({
      type: 'String',
      description: `The sentences behind the link (the first ${EVIDENCE_PER_MENTION}).`,
      // One read of the texts of all the articles whose mentions are asked.
      load: async (mentions: MentionRow[], ctx: Context) => {
        const ids = [...new Set(mentions.map((m) => m.articleId))];
        const texts = new Map((await read.articleSentences(ctx.store, ids)).map((a) => [a.id, a]));
        return mentions.map((m) => {
          const article = texts.get(m.articleId);
          if (!article) return [];
          return m.sentences.slice(0, EVIDENCE_PER_MENTION).flatMap((i) => sentenceAt(article.text, article.bounds, i) ?? []);
        });
      },
      resolve: (m) => m,
    }),
  }),
});

/** One batch for `mentions` and the four fields of one kind each. */
const mentionsOfArticle = sharedGroupLoader((ids: readonly string[], ctx) => read.mentionsOfArticles(ctx.store, ids), (m) => m.articleId);

function mentionsOfKind(kind: EntityKind) {
  return async (article: ArticleRow, _args: unknown, ctx: Context): Promise<EntityRow[]> =>
    (await mentionsOfArticle(ctx).load(article.id)).filter((m) => m.entity.kind === kind).map((m) => m.entity);
}

builder.objectFields(ArticleRef, (t) => ({
  mentions: t.field({
    type: [MentionRef],
    description: 'Every entity the article mentions, most mentioned first.',
    resolve: (article, _args, ctx) => mentionsOfArticle(ctx).load(article.id),
  }),
  people: t.field({ type: [PersonRef], resolve: mentionsOfKind('PERSON') }),
  countries: t.field({ type: [CountryRef], resolve: mentionsOfKind('COUNTRY') }),
  organizations: t.field({ type: [OrganizationRef], resolve: mentionsOfKind('ORGANIZATION') }),
  places: t.field({ type: [PlaceRef], resolve: mentionsOfKind('PLACE') }),
}));

const ArticleFilter = builder.inputType('ArticleFilter', {
  fields: (t) => ({
    since: t.field({ type: 'DateTime', description: 'Published at or after.' }),
    until: t.field({ type: 'DateTime', description: 'Published at or before.' }),
    source: t.string(),
    mentions: t.field({ type: [EntityRefInput], description: 'Entities every article must mention.' }),
  }),
});

builder.queryFields((t) => ({
  article: t.field({
    type: ArticleRef,
    nullable: true,
    description: 'An article by its stored id or its URL.',
    args: { id: t.arg.string(), url: t.arg.string() },
    resolve: async (_root, args, ctx) => {
      if ((args.id == null) === (args.url == null)) {
        throw badInputError('give exactly one of id or url');
      }
      return args.id != null ? articleById(ctx, args.id) : read.articleByUrl(ctx.store, args.url!);
    },
  }),
  articles: t.connection({
    type: ArticleRef,
    description: 'Articles, newest first.',
    args: { filter: t.arg({ type: ArticleFilter }) },
    resolve: async (_root, args, ctx) => {
      const filter = { ...args.filter, mentions: await resolveEntityRefs(ctx, args.filter?.mentions, 'filter.mentions') };
      return offsetConnection(
        args,
        (page) => read.articlesPage(ctx.store, filter, page),
        () => read.countArticles(ctx.store, filter),
      );
    },
  }),
}));

builder.interfaceFields(EntityRef, (t) => ({
  articles: t.connection({
    type: ArticleRef,
    description: 'Articles mentioning this entity, newest first.',
    args: { since: t.arg({ type: 'DateTime' }), until: t.arg({ type: 'DateTime' }) },
    resolve: (entity, args, ctx) =>
      offsetConnection(
        args,
        (page) => read.articlesMentioning(ctx.store, entity.key, args, page, entity.articleCount),
        () => read.countArticlesMentioning(ctx.store, entity.key, args),
      ),
  }),
}));
