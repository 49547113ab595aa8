/**
 * The query module's contract, on the embedded engine always and on Neo4j when NEO4J_URI is set:
 * migrations, the write path's counters against a recount from scratch, batch failure and rollback.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestRecords } from '../../src/ingest/pipeline.ts';
import { readSources } from '../../src/ingest/readers.ts';
import { SEED_ARTICLES_DIR } from '../../src/seed.ts';
import { openGrafeo } from '../../src/store/grafeo.ts';
import { DATA_MIGRATIONS, loadMigrations, migrate } from '../../src/store/migrate.ts';
import { verifyCounts } from '../../src/store/queries/verify-counts.ts';
import type { Runner } from '../../src/store/runner.ts';
import { onNeo4j, openTestStore, testExtractor } from '../support/app.ts';

let store: Runner;

beforeAll(async () => {
  store = await openTestStore();
  const report = await ingestRecords(store, testExtractor(), readSources([SEED_ARTICLES_DIR]), { batchSize: 16 });
  expect(report.failed).toBe(0);
  expect(report.created).toBe(67);
});

afterAll(async () => {
  await store?.close();
});

describe('migrations', () => {
  it('are recorded and applied once', async () => {
    expect(await migrate(store)).toEqual([]);
    const recorded = await store.run<{ id: string }>('MATCH (m:Migration) RETURN m.id AS id ORDER BY id');
    expect(recorded.map((r) => r.id)).toEqual([...loadMigrations(), ...DATA_MIGRATIONS].map((m) => m.id).sort());
  });

  it('enforce one node per entity key', async () => {
    await expect(store.transaction((tx) => tx.run("CREATE (:Entity {key: 'country:RU'})"))).rejects.toThrow(/already exists|constraint|unique/i);
  });
});

/** Co-mention edges and entity counters as a recount from the MENTIONS edges says they should be. */
async function expectCountersMatchRecount(runner: Runner): Promise<void> {
  const mentions = await runner.run<{ id: string; date: string; key: string; count: number }>(
    'MATCH (a:Article)-[m:MENTIONS]->(e:Entity) RETURN a.id AS id, a.sortDate AS date, e.key AS key, m.count AS count',
  );
  const byArticle = new Map<string, { date: string; keys: string[] }>();
  const perEntity = new Map<string, { articleCount: number; mentionCount: number; firstSeen: string; lastSeen: string }>();
  for (const m of mentions) {
    const entry = byArticle.get(m.id) ?? { date: m.date, keys: [] };
    entry.keys.push(m.key);
    byArticle.set(m.id, entry);
    const e = perEntity.get(m.key) ?? { articleCount: 0, mentionCount: 0, firstSeen: m.date, lastSeen: m.date };
    e.articleCount += 1;
    e.mentionCount += m.count;
    if (m.date < e.firstSeen) e.firstSeen = m.date;
    if (m.date > e.lastSeen) e.lastSeen = m.date;
    perEntity.set(m.key, e);
  }
  const expected = new Map<string, { articles: number; firstSeen: string; lastSeen: string }>();
  for (const { date, keys } of byArticle.values()) {
    const sorted = [...keys].sort();
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const id = `${sorted[i]}|${sorted[j]}`;
        const e = expected.get(id) ?? { articles: 0, firstSeen: date, lastSeen: date };
        e.articles += 1;
        if (date < e.firstSeen) e.firstSeen = date;
        if (date > e.lastSeen) e.lastSeen = date;
        expected.set(id, e);
      }
    }
  }
  const pairs = await runner.run<{ a: string; b: string; articles: number; firstSeen: string; lastSeen: string; ends: string[] }>(
    `MATCH (x:Entity)-[:CO_MENTIONED]->(p:CoMention)
     WITH p, collect(x.key) AS ends
     RETURN p.a AS a, p.b AS b, p.articles AS articles, p.firstSeen AS firstSeen, p.lastSeen AS lastSeen, ends`,
  );
  // A node for each pair of two articles or more; a pair of one article has none.
  for (const [id, e] of expected) if (e.articles < 2) expected.delete(id);
  const actual = new Map(pairs.map((e) => [`${e.a}|${e.b}`, { articles: e.articles, firstSeen: e.firstSeen, lastSeen: e.lastSeen }]));
  expect(actual.size).toBeGreaterThan(1000);
  expect(actual).toEqual(expected);
  // Each pair is reached from exactly its two entities, and no pair is left without them.
  for (const pair of pairs) expect([...pair.ends].sort()).toEqual([pair.a, pair.b]);
  const [all] = await runner.run<{ n: number }>('MATCH (p:CoMention) RETURN count(p) AS n');
  expect(all.n).toBe(pairs.length);

  const entities = await runner.run<{ key: string; articleCount: number; mentionCount: number; firstSeen: string; lastSeen: string }>(
    'MATCH (e:Entity) RETURN e.key AS key, e.articleCount AS articleCount, e.mentionCount AS mentionCount, e.firstSeen AS firstSeen, e.lastSeen AS lastSeen',
  );
  expect(new Map(entities.map(({ key, ...counters }) => [key, counters]))).toEqual(perEntity);
  // And the day counts kept beside them, as verify-counts recomputes them.
  expect(await verifyCounts(runner)).toEqual([]);
}

describe('counters kept at ingest', () => {
  it('equal a recount from the mentions after loading', async () => {
    await expectCountersMatchRecount(store);
  });

  it('still equal a recount after updates and re-ingests', async () => {
    const [target] = await store.run<{ url: string; title: string; publishedAt: string }>(
      "MATCH (a:Article) WHERE a.source = 'Wikinews' RETURN a.url AS url, a.title AS title, a.publishedAt AS publishedAt ORDER BY url LIMIT 1",
    );
    const records = [
      { origin: 'update', input: { ...target, text: 'Japanese Prime Minister Shinzo Abe met Indian Prime Minister Narendra Modi in Tokyo on Monday.' } },
      { origin: 'again', input: { ...target, text: 'Japanese Prime Minister Shinzo Abe met Indian Prime Minister Narendra Modi in Tokyo on Monday.' } },
    ];
    const report = await ingestRecords(store, testExtractor(), records);
    expect(report.items.map((i) => i.status)).toEqual(['UPDATED', 'UNCHANGED']);
    const again = await ingestRecords(store, testExtractor(), readSources([SEED_ARTICLES_DIR]), { batchSize: 16 });
    expect(again.updated).toBe(1);
    expect(again.unchanged).toBe(66);
    await expectCountersMatchRecount(store);
  });
});

describe('a failing batch', () => {
  it('rolls back whole, then lands its good records and names the one that broke it', async () => {
    // Fault injection over the real engine: the write of one chosen article fails inside its transaction.
    const poisoned = 'https://example.org/poisoned';
    const faulty: Runner = {
      ...store,
      transaction: (work) =>
        store.transaction((tx) =>
          work({
            run: (query, params) => {
              if (JSON.stringify(params ?? {}).includes(poisoned) && query.includes('MERGE (a:Article')) {
                return Promise.reject(new Error('simulated write failure'));
              }
              return tx.run(query, params);
            },
          }),
        ),
    };
    const records = ['https://example.org/good-1', poisoned, 'https://example.org/good-2'].map((url, i) => ({
      origin: `batch.jsonl:${i + 1}`,
      input: { title: `Record ${i}`, text: `Turkish President Recep Tayyip Erdogan spoke in Ankara about record ${i}.`, url, publishedAt: '2020-05-0' + (i + 1) },
    }));
    const report = await ingestRecords(faulty, testExtractor(), records, { batchSize: 10 });
    expect(report.items.map((i) => i.status)).toEqual(['CREATED', 'FAILED', 'CREATED']);
    expect(report.items[1].error?.message).toContain('batch.jsonl:2');
    expect(report.items[1].error?.message).toContain('simulated write failure');
    const stored = await store.run<{ url: string }>('MATCH (a:Article) WHERE a.url STARTS WITH "https://example.org/" RETURN a.url AS url ORDER BY url');
    expect(stored.map((r) => r.url)).toEqual(['https://example.org/good-1', 'https://example.org/good-2']);
  });
});

describe.skipIf(onNeo4j)('the embedded database file (embedded engine only: on Neo4j the data lives in the Neo4j server, not in a file of ours)', () => {
  it('keeps committed articles across a close and reopen', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-store-'));
    try {
      const first = openGrafeo(dir);
      await migrate(first);
      const report = await ingestRecords(first, testExtractor(), [
        { origin: 'one', input: { title: 'Kept', text: 'German Chancellor Angela Merkel visited Madrid on Tuesday.', publishedAt: '2019-06-04' } },
      ]);
      expect(report.created).toBe(1);
      await first.close();
      const again = openGrafeo(dir);
      const rows = await again.run<{ title: string; n: number }>('MATCH (a:Article)-[m:MENTIONS]->() RETURN a.title AS title, count(m) AS n');
      expect(rows[0].title).toBe('Kept');
      expect(rows[0].n).toBeGreaterThanOrEqual(2);
      expect(await migrate(again)).toEqual([]);
      await again.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
