/**
 * The ceiling of the document-level entity score (`eval-entities --ceiling`, issue 17): which gold
 * entities no extractor keeping the rules can match, on a hand-made document.
 */
import { describe, expect, it } from 'vitest';
import { documentCeiling, f1At, formatCeiling, precisionFor } from '../../src/evaluation/ceiling.ts';
import type { GoldEntity } from '../../src/evaluation/entity-score.ts';
import { loadGazetteers } from '../../src/extract/gazetteers/index.ts';

const gaz = loadGazetteers();
const entity = (type: string, names: string[], mentions = names, identity: string | null = null): GoldEntity => ({ type, identity, names, runs: [], mentions });

const text = 'The Americans at Ohio State University met the Speaker in Clearwater, Florida. Athens was busy; Athens was old.';
const gold = [
  entity('PER', ['the Americans']),
  entity('ORG', ['Ohio State University']),
  entity('LOC', ['Ohio']),
  entity('PER', ['the Speaker']),
  entity('LOC', [], ['Clearwater , Florida'], 'Clearwater%2C_Florida'),
  entity('LOC', ['Florida']),
  entity('LOC', ['Athens']),
  entity('LOC', ['Athens']),
];

describe('the ceiling of a document', () => {
  it('leaves out a demonym group, a name inside a longer one, a single common word and a second entity of one name', () => {
    expect(documentCeiling(text, gold, gaz)).toEqual({ gold: 8, reachable: 4, commonWord: 1, demonymGroup: 1, insideName: 1, sharedName: 1 });
  });

  it('keeps a name that is also written on its own, and a state after a town and its comma', () => {
    const c = documentCeiling(`${text} Ohio voted.`, gold, gaz);
    expect(c.insideName).toBe(0);
    expect(c.reachable).toBe(5);
  });

  it('gives the best F1 at a precision, and the precision an F1 needs', () => {
    expect(f1At(100, 80)).toBeCloseTo(88.89, 2);
    expect(precisionFor(85, 83.6)).toBeCloseTo(86.45, 2);
    expect(precisionFor(85, 40)).toBe(Infinity);
    expect(formatCeiling({ gold: 10, reachable: 4, commonWord: 6, demonymGroup: 0, insideName: 0, sharedName: 0 }, 1)).toContain('F1 85 needs precision over 100');
  });
});
