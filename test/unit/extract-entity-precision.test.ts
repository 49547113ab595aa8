/**
 * Entity precision (issue 17, fourth round): names that should not become entities of their own, on
 * small texts through the real extractor with the shipped tagger.
 */
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.ts';
import { namesWork } from '../../src/extract/entity-precision.ts';

const extractor = createExtractor();
const extract = (text: string) => extractor.extract({ title: '', text, publishedAt: '2020-10-01' }).entities;
const names = (text: string) => extract(text).map((e) => e.name);
const at = (text: string, name: string) => {
  const start = text.indexOf(name);
  return [{ start, end: start + name.length, text: name, sentence: 0 }];
};

describe('a work named after a work noun', () => {
  it('is no entity: the tagger\'s "Kingsman" before "prequel"', () => {
    const found = names('He starred in the Australian drama Burning Man (2011) and is filming Matthew Vaughn\'s Kingsman prequel in London.');
    expect(found).not.toContain('Kingsman');
    expect(found).toEqual(expect.arrayContaining(['Matthew Vaughn', 'London']));
  });

  it('is told by the words right around every mention', () => {
    const drama = 'He starred in the Australian drama Burning Man (2011).';
    expect(namesWork(drama, at(drama, 'Burning Man'))).toBe(true);
    const text = 'They named their favorite painting, "Joan of Arc", by Jules Bastien-Lepage.';
    expect(namesWork(text, at(text, 'Joan of Arc'))).toBe(true);
    // A comma without a quote mark is no title's cue: "see the movie, Ben, um".
    const talk = 'You have to see the movie, Ben, it is great.';
    expect(namesWork(talk, at(talk, 'Ben'))).toBe(false);
    // A person after "the film director" is no work.
    const director = 'The film director Matthew Vaughn spoke.';
    expect(namesWork(director, at(director, 'Matthew Vaughn'))).toBe(false);
  });
});
