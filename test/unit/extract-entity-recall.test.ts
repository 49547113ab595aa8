/**
 * Entity recall (issue 17, third round): names the pipeline found and then dropped, on small texts
 * through the real extractor with the shipped tagger.
 */
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.ts';

const extractor = createExtractor();
const names = (text: string, publishedAt = '2020-10-01') => extractor.extract({ title: '', text, publishedAt }).entities.map((e) => e.name);

describe('an acronym seen once', () => {
  it('is a body when a person is "of" it or it owns what follows', () => {
    const found = names('Incumbent councillors Ann Chiang and Priscilla Leung of BPA were re-elected. In 2007 he hosted MTV\'s horror reality series.');
    expect(found).toEqual(expect.arrayContaining(['BPA', 'MTV']));
  });

  it('is still no body when nothing says so', () => {
    const found = names('Scores such as GPA were compared across schools. The results were filed under PMID 17547490.');
    expect(found).not.toContain('GPA');
    expect(found).not.toContain('PMID');
  });
});

describe('a town before a comma and its state', () => {
  it('is a place, after a postal code or a state the gazetteer knows', () => {
    const found = extractor.extract({ title: '', text: 'From the north, take US-169 South from Coffeyville, KS. Fort Lee is located between the Paramus, NJ retail corridor and Upper Manhattan. He was born in Nacogdoches, Texas, in 1801.', publishedAt: '2020-10-01' }).entities;
    const places = found.filter((e) => e.kind === 'PLACE').map((e) => e.name);
    expect(places).toEqual(expect.arrayContaining(['Coffeyville', 'Paramus', 'Nacogdoches']));
  });

  it('is not made of a word before a comma and a capitalised "OK" in a shouted line', () => {
    expect(names('WELL, OK THEN.')).not.toContain('WELL');
  });
});

describe('a road number', () => {
  it('is a place when the tagger says so', () => {
    const found = names('From the south, take the M1 northbound to junction 32, then the A64 eastbound to the York Outer Ring Road (A1237).');
    expect(found).toEqual(expect.arrayContaining(['M1', 'A64', 'A1237']));
  });
});

describe('a natural feature with its head in lower case', () => {
  it('keeps the head and is named with it capitalised', () => {
    const found = names('Interference is strong offshore of China (i.e., Bohai sea, Yellow sea and East China sea).');
    expect(found).toEqual(expect.arrayContaining(['Bohai Sea', 'Yellow Sea', 'East China Sea']));
    expect(found).not.toContain('Bohai');
  });
});

describe('an acronym with an apostrophe', () => {
  it('is a plural, not an owner, before "of"', () => {
    expect(names("Local actor Joshua Winch was on hand offering DVD's of his films and promo photos.")).not.toContain('DVD');
  });
});

describe("a work's author read into its title", () => {
  const kinds = (text: string) => Object.fromEntries(extractor.extract({ title: '', text, publishedAt: '2020-10-01' }).entities.map((e) => [e.name, e.kind]));

  it('is a person when a given name opens the owner, the given names the tagger left out too', () => {
    expect(kinds("After attending a performance of Jean Anouilh's Antigone, she found her calling as an actor.")).toHaveProperty('Jean Anouilh', 'PERSON');
    expect(kinds("He appeared in films like Woody Allen's Match Point (2005).")).toHaveProperty('Woody Allen', 'PERSON');
    expect(kinds("They invited them to record a chapter of Joseph Conrad's Secret Agent.")).toHaveProperty('Joseph Conrad', 'PERSON');
    expect(kinds("It resembles Joseph Louis Lagrange's Mécanique Analytique in being arranged so.")).toHaveProperty('Joseph Louis Lagrange', 'PERSON');
  });

  it('makes no person of the title, nor of an owner no given name opens', () => {
    const found = kinds("He appeared in films like Woody Allen's Match Point (2005). Crowds lined up for Macy's Thanksgiving Day Parade.");
    expect(Object.keys(found).filter((n) => /Match|Point|Macy|Parade/.test(n))).toEqual([]);
  });
});
