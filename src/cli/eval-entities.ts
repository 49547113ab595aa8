/**
 * `newsgraph eval-entities ARTICLES.jsonl GOLD.jsonl`: ingests the articles into an empty in-memory
 * graph through the real pipeline, reads back each article's people, organizations, places and
 * countries, and scores them against the gold entities of the same document (matched by id) with
 * the strict rules of evaluation/entity-score.ts. Prints P/R/F1 overall and per genre; --verbose adds the
 * wrong and missed names per document.
 */
import { readFileSync } from 'node:fs';
import { corpusCeiling, formatCeiling } from '../evaluation/ceiling.ts';
import { conllDocuments } from '../evaluation/conll-documents.ts';
import { evaluateEntities, formatScores, type GoldDocument } from '../evaluation/entities.ts';
import { loadGazetteers } from '../extract/gazetteers/index.ts';
import { parseConll } from '../training/ner/conll.ts';
import { parseCommand } from './common.ts';

const USAGE = `usage: newsgraph eval-entities [--split train|dev] [--verbose] [--ceiling] ARTICLES.jsonl GOLD.jsonl
       newsgraph eval-entities --conll [--verbose] FILE

ARTICLES.jsonl: one article per line (id, title, text, publishedAt, ...); GOLD.jsonl: per
document its id, split, genre and entities (type, identity, names, runs). Only the documents of
--split are scored (default: all).
--ceiling: instead of extracting, how far any extractor could get on this gold while keeping the
rules of issue 17 (evaluation/ceiling.ts): the gold entities left out by them, the highest recall,
and the best F1 at a given precision.
--conll: the documents of a CoNLL-style NER file (CoNLL-2003's eng.testa, WikiGold, a Universal
NER file with '# newdoc' lines), each as an article
whose headline is its title, and its PER/ORG/LOC spans as gold entities (evaluation/conll-documents.ts);
having no identities, that gold is also matched by an entity's names as written ("U.S." for the
United States).
`;

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand('eval-entities', USAGE, argv, {
    split: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    conll: { type: 'boolean', default: false },
    ceiling: { type: 'boolean', default: false },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (values.conll) {
    if (positionals.length !== 1) {
      process.stderr.write(`eval-entities: give one CoNLL file with --conll\n\n${USAGE}`);
      return 2;
    }
    let corpus: ReturnType<typeof conllDocuments>;
    try {
      corpus = conllDocuments(parseConll(readFileSync(positionals[0], 'utf8')), 'conll');
    } catch (error) {
      process.stderr.write(`eval-entities: ${(error as Error).message}\n`);
      return 1;
    }
    process.stdout.write(formatScores(await evaluateEntities(corpus.articles, corpus.gold, true), values.verbose));
    return 0;
  }
  if (positionals.length !== 2) {
    process.stderr.write(`eval-entities: give ARTICLES.jsonl and GOLD.jsonl\n\n${USAGE}`);
    return 2;
  }
  let articles: Record<string, unknown>[];
  let gold: GoldDocument[];
  try {
    articles = readJsonl(positionals[0]);
    gold = readJsonl<GoldDocument>(positionals[1]).filter((g) => !values.split || g.split === values.split);
  } catch (error) {
    process.stderr.write(`eval-entities: ${(error as Error).message}\n`);
    return 1;
  }
  if (gold.length === 0) {
    process.stderr.write(`eval-entities: no gold documents${values.split ? ` in split "${values.split}"` : ''}\n`);
    return 1;
  }
  if (values.ceiling) {
    const texts = new Map(articles.map((a) => [String(a.id), String(a.text ?? '')]));
    const docs = gold.map((doc) => ({ text: texts.get(doc.id) ?? '', entities: doc.entities }));
    process.stdout.write(formatCeiling(corpusCeiling(docs, loadGazetteers()), gold.length));
    return 0;
  }
  const scored = await evaluateEntities(articles, gold);
  process.stdout.write(formatScores(scored, values.verbose));
  return 0;
}
