/**
 * Curation for admins over GraphQL: merge entities, add aliases, delete articles, undo (the changes
 * themselves are src/curation/curate.ts). `by` is the key's name.
 */
import { principalName } from '../auth/keys.ts';
import {
  addAlias,
  aliasOf,
  checkMergeSources,
  CurationError,
  type Curator,
  deleteArticle,
  MAX_MERGE_SOURCES,
  mergeEntities,
  payloadOf,
  type Payload,
  undo,
} from '../curation/curate.ts';
import * as curation from '../store/queries/curation.ts';
import type { CurationRow } from '../store/queries/curation.ts';
import { builder } from './builder.ts';
import type { Context } from './context.ts';
import { EntityRef, EntityRefInput, resolveEntityRef, type EntityRefValue } from './entity.ts';
import { badInputError, conflictError, notFoundError } from './errors.ts';
import { forgetLoaded } from './loaders.ts';
import { offsetConnection } from './pagination.ts';

const CurationAction = builder.enumType('CurationAction', {
  values: ['ADD_ALIAS', 'MERGE_ENTITIES', 'DELETE_ARTICLE', 'UNDO'] as const,
});

function summary(p: Payload): string {
  switch (p.action) {
    case 'ADD_ALIAS':
      return `added the alias "${p.alias}" to ${p.entity}`;
    case 'MERGE_ENTITIES':
      return `merged ${p.sources.map((s) => s.key).join(', ')} into ${p.target}`;
    case 'DELETE_ARTICLE':
      return `deleted the article ${p.article.id} ("${p.article.title}")`;
    case 'UNDO':
      return `undid ${p.curation}`;
  }
}

const CurationRef = builder.objectRef<CurationRow>('Curation').implement({
  description: 'One change an admin made to the graph: who (the API key\'s name), when, what; every one can be undone.',
  fields: (t) => ({
    id: t.exposeID('id'),
    action: t.field({ type: CurationAction, resolve: (c) => c.action as 'ADD_ALIAS' }),
    by: t.exposeString('by', { description: 'The name of the API key that made it.' }),
    at: t.field({ type: 'DateTime', resolve: (c) => c.at }),
    summary: t.string({ resolve: (c) => summary(payloadOf(c)) }),
    payload: t.exposeString('payload', { description: 'What changed, as JSON: for a merge, everything moved, so that undo can put it back.' }),
    entity: t.field({
      type: EntityRef,
      nullable: true,
      description: 'The entity given an alias or merged into (following later merges).',
      resolve: (c, _args, ctx) => {
        const p = payloadOf(c);
        const key = p.action === 'ADD_ALIAS' ? p.entity : p.action === 'MERGE_ENTITIES' ? p.target : null;
        return key ? ctx.loaders.entity.load(key) : null;
      },
    }),
    undoneAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.undoneAt ?? null }),
    undoneBy: t.string({ nullable: true, resolve: (c) => c.undoneBy ?? null }),
  }),
});

/** Who curates: the request's store and extractor, the key's name. */
function curatorOf(ctx: Context): Curator {
  return { store: ctx.store, extractor: ctx.services.extractor, by: principalName(ctx.req.principal) };
}

/** The API's answer to a change: a CurationError becomes the GraphQL error of its code; an applied one is counted, logged, and the entity loader forgets what it touched. */
async function applied(ctx: Context, change: () => Promise<CurationRow>): Promise<CurationRow> {
  let row: CurationRow;
  try {
    row = await change();
  } catch (error) {
    throw error instanceof CurationError ? asGraphQLError(error) : error;
  }
  forgetLoaded(ctx);
  ctx.req.metrics?.countCuration(row.action);
  ctx.req.log.info({ curation: row.id, action: row.action, by: row.by }, 'curation');
  return row;
}

function asGraphQLError(error: CurationError) {
  if (error.code === 'NOT_FOUND') return notFoundError(error.message, error.argument);
  if (error.code === 'CONFLICT') return conflictError(error.message);
  return badInputError(error.message, error.argument);
}

builder.mutationFields((t) => ({
  addAlias: t.field({
    type: CurationRef,
    nullable: false,
    authScopes: { admin: true },
    description: 'Adds another name an entity is found by. Needs the admin scope; undoable.',
    args: { entity: t.arg({ type: EntityRefInput, required: true }), alias: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) =>
      applied(ctx, async () => {
        const alias = aliasOf(args.alias);
        const entity = await resolveEntityRef(ctx, args.entity as EntityRefValue, 'entity');
        return addAlias(curatorOf(ctx), entity, alias);
      }),
  }),
  mergeEntities: t.field({
    type: CurationRef,
    nullable: false,
    authScopes: { admin: true },
    description: `Merges entities (at most ${MAX_MERGE_SOURCES}) into the target: their mentions, co-mentions, events, roles and quotes move to it, their names become its aliases, and their keys redirect to it. Needs the admin scope; undoable.`,
    args: {
      target: t.arg({ type: EntityRefInput, required: true }),
      sources: t.arg({ type: [EntityRefInput], required: true }),
    },
    resolve: (_root, args, ctx) =>
      applied(ctx, async () => {
        checkMergeSources(args.sources.length);
        const target = await resolveEntityRef(ctx, args.target as EntityRefValue, 'target');
        const sources = await Promise.all(args.sources.map((ref, i) => resolveEntityRef(ctx, ref as EntityRefValue, `sources[${i}]`)));
        return mergeEntities(curatorOf(ctx), target.key, sources.map((s) => s.key));
      }),
  }),
  deleteArticle: t.field({
    type: CurationRef,
    nullable: false,
    authScopes: { admin: true },
    description: 'Deletes an article; what it counted in (mentions, co-mentions, events only it reported) is recounted. Needs the admin scope; undoable (the article is ingested again from the record).',
    args: { id: t.arg.string({ required: true, description: 'The article id (articleId).' }) },
    resolve: (_root, args, ctx) => applied(ctx, () => deleteArticle(curatorOf(ctx), args.id)),
  }),
  undoCuration: t.field({
    type: CurationRef,
    nullable: false,
    authScopes: { admin: true },
    description: 'Undoes a curation: an alias goes, merged entities come back with what they had, a deleted article is ingested again. Needs the admin scope.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => applied(ctx, () => undo(curatorOf(ctx), String(args.id))),
  }),
}));

builder.queryFields((t) => ({
  curations: t.connection({
    type: CurationRef,
    authScopes: { admin: true },
    // admin implies read: without the Query type's read check first, a refusal names admin, the scope this needs.
    skipTypeScopes: true,
    description: 'The curation record, newest first. Needs the admin scope.',
    resolve: (_root, args, ctx) => offsetConnection(args, (page) => curation.curationsPage(ctx.store, page), () => curation.countCurations(ctx.store)),
  }),
}));
