/** People, countries, organizations and places: the `Entity` interface, its four types and the queries that find them. */
import type { EntityKind } from '../extract/types.ts';
import type { Context } from './context.ts';
import * as read from '../store/queries/read.ts';
import type { EntityRow } from '../store/queries/read.ts';
import { builder } from './builder.ts';
import { badInputError, notFoundError } from './errors.ts';
import { entityByName } from './names.ts';
import { offsetConnection, pageSize } from './pagination.ts';

export const ENTITY_KINDS = ['PERSON', 'COUNTRY', 'ORGANIZATION', 'PLACE'] as const;

const TYPE_OF_KIND: Record<EntityKind, string> = {
  PERSON: 'Person',
  COUNTRY: 'Country',
  ORGANIZATION: 'Organization',
  PLACE: 'Place',
};

export const EntityKindEnum = builder.enumType('EntityKind', { values: ENTITY_KINDS });

export const EntityRef = builder.interfaceRef<EntityRow>('Entity');

const CoMentionOrder = builder.enumType('CoMentionOrder', {
  description: `SCORE: most significant pairs first (see CoMention.score), those with at least ${read.MIN_SUPPORT} shared articles before the rest; ties by shared articles, then the latest. COUNT: most shared articles first, then the latest.`,
  values: ['COUNT', 'SCORE'] as const,
});

export interface CoMention {
  entity: EntityRow;
  articleCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
  score: number;
}

const CoMentionRef = builder.objectRef<CoMention>('CoMention').implement({
  description: 'Another entity mentioned in the same articles.',
  fields: (t) => ({
    entity: t.field({ type: EntityRef, resolve: (c) => c.entity }),
    articleCount: t.exposeInt('articleCount', { description: 'Articles mentioning both.' }),
    score: t.exposeFloat('score', {
      description:
        'Dunning\'s log-likelihood ratio over articles, signed: how much more (positive) or less (negative) often the two appear together than their own frequencies predict, growing with the evidence. High for a specific, well-attested pair; near 0 for an entity that appears with everyone.',
    }),
    firstSeen: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.firstSeen }),
    lastSeen: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.lastSeen }),
  }),
});

builder.interfaceType(EntityRef, {
  description: 'Something articles mention: a person, a country, an organization or a place.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (entity) => TYPE_OF_KIND[entity.kind],
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable identity: "country:RU", "person:Q58217", "org:nato".' }),
    name: t.exposeString('name'),
    kind: t.field({ type: EntityKindEnum, resolve: (e) => e.kind }),
    aliases: t.exposeStringList('aliases', { description: 'Other names it goes by in the articles.' }),
    mentionCount: t.exposeInt('mentionCount', { description: 'Mentions across all articles.' }),
    articleCount: t.exposeInt('articleCount', { description: 'Articles that mention it.' }),
    firstSeen: t.field({ type: 'DateTime', nullable: true, resolve: (e) => e.firstSeen }),
    lastSeen: t.field({ type: 'DateTime', nullable: true, resolve: (e) => e.lastSeen }),
    coMentions: t.field({
      type: [CoMentionRef],
      description: 'Entities mentioned in the same articles, most significant first (orderBy).',
      args: {
        kind: t.arg({ type: EntityKindEnum }),
        first: t.arg.int({ defaultValue: 20 }),
        since: t.arg({ type: 'DateTime' }),
        until: t.arg({ type: 'DateTime' }),
        orderBy: t.arg({ type: CoMentionOrder, defaultValue: 'SCORE' }),
      },
      complexity: (args) => ({ field: 5, multiplier: args.first ?? 20 }),
      resolve: async (entity, args, ctx) => {
        const total = await ctx.loaders.articleTotal.load('all');
        return read.coMentions(ctx.store, entity.key, {
          kind: args.kind ?? null,
          limit: pageSize(args.first),
          since: args.since,
          until: args.until,
          orderBy: args.orderBy ?? 'SCORE',
          articles: entity.articleCount,
          total,
        });
      },
    }),
  }),
});

function entityNode(kind: EntityKind) {
  const name = TYPE_OF_KIND[kind];
  return builder.loadableNode(name, {
    interfaces: [EntityRef],
    id: { resolve: (entity: EntityRow) => entity.key },
    isTypeOf: (value) => (value as EntityRow).kind === kind,
    load: async (keys: string[], ctx: Context) => {
      const rows = await ctx.loaders.entity.loadMany(keys);
      return rows.map((row, i) =>
        row && !(row instanceof Error) && row.kind === kind ? row : new Error(`no ${name} with key ${keys[i]}`),
      );
    },
    fields: () => ({}),
  });
}

export const PersonRef = entityNode('PERSON');
export const CountryRef = entityNode('COUNTRY');
export const OrganizationRef = entityNode('ORGANIZATION');
export const PlaceRef = entityNode('PLACE');

builder.objectFields(CountryRef, (t) => ({
  code: t.string({ description: 'ISO 3166-1 alpha-2.', resolve: (e) => e.code ?? e.key.replace(/^country:/, '') }),
  iso3: t.string({ nullable: true, description: 'ISO 3166-1 alpha-3.', resolve: (e) => e.iso3 }),
}));

for (const ref of [OrganizationRef, PlaceRef]) {
  builder.objectFields(ref, (t) => ({
    country: t.field({
      type: CountryRef,
      nullable: true,
      description: 'The country it belongs to, where the articles say so.',
      resolve: async (e, _args, ctx) => (e.countryCode ? ctx.loaders.entity.load(`country:${e.countryCode}`) : null),
    }),
  }));
}

builder.objectFields(PersonRef, (t) => ({
  wikidataId: t.string({ nullable: true, resolve: (e) => e.wikidataId }),
}));

// ------------------------------------------------------------------ finding entities

builder.queryFields((t) => ({
  entity: t.field({
    type: EntityRef,
    nullable: true,
    description: 'An entity by global id or by key.',
    args: { id: t.arg.id(), key: t.arg.string() },
    resolve: async (_root, args, ctx) => {
      if ((args.id == null) === (args.key == null)) {
        throw badInputError('give exactly one of id or key');
      }
      if (args.key != null) return ctx.loaders.entity.load(args.key);
      const decoded = decodeEntityId(String(args.id));
      return decoded ? ctx.loaders.entity.load(decoded) : null;
    },
  }),
  person: t.field({
    type: PersonRef,
    nullable: true,
    description:
      'A person by name or alias, case-insensitive ("Lavrov", "sergei lavrov"). Several matches: the one in at least 5 times the articles of the next (the others in extensions.resolvedNames), else an AMBIGUOUS error; none: a NOT_FOUND error with suggestions.',
    args: { name: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => entityByName(ctx, args.name, 'PERSON'),
  }),
  country: t.field({
    type: CountryRef,
    nullable: true,
    description: 'A country by ISO alpha-2 or alpha-3 code, or by name.',
    args: { code: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const code = args.code.trim();
      if (/^[a-z]{2,3}$/i.test(code)) {
        const byCode = await read.countryByCode(ctx.store, code);
        if (byCode) return byCode;
      }
      return entityByName(ctx, code, 'COUNTRY');
    },
  }),
  organization: t.field({
    type: OrganizationRef,
    nullable: true,
    args: { name: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => entityByName(ctx, args.name, 'ORGANIZATION'),
  }),
  place: t.field({
    type: PlaceRef,
    nullable: true,
    args: { name: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => entityByName(ctx, args.name, 'PLACE'),
  }),
  entities: t.connection({
    type: EntityRef,
    description: 'Entities of a kind, optionally matching a search text; best matches, then the most mentioned, first.',
    args: { kind: t.arg({ type: EntityKindEnum }), search: t.arg.string() },
    resolve: (_root, args, ctx) => {
      const filter = { kinds: args.kind ? [args.kind] : null, search: args.search?.trim() || null };
      return offsetConnection(
        args,
        (page) => read.entitiesPage(ctx.store, filter, page),
        () => read.countEntities(ctx.store, filter),
      );
    },
  }),
  search: t.field({
    type: [EntityRef],
    description: 'Entities whose name or alias contains the query, for search boxes: exact names first, then prefixes, then the most mentioned.',
    args: {
      query: t.arg.string({ required: true }),
      kinds: t.arg({ type: [EntityKindEnum] }),
      first: t.arg.int({ defaultValue: 10 }),
    },
    complexity: (args) => ({ field: 5, multiplier: args.first ?? 10 }),
    resolve: async (_root, args, ctx) => {
      const limit = pageSize(args.first);
      const query = args.query.trim();
      if (query === '') return [];
      return read.entitiesPage(ctx.store, { kinds: args.kinds?.length ? args.kinds : null, search: query }, { offset: 0, limit });
    },
  }),
}));

/** Entity global ids are "<Type>:<key>" in base64, as the relay plugin encodes them. */
function decodeEntityId(id: string): string | null {
  const raw = Buffer.from(id, 'base64').toString('utf8');
  const colon = raw.indexOf(':');
  if (colon < 0) return null;
  return Object.values(TYPE_OF_KIND).includes(raw.slice(0, colon)) ? raw.slice(colon + 1) : null;
}

// ------------------------------------------------------------------ naming an entity in an argument

export interface EntityRefValue {
  id?: string | null;
  key?: string | null;
  name?: string | null;
  kind?: EntityKind | null;
}

export const EntityRefInput = builder.inputType('EntityRef', {
  description: 'Names an entity: by global id, by key ("country:RU"), or by name or alias ("Lavrov"), optionally of one kind.',
  fields: (t) => ({
    id: t.id(),
    key: t.string(),
    name: t.string(),
    kind: t.field({ type: EntityKindEnum }),
  }),
});

/** The entity an EntityRef names; an unknown one is a NOT_FOUND error naming the argument. */
export async function resolveEntityRef(ctx: Context, ref: EntityRefValue, argument: string): Promise<EntityRow> {
  const given = [ref.id, ref.key, ref.name].filter((v) => v != null).length;
  if (given !== 1) {
    throw badInputError(`${argument}: give exactly one of id, key or name`, argument);
  }
  if (ref.name != null) return entityByName(ctx, ref.name, ref.kind ?? null, argument);
  let entity: EntityRow | null = null;
  if (ref.key != null) entity = await ctx.loaders.entity.load(ref.key);
  else {
    const key = decodeEntityId(String(ref.id));
    entity = key ? await ctx.loaders.entity.load(key) : null;
  }
  if (entity && ref.kind && entity.kind !== ref.kind) entity = null;
  if (!entity) {
    const what = ref.key ?? ref.id;
    throw notFoundError(`${argument}: no entity ${JSON.stringify(what)}${ref.kind ? ` of kind ${ref.kind}` : ''}`, argument);
  }
  return entity;
}

export async function resolveEntityRefs(ctx: Context, refs: readonly EntityRefValue[] | null | undefined, argument: string): Promise<string[] | null> {
  if (!refs || refs.length === 0) return null;
  const entities = await Promise.all(refs.map((ref, i) => resolveEntityRef(ctx, ref, `${argument}[${i}]`)));
  return entities.map((e) => e.key);
}
