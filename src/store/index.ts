import type { Neo4jOptions } from './neo4j.ts';
import type { Runner } from './runner.ts';

/**
 * Neo4j when NEO4J_URI is set, the embedded engine under DATA_DIR otherwise. Each engine's module is
 * imported only when chosen: the Neo4j driver takes ~0.6 s of a start that should reach /ready in
 * under 3, and the embedded engine is a native build that not every platform has, which a server
 * on Neo4j must not need.
 */
export async function openStore(config: { neo4j: Neo4jOptions | null; dataDir: string | null }): Promise<Runner> {
  if (!config.neo4j) {
    const { openGrafeo } = await import('./grafeo.ts');
    return openGrafeo(config.dataDir);
  }
  const { openNeo4j } = await import('./neo4j.ts');
  return openNeo4j(config.neo4j);
}
