/** Entity rules on small texts: ambiguous names, coreference, linking, organisations. */
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.ts';
import { titleMatches } from '../../src/extract/people.ts';
import { nameKey, slug } from '../../src/extract/text.ts';

const extractor = createExtractor({ ner: false });
const run = (text: string, publishedAt = '2017-08-10', title = '') => extractor.extract({ title, text, publishedAt });
const keys = (text: string, publishedAt?: string) => run(text, publishedAt).entities.map((e) => e.key);
const people = (text: string, publishedAt?: string) => run(text, publishedAt).entities.filter((e) => e.kind === 'PERSON').map((e) => e.name);

describe('entity extraction', () => {
  it('does not read "us", "IS" or headline capitals as countries or people', () => {
    const r = run('They told us that Kurt Volker IS heading to Moscow.');
    expect(r.entities.map((e) => e.key)).not.toContain('country:US');
    expect(r.entities.filter((e) => e.kind === 'PERSON').map((e) => e.name)).toEqual(['Kurt Volker']);
  });

  it('needs context for Georgia and Jordan', () => {
    expect(keys('Atlanta, Georgia voters went to the polls.')).not.toContain('country:GE');
    expect(keys('Georgia and Russia fought over South Ossetia; Tbilisi protested.')).toContain('country:GE');
    expect(keys('Jordan Peterson said the book sold well.')).not.toContain('country:JO');
    expect(keys('Jordan closed its border with Syria.')).toContain('country:JO');
  });

  it('maps demonyms, capitals and metonyms to countries', () => {
    const k = keys('American and Russian diplomats met. The Kremlin and the White House spoke. Officials in Washington and Beijing agreed.');
    expect(k).toEqual(expect.arrayContaining(['country:US', 'country:RU', 'country:CN', 'place:washington', 'place:beijing']));
    expect(k).not.toContain('country:AS');
  });

  it('links surnames to the full name and strips titles', () => {
    const r = run('Russian President Vladimir Putin spoke. Later Mr. Putin left. Putin said nothing.');
    const putin = r.entities.find((e) => e.key === 'person:Q7747')!;
    expect(putin.name).toBe('Vladimir Putin');
    expect(putin.mentions.map((m) => m.text)).toEqual(['Vladimir Putin', 'Putin', 'Putin']);
    expect(r.roles).toContainEqual(expect.objectContaining({ personKey: 'person:Q7747', title: 'President', countryKey: 'country:RU' }));
  });

  it('tolerates transliterations when linking', () => {
    expect(run('Sergey Lavrov arrived.').entities.find((e) => e.kind === 'PERSON')?.key).toBe('person:Q58217');
    expect(nameKey('Sergei Lavrov')).toBe(nameKey('Sergey Lavrov'));
  });

  it('links a surname alone only with support from date and country', () => {
    // In 2017 "Tillerson" with the US in the text is the Secretary of State.
    expect(run('Tillerson said the United States would respond.').entities.find((e) => e.kind === 'PERSON')?.key).toBe('person:Q331401');
    // Lavrov has four namesakes: a surname alone with no context stays unlinked.
    const r = run('Lavrov said nothing.', '2017-08-10');
    expect(r.entities.find((e) => e.kind === 'PERSON')?.key).toBe('person:lavrov');
  });

  it('uses the article date to choose between namesakes', () => {
    expect(run('The Russian foreign minister, Sergei Lavrov, spoke.', '2017-08-10').entities.find((e) => e.kind === 'PERSON')?.wikidataId).toBe('Q58217');
  });

  it('keeps unlinked people under a stable slug key', () => {
    const r = run('Planetary scientist Vlada Stamenković said the brines could host life.');
    expect(r.entities.find((e) => e.kind === 'PERSON')?.key).toBe(`person:${slug('Vlada Stamenković')}`);
  });

  it('finds organisations of a country', () => {
    const r = run('The Chinese Foreign Ministry said the U.S. Congress and the State Department were wrong.');
    const org = (k: string) => r.entities.find((e) => e.key === k);
    expect(org('org:cn-foreign-ministry')?.countryCode).toBe('CN');
    expect(org('org:us-congress')?.countryCode).toBe('US');
    expect(org('org:us-state-department')).toBeDefined();
  });

  it('reads "Congress" as the US Congress only in a US context', () => {
    expect(keys('Congress passed the bill, the United States said.')).toContain('org:us-congress');
    expect(keys('Congress won the election in Kerala.')).not.toContain('org:us-congress');
  });

  it('gives places their country', () => {
    const r = run('A bomb exploded in Jolo, Philippines, and in Magnitogorsk, Russia.');
    expect(r.entities.find((e) => e.key === 'place:jolo')?.countryCode).toBe('PH');
    expect(r.entities.find((e) => e.key === 'place:magnitogorsk')?.countryCode).toBe('RU');
  });

  it('matches titles to gazetteer offices', () => {
    expect(titleMatches('Foreign Minister', 'Minister of Foreign Affairs')).toBe(true);
    expect(titleMatches('Secretary of State', 'Secretary of State')).toBe(true);
    expect(titleMatches('Defence Minister', 'Minister of Foreign Affairs')).toBe(false);
  });

  it('never makes people of sentence openers', () => {
    expect(people('Following the meeting, Despite everything, officials left.')).toEqual([]);
  });

  it('handles empty text', () => {
    expect(run('')).toEqual({ sentences: [], entities: [], events: [], roles: [], quotes: [] });
  });
});
