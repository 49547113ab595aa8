/** `eval-entities` end to end: hand-made articles and gold through ingest into an empty graph, then scoring. */
import { describe, expect, it } from 'vitest';
import { evaluateEntities, formatScores } from '../../src/evaluation/entities.ts';

const articles = [
  {
    id: 'doc:a',
    title: 'Talks in Manila',
    publishedAt: '2017-08-10',
    url: 'https://example.org/talks#a',
    text: 'Russian Foreign Minister Sergei Lavrov met Rex Tillerson in Manila. Lavrov said talks would go on.',
  },
  {
    id: 'doc:b',
    title: 'A visit',
    publishedAt: '2017-08-11',
    // Same url up to the fragment: still a document of its own.
    url: 'https://example.org/talks#b',
    text: 'The Danish painter Anna Ancher lived in Skagen.',
  },
];

const gold = [
  {
    id: 'doc:a',
    split: 'dev',
    genre: 'news',
    entities: [
      { type: 'PER', identity: 'Sergey_Lavrov', names: ['Lavrov'], runs: ['Sergei Lavrov', 'Lavrov'] },
      { type: 'PER', identity: 'Rex_Tillerson', names: ['Rex Tillerson'], runs: ['Rex Tillerson'] },
      { type: 'LOC', identity: 'Manila', names: ['Manila'], runs: ['Manila'] },
      { type: 'ORG', identity: null, names: ['the Kremlin'], runs: ['Kremlin'] },
    ],
  },
  {
    id: 'doc:b',
    split: 'dev',
    genre: 'bio',
    entities: [
      { type: 'PER', identity: 'Anna_Ancher', names: ['Anna Ancher'], runs: ['Anna Ancher'] },
      { type: 'LOC', identity: 'Skagen', names: ['Skagen'], runs: ['Skagen'] },
    ],
  },
];

describe('eval-entities', () => {
  it('scores each document against its own gold, leaving demonym countries out', async () => {
    const scored = await evaluateEntities(articles, gold);
    const a = scored.find((d) => d.id === 'doc:a')!;
    const b = scored.find((d) => d.id === 'doc:b')!;
    // Russia comes only from "Russian": neither right nor wrong; the Kremlin is missed.
    expect(a).toMatchObject({ tp: 3, fp: 0, fn: 1, missed: ['the Kremlin'] });
    expect(b).toMatchObject({ tp: 2, fp: 0, fn: 0 });
    const report = formatScores(scored, true);
    expect(report).toMatch(/^overall +docs +2 +P=100\.0 R= 83\.3 F1= 90\.9/m);
    expect(report).toContain('missed: the Kremlin');
  });
});
