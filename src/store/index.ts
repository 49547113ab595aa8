import type { Config } from '../config.ts';
import { openGrafeo } from './grafeo.ts';
import { openNeo4j } from './neo4j.ts';
import type { Runner } from './runner.ts';

/** Neo4j when NEO4J_URI is set, the embedded engine under DATA_DIR otherwise. */
export function openStore(config: Pick<Config, 'neo4j' | 'dataDir'>): Runner {
  return config.neo4j ? openNeo4j(config.neo4j) : openGrafeo(config.dataDir);
}
