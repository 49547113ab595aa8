/** What people said and the roles they hold. */
import type { Context } from './context.ts';
import * as read from '../store/queries/read.ts';
import type { QuoteRow, RoleRow } from '../store/queries/read.ts';
import { ArticleRef } from './article.ts';
import { builder } from './builder.ts';
import { CountryRef, EntityRef, OrganizationRef, PersonRef } from './entity.ts';
import { offsetConnection } from './pagination.ts';

export const QuoteRef = builder.objectRef<QuoteRow>('Quote').implement({
  description: 'A direct quotation, who said it and whom it is about.',
  fields: (t) => ({
    text: t.exposeString('text'),
    speaker: t.field({
      type: PersonRef,
      nullable: true,
      resolve: async (q, _args, ctx) => {
        const speaker = q.speakerKey ? await ctx.loaders.entity.load(q.speakerKey) : null;
        return speaker?.kind === 'PERSON' ? speaker : null;
      },
    }),
    about: t.field({
      type: [EntityRef],
      resolve: async (q, _args, ctx: Context) =>
        (await ctx.loaders.entity.loadMany(q.aboutKeys)).filter((e): e is read.EntityRow => !!e && !(e instanceof Error)),
    }),
    // The id is loaded by the Article loader.
    article: t.field({ type: ArticleRef, resolve: (q) => q.articleId }),
  }),
});

const RoleRef = builder.objectRef<RoleRow>('Role').implement({
  description: 'A title a person holds for a country or an organization, as of an article\'s date.',
  fields: (t) => ({
    title: t.exposeString('title'),
    country: t.field({ type: CountryRef, nullable: true, resolve: (r) => (r.holder.kind === 'COUNTRY' ? r.holder : null) }),
    organization: t.field({ type: OrganizationRef, nullable: true, resolve: (r) => (r.holder.kind === 'ORGANIZATION' ? r.holder : null) }),
    asOf: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.asOf }),
  }),
});

builder.objectFields(PersonRef, (t) => ({
  roles: t.loadableGroup({
    type: RoleRef,
    load: (keys: string[], ctx: Context) => read.rolesOfPeople(ctx.store, keys),
    group: (r) => r.personKey,
    resolve: (person) => person.key,
  }),
  quotes: t.connection({
    type: QuoteRef,
    description: 'What this person said, newest first.',
    resolve: (person, args, ctx) =>
      offsetConnection(
        args,
        (page) => read.quotesBySpeaker(ctx.store, person.key, page),
        () => read.countQuotesBySpeaker(ctx.store, person.key),
      ),
  }),
}));

builder.objectFields(ArticleRef, (t) => ({
  quotes: t.loadableGroup({
    type: QuoteRef,
    load: (ids: string[], ctx: Context) => read.quotesOfArticles(ctx.store, ids),
    group: (q) => q.articleId,
    resolve: (article) => article.id,
  }),
}));
