import { describe, expect, it } from 'vitest';
import { createExtractor, EVENT_TYPES, eventKey } from '../../src/extract/index.ts';

const extractor = createExtractor({ ner: false });

describe('events', () => {
  it('has a CAMEO-style code for every type', () => {
    for (const type of ['MEETING', 'TALKS', 'SANCTIONS', 'EXPULSION', 'ELECTION', 'STATEMENT', 'ACCUSATION', 'MILITARY', 'ATTACK', 'PROTEST', 'AGREEMENT', 'VISIT']) {
      expect(EVENT_TYPES[type]?.cameoCode, type).toMatch(/^[0-9X]\d\d$/);
    }
  });

  it('gives one real event the same key in two differently worded reports', () => {
    const a = extractor.extract({
      title: 'Tillerson meets Lavrov',
      text: 'US Secretary of State Rex Tillerson met Russian Foreign Minister Sergei Lavrov on Sunday in Manila.',
      publishedAt: '2017-08-07',
    });
    const b = extractor.extract({
      title: 'Talks in the Philippines',
      text: 'Speaking after a meeting with Lavrov on August 6, Tillerson said the United States wanted dialogue with Russia.',
      publishedAt: '2017-08-10',
    });
    const ka = a.events.find((e) => e.type === 'MEETING')!.key;
    const kb = b.events.find((e) => e.type === 'MEETING')!.key;
    expect(ka).toBe('event:meeting:2017-08-06:person:Q331401+person:Q58217');
    expect(kb).toBe(ka);
  });

  it('builds keys from type, day and sorted people', () => {
    expect(eventKey('SANCTIONS', '2017-08-02', [{ key: 'country:RU', kind: 'COUNTRY' }, { key: 'org:us-congress', kind: 'ORGANIZATION' }])).toBe('event:sanctions:2017-08-02:country:RU+org:us-congress');
    expect(eventKey('MEETING', null, [{ key: 'person:b', kind: 'PERSON' }, { key: 'person:a', kind: 'PERSON' }, { key: 'country:US', kind: 'COUNTRY' }])).toBe('event:meeting:undated:person:a+person:b');
  });

  it('skips hypothetical and quoted triggers, and keeps actor and target apart', () => {
    const r = extractor.extract({
      title: '',
      text: 'Ryabkov said that if the United States expels more Russian diplomats, Russia would respond. "We will never accept sanctions," he said. The European Union imposed sanctions on Iran.',
      publishedAt: '2017-08-10',
    });
    expect(r.events.filter((e) => e.type === 'EXPULSION')).toEqual([]);
    const sanctions = r.events.filter((e) => e.type === 'SANCTIONS');
    expect(sanctions).toHaveLength(1);
    expect(sanctions[0].participants).toEqual([
      { entityKey: 'country:IR', role: 'target' },
      { entityKey: 'org:european-union', role: 'actor' },
    ]);
    expect(sanctions[0].title).toBe('Sanctions by European Union against Iran');
  });
});
