/**
 * Curation for admins: merge entities, add aliases, delete articles, undo. Each change is one
 * transaction that also records `(:Curation {id, action, by, at, payload})`; `by` is the key's name.
 */
import crypto from 'node:crypto';
import { createGraphQLError } from 'graphql-yoga';
import type { Context } from '../server/context.ts';
import { principalName } from '../server/request-state.ts';
import * as curation from '../store/queries/curation.ts';
import type { CurationRow, DeletedArticle, MergedSource } from '../store/queries/curation.ts';
import { ingestRecords } from '../ingest/pipeline.ts';
import { builder } from './builder.ts';
import { EntityRef, EntityRefInput, resolveEntityRef, type EntityRefValue } from './entity.ts';
import { forgetLoaded } from './loaders.ts';
import { offsetConnection } from './pagination.ts';

export const MAX_MERGE_SOURCES = 20;

const CurationAction = builder.enumType('CurationAction', {
  values: ['ADD_ALIAS', 'MERGE_ENTITIES', 'DELETE_ARTICLE', 'UNDO'] as const,
});

type Payload =
  | { action: 'ADD_ALIAS'; entity: string; alias: string }
  | { action: 'MERGE_ENTITIES'; target: string; sources: MergedSource[] }
  | { action: 'DELETE_ARTICLE'; article: DeletedArticle }
  | { action: 'UNDO'; curation: string };

function payloadOf(row: CurationRow): Payload {
  return { action: row.action, ...JSON.parse(row.payload) } as Payload;
}

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

/** Runs a change and its record in one transaction; the loaders forget what the change touched. */
async function curate(ctx: Context, action: Payload['action'], change: (tx: Parameters<Parameters<Context['store']['transaction']>[0]>[0]) => Promise<Record<string, unknown>>) {
  const row = { id: crypto.randomUUID(), action, by: principalName(ctx.req.principal), at: new Date().toISOString() };
  const payload = await ctx.store.transaction(async (tx) => {
    const p = await change(tx);
    await curation.recordCuration(tx, { ...row, payload: p });
    return p;
  });
  forgetLoaded(ctx);
  ctx.req.metrics?.curations.inc({ action });
  ctx.req.log.info({ curation: row.id, action, by: row.by }, 'curation');
  return { ...row, payload: JSON.stringify(payload), undoneAt: null, undoneBy: null } satisfies CurationRow;
}

function notFound(message: string) {
  return createGraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}

builder.mutationFields((t) => ({
  addAlias: t.field({
    type: CurationRef,
    nullable: false,
    authScopes: { admin: true },
    description: 'Adds another name an entity is found by. Needs the admin scope; undoable.',
    args: { entity: t.arg({ type: EntityRefInput, required: true }), alias: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const alias = args.alias.trim();
      if (alias === '' || alias.length > 200) {
        throw createGraphQLError('alias must be 1 to 200 characters', { extensions: { code: 'BAD_USER_INPUT', argument: 'alias' } });
      }
      const entity = await resolveEntityRef(ctx, args.entity as EntityRefValue, 'entity');
      return curate(ctx, 'ADD_ALIAS', async (tx) => {
        if (!(await curation.addAlias(tx, entity.key, alias))) {
          throw createGraphQLError(`${entity.name} (${entity.key}) already goes by "${alias}"`, { extensions: { code: 'BAD_USER_INPUT', argument: 'alias' } });
        }
        return { entity: entity.key, alias };
      });
    },
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
    resolve: async (_root, args, ctx) => {
      if (args.sources.length === 0 || args.sources.length > MAX_MERGE_SOURCES) {
        throw createGraphQLError(`sources takes 1 to ${MAX_MERGE_SOURCES} entities, got ${args.sources.length}`, {
          extensions: { code: 'BAD_USER_INPUT', argument: 'sources' },
        });
      }
      const target = await resolveEntityRef(ctx, args.target as EntityRefValue, 'target');
      const sources = await Promise.all(args.sources.map((ref, i) => resolveEntityRef(ctx, ref as EntityRefValue, `sources[${i}]`)));
      const keys = [...new Set(sources.map((s) => s.key))];
      if (keys.includes(target.key)) {
        throw createGraphQLError(`an entity cannot be merged into itself (${target.key})`, { extensions: { code: 'BAD_USER_INPUT', argument: 'sources' } });
      }
      return curate(ctx, 'MERGE_ENTITIES', async (tx) => {
        const merged: MergedSource[] = [];
        for (const key of keys) {
          const m = await curation.mergeEntity(tx, target.key, key);
          if (!m) throw notFound(`sources: no entity ${key}`);
          merged.push(m);
        }
        return { target: target.key, sources: merged };
      });
    },
  }),
  deleteArticle: t.field({
    type: CurationRef,
    nullable: false,
    authScopes: { admin: true },
    description: 'Deletes an article; what it counted in (mentions, co-mentions, events only it reported) is recounted. Needs the admin scope; undoable (the article is ingested again from the record).',
    args: { id: t.arg.string({ required: true, description: 'The article id (articleId).' }) },
    resolve: async (_root, args, ctx) =>
      curate(ctx, 'DELETE_ARTICLE', async (tx) => {
        const article = await curation.deleteArticle(tx, args.id);
        if (!article) throw notFound(`no article ${JSON.stringify(args.id)}`);
        return { article };
      }),
  }),
  undoCuration: t.field({
    type: CurationRef,
    nullable: false,
    authScopes: { admin: true },
    description: 'Undoes a curation: an alias goes, merged entities come back with what they had, a deleted article is ingested again. Needs the admin scope.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const id = String(args.id);
      const row = await curation.curationById(ctx.store, id);
      if (!row) throw notFound(`no curation ${JSON.stringify(id)}`);
      if (row.undoneAt) throw createGraphQLError(`curation ${id} was already undone at ${row.undoneAt}`, { extensions: { code: 'CONFLICT' } });
      const p = payloadOf(row);
      if (p.action === 'UNDO') {
        throw createGraphQLError('an UNDO cannot be undone: repeat the original change instead', { extensions: { code: 'BAD_USER_INPUT', argument: 'id' } });
      }
      if (p.action === 'DELETE_ARTICLE') {
        // The article goes back through the ingest pipeline (its own transaction); re-running an
        // interrupted undo finds it UNCHANGED and only marks the record.
        const { id: _id, ...input } = p.article;
        const report = await ingestRecords(ctx.store, ctx.services.extractor, [{ origin: `curation ${id}`, input }]);
        if (report.failed > 0) {
          throw createGraphQLError(`the article could not be ingested again: ${report.items[0].error?.message}`, { extensions: { code: 'CONFLICT' } });
        }
      }
      if (p.action === 'MERGE_ENTITIES') {
        for (const s of p.sources) {
          if (await curation.entityExists(ctx.store, s.key)) {
            throw createGraphQLError(`${s.key} exists again (ingested since the merge): merge it into ${p.target} first, then undo`, {
              extensions: { code: 'CONFLICT' },
            });
          }
        }
      }
      const by = principalName(ctx.req.principal);
      return curate(ctx, 'UNDO', async (tx) => {
        if (p.action === 'ADD_ALIAS') await curation.removeAliases(tx, p.entity, [p.alias]);
        else if (p.action === 'MERGE_ENTITIES') for (const s of [...p.sources].reverse()) await curation.unmergeEntity(tx, p.target, s);
        await curation.markUndone(tx, id, by, new Date().toISOString());
        return { curation: id };
      });
    },
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
