import { describe, expect, it } from 'vitest';
import { loadMigrations, parseMigration } from '../../src/store/migrate.ts';

describe('migration files', () => {
  it('split into statements, with engine-only ones marked', () => {
    const migration = parseMigration('001_x', [
      '// a comment',
      'CREATE CONSTRAINT a IF NOT EXISTS',
      '  FOR (a:A) REQUIRE a.id IS UNIQUE;',
      '// only: grafeo',
      'CREATE INDEX b IF NOT EXISTS FOR (a:A) ON (a.id);',
      'CREATE INDEX c IF NOT EXISTS FOR (a:A) ON (a.name);',
    ].join('\n'));
    expect(migration.statements).toEqual([
      { engine: null, cypher: 'CREATE CONSTRAINT a IF NOT EXISTS\n  FOR (a:A) REQUIRE a.id IS UNIQUE' },
      { engine: 'grafeo', cypher: 'CREATE INDEX b IF NOT EXISTS FOR (a:A) ON (a.id)' },
      { engine: null, cypher: 'CREATE INDEX c IF NOT EXISTS FOR (a:A) ON (a.name)' },
    ]);
  });

  it('refuse a statement without its semicolon', () => {
    expect(() => parseMigration('002_y', 'CREATE INDEX x FOR (a:A) ON (a.id)')).toThrow(/002_y/);
  });

  it('are ordered and put an index beside every uniqueness constraint on the embedded engine', () => {
    const migrations = loadMigrations();
    expect(migrations.map((m) => m.id)).toEqual([...migrations.map((m) => m.id)].sort());
    const statements = migrations.flatMap((m) => m.statements);
    const constrained = statements.flatMap((s) => [...s.cypher.matchAll(/FOR \((\w+):(\w+)\) REQUIRE \w+\.(\w+) IS UNIQUE/g)].map((m) => `${m[2]}.${m[3]}`));
    const indexedOnGrafeo = statements
      .filter((s) => s.engine !== 'neo4j')
      .flatMap((s) => [...s.cypher.matchAll(/CREATE INDEX \w+ IF NOT EXISTS FOR \(\w+:(\w+)\) ON \(\w+\.(\w+)\)/g)].map((m) => `${m[1]}.${m[2]}`));
    expect(constrained.length).toBeGreaterThan(3);
    for (const key of constrained) expect(indexedOnGrafeo).toContain(key);
  });
});
