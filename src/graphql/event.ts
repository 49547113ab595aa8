/** Events: what happened, who took part, where, and the articles and sentences reporting it. */
import type { Context } from './context.ts';
import * as read from '../store/queries/read.ts';
import type { EventRow, ParticipantRow, ReportRow } from '../store/queries/read.ts';
import { ArticleRef } from './article.ts';
import { builder } from './builder.ts';
import { EntityRef, EntityRefInput, resolveEntityRefs } from './entity.ts';
import { groupRows, sharedGroupLoader } from './loaders.ts';
import { offsetConnection } from './pagination.ts';

export const EventRef = builder.loadableNode('Event', {
  description: 'Something that happened, one node however many articles report it.',
  id: { resolve: (e: EventRow) => e.key },
  load: async (keys: string[], ctx: Context) => {
    const found = new Map((await read.eventsByKeys(ctx.store, keys)).map((e) => [e.key, e]));
    return keys.map((key) => found.get(key) ?? new Error(`no event ${key}`));
  },
  fields: (t) => ({
    key: t.exposeString('key'),
    type: t.exposeString('type', { description: 'MEETING, TALKS, SANCTIONS, EXPULSION, ELECTION, STATEMENT, …' }),
    cameoCode: t.exposeString('cameoCode', { description: 'The CAMEO event code of the type.' }),
    date: t.field({ type: 'Date', nullable: true, resolve: (e) => e.date }),
    title: t.exposeString('title'),
  }),
});

const ParticipantRef = builder.objectRef<ParticipantRow>('Participant').implement({
  fields: (t) => ({
    entity: t.field({ type: EntityRef, resolve: (p) => p.entity }),
    role: t.exposeString('role', { description: 'actor, target or participant' }),
  }),
});

export const EvidenceRef = builder.objectRef<{ sentence: string; article: read.ArticleRow }>('Evidence').implement({
  description: 'A sentence behind a fact, and the article it is in.',
  fields: (t) => ({
    sentence: t.exposeString('sentence'),
    article: t.field({ type: ArticleRef, resolve: (e) => e.article }),
  }),
});

/** One batch for `articles` and `evidence`. */
const reportsOfEvent = sharedGroupLoader((keys: readonly string[], ctx) => read.reportsOfEvents(ctx.store, keys), (r) => r.eventKey);

builder.objectFields(EventRef, (t) => ({
  participants: t.loadableGroup({
    type: ParticipantRef,
    load: (keys: string[], ctx: Context) => read.participantsOfEvents(ctx.store, keys),
    group: (p) => p.eventKey,
    resolve: (event) => event.key,
  }),
  location: t.loadable({
    type: EntityRef,
    nullable: true,
    load: async (keys: string[], ctx: Context) =>
      groupRows(keys, await read.locationsOfEvents(ctx.store, keys), (l) => l.eventKey).map((rows) => rows[0]?.entity ?? null),
    resolve: (event) => event.key,
  }),
  articles: t.field({
    type: [ArticleRef],
    description: 'The articles reporting it, oldest first.',
    resolve: async (event, _args, ctx) => (await reportsOfEvent(ctx).load(event.key)).map((r: ReportRow) => r.article),
  }),
  evidence: t.field({
    type: [EvidenceRef],
    resolve: async (event, _args, ctx) =>
      (await reportsOfEvent(ctx).load(event.key)).map((r: ReportRow) => ({ sentence: r.evidence, article: r.article })),
  }),
}));

const EventFilter = builder.inputType('EventFilter', {
  fields: (t) => ({
    type: t.string({ description: 'One event type, e.g. MEETING.' }),
    types: t.stringList(),
    participants: t.field({ type: [EntityRefInput], description: 'Entities every event must involve.' }),
    country: t.string({ description: 'ISO alpha-2 code: events in that country (or a place in it), or involving it.' }),
    since: t.field({ type: 'DateTime' }),
    until: t.field({ type: 'DateTime' }),
  }),
});

interface EventFilterArgs {
  type?: string | null;
  types?: string[] | null;
  participants?: { id?: string | null; key?: string | null; name?: string | null; kind?: 'PERSON' | 'COUNTRY' | 'ORGANIZATION' | 'PLACE' | null }[] | null;
  country?: string | null;
  since?: string | null;
  until?: string | null;
}

async function eventFilter(ctx: Context, filter: EventFilterArgs, extraParticipant?: string): Promise<read.EventFilter> {
  const types = [...(filter.types ?? []), ...(filter.type ? [filter.type] : [])].map((t) => t.toUpperCase());
  const participants = (await resolveEntityRefs(ctx, filter.participants, 'filter.participants')) ?? [];
  if (extraParticipant) participants.push(extraParticipant);
  return { types, participants, country: filter.country?.trim().toUpperCase() || null, since: filter.since, until: filter.until };
}

builder.queryFields((t) => ({
  events: t.connection({
    type: EventRef,
    description: 'Events, latest first.',
    args: { filter: t.arg({ type: EventFilter }) },
    resolve: async (_root, args, ctx) => {
      const filter = await eventFilter(ctx, args.filter ?? {});
      return offsetConnection(args, (page) => read.eventsPage(ctx.store, filter, page), () => read.countEvents(ctx.store, filter));
    },
  }),
}));

builder.interfaceFields(EntityRef, (t) => ({
  events: t.connection({
    type: EventRef,
    description: 'Events this entity took part in, latest first.',
    args: { type: t.arg.string(), since: t.arg({ type: 'DateTime' }), until: t.arg({ type: 'DateTime' }) },
    resolve: async (entity, args, ctx) => {
      const filter = await eventFilter(ctx, args, entity.key);
      return offsetConnection(args, (page) => read.eventsPage(ctx.store, filter, page), () => read.countEvents(ctx.store, filter));
    },
  }),
}));

builder.objectFields(ArticleRef, (t) => ({
  events: t.loadableList({
    type: EventRef,
    load: async (ids: string[], ctx: Context) =>
      groupRows(ids, await read.eventsOfArticles(ctx.store, ids), (r) => r.articleId).map((rows) => rows.map((r) => r.event)),
    resolve: (article) => article.id,
  }),
}));
