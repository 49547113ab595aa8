import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editDistance, trigrams } from '../../src/graphql/names.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ seed: true });
}, 120_000);
afterAll(() => app.close());

/** The whole answer, extensions included (the test app's gql keeps only data and errors). */
async function answer(query: string): Promise<{ data: any; errors?: any[]; extensions?: any }> {
  const response = await app.yoga.fetch('http://newsgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

describe('a name several entities share', () => {
  it('resolves to the one in at least 5x the articles of the next, listing the others in extensions', async () => {
    const { data, errors, extensions } = await answer('{ person(name: "Trump") { key name articleCount } }');
    expect(errors).toBeUndefined();
    expect(data.person).toMatchObject({ key: 'person:Q22686', name: 'Donald Trump' });
    expect(extensions.resolvedNames).toHaveLength(1);
    const [resolved] = extensions.resolvedNames;
    expect(resolved).toMatchObject({ name: 'Trump', chosen: { key: 'person:Q22686', kind: 'PERSON' } });
    expect(resolved.alternatives.map((a: any) => a.key)).toContain('person:mary-trump');
    for (const alternative of resolved.alternatives) expect(data.person.articleCount).toBeGreaterThanOrEqual(5 * alternative.articleCount);
  });

  it('resolves the same way in paths, naming the argument, and keeps the list on a cached answer', async () => {
    const query = '{ paths(from: { name: "Trump" }, to: { name: "Putin" }, maxHops: 2) { entities { key } } }';
    for (const round of [1, 2]) {
      const { data, extensions } = await answer(query);
      expect(data.paths[0].entities[0].key, `round ${round}`).toBe('person:Q22686');
      expect(extensions?.resolvedNames, `round ${round}`).toEqual([expect.objectContaining({ argument: 'from', name: 'Trump' })]);
    }
  });

  it('answers AMBIGUOUS with the candidates when none dominates, everywhere', async () => {
    const person = await answer('{ person(name: "Smith") { key } }');
    expect(person.data.person).toBeNull();
    expect(person.errors?.[0].extensions.code).toBe('AMBIGUOUS');
    expect(person.errors?.[0].extensions.candidates.map((c: any) => c.key)).toEqual(expect.arrayContaining(['person:ian-smith', 'person:martin-smith']));
    const network = await answer('{ network(around: [{ name: "Smith", kind: PERSON }]) { truncated } }');
    expect(network.errors?.[0].extensions).toMatchObject({ code: 'AMBIGUOUS', argument: 'around[0]' });
    expect(network.errors?.[0].extensions.candidates).toEqual(person.errors?.[0].extensions.candidates);
  });
});

describe('an unknown name', () => {
  it('is a NOT_FOUND error with "did you mean" suggestions, the same from person, paths and relationship', async () => {
    const person = await answer('{ person(name: "Lavrv") { key } }');
    expect(person.data.person).toBeNull();
    expect(person.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(person.errors?.[0].message).toMatch(/did you mean Sergei Lavrov/);
    expect(person.errors?.[0].extensions.suggestions[0]).toMatchObject({ key: 'person:Q58217', name: 'Sergei Lavrov' });
    const paths = await answer('{ paths(from: { name: "Lavrv", kind: PERSON }, to: { name: "Putin" }) { length } }');
    expect(paths.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'from', suggestions: person.errors?.[0].extensions.suggestions });
    const relationship = await answer('{ relationship(a: { name: "Putin" }, b: { name: "Lavrv", kind: PERSON }) { articleCount } }');
    expect(relationship.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'b', suggestions: person.errors?.[0].extensions.suggestions });
  });

  it('matches aliases too ("Tillersen" → Rex Tillerson) and suggests nothing for a name far from all', async () => {
    const alias = await answer('{ person(name: "Tillersen") { key } }');
    expect(alias.errors?.[0].extensions.suggestions.map((s: any) => s.name)).toContain('Rex Tillerson');
    const far = await answer('{ organization(name: "Qwxyzzy Plonk") { key } }');
    expect(far.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', suggestions: [] });
    expect(far.errors?.[0].message).not.toMatch(/did you mean/);
  });

  it('keeps entity(key) nullable and silent: a key is not a name to guess at', async () => {
    const { data, errors } = await answer('{ entity(key: "person:nobody") { key } }');
    expect(errors).toBeUndefined();
    expect(data.entity).toBeNull();
  });
});

describe('edit distance and trigrams', () => {
  it('counts insertions, deletions, substitutions and neighbour swaps as one edit each', () => {
    expect(editDistance('lavrv', 'lavrov')).toBe(1);
    expect(editDistance('lavorv', 'lavrov')).toBe(1);
    expect(editDistance('putin', 'putni')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('cuts each word into its three-letter pieces', () => {
    expect(trigrams('Lavrv')).toEqual(['lav', 'avr', 'vrv']);
    expect(trigrams('Al Gore')).toEqual(['al', 'gor', 'ore']);
  });
});
