/** The committed schema is the schema the code builds: `npm run schema:print` after a change. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE } from '../../src/cli/print-schema.ts';
import { printedSchema } from '../../src/graphql/index.ts';

describe('schema/schema.graphql', () => {
  it('matches the code (run `npm run schema:print` and commit the file)', () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(printedSchema());
  });

  it('has the names clients rely on', () => {
    const sdl = printedSchema();
    for (const name of [
      'interface Node',
      'interface Entity implements Node',
      'type Person implements Entity & Node',
      'type Country implements Entity & Node',
      'type Organization implements Entity & Node',
      'type Place implements Entity & Node',
      'type Event implements Node',
      'type Article implements Node',
      'enum EntityKind',
      'ingestArticles(articles: [ArticleInput!]!): IngestReport!',
    ]) {
      expect(sdl).toContain(name);
    }
  });
});
