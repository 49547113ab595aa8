/**
 * Migrations are ordered `.cypher` files under schema/migrations. Each statement ends with `;`; a
 * statement preceded by a `// only: <engine>` line runs on that engine alone. A file is applied
 * once and recorded as `(:Migration {id})`; its statements are idempotent (IF NOT EXISTS) so a
 * file interrupted halfway can simply run again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { backfillArticleDays } from './queries/article-days.ts';
import { backfillCounts, deleteOneArticlePairs } from './queries/verify-counts.ts';
import { backfillPairLastDay } from './queries/emerging.ts';
import { backfillNames } from './queries/names.ts';
import { backfillDaySlots } from './queries/counts.ts';
import { backfillEntityWeeks } from './queries/entity-weeks.ts';
import type { Runner } from './runner.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../schema/migrations/', import.meta.url));

export interface Migration {
  id: string;
  statements: { engine: Runner['engine'] | null; cypher: string }[];
}

export function parseMigration(id: string, source: string): Migration {
  const statements: Migration['statements'] = [];
  let engine: Runner['engine'] | null = null;
  let buffer: string[] = [];
  for (const line of source.split('\n')) {
    const trimmed = line.trim();
    const only = /^\/\/\s*only:\s*(grafeo|neo4j)\s*$/.exec(trimmed);
    if (only) {
      engine = only[1] as Runner['engine'];
      continue;
    }
    if (trimmed.startsWith('//') || trimmed === '') continue;
    buffer.push(line);
    if (trimmed.endsWith(';')) {
      statements.push({ engine, cypher: buffer.join('\n').trim().replace(/;$/, '') });
      buffer = [];
      engine = null;
    }
  }
  if (buffer.length > 0) throw new Error(`migration ${id}: the last statement does not end with ";"`);
  return { id, statements };
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.cypher'))
    .sort()
    .map((name) => parseMigration(name.replace(/\.cypher$/, ''), fs.readFileSync(path.join(dir, name), 'utf8')));
}

/**
 * Migrations that rewrite data rather than the schema, recorded the same way and applied after
 * the files (their indexes first). Each is idempotent: a run interrupted halfway runs again whole.
 */
export const DATA_MIGRATIONS: { id: string; run: (runner: Runner) => Promise<void> }[] = [
  // Graphs written before the day counts were kept: count them from the mentions.
  { id: '005_kept_counts_backfill', run: backfillCounts },
  // Pairs written before lastDay was kept: the day of their lastSeen.
  { id: '006_pair_last_day', run: backfillPairLastDay },
  // Pairs of one article written when every pair had a node: their article's mentions answer for them.
  { id: '007_pairs_from_second_article', run: deleteOneArticlePairs },
  // Graphs written before entities were found by name terms and count buckets (issue 14): build both.
  { id: '008_names_and_count_order_backfill', run: backfillNames },
  // Graphs written before trending read the days by slot (issue 14): slot every entity's days.
  { id: '009_entity_day_slots_backfill', run: backfillDaySlots },
  // Graphs written before the articles per day were kept (issue 14): count them from the articles.
  { id: '010_article_days_backfill', run: backfillArticleDays },
  // Graphs written before the week sums were kept (issue 14): sum every entity's days by week.
  { id: '011_entity_weeks_backfill', run: backfillEntityWeeks },
];

/** Applies the migrations not yet recorded in the graph; returns the ids applied now. */
export async function migrate(runner: Runner, migrations = loadMigrations(), dataMigrations = DATA_MIGRATIONS): Promise<string[]> {
  const done = new Set(
    (await runner.run<{ id: string }>('MATCH (m:Migration) RETURN m.id AS id')).map((row) => row.id),
  );
  const applied: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.id)) continue;
    for (const statement of migration.statements) {
      // One transaction each: Neo4j refuses schema and data changes in the same transaction.
      if (statement.engine === null || statement.engine === runner.engine) await runner.transaction((tx) => tx.run(statement.cypher));
    }
    await runner.transaction((tx) => tx.run('MERGE (m:Migration {id: $id}) SET m.appliedAt = $at', { id: migration.id, at: new Date().toISOString() }));
    applied.push(migration.id);
  }
  for (const migration of dataMigrations) {
    if (done.has(migration.id)) continue;
    await migration.run(runner);
    await runner.transaction((tx) => tx.run('MERGE (m:Migration {id: $id}) SET m.appliedAt = $at', { id: migration.id, at: new Date().toISOString() }));
    applied.push(migration.id);
  }
  return applied;
}
