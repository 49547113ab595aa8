/**
 * The HTTP + GraphQL stack without HTTP: CPU time per `{ __typename }` through `yoga.fetch`, the full
 * server's Yoga (every plugin, logging to /dev/null, rate limit, cost budget and response cache off) against a
 * bare Yoga on the same schema, 32 requests at a time. The steady figure on a shared machine, where
 * bench/stack.ts's req/s move by ±30% between runs.
 *
 *   npx tsx bench/stack-inprocess.ts full|bare ['{"metrics":false}']    # settings to override, as JSON
 */
import { createYoga } from 'graphql-yoga';
import pino from 'pino';
import { schema } from '../src/graphql/index.ts';
import { createNewsPubSub } from '../src/server/pubsub.ts';
import { createNewsgraphYoga } from '../src/server/yoga.ts';
import { openGrafeo } from '../src/store/grafeo.ts';
import { migrate } from '../src/store/migrate.ts';

const store = openGrafeo(null);
await migrate(store);
const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: true }));
const variant = process.argv[2] ?? 'full';
const extra = JSON.parse(process.argv[3] ?? '{}') as Record<string, unknown>;
const yoga = variant === 'bare'
  ? createYoga({ schema, graphqlEndpoint: '/graphql', landingPage: false, graphiql: false, logging: false })
  : createNewsgraphYoga(
      { store, extractor: { extract: () => { throw new Error('no extraction here'); } }, apiKeys: [], pubsub: createNewsPubSub() },
      { logger, settings: { rateLimitPerMinute: 0, responseCacheTtlMs: 0, costPerMinute: 0, ...extra } },
    );
const body = '{"query":"{ __typename }"}';
const one = async () => {
  const r = await yoga.fetch('http://127.0.0.1/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(body.length) }, body });
  const t = await r.text();
  if (!t.includes('Query')) throw new Error(t);
};
for (let i = 0; i < 2000; i++) await one();
const c0 = process.cpuUsage(); const t0 = performance.now();
const N = 20000;
for (let i = 0; i < N / 32; i++) await Promise.all(Array.from({ length: 32 }, one));
const c = process.cpuUsage(c0);
console.log(variant, JSON.stringify(extra), 'µs CPU per request', Math.round((c.user + c.system) / N), 'wall µs', Math.round((performance.now() - t0) * 1000 / N));
await store.close();
process.exit(0);
