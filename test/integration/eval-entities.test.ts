/** `eval-entities` end to end: hand-made articles and gold through ingest into an empty graph, then scoring. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run as evalEntities } from '../../src/cli/eval-entities.ts';
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

  it('with --ceiling, prints what no extractor keeping the rules could match, from the files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-ceiling-'));
    let out = '';
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    try {
      // The Kremlin is named only by "Kremlin" inside "Kremlin Palace" here: part of that name.
      const withPalace = [{ ...gold[0], entities: [...gold[0].entities.slice(0, 3), { ...gold[0].entities[3], mentions: ['Kremlin'] }, { type: 'LOC', identity: 'Kremlin_Palace', names: ['Kremlin Palace'], runs: [] }] }, gold[1]];
      writeFileSync(join(dir, 'gold.jsonl'), withPalace.map((g) => JSON.stringify(g)).join('\n'));
      writeFileSync(join(dir, 'articles.jsonl'), articles.map((a) => JSON.stringify(a.id === 'doc:a' ? { ...a, text: `${a.text} They walked to the Kremlin Palace.` } : a)).join('\n'));
      expect(await evalEntities(['--ceiling', join(dir, 'articles.jsonl'), join(dir, 'gold.jsonl')])).toBe(0);
    } finally {
      write.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(out).toMatch(/^ceiling +docs 2 +gold 7 +reachable 6 +recall at most 85\.7$/m);
    expect(out).toContain('1 only inside a longer name');
  });
});

