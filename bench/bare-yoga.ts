/**
 * The baseline of bench/stack.ts: the same schema behind a bare GraphQL Yoga (no plugins, no
 * context, no logging) on node:http, as `newsgraph serve` listens. PORT from the environment.
 */
import { createServer } from 'node:http';
import { createYoga } from 'graphql-yoga';
import { schema } from '../src/graphql/index.ts';

const yoga = createYoga({ schema, graphqlEndpoint: '/graphql', landingPage: false, graphiql: false, logging: false });
const server = createServer(yoga);
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
