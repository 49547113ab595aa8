import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { EVENT_TYPES } from '../../src/extract/index.ts';
import type { ExtractedArticle } from '../../src/extract/types.ts';
import { checkGold, figures, readGold, sameEntity, scoreArticle, sumCounts, type GoldArticle } from '../../src/evaluation/events-quotes.ts';

const GOLD = fileURLToPath(new URL('../gold/events-quotes.jsonl', import.meta.url));

const text = 'Yesterday, Wiranto was stabbed in Pandeglang. "We will find them," police chief Budi Gunawan said. "They fled," he added. Gunawan met Widodo on Monday.';
const sentences = ['Yesterday, Wiranto was stabbed in Pandeglang.', '"We will find them," police chief Budi Gunawan said.', '"They fled," he added.', 'Gunawan met Widodo on Monday.'].map((t, index) => {
  const start = text.indexOf(t);
  return { index, start, end: start + t.length, text: t };
});
const entity = (key: string, name: string, aliases: string[] = []) => ({ key, kind: 'PERSON' as const, name, aliases, mentions: [], salience: 1 });

const gold: GoldArticle = {
  id: 'x',
  split: 'tune',
  title: '',
  publishedAt: '2019-10-11',
  url: '',
  licence: 'CC-BY-2.5',
  text,
  events: [
    { type: 'ATTACK', evidence: ['Wiranto was stabbed'], participants: [{ name: 'Wiranto', role: 'target' }], date: '2019-10-10' },
    { type: ['MEETING', 'TALKS'], evidence: ['Gunawan met Widodo'], participants: [{ name: 'Budi Gunawan', role: 'participant' }, { name: 'Joko Widodo|Widodo', role: 'participant' }], date: '2019-10-07' },
  ],
  quotes: [
    { start: 'We will find them', speaker: 'Budi Gunawan' },
    { start: 'They fled', speaker: 'Budi Gunawan' },
  ],
};

function extracted(over: Partial<ExtractedArticle>): ExtractedArticle {
  return {
    sentences,
    entities: [entity('person:wiranto', 'Wiranto'), entity('person:gunawan', 'Budi Gunawan', ['Gunawan']), entity('person:widodo', 'Joko Widodo', ['Widodo']), entity('person:jakarta', 'Jakarta Post')],
    events: [],
    roles: [],
    quotes: [],
    ...over,
  };
}

describe('events and quotes evaluation', () => {
  it('matches names by spelling, folding and surname, not by a different person', () => {
    expect(sameEntity('Paweł Adamowicz', ['Pawel Adamowicz'])).toBe(true);
    expect(sameEntity('Syrian Democratic Forces|SDF', ['SDF'])).toBe(true);
    expect(sameEntity('Hatice Cengiz', ['Cengiz'])).toBe(true);
    expect(sameEntity('Hatice Cengiz', ['Jamal Khashoggi', 'Khashoggi'])).toBe(false);
    expect(sameEntity('the Taliban', ['Taliban'])).toBe(true);
    // Two gold people called Khan: a bare "Khan" is neither.
    expect(sameEntity('Sadiq Khan', ['Khan'], new Set(['khan']))).toBe(false);
  });

  it('scores a perfect extraction as perfect', () => {
    const r = scoreArticle(
      gold,
      extracted({
        events: [
          { key: 'a', type: 'ATTACK', cameoCode: '180', date: '2019-10-10', title: '', participants: [{ entityKey: 'person:wiranto', role: 'target' }], sentence: 0 },
          { key: 'b', type: 'TALKS', cameoCode: '046', date: '2019-10-07', title: '', participants: [{ entityKey: 'person:gunawan', role: 'participant' }, { entityKey: 'person:widodo', role: 'participant' }], sentence: 3 },
        ],
        quotes: [
          { text: 'We will find them,', speakerKey: 'person:gunawan', aboutKeys: [], sentence: 1 },
          { text: 'They fled,', speakerKey: 'person:gunawan', aboutKeys: [], sentence: 2 },
        ],
      }),
    );
    const f = figures(r.counts);
    expect(f).toEqual({ eventPrecision: 100, eventRecall: 100, rolePrecision: 100, participantPrecision: 100, dateRecall: 100, quotePrecision: 100, quoteRecall: 100, speakerPrecision: 100 });
    expect(r.notes).toEqual([]);
  });

  it('counts a reversed role, a missing date, a missing speaker and extra quotes as errors', () => {
    const r = scoreArticle(
      gold,
      extracted({
        events: [
          // Found from another sentence: matched through the shared participant, role and date wrong.
          { key: 'a', type: 'ATTACK', cameoCode: '180', title: 'Attack by Wiranto', participants: [{ entityKey: 'person:wiranto', role: 'actor' }, { entityKey: 'person:jakarta', role: 'target' }], sentence: 2 },
          { key: 'c', type: 'PROTEST', cameoCode: '140', title: 'Protest', participants: [{ entityKey: 'person:widodo', role: 'participant' }], sentence: 3 },
        ],
        quotes: [
          { text: 'We will find them', aboutKeys: [], sentence: 1 },
          { text: 'They fled', speakerKey: 'person:wiranto', aboutKeys: [], sentence: 2 },
          { text: 'a scare quote', aboutKeys: [], sentence: 0 },
        ],
      }),
    );
    const c = r.counts;
    expect([c.matchedEvents, c.predictedEvents, c.goldEvents]).toEqual([1, 2, 2]);
    expect([c.rightRoles, c.judgedParticipants, c.predictedParticipants]).toEqual([0, 1, 2]);
    expect([c.rightDates, c.datedGold]).toEqual([0, 1]);
    expect([c.matchedQuotes, c.predictedQuotes, c.rightSpeakers]).toEqual([2, 3, 0]);
    expect(r.notes).toContain('missed event MEETING/TALKS: Gunawan met Widodo');
  });

  it('lets a gold quote without a named speaker be right only without a speaker', () => {
    const anon: GoldArticle = { ...gold, events: [], quotes: [{ start: 'We will find them', speaker: null }] };
    const none = scoreArticle(anon, extracted({ quotes: [{ text: 'We will find them', aboutKeys: [], sentence: 1 }] }));
    const guessed = scoreArticle(anon, extracted({ quotes: [{ text: 'We will find them', speakerKey: 'person:gunawan', aboutKeys: [], sentence: 1 }] }));
    expect(none.counts.rightSpeakers).toBe(1);
    expect(guessed.counts.rightSpeakers).toBe(0);
  });

  it('has a well-formed committed gold of at least 60 events and 60 quotes in its parts', () => {
    const articles = readGold(GOLD);
    expect(checkGold(articles, Object.keys(EVENT_TYPES))).toEqual([]);
    const total = sumCounts(articles.map((a) => scoreArticle(a, extracted({ sentences: [], entities: [] })).counts));
    expect(total.goldEvents).toBeGreaterThanOrEqual(60);
    expect(total.goldQuotes).toBeGreaterThanOrEqual(60);
    expect(new Set(articles.map((a) => a.split))).toEqual(new Set(['tune', 'heldout', 'blind', 'blind2', 'blind3']));
  });

  it('reports gold problems', () => {
    expect(checkGold([{ ...gold, events: [{ ...gold.events[0], type: 'PARTY', evidence: ['not there'] }] }], Object.keys(EVENT_TYPES))).toEqual([
      'x: unknown event type PARTY',
      'x: evidence not in text: not there',
    ]);
  });
});
