/**
 * `eval-entities --conll`: a tagged corpus as articles and document-level gold, scored through the real
 * pipeline. The documents here are written for the test in CoNLL-2003's shape (no Reuters text).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { conllDocuments, detokenize } from '../../src/evaluation/conll-documents.ts';
import { evaluateEntities } from '../../src/evaluation/entities.ts';
import { scoreDocument } from '../../src/evaluation/entity-score.ts';
import { parseConll } from '../../src/training/ner/conll.ts';
import { cliSandbox, newsgraph } from '../support/cli.ts';

const CORPUS = `-DOCSTART- -X- O O

SOCCER NN I-NP O
- : O O
ROVERS NNP I-NP I-ORG
WIN VB I-VP O

LONDON NNP I-NP I-LOC
1996-08-30 CD I-NP O

Striker NN I-NP O
Tom NNP I-NP I-PER
Hale NNP I-NP I-PER
scored VBD I-VP O
twice RB I-ADVP O
for IN I-PP O
Bristol NNP I-NP I-ORG
Rovers NNP I-NP I-ORG
, , O O
and CC O O
Hale NNP I-NP I-PER
's POS B-NP O
manager NN I-NP O
( ( O O
an DT I-NP O
English JJ I-NP I-MISC
) ) O O
said VBD I-VP O
the DT I-NP O
U.S. NNP I-NP I-LOC
club NN I-NP O
was VBD I-VP O
next JJ I-NP O
. . O O

Rovers NNP I-NP I-ORG
lead VBP I-VP O
the DT I-NP O
table NN I-NP O
. . O O
`;

describe('CoNLL documents as articles and gold', () => {
  it('joins tokens back into running text', () => {
    expect(detokenize(['Hale', "'s", 'manager', '(', 'an', 'English', ')', 'said', 'it', "wasn't", ',', 'did', "n't", 'he', '?'])).toBe(
      "Hale's manager (an English) said it wasn't, didn't he?",
    );
  });

  it('takes the headline as the title, the rest as text, and one gold entity per name, a surname joining its person and a team\'s last word its team', () => {
    const { articles, gold } = conllDocuments(parseConll(CORPUS), 'conll');
    expect(articles).toEqual([
      {
        id: 'conll:1',
        title: 'SOCCER - ROVERS WIN',
        text: "LONDON 1996-08-30\nStriker Tom Hale scored twice for Bristol Rovers, and Hale's manager (an English) said the U.S. club was next.\nRovers lead the table.",
        publishedAt: '1996-08-30T00:00:00Z',
      },
    ]);
    expect(gold[0].entities.map((e) => [e.type, e.names])).toEqual([
      ['LOC', ['LONDON']],
      ['PER', ['Tom Hale', 'Hale']],
      ['ORG', ['Bristol Rovers', 'Rovers']],
      ['LOC', ['U.S.']],
    ]);
  });

  it('scores the corpus through the pipeline: the dateline is London, "U.S." the United States as written', async () => {
    const { articles, gold } = conllDocuments(parseConll(CORPUS), 'conll');
    const [doc] = await evaluateEntities(articles, gold, true);
    expect(doc.missed).toEqual([]);
    expect(doc.wrong).toEqual([]);
    // Without the names as written, the linked country's canonical name misses the gold's "U.S.".
    const [strict] = await evaluateEntities(articles, gold);
    expect(strict.wrong).toEqual(['United States']);
  });

  it('matches by a name as written only when asked', () => {
    const gold = [{ type: 'LOC', identity: null, names: ['U.N.'], runs: ['U.N.'] }];
    const predicted = [{ name: 'United Nations', kind: 'ORGANIZATION', written: ['U.N.'] }];
    expect(scoreDocument(predicted, gold).tp).toBe(0);
    expect(scoreDocument(predicted, gold, true).tp).toBe(1);
  });

  it('is what `newsgraph eval-entities --conll FILE` prints, and a missing file is a clear error', async () => {
    const sandbox = cliSandbox('newsgraph-conll-');
    try {
      const file = path.join(sandbox.dir, 'tiny.conll');
      fs.writeFileSync(file, CORPUS);
      const ok = await newsgraph(sandbox, ['eval-entities', '--conll', '--verbose', file]);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(/^overall\s+docs\s+1\s+P=100\.0 R=100\.0 F1=100\.0 {2}\(tp 4, fp 0, fn 0\)/m);
      const missing = await newsgraph(sandbox, ['eval-entities', '--conll', path.join(sandbox.dir, 'absent.conll')]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/eval-entities: .*absent\.conll/);
    } finally {
      sandbox.remove();
    }
  });
});
