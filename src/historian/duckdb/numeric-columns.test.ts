import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBVector } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import type { NumColumn } from '../rollup/decode.js';
import { readNumericColumns, sortedBy, vectorValues } from './numeric-columns.js';

/** A column as plain values, NULL as null, booleans as 1/0 (what getColumns() gives, made comparable). */
const plain = (c: NumColumn) => Array.from(c.values, (v, i) => (c.valid !== undefined && c.valid[i] === 0 ? null : v));
const fromJs = (col: readonly unknown[]) => col.map((v) => (v === null ? null : typeof v === 'boolean' ? (v ? 1 : 0) : Number(v as number | bigint)));

const SQL = `SELECT i::INTEGER AS a, (i * 1000)::BIGINT AS b, CASE WHEN i % 7 = 0 THEN NULL ELSE i / 3 END::DOUBLE AS c,
  CASE WHEN i % 5 = 0 THEN NULL ELSE i % 2 = 0 END AS d, (i % 3)::UTINYINT AS e, NULL::DOUBLE AS f, -0.0::DOUBLE AS g
  FROM range(5000) t(i)`;

describe('readNumericColumns', () => {
  it('reads every numeric and boolean column, NULLs included, over several chunks, as getColumns() does', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    try {
      const cols = readNumericColumns(await conn.run(SQL));
      const expected = (await conn.runAndReadAll(SQL)).getColumns();
      expect(cols).toHaveLength(7);
      cols.forEach((c, i) => expect(plain(c), `column ${i}`).toEqual(fromJs(expected[i]!)));
      expect(cols[0]!.valid).toBeUndefined(); // no NULLs: no mask
      expect(Object.is(cols[6]!.values[0], -0)).toBe(true);
      const none = readNumericColumns(await conn.run('SELECT 1::INTEGER WHERE false'));
      expect(plain(none[0]!)).toEqual([]);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });

  it('reads the vectors of this node API version directly, not value by value', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    try {
      const chunk = (await (await conn.run(SQL)).fetchChunk())!;
      for (let c = 0; c < 7; c++) {
        const vector = chunk.getColumnVector(c);
        const expected = plain({ ...vectorValues(vector, chunk.rowCount) });
        vector.getItem = () => {
          throw new Error('read value by value');
        };
        expect(plain({ ...vectorValues(vector, chunk.rowCount) })).toEqual(expected);
      }
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });

  it('falls back to reading each value when a vector is not what it was', () => {
    const items = [1.5, null, true, false, 7n];
    const vector = { getItem: (i: number) => items[i], type: { typeId: 0 } } as unknown as DuckDBVector;
    const got = vectorValues(vector, items.length);
    expect(plain({ values: got.values, valid: got.valid })).toEqual([1.5, null, 1, 0, 7]);
  });
});

describe('sortedBy', () => {
  const col = (values: number[], valid?: number[]): NumColumn => ({ values: Float64Array.from(values), valid: valid ? Uint8Array.from(valid) : undefined });

  it('leaves columns in order as they are, and orders the others by two keys, NULL marks moving along', () => {
    const ordered = [col([1, 1, 2]), col([5, 6, 1])];
    expect(sortedBy(ordered, 0, 1)).toBe(ordered);
    const got = sortedBy([col([2, 1, 1, 1]), col([1, 9, 3, 5]), col([10, 20, 30, 40], [1, 0, 1, 1])], 0, 1);
    expect(got.map(plain)).toEqual([[1, 1, 1, 2], [3, 5, 9, 1], [30, 40, null, 10]]);
  });
});
