/**
 * The layers run one way: server → graphql → relations, curation, ingest → store, with auth and
 * extract below. Each top-level part of src/ (a folder, or a file at the top) lists what it may
 * import; an import of anything else is an import against the direction and fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

/** Top-level files of src/ shared by everything. */
const SHARED = ['logger.ts', 'random.ts'];

/**
 * What each part may import, besides itself and SHARED. A part missing from the table may import
 * anything (the check then names it: add a row). Add rules by adding rows or names.
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  server: ['graphql', 'auth', 'store', 'ingest', 'extract', 'config.ts', 'seed.ts'],
  graphql: ['relations', 'curation', 'ingest', 'store', 'auth', 'extract'],
  relations: ['store', 'extract'],
  curation: ['store', 'extract', 'ingest'],
  ingest: ['store', 'extract'],
  store: ['extract'],
  auth: [],
  extract: [],
  // The tagger's training and the gazetteer builders: run by the CLI (and tests), never at ingest.
  training: ['extract'],
  cli: ['server', 'graphql', 'auth', 'store', 'ingest', 'extract', 'evaluation', 'training', 'config.ts', 'seed.ts'],
  evaluation: ['extract', 'ingest', 'store', 'config.ts'],
  'config.ts': ['auth', 'server'],
  'seed.ts': ['ingest', 'store', 'extract'],
};

/** Parts that must never be imported by a given part, whatever else changes. */
const NEVER: Record<string, readonly string[]> = {
  extract: ['cli', 'config.ts', 'training', 'graphql', 'server', 'store'],
  auth: ['server', 'graphql'],
  store: ['server', 'graphql', 'relations', 'curation', 'ingest', 'cli'],
  graphql: ['server', 'cli'],
};

export interface Import {
  from: string;
  to: string;
}

/** The top-level part of src/ a path (relative to src/) is in. */
function partOf(file: string): string {
  return file.split('/')[0];
}

/** Every `import … from '…'`, `export … from '…'` and `import('…')` of a source, as written. */
export function specifiersOf(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+['"]([^'"]+)['"]/gms)) found.push(m[1]);
  for (const m of source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) found.push(m[1]);
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|js)$/.test(entry.name) ? [full] : [];
  });
}

/** The relative imports of every file under src/, both ends relative to src/. */
function importGraph(): Import[] {
  return sourceFiles(SRC).flatMap((file) =>
    specifiersOf(readFileSync(file, 'utf8'))
      .filter((s) => s.startsWith('.'))
      .map((s) => ({ from: path.relative(SRC, file), to: path.relative(SRC, path.resolve(path.dirname(file), s)) })),
  );
}

/** The imports that break a rule, each told as "from -> to (why)". */
export function wrongImports(imports: readonly Import[]): string[] {
  const wrong: string[] = [];
  for (const { from, to } of imports) {
    const a = partOf(from);
    const b = partOf(to);
    if (to.startsWith('..')) wrong.push(`${from} -> ${to} (outside src/)`);
    else if (a === b || SHARED.includes(b)) continue;
    else if (NEVER[a]?.includes(b)) wrong.push(`${from} -> ${to} (${a} never imports ${b})`);
    else if (!(a in MAY_IMPORT)) wrong.push(`${from} -> ${to} (${a} has no row in MAY_IMPORT)`);
    else if (!MAY_IMPORT[a].includes(b)) wrong.push(`${from} -> ${to} (${a} may not import ${b})`);
  }
  return wrong;
}

describe('layers', () => {
  it('fails an import against the direction', () => {
    expect(
      wrongImports([
        { from: 'graphql/context.ts', to: 'store/queries/read.ts' },
        { from: 'graphql/curation.ts', to: 'server/request-state.ts' },
        { from: 'store/queries/read.ts', to: 'graphql/context.ts' },
        { from: 'extract/index.ts', to: 'config.ts' },
        { from: 'auth/keys.ts', to: 'graphql/scopes.ts' },
        { from: 'server/yoga.ts', to: 'logger.ts' },
        { from: 'newpart/x.ts', to: 'store/runner.ts' },
        { from: 'extract/ner/tagger.ts', to: 'training/ner/train.ts' },
        { from: 'store/queries/ingest.ts', to: 'ingest/types.ts' },
        { from: 'graphql/article.ts', to: 'training/ner/train.ts' },
        { from: 'cli/train-ner.ts', to: 'training/ner/train.ts' },
      ]),
    ).toEqual([
      'graphql/curation.ts -> server/request-state.ts (graphql never imports server)',
      'store/queries/read.ts -> graphql/context.ts (store never imports graphql)',
      'extract/index.ts -> config.ts (extract never imports config.ts)',
      'auth/keys.ts -> graphql/scopes.ts (auth never imports graphql)',
      'newpart/x.ts -> store/runner.ts (newpart has no row in MAY_IMPORT)',
      'extract/ner/tagger.ts -> training/ner/train.ts (extract never imports training)',
      'store/queries/ingest.ts -> ingest/types.ts (store never imports ingest)',
      'graphql/article.ts -> training/ner/train.ts (graphql may not import training)',
    ]);
  });

  it('reads import and export statements, over several lines too', () => {
    const source = `import a from './a.ts';\nimport type {\n  B,\n} from '../b.ts';\nexport { c } from './c.ts';\nimport './d.ts';\nconst e = await import('./e.ts');\nimport x from 'graphql';`;
    expect(specifiersOf(source).sort()).toEqual(['../b.ts', './a.ts', './c.ts', './d.ts', './e.ts', 'graphql']);
  });

  it('src/ imports only in the direction of the layers', () => {
    const graph = importGraph();
    expect(graph.length).toBeGreaterThan(100);
    const wrong = wrongImports(graph);
    expect(wrong).toEqual([]);
  });
});

const MAX_LINES = 450;

const linesOf = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n').length;

describe('file size', () => {
  it(`no file in src/ is over ${MAX_LINES} lines`, () => {
    const long = sourceFiles(SRC)
      .map((file) => ({ file: path.relative(SRC, file).split(path.sep).join('/'), lines: linesOf(file) }))
      .filter((f) => f.lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
