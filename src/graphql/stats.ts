import type { Context } from './context.ts';
import * as read from '../store/queries/read.ts';
import { builder } from './builder.ts';

/** The totals, read once per request whoever asks (significance reads the article total alone: ctx.loaders.articleTotal). */
export const StatsRef = builder.loadableObject('Stats', {
  description: 'How much the graph holds.',
  load: async (keys: 'all'[], ctx: Context) => {
    const value = await read.stats(ctx.store);
    return keys.map(() => value);
  },
  fields: (t) => ({
    articles: t.exposeInt('articles'),
    entities: t.exposeInt('entities'),
    events: t.exposeInt('events'),
    quotes: t.exposeInt('quotes'),
  }),
});

builder.queryField('stats', (t) => t.field({ type: StatsRef, resolve: () => 'all' as const }));
