/**
 * Live updates for dashboards and the explorer: subscriptions (over Server-Sent Events, Yoga's
 * built-in transport) fed by the ingest mutation once its transaction has committed.
 */
import type { Context } from './context.ts';
import type { ArticleRow, EntityRow } from '../store/queries/read.ts';
import { ArticleRef, articleById } from './article.ts';
import { builder } from './builder.ts';
import { EntityRef, EntityRefInput, resolveEntityRefs, type EntityRefValue } from './entity.ts';
import { badInputError, notFoundError } from './errors.ts';
import { IngestStatusEnum } from './ingest.ts';
import { forgetLoaded } from './loaders.ts';

export const MAX_SUBSCRIBED_ENTITIES = 200;

/**
 * A subscription's context lives as long as its stream; each event reads the graph as it is now,
 * not through what the loaders cached for an earlier event.
 */
async function article(ctx: Context, id: string): Promise<ArticleRow> {
  const row = await articleById(ctx, id);
  if (!row) throw notFoundError(`article ${id} is no longer in the graph`);
  return row;
}

const ArticleIngestedRef = builder.objectRef<{ article: ArticleRow; status: 'CREATED' | 'UPDATED' }>('ArticleIngested').implement({
  description: 'An article an ingest has just committed.',
  fields: (t) => ({
    article: t.field({ type: ArticleRef, nullable: false, resolve: (e) => e.article }),
    status: t.field({ type: IngestStatusEnum, nullable: false, description: 'CREATED or UPDATED.', resolve: (e) => e.status }),
  }),
});

const EntityMentionedRef = builder.objectRef<{ entity: EntityRow; article: ArticleRow }>('EntityMentioned').implement({
  description: 'A newly committed article mentions one of the entities subscribed to.',
  fields: (t) => ({
    entity: t.field({ type: EntityRef, nullable: false, resolve: (e) => e.entity }),
    article: t.field({ type: ArticleRef, nullable: false, resolve: (e) => e.article }),
  }),
});

builder.subscriptionType({
  // Live reads need the read scope, like queries (checked when the subscription starts).
  authScopes: { read: true },
  fields: (t) => ({
    articleIngested: t.field({
      type: ArticleIngestedRef,
      nullable: false,
      description: 'Each article created or updated from now on, once its ingest has committed. Articles loaded by the CLI straight into the database (not through this server) are not seen.',
      subscribe: (_root, _args, ctx) => ctx.services.pubsub.subscribeCommitted((a) => [{ articleId: a.articleId, status: a.status }]),
      resolve: async (event, _args, ctx) => {
        forgetLoaded(ctx);
        return { article: await article(ctx, event.articleId), status: event.status };
      },
    }),
    entityMentioned: t.field({
      type: EntityMentionedRef,
      nullable: false,
      description: `Each new or updated article mentioning any of the entities named (at most ${MAX_SUBSCRIBED_ENTITIES}), once per entity it mentions.`,
      args: { refs: t.arg({ type: [EntityRefInput], required: true }) },
      subscribe: async (_root, args, ctx) => {
        if (args.refs.length === 0 || args.refs.length > MAX_SUBSCRIBED_ENTITIES) {
          throw badInputError(`refs takes 1 to ${MAX_SUBSCRIBED_ENTITIES} entities, got ${args.refs.length}`, 'refs');
        }
        const keys = new Set(await resolveEntityRefs(ctx, args.refs as EntityRefValue[], 'refs'));
        return ctx.services.pubsub.subscribeCommitted((a) =>
          a.entityKeys.filter((key) => keys.has(key)).map((entityKey) => ({ articleId: a.articleId, entityKey })),
        );
      },
      resolve: async (event, _args, ctx) => {
        forgetLoaded(ctx);
        const [entity, row] = await Promise.all([ctx.loaders.entity.load(event.entityKey), article(ctx, event.articleId)]);
        if (!entity) throw notFoundError(`entity ${event.entityKey} is no longer in the graph`);
        return { entity, article: row };
      },
    }),
  }),
});
