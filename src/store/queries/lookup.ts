/**
 * Entities by key as a reader asks for them: a key merged away (a `(:Redirect {key})` a curation
 * left, see curation.ts) answers the entity it was merged into.
 */
import type { QueryRunner } from '../runner.ts';
import { ENTITY, type EntityRow } from './read.ts';

/** Entities by key, where a merged key answers the entity it was merged into. `asked` is the key asked for. */
export async function entitiesFollowingRedirects(runner: QueryRunner, keys: readonly string[]): Promise<{ asked: string; e: EntityRow }[]> {
  return runner.run<{ asked: string; e: EntityRow }>(
    // Two matches and a UNION rather than OPTIONAL MATCH, which scans on the embedded engine.
    `UNWIND $keys AS key
     MATCH (e:Entity {key: key})
     RETURN key AS asked, e ${ENTITY} AS e
     UNION
     UNWIND $keys AS key
     MATCH (:Redirect {key: key})-[:REDIRECTS_TO]->(r:Entity)
     RETURN key AS asked, r ${ENTITY} AS e`,
    { keys },
  );
}
