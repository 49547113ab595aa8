/** `newsgraph <command> [args]`: each command lives in its own module, loaded only when asked for. */

type Command = { describe: string; load: () => Promise<{ run(argv: string[]): Promise<number> }> };

const commands: Record<string, Command> = {
  serve: { describe: 'start the GraphQL server (what `npm start` runs)', load: () => import('./serve.ts') },
  ingest: { describe: 'load articles from files, folders or - (stdin)', load: () => import('./ingest.ts') },
  export: { describe: 'write the network, paths or a relationship as GraphML, GEXF or CSV', load: () => import('./export.ts') },
  migrate: { describe: 'apply schema migrations', load: () => import('./migrate.ts') },
  'verify-counts': { describe: 'recompute the kept counts from the mentions and report differences', load: () => import('./verify-counts.ts') },
  neo4j: { describe: 'start a local Neo4j (Maven-built, no Docker) and print its NEO4J_URI', load: () => import('./neo4j.ts') },
  'print-schema': { describe: 'write schema/schema.graphql from the code', load: () => import('./print-schema.ts') },
  'train-ner': { describe: 'train the entity tagger from CoNLL-style files', load: () => import('./train-ner.ts') },
  'eval-ner': { describe: 'evaluate the entity tagger on CoNLL-style files', load: () => import('./eval-ner.ts') },
  'eval-events': { describe: 'score extracted events and quotes against the hand-made gold', load: () => import('./eval-events.ts') },
  'eval-entities': { describe: 'score extracted entities per document against gold (strict names)', load: () => import('./eval-entities.ts') },
};

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.describe}`);
  return `usage: newsgraph <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`newsgraph: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  const module = await command.load();
  return module.run(rest);
}
