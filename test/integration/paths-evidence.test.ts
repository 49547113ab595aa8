/**
 * The evidence behind path hops, looked up for all candidate pairs at once (pairEvidence, issue 14),
 * gives the answers of the pair-by-pair lookup it replaced (test/support/paths-reference.ts): the
 * same paths, hops, evidence, order and `truncated` through `yoga.fetch`, over many ends, hop
 * limits, page sizes and windows on a synthetic graph; the same rows for hundreds of pairs, read by
 * day or walked; and a paths request's store statements no longer grow with its candidate pairs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.ts';
import { ingestRecords } from '../../src/ingest/pipeline.ts';
import { evidenceForPairs, findPaths, type EvidenceLookup, type PathsResult } from '../../src/relations/paths.ts';
import { createNewsPubSub } from '../../src/server/pubsub.ts';
import { createNewsgraphYoga } from '../../src/server/yoga.ts';
import { reportsOfEvents } from '../../src/store/queries/events-quotes.ts';
import { pairEvidence } from '../../src/store/queries/pair-evidence.ts';
import { latestArticleDate, sharedArticles, sharedEvents } from '../../src/store/queries/relations.ts';
import type { Window } from '../../src/store/queries/shapes.ts';
import { countingRunner, type QueryRunner, type RoundTrips } from '../../src/store/runner.ts';
import { createTestApp, gql, testExtractor, type TestApp } from '../support/app.ts';
import { evidencePairByPair } from '../support/paths-reference.ts';

const DAY_MS = 86_400_000;
const SETTINGS = { rateLimitPerMinute: 0, costPerMinute: 0, responseCacheTtlMs: 0 };
const PATHS = `query ($from: String!, $to: String!, $maxHops: Int!, $first: Int!, $since: DateTime, $until: DateTime) {
  paths(from: { key: $from }, to: { key: $to }, maxHops: $maxHops, first: $first, since: $since, until: $until) {
    length truncated entities { key }
    hops {
      from { key } to { key }
      via { __typename ... on Article { articleId } ... on Event { key } }
      evidence { sentence article { articleId } }
    }
  }
}`;

let app: TestApp;
/** Entity keys by article count, most mentioned first. */
let ranked: string[];
let latest: string;
beforeAll(async () => {
  app = await createTestApp({ yoga: { settings: SETTINGS } });
  // Four months of synthetic news: hubs in most articles, events reported by several, a long tail of one article.
  const records = [...generateCorpus({ articles: 300, seed: 14, start: '2021-01-01', days: 120 })].map((input, i) => ({ origin: `paths:${i}`, input }));
  const report = await ingestRecords(app.store, testExtractor(), records);
  expect(report.created).toBe(300);
  ranked = (await app.store.run<{ key: string }>('MATCH (e:Entity) RETURN e.key AS key ORDER BY e.articleCount DESC, key')).map((r) => r.key);
  latest = (await latestArticleDate(app.store))!;
}, 300_000);
afterAll(() => app.close());

const ago = (days: number) => new Date(Date.parse(latest) - days * DAY_MS).toISOString();

/** A path answer reduced to what a client sees: keys, hops through what, evidence sentences and their articles. */
function fromGraphql(paths: any[]) {
  return paths.map((p) => ({
    keys: p.entities.map((e: any) => e.key),
    truncated: p.truncated,
    hops: p.hops.map((h: any) => ({
      from: h.from.key,
      to: h.to.key,
      via: h.via.__typename === 'Event' ? `event ${h.via.key}` : `article ${h.via.articleId}`,
      evidence: h.evidence.map((e: any) => [e.sentence, e.article.articleId]),
    })),
  }));
}

function fromResult(result: PathsResult) {
  return result.paths.map((p) => ({
    keys: p.keys,
    truncated: result.truncated,
    hops: p.hops.map((h) => ({
      from: h.from,
      to: h.to,
      via: h.via.kind === 'event' ? `event ${h.via.event.key}` : `article ${h.via.article.id}`,
      evidence: h.evidence.map((e) => [e.sentence, e.article.id]),
    })),
  }));
}

/** Counts the pairs a lookup is asked about. */
function countingPairs(lookup: EvidenceLookup, counted: { pairs: number }): EvidenceLookup {
  return (runner, pairs, window) => {
    counted.pairs += pairs.length;
    return lookup(runner, pairs, window);
  };
}

interface Case {
  from: string;
  to: string;
  maxHops: number;
  first: number;
  window: Window;
}

function cases(): Case[] {
  // Hubs, the well connected, the middle and the tail, each against the others.
  const ends = [0, 1, 2, 3, 5, 8, 12, 20, 35, 60, 100, 150, 250, 400, ranked.length - 1].map((i) => ranked[Math.min(i, ranked.length - 1)]);
  const windows: Window[] = [{}, { since: ago(30) }, { since: ago(90), until: ago(40) }, { until: ago(60) }];
  const out: Case[] = [];
  let n = 0;
  for (let i = 0; i < ends.length; i++) {
    for (let j = i + 1; j < ends.length; j++) {
      // Every pair of ends, with hop limits, page sizes and windows turned through.
      const maxHops = [1, 2, 3, 4][n % 4];
      const first = [1, 3, 10][n % 3];
      out.push({ from: ends[i], to: ends[j], maxHops, first, window: windows[n % windows.length] });
      out.push({ from: ends[j], to: ends[i], maxHops: 4 - (n % 3), first: [10, 3][n % 2], window: windows[(n + 1) % windows.length] });
      n++;
    }
  }
  return out;
}

describe('paths with the evidence of all pairs at once', () => {
  it('answers as the pair-by-pair lookup did: paths, hops, evidence, order, truncated', async () => {
    const trips: RoundTrips = { count: 0 };
    const yoga = createNewsgraphYoga({ store: countingRunner(app.store, trips), extractor: testExtractor(), apiKeys: [], pubsub: createNewsPubSub() }, { settings: SETTINGS });
    let found = 0;
    let withEvents = 0;
    let mostPairs = 0;
    let mostStatements = 0;
    for (const c of cases()) {
      const label = `${c.from} → ${c.to}, maxHops ${c.maxHops}, first ${c.first}, ${JSON.stringify(c.window)}`;
      const counted = { pairs: 0 };
      const expected = await findPaths(app.store, c.from, c.to, { maxHops: c.maxHops, first: c.first, via: null, exclude: [], ...c.window }, countingPairs(evidencePairByPair, counted));
      trips.count = 0;
      const { data, errors } = await gql<any>(yoga, PATHS, { from: c.from, to: c.to, maxHops: c.maxHops, first: c.first, since: c.window.since ?? null, until: c.window.until ?? null });
      expect(errors, label).toBeUndefined();
      expect(fromGraphql(data.paths), label).toEqual(fromResult(expected));
      found += expected.paths.length;
      withEvents += expected.paths.flatMap((p) => p.hops).filter((h) => h.via.kind === 'event').length;
      mostPairs = Math.max(mostPairs, counted.pairs);
      mostStatements = Math.max(mostStatements, trips.count);
    }
    // The cases find paths, through events as well as articles, some backed by many pairs.
    expect(found).toBeGreaterThan(100);
    expect(withEvents).toBeGreaterThan(10);
    expect(mostPairs).toBeGreaterThanOrEqual(20);
    // Pair by pair, 20 pairs were 80 statements at least; now a request's statements stay few.
    expect(mostStatements).toBeLessThanOrEqual(16);
  }, 600_000);

  it('reads the same rows as sharedEvents and sharedArticles for hundreds of pairs, walked or by day, in at most five statements', async () => {
    // Co-mentioned pairs of hubs and of the tail, pairs that share nothing, and an end not in the graph.
    const keys = ranked.filter((_, i) => i < 12 || i % 37 === 0);
    const pairs = keys.flatMap((a, i) => keys.slice(i + 1).map((b) => ({ id: `${a}|${b}`, a, b })));
    pairs.push({ id: 'missing', a: ranked[0], b: 'person:nobody-at-all' });
    let shared = 0;
    for (const window of [{}, { since: ago(45) }, { since: ago(100), until: ago(50) }] as Window[]) {
      // 0: every kept pair of the unwindowed lookup read by day; Infinity: every pair walked.
      for (const dayPagesFrom of [0, Infinity]) {
        let statements = 0;
        const counting: QueryRunner = { run: (query, params) => (statements++, app.store.run(query, params)) };
        const found = await pairEvidence(counting, pairs, window, 3, dayPagesFrom);
        // Orient, events, articles walked, and by day: the days' articles read once for all pairs, then the rows chosen.
        expect(statements).toBeLessThanOrEqual(5);
        for (const { id, a, b } of pairs) {
          const label = `${a} ${b} ${JSON.stringify(window)} ${dayPagesFrom}`;
          const [event] = await sharedEvents(app.store, a, b, window, 1);
          expect(found.events.get(id), label).toEqual(event);
          const rows = await sharedArticles(app.store, a, b, window, { offset: 0, limit: 3 }, dayPagesFrom);
          expect(found.articles.get(id) ?? [], label).toEqual(rows);
          shared += rows.length;
        }
      }
    }
    expect(pairs.length).toBeGreaterThan(150);
    expect(shared).toBeGreaterThan(300);
  }, 600_000);

  it('looks up the evidence of one pair or of a hundred in the same few statements', async () => {
    const hub = ranked[0];
    const partners = (await app.store.run<{ key: string }>(
      'MATCH (:Entity {key: $hub})-[:CO_MENTIONED]->(:CoMention)<-[:CO_MENTIONED]-(o) RETURN o.key AS key ORDER BY key LIMIT 100',
      { hub },
    )).map((r) => r.key);
    expect(partners.length).toBeGreaterThanOrEqual(50);
    const statementsFor = async (n: number) => {
      let statements = 0;
      const counting: QueryRunner = { run: (query, params) => (statements++, app.store.run(query, params)) };
      const found = await evidenceForPairs(counting, partners.slice(0, n).map((b) => ({ a: hub, b })), {});
      expect(found.size).toBe(n);
      return statements;
    };
    const one = await statementsFor(1);
    const many = await statementsFor(partners.length);
    // Orient, events, articles, the events' reports (and articles by day, two statements, for pairs of two large ends).
    expect(one).toBeLessThanOrEqual(6);
    expect(many).toBeLessThanOrEqual(6);
  }, 120_000);
});

describe('an event shared by two hops of one round', () => {
  it('has its reports read once, so no hop repeats an evidence sentence', async () => {
    const [{ key }] = await app.store.run<{ key: string }>('MATCH (ev:Event)<-[:REPORTS]-(:Article) RETURN ev.key AS key ORDER BY key LIMIT 1');
    const once = await reportsOfEvents(app.store, [key]);
    expect(once.length).toBeGreaterThan(0);
    // The events of all pairs are read together: two pairs with the same latest event ask for its key twice.
    expect(await reportsOfEvents(app.store, [key, key])).toEqual(once);
  });
});
