import { describe, expect, it } from 'vitest';
import type { QueryRunner } from '../../src/store/runner.ts';
import { byKey, runRows, unwindRows } from '../../src/store/queries/rows.ts';

describe('unwindRows', () => {
  it('sends one list per field and per key of a nested map, rebuilding each row in the query', () => {
    const { unwind, params } = unwindRows([
      { key: 'a', n: 1, props: { name: 'A', code: null } },
      { key: 'b', n: 2, props: { name: 'B', code: 'BB' } },
    ]);
    expect(unwind).toBe(
      'UNWIND range(0, size($row_key) - 1) AS i WITH {key: $row_key[i], n: $row_n[i], props: {name: $row_props_name[i], code: $row_props_code[i]}} AS row',
    );
    expect(params).toEqual({ row_key: ['a', 'b'], row_n: [1, 2], row_props_name: ['A', 'B'], row_props_code: [null, 'BB'] });
  });

  it('keeps lists as values and sends a missing value as null', () => {
    const { params } = unwindRows([{ key: 'a', spans: [1, 2], date: undefined }]);
    expect(params).toEqual({ row_key: ['a'], row_spans: [[1, 2]], row_date: [null] });
  });

  it('unwinds nothing for no rows', () => {
    expect(unwindRows([])).toEqual({ unwind: 'UNWIND [] AS row', params: {} });
  });
});

describe('runRows', () => {
  it('sends no statement for no rows, and one for some', async () => {
    const sent: string[] = [];
    const tx = { run: async (query: string) => (sent.push(query), []) } as unknown as QueryRunner;
    expect(await runRows(tx, [], 'MATCH (e:Entity {key: row.key}) DELETE e')).toEqual([]);
    expect(sent).toEqual([]);
    await runRows(tx, [{ key: 'a' }], 'MATCH (e:Entity {key: row.key}) DELETE e');
    expect(sent).toHaveLength(1);
  });
});

describe('byKey', () => {
  it('orders rows by key, as write locks are taken', () => {
    expect([{ key: 'b' }, { key: 'a' }, { key: 'c' }].sort(byKey).map((r) => r.key)).toEqual(['a', 'b', 'c']);
  });
});
