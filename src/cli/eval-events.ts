/** `newsgraph eval-events [--gold FILE] [--rules] [--verbose]`: events and quotes against the hand-made gold. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCommand } from './common.ts';
import { createExtractor, EVENT_TYPES } from '../extract/index.ts';
import { checkGold, formatFigures, readGold, scoreArticle, sumCounts } from '../evaluation/events-quotes.ts';

const DEFAULT_GOLD = fileURLToPath(new URL('../../test/gold/events-quotes.jsonl', import.meta.url));

const USAGE = `usage: newsgraph eval-events [--gold FILE] [--rules] [--verbose]

Runs the extractor on the gold's articles and prints, for each part of the gold (tuning, held-out,
blind, second blind: see test/gold/README.md) and for all: events P/R, participant-role precision, date recall; quotes P/R, speaker precision (a missing
speaker counts as wrong). Matching rules: test/gold/README.md.
  --gold FILE   default ${DEFAULT_GOLD}
  --rules       rules and gazetteers only (no NER model)
  --verbose     list each article's misses, wrong roles, dates and speakers, and extra events/quotes
`;

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand('eval-events', USAGE, argv, { gold: { type: 'string' }, rules: { type: 'boolean' }, verbose: { type: 'boolean' } });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const path = values.gold ?? DEFAULT_GOLD;
  if (!existsSync(path)) {
    process.stderr.write(`eval-events: no such file: ${path}\n`);
    return 2;
  }
  const gold = readGold(path);
  const problems = checkGold(gold, Object.keys(EVENT_TYPES));
  if (problems.length) {
    process.stderr.write(`eval-events: the gold has problems:\n${problems.join('\n')}\n`);
    return 1;
  }
  const extractor = createExtractor(values.rules ? { ner: false } : {});
  const results = gold.map((a) => scoreArticle(a, extractor.extract({ title: a.title, text: a.text, publishedAt: a.publishedAt })));
  if (values.verbose) {
    for (const r of results) process.stdout.write(`\n## ${r.id} (${r.split})\n${r.notes.map((n) => `  ${n}`).join('\n')}\n`);
    process.stdout.write('\n');
  }
  process.stdout.write(`extractor: ${extractor.usesNer ? 'with the NER tagger' : 'rules only'}\n`);
  const labels = { tune: 'tuning', heldout: 'held-out', blind: 'blind', blind2: 'second blind', blind3: 'third blind' } as const;
  for (const split of ['tune', 'heldout', 'blind', 'blind2', 'blind3'] as const) {
    const part = results.filter((r) => r.split === split);
    if (part.length > 0) process.stdout.write(formatFigures(`${labels[split]} (${part.length} articles)`, sumCounts(part.map((r) => r.counts))) + '\n');
  }
  process.stdout.write(formatFigures(`all (${results.length} articles)`, sumCounts(results.map((r) => r.counts))) + '\n');
  return 0;
}
