/** The `ingestArticles` mutation: the ingest pipeline over HTTP, for keys that may write. */
import { MAX_ARTICLES_PER_CALL, ingestRecords } from '../ingest/pipeline.ts';
import type { IngestItem, IngestReport } from '../ingest/types.ts';
import { ArticleRef, articleById } from './article.ts';
import { builder } from './builder.ts';
import { badInputError } from './errors.ts';

const ArticleInput = builder.inputType('ArticleInput', {
  fields: (t) => ({
    title: t.string({ description: 'Defaults to the first sentence of the text.' }),
    // Nullable so that one record without text is reported FAILED ("text is required") while the rest of the batch lands.
    text: t.string({ description: 'Required: a record without it is reported FAILED, the others still load.' }),
    url: t.string({ description: 'Absolute http(s) URL; new text under a known URL updates that article.' }),
    publishedAt: t.string({ description: 'ISO date or date-time, or a date such as "August 10, 2017".' }),
    source: t.string(),
    language: t.string({ description: 'BCP-47 tag, default "en".' }),
    contentType: t.string({
      description: '"text/plain" or "text/html": whether text is HTML to clean. When absent, text is HTML only when its structure leaves no doubt (a document, or balanced tags).',
    }),
  }),
});

export const IngestStatusEnum = builder.enumType('IngestStatus', { values: ['CREATED', 'UPDATED', 'UNCHANGED', 'FAILED'] as const });

const IngestErrorRef = builder.objectRef<{ code: string; message: string }>('IngestError').implement({
  fields: (t) => ({ code: t.exposeString('code'), message: t.exposeString('message') }),
});

const IngestItemRef = builder.objectRef<IngestItem>('IngestItem').implement({
  description: 'What became of one input article, in input order.',
  fields: (t) => ({
    index: t.exposeInt('index'),
    status: t.field({ type: IngestStatusEnum, resolve: (i) => i.status }),
    article: t.field({
      type: ArticleRef,
      nullable: true,
      resolve: (i, _args, ctx) => (i.articleId && i.status !== 'FAILED' ? articleById(ctx, i.articleId) : null),
    }),
    error: t.field({ type: IngestErrorRef, nullable: true, resolve: (i) => i.error }),
    warning: t.field({
      type: IngestErrorRef,
      nullable: true,
      description: 'On a stored article that needs a look: TEXT_REMOVED when cleaning its HTML removed more than 10% of its text (the message says what).',
      resolve: (i) => i.warning,
    }),
  }),
});

const IngestReportRef = builder.objectRef<IngestReport>('IngestReport').implement({
  fields: (t) => ({
    created: t.exposeInt('created'),
    updated: t.exposeInt('updated'),
    unchanged: t.exposeInt('unchanged'),
    failed: t.exposeInt('failed'),
    items: t.field({ type: [IngestItemRef], resolve: (r) => r.items }),
  }),
});

builder.mutationFields((t) => ({
  ingestArticles: t.field({
    type: IngestReportRef,
    nullable: false,
    description: `Loads articles (at most ${MAX_ARTICLES_PER_CALL} per call). Idempotent: the same article again is UNCHANGED. Needs an API key with the ingest scope.`,
    authScopes: { ingest: true },
    args: { articles: t.arg({ type: [ArticleInput], required: true }) },
    complexity: (args) => ({ field: 10 + args.articles.length, multiplier: 1 }),
    resolve: async (_root, args, ctx) => {
      if (args.articles.length > MAX_ARTICLES_PER_CALL) {
        throw badInputError(`at most ${MAX_ARTICLES_PER_CALL} articles per call, got ${args.articles.length}: split the batch`);
      }
      const records = args.articles.map((input, i) => ({ origin: `articles[${i}]`, input }));
      const report = await ingestRecords(ctx.store, ctx.services.extractor, records, {
        onCommitted: (articles) => ctx.services.pubsub.publishCommitted(articles),
      });
      ctx.req.metrics?.countIngest(report);
      return report;
    },
  }),
}));
