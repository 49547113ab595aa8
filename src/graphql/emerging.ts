/** Emerging links: pairs co-mentioned well above their own baseline lately, as a query and live. */
import { Repeater } from 'graphql-yoga';
import { DEFAULT_BASELINE_DAYS, DEFAULT_MIN_SCORE, DEFAULT_WINDOW_DAYS, emergingLinks, linksEmergedBy, MIN_SUPPORT, type EmergingLink } from '../relations/emerging.ts';
import { sentencesOf } from '../relations/paths.ts';
import type { Context } from './context.ts';
import type { EntityKind } from '../extract/types.ts';
import type { EntityRow } from '../store/queries/read.ts';
import * as relations from '../store/queries/relations.ts';
import { articleById } from './article.ts';
import { builder } from './builder.ts';
import { EntityKindEnum, EntityRef } from './entity.ts';
import { badInputError, notFoundError } from './errors.ts';
import { EvidenceRef } from './event.ts';
import { forgetLoaded } from './loaders.ts';
import { pageSize } from './pagination.ts';

const EVIDENCE_PER_LINK = 3;

function baselineDaysOf(value: number | null | undefined): number {
  const days = value ?? DEFAULT_BASELINE_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > 365) throw badInputError(`baselineDays must be between 1 and 365, got ${days}`, 'baselineDays');
  return days;
}

async function entity(ctx: Context, key: string): Promise<EntityRow> {
  const row = await ctx.loaders.entity.load(key);
  if (!row) throw notFoundError(`entity ${key} is no longer in the graph`);
  return row;
}

/** Keeps the links whose two ends both have one of `kinds`. */
async function ofKinds(ctx: Context, links: EmergingLink[], kinds: EntityKind[] | null): Promise<EmergingLink[]> {
  if (!kinds) return links;
  const ends = await Promise.all(links.map(async (l) => [await ctx.loaders.entity.load(l.a), await ctx.loaders.entity.load(l.b)] as const));
  return links.filter((_l, i) => ends[i].every((e) => e !== null && kinds.includes(e.kind as EntityKind)));
}

const EmergingLinkRef = builder.objectRef<EmergingLink>('EmergingLink').implement({
  description: 'Two entities co-mentioned in a window significantly more than in the baseline days before it.',
  fields: (t) => ({
    a: t.field({ type: EntityRef, resolve: (l, _args, ctx) => entity(ctx, l.a) }),
    b: t.field({ type: EntityRef, resolve: (l, _args, ctx) => entity(ctx, l.b) }),
    windowArticles: t.exposeInt('windowArticles', { description: 'Articles mentioning both in the window.' }),
    baselineArticles: t.exposeInt('baselineArticles', { description: 'Articles mentioning both in the baseline days before the window.' }),
    windowRate: t.exposeFloat('windowRate', { description: 'Articles mentioning both per day in the window.' }),
    baselineRate: t.exposeFloat('baselineRate', { description: 'Articles mentioning both per day in the baseline.' }),
    score: t.exposeFloat('score', {
      description:
        "Dunning's log-likelihood ratio (G²) of the window's share of the pair's articles against the share its length gives at the baseline rate, the baseline plus one article; negative when the rate fell.",
    }),
    lastSeen: t.field({ type: 'DateTime', resolve: (l) => l.lastSeen }),
    since: t.field({ type: 'DateTime', description: 'Start of the window.', resolve: (l) => l.since }),
    until: t.field({ type: 'DateTime', description: 'End of the window (excluded).', resolve: (l) => l.until }),
    evidence: t.field({
      type: [EvidenceRef],
      description: `Sentences naming both from the window's articles, newest first (at most ${EVIDENCE_PER_LINK}).`,
      complexity: 10,
      resolve: async (l, _args, ctx) => {
        const until = new Date(Date.parse(l.until) - 1).toISOString();
        const rows = await relations.sharedArticles(ctx.store, l.a, l.b, { since: `${l.since.slice(0, 10)}T00:00:00.000Z`, until }, { offset: 0, limit: EVIDENCE_PER_LINK });
        return rows.flatMap((row) => {
          const { sentenceBounds: _bounds, ...article } = row.article;
          return sentencesOf(row).map((sentence) => ({ sentence, article }));
        }).slice(0, EVIDENCE_PER_LINK);
      },
    }),
  }),
});

builder.queryFields((t) => ({
  emergingLinks: t.field({
    type: [EmergingLinkRef],
    description:
      `Pairs whose co-mention rate in the window [since, until) is significantly above their own rate in the baselineDays before it (not merely frequent pairs), ` +
      `highest score first, then more window articles, then the latest. Whole UTC days. Defaults: until is the start of the day after the latest article, ` +
      `since ${DEFAULT_WINDOW_DAYS} days before until, baselineDays ${DEFAULT_BASELINE_DAYS}. A pair needs at least ${MIN_SUPPORT} articles in the window ` +
      `and a score of at least minScore. kinds: both entities have one of these kinds.`,
    args: {
      since: t.arg({ type: 'DateTime' }),
      until: t.arg({ type: 'DateTime' }),
      baselineDays: t.arg.int({ defaultValue: DEFAULT_BASELINE_DAYS, description: `Days before since to compare with (1 to 365, default ${DEFAULT_BASELINE_DAYS}).` }),
      kinds: t.arg({ type: [EntityKindEnum] }),
      first: t.arg.int({ defaultValue: 10 }),
      minScore: t.arg.float({ defaultValue: DEFAULT_MIN_SCORE, description: `Least score (default ${DEFAULT_MIN_SCORE}: p < 0.05 for one degree of freedom).` }),
    },
    complexity: (args) => ({ field: 50, multiplier: args.first ?? 10 }),
    resolve: async (_root, args, ctx) => {
      const baselineDays = baselineDaysOf(args.baselineDays);
      if (args.since && args.until && args.since >= args.until) throw badInputError('since is not before until', 'since');
      const { links } = await emergingLinks(ctx.store, {
        since: args.since,
        until: args.until,
        baselineDays,
        kinds: args.kinds?.length ? args.kinds : null,
        first: pageSize(args.first),
        minScore: args.minScore ?? DEFAULT_MIN_SCORE,
      });
      return links;
    },
  }),
}));

builder.subscriptionFields((t) => ({
  linkEmerged: t.field({
    type: EmergingLinkRef,
    nullable: false,
    description:
      `Each pair that a newly created article takes over the emergingLinks threshold for the window ending now (its default window: ` +
      `the ${DEFAULT_WINDOW_DAYS} days up to the latest article): above it now and not before that article's ingest; each pair once per stream and window. ` +
      `Created articles only (an update does not make a pair emerge).`,
    args: {
      baselineDays: t.arg.int({ defaultValue: DEFAULT_BASELINE_DAYS }),
      kinds: t.arg({ type: [EntityKindEnum] }),
      minScore: t.arg.float({ defaultValue: DEFAULT_MIN_SCORE }),
    },
    subscribe: (_root, args, ctx) => {
      const baselineDays = baselineDaysOf(args.baselineDays);
      const kinds = args.kinds?.length ? args.kinds : null;
      const minScore = args.minScore ?? DEFAULT_MIN_SCORE;
      // Listening from now (not from the stream's first read), like the other subscriptions.
      const committed = ctx.services.pubsub.subscribeCommitted((a) => (a.status === 'CREATED' && a.entityKeys.length > 1 ? [a] : []));
      const stream = { seen: new Set<string>(), latest: null as string | null };
      return new Repeater<EmergingLink>(async (push, stop) => {
        void stop.then(() => committed.return?.());
        for await (const a of committed) {
          // Each event reads the graph as it is now, not through what the loaders cached earlier.
          forgetLoaded(ctx);
          const row = await articleById(ctx, a.articleId);
          if (!row) continue;
          const links = await linksEmergedBy(ctx.store, { entityKeys: a.entityKeys, day: row.sortDate.slice(0, 10), ingestedAt: row.ingestedAt }, { baselineDays, minScore }, stream);
          for (const link of await ofKinds(ctx, links, kinds)) await push(link);
        }
        stop();
      });
    },
    resolve: (link) => link,
  }),
}));
