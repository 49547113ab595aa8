/** The user's article alone in an empty graph, asked through yoga.fetch: what extraction must get right. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ARTICLES_DIR } from '../../src/seed.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

const KEY = 'seed-article-test';
let app: TestApp;

/** The article as the text reader splits it: title line, the "Posted" date line, the rest. */
function userArticle() {
  const raw = fs.readFileSync(path.join(SEED_ARTICLES_DIR, '000_bce2eb2f2481ebc2.txt'), 'utf8');
  const [title, , posted, ...rest] = raw.split('\n');
  return { title, publishedAt: posted.replace(/^Posted\s+/, ''), text: rest.join('\n').trim() };
}

beforeAll(async () => {
  app = await createTestApp({ apiKeys: [KEY] });
  const { data, errors } = await app.gql(
    'mutation ($a: [ArticleInput!]!) { ingestArticles(articles: $a) { created items { error { message } } } }',
    { a: [userArticle()] },
    { authorization: `Bearer ${KEY}` },
  );
  expect(errors).toBeUndefined();
  expect(data.ingestArticles.created).toBe(1);
});

afterAll(async () => {
  await app?.close();
});

describe('the user\'s article', () => {
  it('links the people to Wikidata, with their roles', async () => {
    const { data } = await app.gql(`{
      entities(kind: PERSON, first: 50) { edges { node { name ... on Person { wikidataId roles { title country { code } } } } } }
    }`);
    const people = new Map<string, any>(data.entities.edges.map((e: any) => [e.node.name, e.node]));
    expect(people.get('Sergei Lavrov')?.wikidataId).toBe('Q58217');
    expect(people.get('Rex Tillerson')?.wikidataId).toBe('Q331401');
    expect(people.get('Donald Trump')?.wikidataId).toBe('Q22686');
    expect(people.get('Vladimir Putin')?.wikidataId).toBe('Q7747');
    expect(people.get('Kurt Volker')?.wikidataId).toBe('Q6447103');
    expect([...people.keys()].some((name) => /Ryabkov/.test(name))).toBe(true);
    expect(people.get('Sergei Lavrov').roles).toContainEqual({ title: 'Foreign Minister', country: { code: 'RU' } });
    expect(people.get('Vladimir Putin').roles).toContainEqual({ title: 'President', country: { code: 'RU' } });
    for (const notAPerson of ['Kremlin', 'RIA', 'IS', 'Moscow', 'Russian Federation', 'NATO', 'Congress']) {
      expect(people.has(notAPerson)).toBe(false);
    }
  });

  it('finds the countries, organizations and places', async () => {
    const { data } = await app.gql(`{
      countries: entities(kind: COUNTRY, first: 50) { edges { node { ... on Country { code } } } }
      organizations: entities(kind: ORGANIZATION, first: 50) { edges { node { name ... on Organization { country { code } } } } }
      places: entities(kind: PLACE, first: 50) { edges { node { name ... on Place { country { code } } } } }
    }`);
    const codes = data.countries.edges.map((e: any) => e.node.code);
    expect(codes).toEqual(expect.arrayContaining(['US', 'RU', 'PH', 'UA', 'TR', 'IR', 'SY']));
    const organizations = data.organizations.edges.map((e: any) => e.node);
    const orgNames = organizations.map((o: any) => o.name);
    expect(orgNames).toEqual(expect.arrayContaining(['NATO', 'ABC News', 'RIA']));
    expect(organizations.some((o: any) => /Congress/.test(o.name) && o.country?.code === 'US')).toBe(true);
    expect(data.places.edges.map((e: any) => e.node)).toContainEqual({ name: 'Manila', country: { code: 'PH' } });
  });

  it('finds the Manila meeting on Sunday 2017-08-06, the sanctions on Russia and the expulsion', async () => {
    const { data } = await app.gql(`{
      events(first: 50) { edges { node { type date location { name } participants { entity { key name } role } evidence { sentence } } } }
    }`);
    const events = data.events.edges.map((e: any) => e.node);
    const meeting = events.find((e: any) => e.type === 'MEETING');
    expect(meeting).toMatchObject({ date: '2017-08-06', location: { name: 'Manila' } });
    expect(meeting.participants.map((p: any) => p.entity.name)).toEqual(expect.arrayContaining(['Rex Tillerson', 'Sergei Lavrov']));
    const sanctions = events.find((e: any) => e.type === 'SANCTIONS');
    expect(sanctions.participants).toContainEqual({ entity: { key: 'country:RU', name: 'Russia' }, role: 'target' });
    const expulsion = events.find((e: any) => e.type === 'EXPULSION');
    const involved = expulsion.participants.map((p: any) => p.entity.key);
    expect(involved.includes('person:Q7747') || involved.includes('country:RU')).toBe(true);
    expect(involved).toContain('country:US');
  });

  it('attributes Lavrov\'s quotes to him and Tillerson\'s quote is about Lavrov', async () => {
    const { data } = await app.gql(`{
      lavrov: person(name: "Lavrov") { quotes(first: 20) { totalCount edges { node { text } } } }
      tillerson: person(name: "Tillerson") { quotes(first: 20) { edges { node { text about { name } } } } }
    }`);
    expect(data.lavrov.quotes.totalCount).toBeGreaterThanOrEqual(2);
    const talked = data.tillerson.quotes.edges.map((e: any) => e.node).find((q: any) => q.text.startsWith('We talked about that'));
    expect(talked.about.map((e: any) => e.name)).toContain('Sergei Lavrov');
  });
});
