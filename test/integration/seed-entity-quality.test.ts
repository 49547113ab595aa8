/**
 * The graph of the seed articles (the user's article and the Wikinews sample), loaded through the
 * real pipeline: no entity is a single common English word, "Biden" is a person only, and a path's
 * evidence names the entities it links.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

/** The list extraction itself uses (built by src/training/gazetteers/build-common-words.ts). */
const COMMON_WORDS = new Set(
  readFileSync(fileURLToPath(new URL('../../seed/gazetteers/common-words.txt', import.meta.url)), 'utf8')
    .split('\n')
    .filter(Boolean),
);

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ seed: true });
});

afterAll(async () => {
  await app?.close();
});

describe('seed graph entity quality', () => {
  it('has no entity whose name is a single common English word', async () => {
    const rows = await app.store.run<{ name: string; key: string }>('MATCH (e:Entity) RETURN e.name AS name, e.key AS key');
    expect(rows.length).toBeGreaterThan(500);
    expect(COMMON_WORDS.has('majority')).toBe(true);
    const common = rows.filter((r) => !/\s/.test(r.name.trim()) && COMMON_WORDS.has(r.name.trim().toLowerCase()));
    expect(common).toEqual([]);
  });

  it('has "Biden" as people only, not as an organization or a place', async () => {
    const { data, errors } = await app.gql(`{ entities(search: "Biden", first: 20) { edges { node { name kind } } } }`);
    expect(errors).toBeUndefined();
    const found = data.entities.edges.map((e: any) => e.node);
    expect(found.filter((e: any) => e.name === 'Biden')).toEqual([]);
    expect(found.find((e: any) => e.name === 'Joe Biden')?.kind).toBe('PERSON');
    const org = await app.gql(`{ organization(name: "Biden") { name } }`);
    expect(org.data?.organization ?? null).toBeNull();
  });

  it('backs the Trump-Biden link with sentences that name them', async () => {
    const { data, errors } = await app.gql(`{
      paths(from: { name: "Donald Trump" }, to: { name: "Joe Biden" }) { hops { evidence { sentence } } }
    }`);
    expect(errors).toBeUndefined();
    const [hop] = data.paths[0].hops;
    expect(hop.evidence.length).toBeGreaterThanOrEqual(1);
    for (const { sentence } of hop.evidence) expect(sentence).toMatch(/Trump|Biden/);
    expect(hop.evidence.some((e: any) => /Trump/.test(e.sentence) && /Biden/.test(e.sentence))).toBe(true);
  });
});
