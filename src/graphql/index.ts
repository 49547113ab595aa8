import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.ts';
import './entity.ts';
import './article.ts';
import './event.ts';
import './quote.ts';
import './ingest.ts';
import './curation.ts';
import './stats.ts';
import './relations.ts';
import './subscriptions.ts';
import './emerging.ts';

export const schema: GraphQLSchema = builder.toSchema();

/** The committed schema/schema.graphql: sorted, so that a diff shows only real changes. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
