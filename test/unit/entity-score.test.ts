import { describe, expect, it } from 'vitest';
import { goldNames, normalizeName, prf, scoreDocument, titleName, type GoldEntity } from '../../src/evaluation/entity-score.ts';

const gold = (names: string[], runs: string[] = [], identity: string | null = null, type = 'PER'): GoldEntity => ({ type, identity, names, runs });

describe('normalizeName', () => {
  it('ignores case, punctuation, a leading "the" and a possessive', () => {
    expect(normalizeName('The New York Times')).toBe('new york times');
    expect(normalizeName('Zurbarán ’s')).toBe('zurbarán');
    expect(normalizeName("Putin's")).toBe('putin');
    expect(normalizeName('U.S.')).toBe('us');
    expect(normalizeName('Claire Bailey - Ross')).toBe(normalizeName('Claire Bailey-Ross'));
    expect(normalizeName('Theodore')).toBe('theodore');
  });
  it('reads a Wikipedia title without its escapes, underscores or disambiguator', () => {
    expect(titleName('Durham%2C_England')).toBe('Durham, England');
    expect(titleName('Paris_(Texas)')).toBe('Paris');
    expect(goldNames(gold([], ['Kingdom'], 'United_Kingdom'))).toEqual(new Set(['kingdom', 'united kingdom']));
  });
});

describe('scoreDocument', () => {
  it('counts a prediction right when its name is a gold name, run or title, and misses the rest', () => {
    const s = scoreDocument(
      [{ name: 'Sergei Lavrov', kind: 'PERSON' }, { name: 'United Kingdom', kind: 'COUNTRY' }, { name: 'Majority', kind: 'ORGANIZATION' }],
      [gold(['Lavrov'], ['Sergei Lavrov']), gold(['UK'], ['UK'], 'United_Kingdom', 'LOC'), gold(['Rex Tillerson'])],
    );
    expect(s).toMatchObject({ tp: 2, fp: 1, fn: 1, wrong: ['Majority'], missed: ['Rex Tillerson'] });
  });
  it('counts a second entity for an already matched gold entity wrong', () => {
    const s = scoreDocument([{ name: 'Lavrov', kind: 'PERSON' }, { name: 'Sergei Lavrov', kind: 'PERSON' }], [gold(['Lavrov', 'Sergei Lavrov'])]);
    expect(s).toMatchObject({ tp: 1, fp: 1, fn: 0 });
  });
  it('matches as many as possible when a name fits two gold entities', () => {
    // "Bush" could be either; matching it first to George W. Bush must not leave "George W. Bush" wrong.
    const s = scoreDocument(
      [{ name: 'Bush', kind: 'PERSON' }, { name: 'George W. Bush', kind: 'PERSON' }],
      [gold(['George W. Bush', 'Bush']), gold(['George H. W. Bush', 'Bush'])],
    );
    expect(s).toMatchObject({ tp: 2, fp: 0, fn: 0 });
  });
  it('leaves out a demonym country no gold entity names, but counts one that duplicates a gold entity', () => {
    const alone = scoreDocument([{ name: 'Denmark', kind: 'COUNTRY', fromDemonym: true }], [gold(['Anna'])]);
    expect(alone).toMatchObject({ tp: 0, fp: 0, fn: 1 });
    const named = scoreDocument([{ name: 'Denmark', kind: 'COUNTRY', fromDemonym: true }], [gold(['Denmark'], [], null, 'LOC')]);
    expect(named).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    const twice = scoreDocument(
      [{ name: 'Denmark', kind: 'COUNTRY' }, { name: 'Denmark', kind: 'COUNTRY', fromDemonym: true }],
      [gold(['Denmark'], [], null, 'LOC')],
    );
    expect(twice).toMatchObject({ tp: 1, fp: 1 });
  });
});

describe('kinds of matched entities', () => {
  it('lists a matched entity whose kind is not the gold type; a country is a gold place', () => {
    const s = scoreDocument(
      [{ name: 'Earth', kind: 'ORGANIZATION' }, { name: 'Denmark', kind: 'COUNTRY' }, { name: 'Anna', kind: 'PERSON' }, { name: 'Nobody', kind: 'PLACE' }],
      [gold(['Earth'], [], 'Earth', 'LOC'), gold(['Denmark'], [], null, 'LOC'), gold(['Anna'])],
    );
    expect(s).toMatchObject({ tp: 3, fp: 1, wrongKind: ['Earth: ORGANIZATION, gold LOC'] });
  });
});

describe('links of matched entities', () => {
  it('checks a linked entity against its gold entity\'s Wikipedia title', () => {
    const s = scoreDocument(
      [{ name: 'George Bush', kind: 'PERSON', linked: true }, { name: 'United States', kind: 'COUNTRY', linked: true }, { name: 'Anna', kind: 'PERSON' }],
      [gold(['Bush', 'George Bush'], [], 'George_H._W._Bush'), gold(['US'], [], 'United_States', 'LOC'), gold(['Anna'], [], 'Anna_Smith')],
    );
    expect(s).toMatchObject({ tp: 3, linkedChecked: 2, wrongLink: ['George Bush: gold George H. W. Bush'] });
  });
});

describe('prf', () => {
  it('gives percentages and zero when nothing was predicted', () => {
    expect(prf({ tp: 3, fp: 1, fn: 1 })).toEqual({ p: 75, r: 75, f1: 75 });
    expect(prf({ tp: 0, fp: 0, fn: 2 })).toEqual({ p: 0, r: 0, f1: 0 });
  });
});
