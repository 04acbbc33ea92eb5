/**
 * A DuckDB result's numeric and boolean columns as typed arrays. The node API's getColumns()
 * turns every value into a JavaScript value and tests each one's NULL bit with three BigInt
 * operations: for a month of one-minute rollup rows (43 200 rows, a dozen columns) that took
 * ~30 ms and much garbage, three times DuckDB's own time for the query. Here each vector's data
 * is copied as it lies (doubles, integers, booleans as 1/0) and the NULL bits are read 32 at a
 * time. That reads two fields the node API declares private (`items`, `validity.data`) on the
 * pinned version; when they are not what they were, every value is read through getItem()
 * instead, slower and the same (numeric-columns.test.ts compares both with getColumns()).
 */
import os from 'node:os';
import type { DuckDBMaterializedResult, DuckDBVector } from '@duckdb/node-api';
import type { NumColumn } from '../rollup/decode.js';

/** What a numeric vector of @duckdb/node-api 1.5 holds, beneath its public API. */
interface VectorInside {
  items?: unknown;
  dataView?: unknown;
  validity?: { data?: unknown; offset?: unknown };
}

/** Every column of a materialized `result` (numbers, booleans as 1 and 0). */
export function readNumericColumns(result: DuckDBMaterializedResult): NumColumn[] {
  const rows = result.rowCount;
  const out = Array.from({ length: result.columnCount }, () => ({ values: new Float64Array(rows), valid: undefined as Uint8Array | undefined }));
  let at = 0;
  for (let k = 0; k < result.chunkCount; k++) {
    const chunk = result.getChunk(k);
    const n = chunk.rowCount;
    out.forEach((col, c) => {
      const part = vectorValues(chunk.getColumnVector(c), n, col.values.subarray(at, at + n));
      if (part.valid !== undefined) {
        col.valid ??= new Uint8Array(rows).fill(1);
        col.valid.set(part.valid, at);
      }
    });
    at += n;
  }
  return out;
}

/** One vector's values and, when some are NULL, which are valid (1). */
export function vectorValues(vector: DuckDBVector, n: number, into = new Float64Array(n)): { values: Float64Array; valid: Uint8Array | undefined } {
  const inside = vector as unknown as VectorInside;
  const bits = inside.validity?.data;
  const items = inside.items;
  const bytes = inside.dataView;
  const wide = items instanceof BigInt64Array || items instanceof BigUint64Array;
  const numeric = ArrayBuffer.isView(items) && !(items instanceof DataView);
  const fast = LITTLE_ENDIAN && (numeric || (bytes instanceof DataView && bytes.byteLength === n && vector.type.typeId === BOOLEAN_TYPE_ID))
    && (bits === null || bits instanceof BigUint64Array) && inside.validity?.offset === 0;
  if (!fast) return slowValues(vector, n, into);
  const values = into;
  if (wide) {
    const src = items as BigInt64Array | BigUint64Array;
    for (let i = 0; i < n; i++) values[i] = Number(src[i]!);
  } else if (numeric) {
    const src = items as unknown as ArrayLike<number>;
    for (let i = 0; i < n; i++) values[i] = src[i]!;
  } else {
    const view = bytes as DataView;
    for (let i = 0; i < n; i++) values[i] = view.getUint8(i) === 0 ? 0 : 1;
  }
  if (bits === null) return { values, valid: undefined };
  const words = new Uint32Array((bits as BigUint64Array).buffer, (bits as BigUint64Array).byteOffset, (bits as BigUint64Array).length * 2);
  const valid = new Uint8Array(n);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    // Little-endian: bit i of the mask is bit (i % 32) of 32-bit word i / 32.
    const ok = (words[i >>> 5]! >>> (i & 31)) & 1;
    valid[i] = ok;
    nulls += ok ^ 1;
  }
  return { values, valid: nulls === 0 ? undefined : valid };
}

/** DuckDB's type id of BOOLEAN. */
const BOOLEAN_TYPE_ID = 1;
/** The NULL mask is read as 32-bit words of its 64-bit words' memory: right on little-endian machines only. */
const LITTLE_ENDIAN = os.endianness() === 'LE';

function slowValues(vector: DuckDBVector, n: number, values: Float64Array): { values: Float64Array; valid: Uint8Array | undefined } {
  const valid = new Uint8Array(n);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    const v = vector.getItem(i);
    if (v === null) nulls++;
    else {
      valid[i] = 1;
      values[i] = typeof v === 'boolean' ? (v ? 1 : 0) : Number(v as number | bigint);
    }
  }
  return { values, valid: nulls === 0 ? undefined : valid };
}

/** `columns` ordered by column `a`, then `b` (both without NULLs): as they are when already in that order. */
export function sortedBy(columns: NumColumn[], a: number, b: number): NumColumn[] {
  const x = columns[a]?.values;
  const y = columns[b]?.values;
  if (x === undefined || y === undefined) return columns;
  let ordered = true;
  for (let i = 1; i < x.length && ordered; i++) ordered = x[i - 1]! < x[i]! || (x[i - 1] === x[i] && y[i - 1]! <= y[i]!);
  if (ordered) return columns;
  const order = Array.from(x, (_, i) => i).sort((i, j) => x[i]! - x[j]! || y[i]! - y[j]!);
  return columns.map((c) => ({
    values: Float64Array.from(order, (i) => c.values[i]!),
    valid: c.valid === undefined ? undefined : Uint8Array.from(order, (i) => c.valid![i]!),
  }));
}
