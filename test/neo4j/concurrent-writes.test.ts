/**
 * Two servers writing to one Neo4j at once: ingestArticles mutations through two yoga instances on
 * the same store, with overlapping articles (the same articles in both, so shared co-mention pairs
 * and the same article stored twice at once). The graph must equal the one a serial run builds.
 * The embedded engine runs one write transaction at a time, so there is no race there to test.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runner } from '../../src/store/runner.ts';
import { SEED_ARTICLES_DIR } from '../../src/seed.ts';
import { clearTestStore, createTestApp, gql, onNeo4j, openTestStore, type TestApp } from '../support/app.ts';

const KEY = 'test-key-concurrent';
const AUTH = { authorization: `Bearer ${KEY}` };
const INGEST = `mutation ($articles: [ArticleInput!]!) {
  ingestArticles(articles: $articles) { created updated unchanged failed items { status error { message } } }
}`;
/** Articles per mutation: each client sends several, so transactions of the two clients interleave. */
const CHUNK = 7;
const ROUNDS = 3;
// A round loads the 66 articles into Neo4j: 20-30 s on a busy shared 2-core machine, beyond vitest's default.
const ROUND_MS = 240_000;

type Input = { title: string; text: string; url: string; publishedAt: string; source: string };

// The Wikinews seed articles, all dated (an undated article's dates are its ingest time, which differs between runs).
const corpus: Input[] = fs
  .readFileSync(`${SEED_ARTICLES_DIR}/wikinews-sample.jsonl`, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => {
    const { title, text, url, publishedAt, source } = JSON.parse(line) as Input;
    return { title, text, url, publishedAt, source };
  });

// Both clients start with the same 14 articles, then go on with their own.
const shared = corpus.slice(26, 40);
const clientA = [...shared, ...corpus.slice(0, 26)];
const clientB = [...shared, ...corpus.slice(40)];

// New text under the same URL for three of the shared articles: stored, these are updates.
const updates = shared.slice(0, 3).map((a) => ({
  ...a,
  text: `${a.text}\n\nRussian Foreign Minister Sergei Lavrov met Japanese Prime Minister Shinzo Abe in Tokyo on Monday.`,
}));

const sortedRows = (rows: Record<string, unknown>[]) => rows.map((row) => JSON.stringify(row)).sort();

/** The graph as data: every node by key with its counters, every relationship (duplicates stay visible). */
async function canonicalDump(store: Runner): Promise<Record<string, string[]>> {
  const entities = await store.run<{ key: string; labels: string[]; names: string[] }>(
    `MATCH (e:Entity)
     RETURN e.key AS key, labels(e) AS labels, [e.name] + e.aliases AS names, e.articleCount AS articleCount,
            e.mentionCount AS mentionCount, e.firstSeen AS firstSeen, e.lastSeen AS lastSeen`,
  );
  return {
    articles: sortedRows(await store.run('MATCH (a:Article) RETURN a.id AS id, a.contentHash AS hash, a.sortDate AS sortDate, a.url AS url')),
    // Which of an entity's names came first depends on which article was stored first: compare the set.
    entities: sortedRows(entities.map((e) => ({ ...e, labels: [...e.labels].sort(), names: [...e.names].sort() }))),
    mentions: sortedRows(await store.run('MATCH (a:Article)-[m:MENTIONS]->(e:Entity) RETURN a.id AS id, e.key AS key, m.count AS count, m.sentences AS sentences')),
    pairs: sortedRows(
      await store.run(
        'MATCH (x:Entity)-[:CO_MENTIONED]->(p:CoMention) RETURN p.key AS key, p.a AS a, p.b AS b, p.articles AS articles, p.firstSeen AS firstSeen, p.lastSeen AS lastSeen, x.key AS end',
      ),
    ),
    pairNodes: sortedRows(await store.run('MATCH (p:CoMention) RETURN p.key AS key')),
    events: sortedRows(await store.run('MATCH (ev:Event) RETURN ev.key AS key, ev.type AS type, ev.date AS date')),
    reports: sortedRows(await store.run('MATCH (a:Article)-[:REPORTS]->(ev:Event) RETURN a.id AS id, ev.key AS key')),
    involves: sortedRows(await store.run('MATCH (ev:Event)-[r:INVOLVES]->(e:Entity) RETURN ev.key AS event, e.key AS key, r.role AS role')),
    locations: sortedRows(await store.run('MATCH (ev:Event)-[:`IN`]->(e:Entity) RETURN ev.key AS event, e.key AS key')),
    roles: sortedRows(await store.run('MATCH (p:Entity)-[r:HOLDS_ROLE]->(h:Entity) RETURN p.key AS person, r.title AS title, r.asOf AS asOf, h.key AS holder')),
    quotes: sortedRows(await store.run('MATCH (a:Article)-[:CONTAINS]->(q:Quote) RETURN a.id AS id, q.key AS key, q.text AS text')),
    quoteNodes: sortedRows(await store.run('MATCH (q:Quote) RETURN q.key AS key')),
    said: sortedRows(await store.run('MATCH (p:Entity)-[:SAID]->(q:Quote) RETURN p.key AS person, q.key AS key')),
    about: sortedRows(await store.run('MATCH (q:Quote)-[:ABOUT]->(e:Entity) RETURN q.key AS key, e.key AS entity')),
  };
}

interface Client {
  app: TestApp;
  /** Write transactions the client's server started. */
  transactions: number;
}

/** A server of its own over the shared store, counting the write transactions it starts. */
async function client(store: Runner): Promise<Client> {
  const counted: Client = { app: undefined as unknown as TestApp, transactions: 0 };
  const counting: Runner = {
    ...store,
    transaction: (work) => {
      counted.transactions += 1;
      return store.transaction(work);
    },
  };
  counted.app = await createTestApp({ store: counting, apiKeys: [KEY] });
  return counted;
}

/** Sends the articles in mutations of CHUNK, one after another; answers the summed report. */
async function send(c: Client, articles: Input[]) {
  const total = { created: 0, updated: 0, unchanged: 0, failed: 0, errors: [] as string[], mutations: 0 };
  for (let i = 0; i < articles.length; i += CHUNK) {
    const { data, errors } = await gql<any>(c.app.yoga, INGEST, { articles: articles.slice(i, i + CHUNK) }, AUTH);
    expect(errors).toBeUndefined();
    const report = data.ingestArticles;
    total.created += report.created;
    total.updated += report.updated;
    total.unchanged += report.unchanged;
    total.failed += report.failed;
    total.errors.push(...report.items.flatMap((item: any) => (item.error ? [item.error.message] : [])));
    total.mutations += 1;
  }
  return total;
}

describe.skipIf(!onNeo4j)('concurrent ingests on Neo4j (Neo4j only: the embedded engine runs one write transaction at a time)', () => {
  let store: Runner;
  let serial: Record<string, string[]>;
  let serialUpdated: Record<string, string[]>;

  beforeAll(async () => {
    store = await openTestStore();
    const c = await client(store);
    const a = await send(c, clientA);
    const b = await send(c, clientB);
    expect([a.failed, b.failed]).toEqual([0, 0]);
    expect(a.created + b.created).toBe(shared.length + 26 + (corpus.length - 40));
    expect(b.unchanged).toBe(shared.length);
    serial = await canonicalDump(store);
    expect(await send(c, updates)).toMatchObject({ updated: updates.length, failed: 0 });
    serialUpdated = await canonicalDump(store);
  }, ROUND_MS);

  afterAll(async () => {
    await store?.close();
  });

  it('the reference graph has what a race would break: shared pairs, quotes, events, updated articles', () => {
    expect(serial.pairNodes.length).toBeGreaterThan(1000);
    expect(serialUpdated.mentions).not.toEqual(serial.mentions);
    expect(serial.quotes.length).toBeGreaterThan(0);
    expect(serial.events.length).toBeGreaterThan(0);
  });

  for (let round = 1; round <= ROUNDS; round++) {
    it(`round ${round}: two servers ingesting overlapping articles at once build the graph a serial run builds`, async () => {
      await clearTestStore(store);
      const [a, b] = [await client(store), await client(store)];
      const [reportA, reportB] = await Promise.all([send(a, clientA), send(b, clientB)]);
      expect([...reportA.errors, ...reportB.errors]).toEqual([]);
      expect(reportA.failed + reportB.failed).toBe(0);
      // Each shared article is created once, by whichever server got it first.
      expect(reportA.created + reportB.created).toBe(corpus.length);
      expect(reportA.unchanged + reportB.unchanged).toBe(shared.length);
      expect(reportA.updated + reportB.updated).toBe(0);
      // No batch fell back to one transaction per article (what a constraint error in a batch causes).
      expect(a.transactions).toBeLessThanOrEqual(reportA.mutations);
      expect(b.transactions).toBeLessThanOrEqual(reportB.mutations);
      expect(await canonicalDump(store)).toEqual(serial);
    }, ROUND_MS);
  }

  it('two servers sending the same updates at once: one updates each article, the other finds it unchanged', async () => {
    await clearTestStore(store);
    const [a, b] = [await client(store), await client(store)];
    await send(a, clientA);
    await send(a, clientB);
    const loading = a.transactions;
    const [reportA, reportB] = await Promise.all([send(a, updates), send(b, updates)]);
    expect([...reportA.errors, ...reportB.errors]).toEqual([]);
    expect(reportA.updated + reportB.updated).toBe(updates.length);
    expect(reportA.unchanged + reportB.unchanged).toBe(updates.length);
    expect(a.transactions - loading).toBeLessThanOrEqual(reportA.mutations);
    expect(b.transactions).toBeLessThanOrEqual(reportB.mutations);
    expect(await canonicalDump(store)).toEqual(serialUpdated);
  }, ROUND_MS);
});
