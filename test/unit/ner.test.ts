import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { run as evalNer } from '../../src/cli/eval-ner.ts';
import { loadNerTagger, tokenize } from '../../src/extract/ner/index.ts';
import { spansOf, toIob2 } from '../../src/extract/ner/iob.ts';
import { parseConll } from '../../src/training/ner/conll.ts';
import { buildLexicon } from '../../src/training/ner/lexicon-build.ts';
import { encodeModel } from '../../src/training/ner/model-write.ts';
import { trainModel } from '../../src/training/ner/train.ts';

const dir = mkdtempSync(join(tmpdir(), 'ner-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tokenize', () => {
  const text = `Russia's Sergei Lavrov told the U.S. "no" (again), Mr. Tillerson's envoy didn't say; 1,500.5 people on 1996-08-22.`;
  const tokens = tokenize(text);

  it('keeps offsets that slice back to each token, in order, without overlap', () => {
    let last = 0;
    for (const t of tokens) {
      expect(text.slice(t.start, t.end)).toBe(t.text);
      expect(t.start).toBeGreaterThanOrEqual(last);
      last = t.end;
    }
    expect(tokens.map((t) => t.text).join('')).toBe(text.replace(/\s+/g, ''));
  });

  it('splits like CoNLL: abbreviations whole, clitics and punctuation apart', () => {
    expect(tokens.map((t) => t.text)).toEqual([
      'Russia', "'s", 'Sergei', 'Lavrov', 'told', 'the', 'U.S.', '"', 'no', '"', '(', 'again', ')', ',',
      'Mr.', 'Tillerson', "'s", 'envoy', 'did', "n't", 'say', ';', '1,500.5', 'people', 'on', '1996-08-22', '.',
    ]);
  });

  it('tokenizes a sub-range with offsets into the whole string', () => {
    const start = text.indexOf('Mr.');
    const sub = tokenize(text, start, start + 'Mr. Tillerson'.length);
    expect(sub).toEqual([
      { text: 'Mr.', start, end: start + 3 },
      { text: 'Tillerson', start: start + 4, end: start + 13 },
    ]);
  });
});

describe('IOB tags', () => {
  it('converts IOB1 to IOB2 and leaves IOB2 alone', () => {
    expect(toIob2(['I-PER', 'I-PER', 'O', 'I-LOC', 'B-LOC', 'I-ORG', 'I-MISC'])).toEqual(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'B-ORG', 'B-MISC']);
    expect(toIob2(['B-PER', 'I-PER', 'B-PER', 'O'])).toEqual(['B-PER', 'I-PER', 'B-PER', 'O']);
  });

  it('reads CoNLL-2003 (IOB1, DOCSTART) and Universal NER (indexed, comments) files', () => {
    const conll = parseConll('-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\n1 CD I-NP O\n');
    expect(conll).toHaveLength(2);
    expect(conll[0].sentences).toEqual([
      { words: ['EU', 'rejects'], tags: ['B-ORG', 'O'] },
      { words: ['Peter', 'Blackburn'], tags: ['B-PER', 'I-PER'] },
    ]);
    expect(conll[1].sentences[0].words).toEqual(['1']);
    const uner = parseConll('# newdoc id = a\n# sent_id = a-1\n# text = Miramar in Argentina\n1\tMiramar\tB-LOC\t-\tx\n2\tin\tO\t-\t-\n3\tArgentina\tB-LOC\t-\tx\n');
    expect(uner[0].sentences[0]).toEqual({ words: ['Miramar', 'in', 'Argentina'], tags: ['B-LOC', 'O', 'B-LOC'] });
  });

  it('finds spans, a stray I- starting one', () => {
    expect(spansOf(['B-PER', 'I-PER', 'O', 'I-LOC', 'B-LOC'])).toEqual([
      { type: 'PER', start: 0, end: 2 },
      { type: 'LOC', start: 3, end: 4 },
      { type: 'LOC', start: 4, end: 5 },
    ]);
  });
});

const TINY = `-DOCSTART- -X- O O

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER
visited VBD I-VP O
Paris NNP I-NP I-LOC
. . O O

The DT I-NP O
European NNP I-NP I-ORG
Commission NNP I-NP I-ORG
met VBD I-VP O
in IN I-PP O
Brussels NNP I-NP I-LOC
. . O O

-DOCSTART- -X- O O

John NNP I-NP I-PER
Smith NNP I-NP I-PER
joined VBD I-VP O
Reuters NNP I-NP I-ORG
in IN I-PP O
London NNP I-NP I-LOC
. . O O

Mary NNP I-NP I-PER
Jones NNP I-NP I-PER
left VBD I-VP O
Berlin NNP I-NP I-LOC
for IN I-PP O
the DT I-NP O
German JJ I-NP I-MISC
Cup NNP I-NP I-MISC
. . O O
`;

function trainTiny(): Buffer {
  const docs = parseConll(TINY);
  const { data } = buildLexicon({ countriesPath: join(dir, 'none.json'), texts: ['He said that the Commission met in Paris on Monday.'] });
  return encodeModel(trainModel(docs, data, { epochs: 4, folds: 2, minCount: 1, prune: 0, seed: 1, encoding: 'IOB1' }));
}

describe('training', () => {
  it('is deterministic: the same data gives the same model bytes', () => {
    const a = trainTiny();
    const b = trainTiny();
    expect(a.length).toBeGreaterThan(1000);
    expect(a.equals(b)).toBe(true);
  });
});

describe('eval-ner', () => {
  it('ends with the overall micro PER/LOC/ORG line', async () => {
    const model = join(dir, 'tiny.bin');
    const data = join(dir, 'tiny.conll');
    writeFileSync(model, trainTiny());
    writeFileSync(data, TINY);
    let out = '';
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    try {
      expect(await evalNer(['--model', model, data])).toBe(0);
    } finally {
      write.mockRestore();
    }
    const lines = out.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^overall P=\d+\.\d R=\d+\.\d F1=\d+\.\d$/);
    expect(lines.some((l) => l.startsWith('MISC '))).toBe(true);
  });
});

describe('the shipped model', () => {
  // Sentences of the article the project was created from (seeds/000_bce2eb2f2481ebc2.txt).
  const text = [
    'As ABC News wrote in an article, the top USA diplomat took a step toward that goal on Sunday, meeting with Russian Foreign Minister Sergei Lavrov on the sidelines of a major summit in Manila, Philippines.',
    "Following a meeting with his Russian counterpart in the Philippines, Tillerson explained he will ask \"clarifying questions\" about the Kremlin's demands, which were announced in July after Congress passed a bill imposing fresh sanctions on Russia.",
    "Tillerson's special envoy for Ukraine, former US ambassador to NATO Kurt Volker, IS heading to Moscow soon for talks amid a stalemate in the conflict and an uptick in violence.",
    'Ryabkov said that if the USA continues the diplomatic tit-for-tat by expelling more Russian diplomats, Russia would respond in kind, Russian state-controlled news agency RIA reported.',
    'After Congress approved the sanctions, but prior to Trump signing the bill, Russian President Vladimir Putin ordered the United States to reduce its diplomatic personnel in Russia by 755.',
  ].join('\n\n');
  const sentences = [...text.matchAll(/[^\n]+/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));

  it('finds the people, places and organizations of the seed article', () => {
    const spans = loadNerTagger().recognize(text, sentences);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    const found = (type: string) => new Set(spans.filter((s) => s.type === type).map((s) => s.text));
    expect([...found('PER')]).toEqual(expect.arrayContaining(['Sergei Lavrov', 'Tillerson', 'Vladimir Putin', 'Kurt Volker', 'Ryabkov']));
    expect([...found('LOC')]).toEqual(expect.arrayContaining(['Manila', 'Philippines', 'Russia', 'Moscow', 'Ukraine']));
    expect([...found('ORG')]).toEqual(expect.arrayContaining(['NATO', 'ABC News', 'Congress', 'RIA']));
  });

  it('is loaded once per path, and a missing model is a clear error', () => {
    expect(loadNerTagger()).toBe(loadNerTagger());
    expect(() => loadNerTagger(join(dir, 'missing.bin'))).toThrow(/NER model not found/);
  });
});
