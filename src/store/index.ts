import type { Config } from '../config.ts';
import { openGrafeo } from './grafeo.ts';
import type { Runner } from './runner.ts';

/**
 * Neo4j when NEO4J_URI is set, the embedded engine under DATA_DIR otherwise. The Neo4j driver is
 * imported only then: loading it takes ~0.6 s of a start that should reach /ready in under 3.
 */
export async function openStore(config: Pick<Config, 'neo4j' | 'dataDir'>): Promise<Runner> {
  if (!config.neo4j) return openGrafeo(config.dataDir);
  const { openNeo4j } = await import('./neo4j.ts');
  return openNeo4j(config.neo4j);
}
