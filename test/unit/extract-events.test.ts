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

describe('event participants from the sentence structure', () => {
  const roles = (text: string, type: string, publishedAt = '2019-10-11') =>
    extractor
      .extract({ title: '', text, publishedAt })
      .events.filter((e) => e.type === type)
      .map((e) => ({ date: e.date, participants: e.participants }));

  it('makes the stabbing victim the target, not the attacker (Wiranto)', () => {
    const [attack] = roles("Yesterday, Indonesia's security minister Wiranto was stabbed, according to government authorities.", 'ATTACK');
    expect(attack).toEqual({ date: '2019-10-10', participants: [{ entityKey: expect.stringMatching(/^person:/), role: 'target' }] });
  });

  it('does not make the person subpoenaed the accuser (Pompeo)', () => {
    const [accusation] = roles(
      'Friday, the United States House of Representatives issued a subpoena for documents from Secretary of State Mike Pompeo as part of its impeachment investigation into alleged misconduct by sitting President Donald Trump.',
      'ACCUSATION',
      '2019-09-30',
    );
    const pompeo = accusation.participants.find((p) => p.entityKey === 'person:Q473239');
    expect(pompeo).toBeUndefined();
    expect(accusation.participants).toContainEqual({ entityKey: 'person:Q22686', role: 'target' });
  });

  it('reads passive voice with its agent, and a subject before an aside', () => {
    const [passive] = roles('The Russian embassy was attacked by Hamas on Monday.', 'ATTACK');
    expect(passive.participants).toContainEqual({ entityKey: 'org:hamas', role: 'actor' });
    expect(passive.date).toBe('2019-10-07');
    const [aside] = roles('Police said Paweł Adamowicz, mayor of the Polish city of Gdańsk, was stabbed last night.', 'ATTACK', '2019-01-14');
    expect(aside).toEqual({ date: '2019-01-13', participants: [{ entityKey: expect.stringMatching(/adamowicz/), role: 'target' }] });
  });

  it('skips plans, re-mentions and titles, and keeps sanctions against different targets apart', () => {
    expect(roles('Al Jazeera reported that Widodo was planning to visit Wiranto.', 'VISIT')).toEqual([]);
    expect(roles('Kurt Volker, the United States special envoy for Ukraine negotiations, resigned.', 'TALKS')).toEqual([]);
    expect(roles('Kipchoge also set the current official world record for a sanctioned race.', 'SANCTIONS')).toEqual([]);
    const attacks = roles('Hamas attacked Israel on Monday. Egypt condemned the attack.', 'ATTACK');
    expect(attacks).toHaveLength(1);
    const sanctions = roles('In 2007, the United States levied sanctions against Iran. The United States had also levied sanctions against Syria.', 'SANCTIONS');
    expect(sanctions).toHaveLength(2);
  });

  it('reads targets of missiles and denials, and wants a named killer for "killed"', () => {
    const [missiles] = roles('On Wednesday, Iran launched missiles targeting US troops in Iraqi military bases.', 'MILITARY', '2020-01-13');
    expect(missiles.participants).toEqual([
      { entityKey: 'country:IR', role: 'actor' },
      { entityKey: 'country:US', role: 'target' },
    ]);
    expect(roles('For several days Iran denied the accusation.', 'ACCUSATION')[0].participants).toEqual([{ entityKey: 'country:IR', role: 'target' }]);
    expect(roles('Anne Sacoolas was involved in a traffic collision which killed motorcyclist Harry Dunn.', 'ATTACK')).toEqual([]);
  });

  it('gives a statement to the subject of the clause after "In a statement, …"', () => {
    const [statement] = roles('In a statement released after the attack, the United States Department of Defense justified the strike.', 'STATEMENT');
    expect(statement.participants).toEqual([{ entityKey: 'org:us-defense-department', role: 'actor' }]);
  });

  it('dates an event "on November 5" and "on Monday" against the publication date', () => {
    expect(roles('Russia expelled two British diplomats on November 5.', 'EXPULSION', '2019-11-08')[0].date).toBe('2019-11-05');
    expect(roles('On Wednesday, an assembly of ministers denounced the deal in which Turkey and Libya agreed on maritime borders.', 'AGREEMENT', '2020-01-11')[0].date).toBeUndefined();
  });
});
