/** The `ingestArticles` mutation: the ingest pipeline over HTTP, for keys that may write. */
import crypto from 'node:crypto';
import { createGraphQLError } from 'graphql-yoga';
import { ingestRecords } from '../ingest/pipeline.ts';
import type { IngestItem, IngestReport } from '../ingest/types.ts';
import type { Context } from '../server/context.ts';
import { ArticleRef } from './article.ts';
import { builder } from './builder.ts';

export const MAX_ARTICLES_PER_CALL = 500;

function digest(value: string): Buffer {
  return crypto.createHash('sha256').update(value).digest();
}

/** Compares digests in constant time, so response timing says nothing about a key's prefix. */
export function keyAllowed(key: string | null, allowed: string[]): boolean {
  if (key === null) return false;
  const given = digest(key);
  let match = false;
  for (const candidate of allowed) match = crypto.timingSafeEqual(given, digest(candidate)) || match;
  return match;
}

function requireWriter(ctx: Context): void {
  if (ctx.services.apiKeys.length === 0) {
    throw createGraphQLError(
      'mutations are disabled on this server: set NEWSGRAPH_API_KEYS to one or more comma-separated keys and send "Authorization: Bearer <key>"',
      { extensions: { code: 'FORBIDDEN' } },
    );
  }
  if (!keyAllowed(ctx.bearer, ctx.services.apiKeys)) {
    throw createGraphQLError(
      ctx.bearer === null ? 'this mutation needs "Authorization: Bearer <key>"' : 'the API key sent is not valid',
      { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } },
    );
  }
}

const ArticleInput = builder.inputType('ArticleInput', {
  fields: (t) => ({
    title: t.string({ description: 'Defaults to the first sentence of the text.' }),
    text: t.string({ required: true }),
    url: t.string({ description: 'Absolute http(s) URL; new text under a known URL updates that article.' }),
    publishedAt: t.string({ description: 'ISO date or date-time, or a date such as "August 10, 2017".' }),
    source: t.string(),
    language: t.string({ description: 'BCP-47 tag, default "en".' }),
  }),
});

const IngestStatusEnum = builder.enumType('IngestStatus', { values: ['CREATED', 'UPDATED', 'UNCHANGED', 'FAILED'] as const });

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
      resolve: (i, _args, ctx) => (i.articleId && i.status !== 'FAILED' ? ctx.loaders.article.load(i.articleId) : null),
    }),
    error: t.field({ type: IngestErrorRef, nullable: true, resolve: (i) => i.error }),
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
    description: `Loads articles (at most ${MAX_ARTICLES_PER_CALL} per call). Idempotent: the same article again is UNCHANGED. Needs an API key.`,
    args: { articles: t.arg({ type: [ArticleInput], required: true }) },
    complexity: (args) => ({ field: 10 + args.articles.length, multiplier: 1 }),
    resolve: async (_root, args, ctx) => {
      requireWriter(ctx);
      if (args.articles.length > MAX_ARTICLES_PER_CALL) {
        throw createGraphQLError(`at most ${MAX_ARTICLES_PER_CALL} articles per call, got ${args.articles.length}: split the batch`, {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
      const records = args.articles.map((input, i) => ({ origin: `articles[${i}]`, input }));
      return ingestRecords(ctx.store, ctx.services.extractor, records);
    },
  }),
}));
