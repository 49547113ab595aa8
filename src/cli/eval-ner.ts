/** `newsgraph eval-ner [--model PATH] FILE...`: exact-span scores of the tagger on CoNLL-style files. */
import { existsSync } from 'node:fs';
import { parseCommand } from './common.ts';
import { DEFAULT_MODEL_PATH, loadDocumentTagger } from '../extract/ner/index.ts';
import { readConllFiles } from '../training/ner/conll.ts';
import { evaluate, formatReport } from '../training/ner/evaluate.ts';

const USAGE = `usage: newsgraph eval-ner [--model PATH] FILE...

Prints precision, recall and F1 per type (exact span match), MISC apart, and last the micro
average over PER/LOC/ORG: "overall P=.. R=.. F1=..". Default model: ${DEFAULT_MODEL_PATH}
`;

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand('eval-ner', USAGE, argv, { model: { type: 'string' } });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length === 0) {
    process.stderr.write(`eval-ner: at least one FILE is required\n\n${USAGE}`);
    return 2;
  }
  const missing = positionals.filter((p) => !existsSync(p));
  if (missing.length) {
    process.stderr.write(`eval-ner: no such file: ${missing.join(', ')}\n`);
    return 2;
  }
  let tagger;
  try {
    tagger = loadDocumentTagger(values.model);
  } catch (error) {
    process.stderr.write(`eval-ner: ${(error as Error).message}\n`);
    return 1;
  }
  const byType = evaluate(readConllFiles(positionals), (words) => tagger.tag(words));
  process.stdout.write(formatReport(byType) + '\n');
  return 0;
}
