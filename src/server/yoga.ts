/** The GraphQL server as a fetch handler: main.ts listens with it, tests call `yoga.fetch` directly. */
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import { schema } from '../graphql/index.ts';
import { createContext, type Context, type Services } from './context.ts';

/** What GraphiQL opens with: a relationship question the seed articles answer. */
export const DEFAULT_QUERY = `# Who appears with Lavrov, in which articles, and how is Tillerson connected to Putin?
{
  person(name: "Lavrov") {
    name
    roles { title country { name } }
    coMentions(first: 10) { entity { name kind } articleCount score }
    articles(first: 5) {
      totalCount
      edges { node { title publishedAt countries { code } } }
    }
  }
  paths(from: { name: "Tillerson" }, to: { name: "Putin" }) {
    length
    hops {
      from { name }
      to { name }
      via { ... on Article { title } ... on Event { type date } }
      evidence { sentence }
    }
  }
}
`;

export type NewsgraphYoga = YogaServerInstance<Record<string, unknown>, Context>;

export function createNewsgraphYoga(services: Services, options: { logging?: boolean } = {}): NewsgraphYoga {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    context: ({ request }) => createContext(services, request),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: { title: 'newsgraph', defaultQuery: DEFAULT_QUERY },
    // GraphiQL from the package itself, not a CDN: it works on a machine without internet.
    renderGraphiQL,
    logging: options.logging ?? false,
    maskedErrors: true,
    plugins: [
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          if (!(await services.store.ping())) {
            return new Response(JSON.stringify({ ready: false, reason: 'the graph store does not answer' }), {
              status: 503,
              headers: { 'content-type': 'application/json' },
            });
          }
          return true;
        },
      }),
    ],
  });
}
