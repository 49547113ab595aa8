import type { Stats } from '../store/queries/read.ts';
import { builder } from './builder.ts';

const StatsRef = builder.objectRef<Stats>('Stats').implement({
  description: 'How much the graph holds.',
  fields: (t) => ({
    articles: t.exposeInt('articles'),
    entities: t.exposeInt('entities'),
    events: t.exposeInt('events'),
    quotes: t.exposeInt('quotes'),
  }),
});

builder.queryField('stats', (t) => t.field({ type: StatsRef, resolve: (_root, _args, ctx) => ctx.loaders.stats.load('all') }));
