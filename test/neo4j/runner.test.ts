/**
 * The runner on a real engine: where Neo4j differs from the embedded engine, and what the Neo4j
 * runner does about it. What both engines must do alike runs on both with the same expectations;
 * what only Neo4j has (access modes, query plans, deadlocks, value types) runs when NEO4J_URI is set.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { DATA_MIGRATIONS, loadMigrations, migrate } from '../../src/store/migrate.ts';
import { openNeo4j } from '../../src/store/neo4j.ts';
import { toNeo4jParams } from '../../src/store/neo4j-values.ts';
import type { Params, Runner } from '../../src/store/runner.ts';
import { DEFAULT_QUERY } from '../../src/server/yoga.ts';
import { createTestApp, onNeo4j, openTestStore, type TestApp } from '../support/app.ts';

const neo4jConfig = loadConfig().neo4j;

let app: TestApp;
/** Every read the API made through `run`, with its parameters. */
const reads: { query: string; params: Params }[] = [];

beforeAll(async () => {
  const store = await openTestStore();
  const recording: Runner = {
    ...store,
    run: (query, params) => {
      reads.push({ query, params: params ?? {} });
      return store.run(query, params);
    },
  };
  app = await createTestApp({ store: recording, seed: true });
});

afterAll(async () => {
  await app?.close();
});

describe('values through the runner (both engines alike)', () => {
  it('takes whole numbers where Cypher wants an INTEGER: range bounds, SKIP, LIMIT', async () => {
    const rows = await app.store.run('UNWIND range($from, $to) AS i RETURN i SKIP $skip LIMIT $limit', { from: 1, to: 10, skip: 2, limit: 3 });
    expect(rows).toEqual([{ i: 3 }, { i: 4 }, { i: 5 }]);
  });

  it('gives integers back as numbers, in lists and maps too', async () => {
    const [row] = await app.store.run(
      // An aggregate inside a map literal fails on the embedded engine ("needs a RETURN or WITH that groups rows"): grouped first.
      'UNWIND range(1, 5) AS i WITH count(i) AS n, sum(i) AS total, collect(i) AS all, max(i) AS top RETURN n, total, all, {top: top} AS nested',
    );
    expect(row).toEqual({ n: 5, total: 15, all: [1, 2, 3, 4, 5], nested: { top: 5 } });
    expect(typeof row!.n).toBe('number');
  });

  it('gives temporal values back as the same ISO 8601 strings', async () => {
    const [row] = await app.store.run(
      `RETURN date($day) AS day, datetime('2017-08-01T10:00:00Z') AS utc, datetime('2017-08-01T10:00:00.120+02:00') AS offset,
              date($day) - duration({days: 14}) AS before, duration({days: 14, hours: 2}) AS span, duration({months: 14}) AS months,
              duration({seconds: 0}) AS zero, time('10:00:00+01:00') AS clock`,
      { day: '2017-08-15' },
    );
    expect(row).toEqual({
      day: '2017-08-15',
      utc: '2017-08-01T10:00:00Z',
      offset: '2017-08-01T10:00:00.12+02:00',
      before: '2017-08-01',
      span: 'P14DT2H',
      months: 'P1Y2M',
      zero: 'PT0S',
      clock: '10:00:00+01:00',
    });
  });

  it('answers the whole seeded graph with the stats the seed gives', async () => {
    const { data } = await app.gql('{ stats { articles entities events quotes } }');
    expect(data.stats.articles).toBe(67);
    expect(data.stats.quotes).toBeGreaterThan(0);
  });
});

describe('migrations (both engines alike)', () => {
  /** The schema as the engine lists it, without usage counters. */
  async function schema(): Promise<unknown[]> {
    const constraints = await app.store.run(onNeo4j ? 'SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN * ORDER BY name' : 'SHOW CONSTRAINTS');
    const indexes = onNeo4j ? await app.store.run('SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state RETURN * ORDER BY name') : [];
    return [constraints, indexes];
  }

  it('changes nothing when every migration runs again', async () => {
    const before = await schema();
    const [nodes] = await app.store.run('MATCH (n) RETURN count(n) AS n');
    await app.store.transaction((tx) => tx.run('MATCH (m:Migration) DETACH DELETE m'));
    expect(await migrate(app.store)).toEqual([...loadMigrations(), ...DATA_MIGRATIONS].map((m) => m.id));
    expect(await schema()).toEqual(before);
    expect(await app.store.run('MATCH (n) RETURN count(n) AS n')).toEqual([nodes]);
  });

  it.skipIf(!onNeo4j)('create a uniqueness constraint per key and the text index of search (Neo4j only: the embedded engine lists its schema in other columns)', async () => {
    const constraints = await app.store.run<{ name: string; type: string; labels: string[]; properties: string[] }>(
      'SHOW CONSTRAINTS YIELD name, type, labelsOrTypes AS labels, properties RETURN * ORDER BY name',
    );
    expect(constraints).toEqual(
      [
        ['article_day_day', 'ArticleDay', 'day'],
        ['article_id', 'Article', 'id'],
        ['co_mention_key', 'CoMention', 'key'],
        ['curation_id', 'Curation', 'id'],
        ['entity_day_key', 'EntityDay', 'key'],
        ['entity_key', 'Entity', 'key'],
        ['entity_week_key', 'EntityWeek', 'key'],
        ['event_key', 'Event', 'key'],
        ['migration_id', 'Migration', 'id'],
        ['quote_key', 'Quote', 'key'],
        ['redirect_key', 'Redirect', 'key'],
      ].map(([name, label, property]) => ({ name, type: 'UNIQUENESS', labels: [label], properties: [property] })),
    );
    const [text] = await app.store.run("SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state WHERE name = 'entity_search_text' RETURN *");
    expect(text).toEqual({ name: 'entity_search_text', type: 'TEXT', labelsOrTypes: ['Entity'], properties: ['searchText'], state: 'ONLINE' });
  });
});

describe.skipIf(!onNeo4j)('Neo4j only: what the embedded engine has no counterpart for', () => {
  let driver: Driver;

  beforeAll(() => {
    driver = neo4j.driver(neo4jConfig!.uri, neo4j.auth.basic(neo4jConfig!.user, neo4jConfig!.password));
  });

  afterAll(async () => {
    await driver?.close();
  });

  /** What Neo4j would do with a query: its plan's operators and its notifications. */
  async function explain(query: string, params: Params) {
    const { summary } = await driver.executeQuery(`EXPLAIN ${query}`, toNeo4jParams(params), { database: neo4jConfig!.database });
    const operators: string[] = [];
    const walk = (plan: { operatorType: string; arguments: Record<string, unknown>; children: unknown[] }) => {
      operators.push(`${plan.operatorType.replace(/@.*/, '')} ${String(plan.arguments.Details ?? '')}`);
      plan.children.forEach((child) => walk(child as typeof plan));
    };
    walk(summary.plan as never);
    return { operators, notifications: summary.notifications.map((n) => `${n.code}: ${n.description}`) };
  }

  it('stores the floats of the write path as FLOAT even when whole, and counts as INTEGER', async () => {
    const [types] = await app.store.run<{ salience: string[]; count: string[]; sentences: string[]; wholes: number }>(
      `MATCH (:Article)-[m:MENTIONS]->(:Entity)
       RETURN collect(DISTINCT valueType(m.salience)) AS salience, collect(DISTINCT valueType(m.count)) AS count,
              collect(DISTINCT valueType(m.sentences)) AS sentences, sum(CASE WHEN m.salience = 1 THEN 1 ELSE 0 END) AS wholes`,
    );
    expect(types).toEqual({ salience: ['FLOAT NOT NULL'], count: ['INTEGER NOT NULL'], sentences: ['LIST<INTEGER NOT NULL> NOT NULL'], wholes: expect.any(Number) });
    // The top entity of every article has salience 1 exactly: whole floats are there to be typed.
    expect(types!.wholes).toBeGreaterThanOrEqual(67);
  });

  it('sends whole numbers by the declared type of their property: a parameter, a column of rows, a map key', async () => {
    const [row] = await app.store.run(
      'RETURN valueType($salience) AS named, valueType($row_props_salience) AS column, valueType($rows[0].salience) AS key, valueType($rows[0].count) AS count, valueType($limit) AS limit',
      { salience: 1, row_props_salience: [1, 0.5], rows: [{ salience: 1, count: 2 }], limit: 3 },
    );
    expect(row).toEqual({ named: 'FLOAT NOT NULL', column: 'LIST<FLOAT NOT NULL> NOT NULL', key: 'FLOAT NOT NULL', count: 'INTEGER NOT NULL', limit: 'INTEGER NOT NULL' });
  });

  it('gives integers beyond 2^53 back as exact strings (the embedded engine cannot: "Do not know how to serialize a BigInt")', async () => {
    expect(await app.store.run('RETURN 9007199254740993 AS big')).toEqual([{ big: '9007199254740993' }]);
  });

  it('reads on a reader: a write through run is refused, so no call site writes outside a transaction', async () => {
    await expect(app.store.run('CREATE (:Probe)')).rejects.toThrow(/read access mode/);
  });

  it('routes on a neo4j:// URI too, and a read right after a write sees it', async () => {
    const routed = openNeo4j({ ...neo4jConfig!, uri: neo4jConfig!.uri.replace(/^bolt:/, 'neo4j:') });
    try {
      for (let i = 0; i < 5; i++) {
        await routed.transaction((tx) => tx.run('CREATE (:Probe {n: $i})', { i }));
        expect(await routed.run('MATCH (p:Probe) RETURN count(p) AS n')).toEqual([{ n: i + 1 }]);
      }
      await expect(routed.run('CREATE (:Probe)')).rejects.toThrow(/read access mode/);
    } finally {
      await routed.transaction((tx) => tx.run('MATCH (p:Probe) DELETE p'));
      await routed.close();
    }
  });

  it('retries a transaction that lost a deadlock, from a rolled-back state, and not one that broke a constraint', async () => {
    await app.store.transaction((tx) => tx.run('UNWIND [1, 2] AS id CREATE (:Probe {id: id, by: []})'));
    const attempts = { a: 0, b: 0 };
    const locked = { a: signal(), b: signal() };
    // Each locks its first node, waits (on its first attempt) until the other has locked its own, then wants the other's.
    const writer = (me: 'a' | 'b', other: 'a' | 'b', first: number, second: number) =>
      app.store.transaction(async (tx) => {
        attempts[me] += 1;
        await tx.run('MATCH (p:Probe {id: $id}) SET p.by = p.by + $me', { id: first, me });
        if (attempts[me] === 1) {
          locked[me].fire();
          await locked[other].fired;
        }
        await tx.run('MATCH (p:Probe {id: $id}) SET p.by = p.by + $me', { id: second, me });
      });
    await Promise.all([writer('a', 'b', 1, 2), writer('b', 'a', 2, 1)]);
    expect([attempts.a, attempts.b].sort()).toEqual([1, 2]);
    const loser = attempts.a === 2 ? 'a' : 'b';
    const winner = loser === 'a' ? 'b' : 'a';
    // The lost attempt left nothing behind: each node has each writer once, the winner first.
    const nodes = await app.store.run('MATCH (p:Probe) RETURN p.id AS id, p.by AS by ORDER BY id');
    expect(nodes).toEqual([
      { id: 1, by: [winner, loser] },
      { id: 2, by: [winner, loser] },
    ]);

    let tries = 0;
    const duplicate = app.store.transaction(async (tx) => {
      tries += 1;
      await tx.run("CREATE (:Entity {key: 'country:RU'})");
    });
    await expect(duplicate).rejects.toThrow(/already exists/);
    expect(tries).toBe(1);
    await app.store.transaction((tx) => tx.run('MATCH (p:Probe) DELETE p'));
  });

  it('serves entity search from the text index', async () => {
    reads.length = 0;
    const { data } = await app.gql('{ entities(search: "lavrov") { totalCount edges { node { name } } } search(query: "lavr", kinds: [PERSON]) { name } }');
    expect(data.entities.edges.map((e: any) => e.node.name)).toContain('Sergei Lavrov');
    expect(data.search.map((e: any) => e.name)).toContain('Sergei Lavrov');
    const searches = reads.filter((r) => r.query.includes('searchText CONTAINS'));
    expect(searches.filter((r) => r.params.kinds === null).length).toBeGreaterThanOrEqual(2);
    for (const { query, params } of searches) {
      const plan = (await explain(query, params)).operators.join('\n');
      // With kinds the planner may start from the kind index instead; never from every entity.
      if (params.kinds === null) expect(plan).toMatch(/NodeIndexContainsScan TEXT INDEX e:Entity\(searchText\)/);
      expect(plan).not.toMatch(/NodeByLabelScan|AllNodesScan/);
    }
  });

  it('expands the network from the entities asked about, not from every entity', async () => {
    reads.length = 0;
    const { data } = await app.gql('{ network(around: [{ key: "country:US" }], depth: 2, limit: 5) { truncated } }');
    expect(data.network.truncated).toBe(true);
    const neighbours = reads.filter((r) => r.query.includes('CALL (x)'));
    expect(neighbours.length).toBeGreaterThanOrEqual(2);
    for (const { query, params } of neighbours) {
      expect((await explain(query, params)).operators.join('\n')).not.toMatch(/NodeHashJoin|NodeIndexScan|NodeByLabelScan|AllNodesScan/);
    }
  });

  it('reads with no deprecated Cypher: every read the API makes is ready for Cypher 25', async () => {
    reads.length = 0;
    const questions = [
      DEFAULT_QUERY,
      '{ stats { articles entities events quotes } }',
      '{ person(name: "Tillerson") { quotes(first: 3) { edges { node { text } } } } }',
      '{ relationship(a: { name: "Lavrov" }, b: { name: "Tillerson" }) { quotes { text } } }',
      '{ network(around: [{ name: "Lavrov" }]) { nodes { entity { key } } } }',
      '{ network(around: [{ name: "Lavrov" }], since: "2017-01-01T00:00:00Z", until: "2017-12-31T00:00:00Z") { nodes { entity { key } } } }',
      '{ events(first: 3) { edges { node { title participants { role } } } } }',
      '{ trending(first: 3) { entity { name } } }',
    ];
    for (const question of questions) expect((await app.gql(question)).errors).toBeUndefined();
    const distinct = new Map(reads.map((r) => [r.query, r.params]));
    expect(distinct.size).toBeGreaterThan(15);
    expect([...distinct.keys()].some((q) => q.includes('CALL (q)'))).toBe(true);
    expect([...distinct.keys()].some((q) => q.includes('CALL (x)'))).toBe(true);
    for (const [query, params] of distinct) {
      const { notifications } = await explain(query, params);
      expect(notifications.filter((n) => /Deprecat/i.test(n)), query).toEqual([]);
    }
  });
});

/** A promise to wait on and the function that settles it (Promise.withResolvers is not in Node 20). */
function signal(): { fired: Promise<void>; fire: () => void } {
  let fire!: () => void;
  const fired = new Promise<void>((resolve) => (fire = resolve));
  return { fired, fire };
}
