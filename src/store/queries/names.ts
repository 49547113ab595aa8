/**
 * What lets entity lookups read a few index entries instead of every entity (issue 14), kept in the
 * transaction that changes what it is derived from:
 * - the name index: `(:Entity)-[:NAMED]->(:EntityName {term})`, one node per distinct term of the
 *   entity: each name and alias (lower case, as in `namesLower`) and each word of them (split on
 *   single spaces, as the whole-word match in entitiesNamed splits them). Nodes are the entity's own,
 *   never shared, so that writers of different entities take no common lock. Rebuilt whole by
 *   indexNames wherever names or aliases change (ingest, curation), deleted with the entity.
 * - `e.namePrefix`: the first PREFIX_LENGTH characters of the name, indexed: the candidates of a
 *   search's prefix matches, by equality (the embedded engine serves no range or STARTS WITH from
 *   an index).
 * - `e.countBucket`: kind and log2 of articleCount ("PERSON:7" for 128–255 articles), indexed: the
 *   most mentioned entities of a kind are read bucket by bucket from the highest down. Set by every
 *   statement that sets articleCount (setCountBucket: the ingest's counters, recountEntities).
 * The reads are in entity-lookup.ts. verifyNames (run by verify-counts) checks all three against
 * the entity; the migration builds them (backfillNames).
 */
import type { EntityKind } from '../../extract/types.ts';
import type { QueryRunner, Runner } from '../runner.ts';
import { inEntityChunks, runRows } from './rows.ts';
import { sameList, type CountDifference } from './verify-counts.ts';

/** Characters of the name in `namePrefix`: a search this long or longer finds its prefix matches by it. */
export const PREFIX_LENGTH = 3;

/** Bucket b holds articleCount in [2^b, 2^(b+1)); 0 holds 0 and 1. The floors of buckets 1 to MAX_LEVEL. */
export const MAX_LEVEL = 31;
const LEVEL_FLOORS = Array.from({ length: MAX_LEVEL }, (_, i) => 2 ** (i + 1));

/** The Cypher clause that sets `countBucket` from the entity's kind and articleCount (after the SET that changed it). */
export function setCountBucket(e: string): string {
  return `SET ${e}.countBucket = ${e}.kind + ':' + toString(size([t IN [${LEVEL_FLOORS.join(', ')}] WHERE t <= ${e}.articleCount]))`;
}

export function countBucket(kind: EntityKind, level: number): string {
  return `${kind}:${level}`;
}

/** The bucket setCountBucket gives `articleCount`. */
export function countLevel(articleCount: number): number {
  return LEVEL_FLOORS.filter((floor) => floor <= articleCount).length;
}

/** The terms an entity of these names (lower case) is found by: each name and each of its words. Sorted. */
export function nameTerms(namesLower: string[]): string[] {
  return [...new Set(namesLower.flatMap((n) => [n, ...n.split(' ').filter((w) => w !== '')]))].sort();
}

export function namePrefix(nameLower: string): string {
  return nameLower.slice(0, PREFIX_LENGTH);
}

/** Deletes the name index of these entities (before they are deleted, or before it is rebuilt). */
export async function deleteNameTerms(tx: QueryRunner, keys: string[]): Promise<void> {
  await tx.run('UNWIND $keys AS key MATCH (:Entity {key: key})-[:NAMED]->(n:EntityName) DETACH DELETE n', { keys });
}

/** Rebuilds the name index and namePrefix of these entities from their names, as stored now. */
export async function indexNames(tx: QueryRunner, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  const sorted = [...new Set(keys)].sort();
  const entities = await tx.run<{ key: string; nameLower: string; names: string[] }>(
    'UNWIND $keys AS key MATCH (e:Entity {key: key}) RETURN key, e.nameLower AS nameLower, e.namesLower AS names',
    { keys: sorted },
  );
  await deleteNameTerms(tx, sorted);
  await runRows(tx, entities.map((e) => ({ key: e.key, prefix: namePrefix(e.nameLower) })), 'MATCH (e:Entity {key: row.key}) SET e.namePrefix = row.prefix');
  await runRows(
    tx,
    entities.flatMap((e) => nameTerms(e.names).map((term) => ({ key: e.key, term }))),
    'MATCH (e:Entity {key: row.key}) CREATE (e)-[:NAMED]->(:EntityName {term: row.term})',
  );
}

/** Data migration: the name index, namePrefix and countBucket of every entity. Idempotent (each is rebuilt whole). */
export async function backfillNames(runner: Runner): Promise<void> {
  await inEntityChunks(runner, async (tx, keys) => {
    await indexNames(tx, keys);
    await tx.run(`UNWIND $keys AS key MATCH (e:Entity {key: key}) ${setCountBucket('e')}`, { keys });
  });
}

/** Where the name index, namePrefix or countBucket of these entities differ from their names, kind and articleCount. */
export async function verifyNames(runner: QueryRunner, keys: string[]): Promise<CountDifference[]> {
  const differences: CountDifference[] = [];
  const entities = await runner.run<{ key: string; kind: EntityKind; articleCount: number; bucket: string | null; nameLower: string; prefix: string | null; names: string[] }>(
    `UNWIND $keys AS key MATCH (e:Entity {key: key})
     RETURN key, e.kind AS kind, e.articleCount AS articleCount, e.countBucket AS bucket, e.nameLower AS nameLower, e.namePrefix AS prefix, e.namesLower AS names`,
    { keys },
  );
  const terms = new Map(
    (
      await runner.run<{ key: string; terms: string[] }>(
        'UNWIND $keys AS key MATCH (:Entity {key: key})-[:NAMED]->(n:EntityName) RETURN key, collect(n.term) AS terms',
        { keys },
      )
    ).map((r) => [r.key, [...r.terms].sort()]),
  );
  for (const e of entities) {
    const bucket = countBucket(e.kind, countLevel(e.articleCount));
    if (e.bucket !== bucket) differences.push({ what: 'entity-order', key: e.key, stored: e.bucket, expected: bucket });
    const stored = { prefix: e.prefix, terms: terms.get(e.key) ?? [] };
    const expected = { prefix: namePrefix(e.nameLower), terms: nameTerms(e.names) };
    if (stored.prefix !== expected.prefix || !sameList(stored.terms, expected.terms)) differences.push({ what: 'entity-names', key: e.key, stored, expected });
  }
  return differences;
}

/** Name index nodes no entity names (left behind by a deletion that missed them). */
export async function orphanNameTerms(runner: QueryRunner): Promise<CountDifference[]> {
  const rows = await runner.run<{ term: string }>('MATCH (n:EntityName) WHERE NOT EXISTS { (n)<-[:NAMED]-(:Entity) } RETURN n.term AS term');
  return rows.map((r) => ({ what: 'entity-names', key: r.term, stored: 'present', expected: null }));
}
