/** Relationship questions: paths with evidence, networks, pair summaries, timelines, trending. */
import { buildNetwork, MAX_CENTERS, MAX_DEPTH, MAX_LIMIT, networkWork } from '../relations/network.ts';
import { findPaths, MAX_HOPS, pathsWork, type Hop, type Path } from '../relations/paths.ts';
import { fillTimeline, TooManyBucketsError, type Granularity } from '../relations/timeline.ts';
import { trending, type Trend } from '../relations/trending.ts';
import type { Context } from './context.ts';
import { significance, type EntityRow } from '../store/queries/read.ts';
import * as relations from '../store/queries/relations.ts';
import { ArticleRef } from './article.ts';
import { builder, costOfRows } from './builder.ts';
import { EntityKindEnum, EntityRef, EntityRefInput, resolveEntityRef, type EntityRefValue } from './entity.ts';
import { badInputError } from './errors.ts';
import { EventRef, EvidenceRef } from './event.ts';
import { offsetConnection, pageSize } from './pagination.ts';
import { QuoteRef } from './quote.ts';

function bounded(value: number, min: number, max: number, argument: string): number {
  if (!Number.isInteger(value) || value < min || value > max) throw badInputError(`${argument} must be between ${min} and ${max}, got ${value}`, argument);
  return value;
}

async function entitiesOf(ctx: Context, keys: string[]): Promise<Map<string, EntityRow>> {
  const rows = await ctx.loaders.entity.loadMany(keys);
  const map = new Map<string, EntityRow>();
  rows.forEach((row) => {
    if (row && !(row instanceof Error)) map.set(row.key, row);
  });
  return map;
}

const GranularityEnum = builder.enumType('Granularity', { values: ['DAY', 'WEEK', 'MONTH'] as const });

const TimeBucketRef = builder.objectRef<{ bucket: string; count: number }>('TimeBucket').implement({
  description: 'Articles in one day, week (starting Monday) or month (starting the 1st).',
  fields: (t) => ({
    bucket: t.field({ type: 'Date', resolve: (b) => b.bucket }),
    count: t.exposeInt('count'),
  }),
});

const timelineArgs = builder.args((t) => ({
  granularity: t.field({ type: GranularityEnum, defaultValue: 'MONTH' }),
  since: t.field({ type: 'DateTime' }),
  until: t.field({ type: 'DateTime' }),
}));

/** Articles per bucket mentioning `key` (and `other`, for a pair); too many buckets is the client's error. */
async function timeline(
  ctx: Context,
  key: string,
  other: string | null,
  args: { granularity?: Granularity | null; since?: string | null; until?: string | null },
) {
  const counts = await relations.articlesPerDay(ctx.store, key, other, args);
  try {
    return fillTimeline(counts, args.granularity ?? 'MONTH', args);
  } catch (error) {
    if (error instanceof TooManyBucketsError) throw badInputError(error.message, 'granularity');
    throw error;
  }
}

builder.interfaceFields(EntityRef, (t) => ({
  timeline: t.field({
    type: [TimeBucketRef],
    description: 'Articles mentioning this entity per bucket, empty buckets included.',
    args: timelineArgs,
    complexity: 20,
    resolve: (entity, args, ctx) => timeline(ctx, entity.key, null, args),
  }),
}));

// ------------------------------------------------------------------ paths

const HopViaRef = builder.unionType('HopVia', {
  description: 'What links the two entities of a hop: an event both took part in, or an article mentioning both.',
  types: [ArticleRef, EventRef],
  resolveType: (via) => ('type' in via && 'cameoCode' in via ? 'Event' : 'Article'),
});

interface ResolvedHop extends Hop {
  entities: Map<string, EntityRow>;
}

const HopRef = builder.objectRef<ResolvedHop>('Hop').implement({
  fields: (t) => ({
    from: t.field({ type: EntityRef, resolve: (h) => h.entities.get(h.from)! }),
    to: t.field({ type: EntityRef, resolve: (h) => h.entities.get(h.to)! }),
    via: t.field({ type: HopViaRef, resolve: (h) => (h.via.kind === 'event' ? h.via.event : h.via.article) }),
    evidence: t.field({ type: [EvidenceRef], resolve: (h) => h.evidence }),
  }),
});

const PathRef = builder.objectRef<Path & { entities: Map<string, EntityRow>; truncated: boolean }>('Path').implement({
  description: 'A shortest connection: entity to entity, each hop through an article or event, with the sentences behind it.',
  fields: (t) => ({
    length: t.int({ description: 'Hops from one end to the other.', resolve: (p) => p.hops.length }),
    entities: t.field({ type: [EntityRef], description: 'From the first entity to the last.', resolve: (p) => p.keys.map((k) => p.entities.get(k)!) }),
    hops: t.field({ type: [HopRef], resolve: (p) => p.hops.map((hop) => ({ ...hop, entities: p.entities })) }),
    truncated: t.boolean({
      description: 'True when a budget (neighbours per entity, entities per step) cut the search: other paths of this length may exist.',
      resolve: (p) => p.truncated,
    }),
  }),
});

// ------------------------------------------------------------------ network

interface NetworkShape {
  nodes: { entity: EntityRow; weight: number }[];
  edges: { source: EntityRow; target: EntityRow; weight: number; kind: string }[];
  truncated: boolean;
}

const NetworkNodeRef = builder.objectRef<NetworkShape['nodes'][number]>('NetworkNode').implement({
  fields: (t) => ({
    entity: t.field({ type: EntityRef, resolve: (n) => n.entity }),
    weight: t.exposeInt('weight', { description: 'Articles mentioning the entity (inside since/until when given).' }),
  }),
});

const NetworkEdgeRef = builder.objectRef<NetworkShape['edges'][number]>('NetworkEdge').implement({
  fields: (t) => ({
    source: t.field({ type: EntityRef, resolve: (e) => e.source }),
    target: t.field({ type: EntityRef, resolve: (e) => e.target }),
    weight: t.exposeInt('weight', { description: 'Articles mentioning both (inside since/until when given).' }),
    kind: t.exposeString('kind', { description: 'CO_MENTIONED' }),
  }),
});

const NetworkRef = builder.objectRef<NetworkShape>('Network').implement({
  description: 'Entities around some others and the co-mentions among them, heaviest edges first.',
  fields: (t) => ({
    nodes: t.field({ type: [NetworkNodeRef], resolve: (n) => n.nodes }),
    edges: t.field({ type: [NetworkEdgeRef], resolve: (n) => n.edges }),
    truncated: t.boolean({ description: 'True when the limit or a fan-out budget left edges out.', resolve: (n) => n.truncated }),
  }),
});

// ------------------------------------------------------------------ relationship

interface RelationshipShape {
  a: EntityRow;
  b: EntityRow;
  summary: relations.PairSummary;
}

const RelationshipRef = builder.objectRef<RelationshipShape>('Relationship').implement({
  description: 'Everything the graph knows about how two entities relate.',
  fields: (t) => ({
    a: t.field({ type: EntityRef, resolve: (r) => r.a }),
    b: t.field({ type: EntityRef, resolve: (r) => r.b }),
    articleCount: t.int({ description: 'Articles mentioning both.', resolve: (r) => r.summary.articles }),
    firstSeen: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.summary.firstSeen }),
    lastSeen: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.summary.lastSeen }),
    score: t.float({
      description: 'Significance of the pair over articles (see CoMention.score).',
      resolve: async (r, _args, ctx) =>
        significance(r.summary.articles, r.a.articleCount, r.b.articleCount, await ctx.loaders.articleTotal.load('all')),
    }),
    sharedArticles: t.connection({
      type: ArticleRef,
      description: 'Articles mentioning both, newest first.',
      resolve: (r, args, ctx) =>
        offsetConnection(
          args,
          async (page) => (await relations.sharedArticles(ctx.store, r.a.key, r.b.key, {}, page)).map((row) => row.article),
          async () => r.summary.articles,
        ),
    }),
    sharedEvents: t.field({
      type: [EventRef],
      description: 'Events both took part in, latest first.',
      args: { first: t.arg.int({ defaultValue: 10 }) },
      resolve: (r, args, ctx) => relations.sharedEvents(ctx.store, r.a.key, r.b.key, {}, pageSize(args.first)),
    }),
    quotes: t.field({
      type: [QuoteRef],
      description: 'What either said about the other, newest first.',
      args: { first: t.arg.int({ defaultValue: 10 }) },
      resolve: (r, args, ctx) => relations.quotesBetween(ctx.store, r.a.key, r.b.key, pageSize(args.first)),
    }),
    timeline: t.field({
      type: [TimeBucketRef],
      description: 'Articles mentioning both, per bucket, empty buckets included.',
      args: timelineArgs,
      complexity: 20,
      resolve: (r, args, ctx) => timeline(ctx, r.a.key, r.b.key, args),
    }),
  }),
});

// ------------------------------------------------------------------ trending

const TrendRef = builder.objectRef<Trend>('Trend').implement({
  description: 'An entity mentioned more in a window than in the days before it.',
  fields: (t) => ({
    entity: t.field({ type: EntityRef, resolve: (tr) => tr.entity }),
    windowCount: t.exposeInt('windowCount', { description: 'Articles mentioning it in the window.' }),
    baselineCount: t.exposeInt('baselineCount', { description: 'Articles mentioning it in the baseline days before the window.' }),
    windowRate: t.exposeFloat('windowRate', { description: 'Articles per day in the window.' }),
    baselineRate: t.exposeFloat('baselineRate', { description: 'Articles per day in the baseline.' }),
    ratio: t.exposeFloat('ratio', { description: 'windowRate over baselineRate, each plus one article per baseline period.' }),
  }),
});

// ------------------------------------------------------------------ queries

builder.queryFields((t) => ({
  paths: t.field({
    type: [PathRef],
    description: `The shortest connections between two entities through articles and events, strongest first. maxHops is at most ${MAX_HOPS}.`,
    args: {
      from: t.arg({ type: EntityRefInput, required: true }),
      to: t.arg({ type: EntityRefInput, required: true }),
      maxHops: t.arg.int({ defaultValue: 4 }),
      first: t.arg.int({ defaultValue: 3 }),
      via: t.arg({ type: [EntityKindEnum], description: 'Kinds the entities in between may have.' }),
      since: t.arg({ type: 'DateTime' }),
      until: t.arg({ type: 'DateTime' }),
      excludeKeys: t.arg.stringList({ description: 'Entities not to pass through, such as a country in most articles.' }),
    },
    complexity: (args) => ({ field: 50 + costOfRows(pathsWork(args.maxHops ?? 4, args.first ?? 3)), multiplier: args.first ?? 3 }),
    resolve: async (_root, args, ctx) => {
      const maxHops = bounded(args.maxHops ?? 4, 1, MAX_HOPS, 'maxHops');
      const first = bounded(args.first ?? 3, 1, 10, 'first');
      const [from, to] = await Promise.all([resolveEntityRef(ctx, args.from as EntityRefValue, 'from'), resolveEntityRef(ctx, args.to as EntityRefValue, 'to')]);
      if (from.key === to.key) throw badInputError('from and to name the same entity', 'to');
      const result = await findPaths(ctx.store, from.key, to.key, {
        maxHops,
        first,
        via: args.via?.length ? args.via : null,
        exclude: args.excludeKeys ?? [],
        since: args.since,
        until: args.until,
      });
      const entities = await entitiesOf(ctx, [...new Set(result.paths.flatMap((p) => p.keys))]);
      return result.paths.map((p) => ({ ...p, entities, truncated: result.truncated }));
    },
  }),
  network: t.field({
    type: NetworkRef,
    description: `The network around entities: co-mentioned neighbours (depth 1 or ${MAX_DEPTH}) and the edges among them, at most limit edges.`,
    args: {
      around: t.arg({ type: [EntityRefInput], required: true }),
      depth: t.arg.int({ defaultValue: 1 }),
      limit: t.arg.int({ defaultValue: 50 }),
      kinds: t.arg({ type: [EntityKindEnum] }),
      since: t.arg({ type: 'DateTime' }),
      until: t.arg({ type: 'DateTime' }),
      minWeight: t.arg.int({ defaultValue: 1 }),
    },
    complexity: (args) => ({
      field: 50 + costOfRows(networkWork(args.around?.length ?? 1, args.depth ?? 1, args.limit ?? 50)),
      multiplier: Math.ceil((args.limit ?? 50) / 10),
    }),
    resolve: async (_root, args, ctx) => {
      if (args.around.length === 0 || args.around.length > MAX_CENTERS) throw badInputError(`around takes 1 to ${MAX_CENTERS} entities`, 'around');
      const depth = bounded(args.depth ?? 1, 1, MAX_DEPTH, 'depth');
      const limit = bounded(args.limit ?? 50, 1, MAX_LIMIT, 'limit');
      const minWeight = bounded(args.minWeight ?? 1, 1, 1_000_000, 'minWeight');
      const centers = await Promise.all(args.around.map((ref, i) => resolveEntityRef(ctx, ref as EntityRefValue, `around[${i}]`)));
      const network = await buildNetwork(ctx.store, [...new Set(centers.map((c) => c.key))], {
        depth,
        limit,
        minWeight,
        kinds: args.kinds?.length ? args.kinds : null,
        since: args.since,
        until: args.until,
      });
      const entities = await entitiesOf(ctx, network.nodes.map((n) => n.key));
      return {
        nodes: network.nodes.filter((n) => entities.has(n.key)).map((n) => ({ entity: entities.get(n.key)!, weight: n.weight ?? entities.get(n.key)!.articleCount })),
        edges: network.edges.map((e) => ({ source: entities.get(e.source)!, target: entities.get(e.target)!, weight: e.weight, kind: 'CO_MENTIONED' })),
        truncated: network.truncated,
      };
    },
  }),
  relationship: t.field({
    type: RelationshipRef,
    description: 'How two entities relate: shared articles and events, quotes, co-mention over time.',
    args: { a: t.arg({ type: EntityRefInput, required: true }), b: t.arg({ type: EntityRefInput, required: true }) },
    complexity: 20,
    resolve: async (_root, args, ctx) => {
      const [a, b] = await Promise.all([resolveEntityRef(ctx, args.a as EntityRefValue, 'a'), resolveEntityRef(ctx, args.b as EntityRefValue, 'b')]);
      if (a.key === b.key) throw badInputError('a and b name the same entity', 'b');
      return { a, b, summary: await relations.pairSummary(ctx.store, a.key, b.key) };
    },
  }),
  trending: t.field({
    type: [TrendRef],
    description: 'Entities whose mention rate in [since, until] most exceeds their rate in the baselineDays before. Without since/until: the last 7 days of news in the graph.',
    args: {
      kind: t.arg({ type: EntityKindEnum }),
      since: t.arg({ type: 'DateTime' }),
      until: t.arg({ type: 'DateTime' }),
      baselineDays: t.arg.int({ defaultValue: 14 }),
      first: t.arg.int({ defaultValue: 10 }),
    },
    complexity: (args) => ({ field: 50, multiplier: args.first ?? 10 }),
    resolve: async (_root, args, ctx) => {
      const baselineDays = bounded(args.baselineDays ?? 14, 1, 365, 'baselineDays');
      if (args.since && args.until && args.since > args.until) throw badInputError('since is after until', 'since');
      const result = await trending(ctx.store, { kind: args.kind ?? null, since: args.since, until: args.until, baselineDays, first: pageSize(args.first) });
      return result.trends;
    },
  }),
}));
