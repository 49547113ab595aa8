/** The Neo4j runner's conversions, with the driver's own types. */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { fromNeo4jValue, toNeo4jParams } from '../../src/store/neo4j-values.ts';

describe('parameters to Neo4j', () => {
  it('sends whole numbers as Integers (LIMIT and SKIP refuse floats) and keeps fractions', () => {
    const params = toNeo4jParams({ limit: 20, offset: 0, score: 0.5, rows: [{ n: 3, name: 'x' }], flag: true, none: null }) as any;
    expect(neo4j.isInt(params.limit)).toBe(true);
    expect(params.limit.toNumber()).toBe(20);
    expect(neo4j.isInt(params.offset)).toBe(true);
    expect(params.score).toBe(0.5);
    expect(neo4j.isInt(params.rows[0].n)).toBe(true);
    expect(params.rows[0].name).toBe('x');
    expect(params.flag).toBe(true);
    expect(params.none).toBeNull();
  });
});

describe('results from Neo4j', () => {
  it('turns Integers into numbers, and ones beyond 2^53 into exact strings', () => {
    expect(fromNeo4jValue(neo4j.int(42))).toBe(42);
    expect(fromNeo4jValue(neo4j.int('9007199254740993'))).toBe('9007199254740993');
  });

  it('turns temporal values into ISO strings', () => {
    expect(fromNeo4jValue(new neo4j.types.Date(2017, 8, 6))).toBe('2017-08-06');
    expect(fromNeo4jValue(new neo4j.types.DateTime(2017, 8, 10, 0, 0, 0, 0, 0))).toBe('2017-08-10T00:00:00Z');
  });

  it('turns nodes into their properties, inside lists and maps', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['Entity'], { key: 'country:RU', articleCount: neo4j.int(7) }, 'element-1');
    expect(fromNeo4jValue({ list: [node], n: neo4j.int(2) })).toEqual({ list: [{ key: 'country:RU', articleCount: 7 }], n: 2 });
  });
});
