/** `newsgraph train-ner --out PATH [options] FILE...`: trains the tagger from CoNLL-style files. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommand } from './common.ts';
import { parseFileSpec, readConllFiles } from '../training/ner/conll.ts';
import { buildLexicon } from '../training/ner/lexicon-build.ts';
import { saveModel } from '../training/ner/model-write.ts';
import { DEFAULT_CONFIG, trainModel, type TrainConfig } from '../training/ner/train.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const USAGE = `usage: newsgraph train-ner --out PATH [options] FILE...

Trains the entity tagger from CoNLL-style files (word first, tag last; IOB1 or IOB2;
-DOCSTART- between documents). FILE:N counts that file's documents N times (a weight).
Never train on the evaluation data.

options:
  --out PATH          where to write the model (required)
  --data DIR          folder with people_wikidata.jsonl and wikinews.jsonl (default ../shared/data)
  --countries PATH    countries gazetteer (default seed/gazetteers/countries.json, built-in list if absent)
  --epochs N          perceptron epochs (default ${DEFAULT_CONFIG.epochs})
  --folds K           folds for the stacked second pass; 1 = single pass (default ${DEFAULT_CONFIG.folds})
  --min-count N       drop features seen fewer times (default ${DEFAULT_CONFIG.minCount})
  --prune X           drop weights rows below X (default ${DEFAULT_CONFIG.prune})
  --encoding E        labels learnt: IOB1 (default) or IOB2
  --clusters          add word-cluster features derived from the unlabelled text (off by
                      default: measured, they did not pay on this little text)
  --quiet             no progress output
`;

function readTexts(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => String((JSON.parse(l) as { text?: string }).text ?? ''));
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand('train-ner', USAGE, argv, {
    out: { type: 'string' },
    data: { type: 'string' },
    countries: { type: 'string' },
    epochs: { type: 'string' },
    folds: { type: 'string' },
    'min-count': { type: 'string' },
    prune: { type: 'string' },
    quiet: { type: 'boolean' },
    encoding: { type: 'string' },
    clusters: { type: 'boolean' },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (!values.out || positionals.length === 0) {
    process.stderr.write(`train-ner: --out and at least one FILE are required\n\n${USAGE}`);
    return 2;
  }
  const missing = positionals.filter((p) => !existsSync(parseFileSpec(p).path));
  if (missing.length) {
    process.stderr.write(`train-ner: no such file: ${missing.join(', ')}\n`);
    return 2;
  }
  const number = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number(value));
  const config: TrainConfig = {
    epochs: number(values.epochs, DEFAULT_CONFIG.epochs),
    folds: number(values.folds, DEFAULT_CONFIG.folds),
    minCount: number(values['min-count'], DEFAULT_CONFIG.minCount),
    prune: number(values.prune, DEFAULT_CONFIG.prune),
    seed: DEFAULT_CONFIG.seed,
    encoding: values.encoding === 'IOB2' ? 'IOB2' : DEFAULT_CONFIG.encoding,
  };
  if ([config.epochs, config.folds, config.minCount, config.prune].some((v) => !Number.isFinite(v))) {
    process.stderr.write(`train-ner: numeric options must be numbers\n`);
    return 2;
  }
  const log = values.quiet ? () => {} : (message: string) => process.stderr.write(`${message}\n`);
  const started = Date.now();
  const dataDir = resolve(values.data ?? resolve(PROJECT_ROOT, '../shared/data'));
  const docs = readConllFiles(positionals);
  const texts = [
    ...readTexts(resolve(dataDir, 'wikinews.jsonl')),
    ...docs.map((d) => d.sentences.map((s) => s.words.join(' ')).join('\n')),
  ];
  const { data: lexicon, provenance } = buildLexicon(
    {
      peoplePath: resolve(dataDir, 'people_wikidata.jsonl'),
      countriesPath: resolve(values.countries ?? resolve(PROJECT_ROOT, 'seed/gazetteers/countries.json')),
      texts,
      clusters: Boolean(values.clusters),
    },
    log,
  );
  const model = trainModel(docs, lexicon, config, log);
  model.meta = {
    ...model.meta,
    // Names and digests only: no absolute paths and no dates, so the same inputs give the same bytes.
    trainingFiles: positionals.map(parseFileSpec).map(({ path, weight }) => ({ file: basename(path), weight, sha256: createHash('sha256').update(readFileSync(path)).digest('hex') })),
    lexiconSources: provenance.map((line) => line.replace(dataDir, '<data>').replace(PROJECT_ROOT, '')),
  };
  mkdirSync(dirname(resolve(values.out)), { recursive: true });
  saveModel(values.out, model);
  const rows = model.layers.map((l) => l.hashes.length).join(' + ');
  log(`wrote ${values.out}: ${rows} feature rows, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}
