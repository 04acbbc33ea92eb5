/**
 * M4 cells in PostgreSQL, inside the caller's read transaction (the definition: ../query/m4.ts).
 * One GROUP BY without sorting: the first, last and extreme rows come from min()/max() over
 * float8 arrays that lead with the ordering key ([ts, …] or [x, ±ts, …]); only a string's first
 * and last need an ordered array_agg, over the string rows alone.
 */
import type { PoolClient } from 'pg';
import type { M4Spec } from '../query/m4.js';
import { extremeValue } from '../query/m4.js';
import { decodeValue, qualityOf } from '../shared/encoding.js';
import type { M4Cell, TrendPoint } from '../types.js';
import { qualified } from './schema.js';

/** Bound parameters, numbered as they are added. */
export class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** The column of `t` (an SQL bigint expression); see columnOf() in ../query/m4.ts. */
export function columnSql(p: Params, spec: M4Spec, t: string): string {
  const from = `${p.add(spec.from)}::bigint`;
  let at = t;
  if (spec.grain > 1) {
    const g = `${p.add(spec.grain)}::bigint`;
    at = `greatest(${from}, ${t} - ((${t} % ${g}) + ${g}) % ${g})`;
  }
  // Both operands are >= 0, so integer division is the floor.
  return `((${at} - ${from}) * ${p.add(spec.pixels)}::bigint) / ${p.add(spec.to - spec.from)}::bigint`;
}

/**
 * Select-list items giving, per group, [ts, quality, v_num, v_bool] of the first (`dir` min) or
 * last (`max`) row by ts, and that row's string when it is one.
 */
export function edgeSql(dir: 'min' | 'max', ts: string, q: string, n: string, s: string, b: string, as: string): string {
  const order = dir === 'min' ? 'ASC' : 'DESC';
  return `${dir}(ARRAY[${ts}::float8, ${q}::float8, ${n}, ${b}::int::float8]) AS ${as},
    (array_agg(${s} ORDER BY ${ts} ${order}) FILTER (WHERE ${s} IS NOT NULL))[1] AS ${as}_s`;
}

/** [x, ±ts, quality, is-boolean] of the smallest (`min`) or largest (`max`) value, the earliest on ties. */
export function extremeSql(dir: 'min' | 'max', x: string, ts: string, q: string, isBool: string, as: string): string {
  const t = dir === 'min' ? `${ts}::float8` : `-${ts}::float8`;
  return `${dir}(ARRAY[${x}, ${t}, ${q}::float8, ${isBool}::int::float8]) FILTER (WHERE ${x} IS NOT NULL) AS ${as}`;
}

type Arr = (number | null)[] | null;

export function edgePoint(a: Arr, s: string | null): TrendPoint | undefined {
  if (a === null) return undefined;
  const [ts, q, n, b] = a;
  const isString = n === null && b === null;
  return { ts: ts!, value: decodeValue(n ?? null, isString ? (s ?? '') : null, b === null || b === undefined ? null : b !== 0), quality: qualityOf(q!) };
}

export function extremePoint(a: Arr, sign: 1 | -1): TrendPoint | undefined {
  if (a === null) return undefined;
  const [x, t, q, isBool] = a;
  return { ts: sign * t!, value: extremeValue(x!, isBool === 1), quality: qualityOf(q!) };
}

export interface CellRow {
  path: string;
  col: string;
  f: Arr;
  f_s: string | null;
  l: Arr;
  l_s: string | null;
  mn: Arr;
  mx: Arr;
}

export function cellOf(r: CellRow): M4Cell {
  const cell: M4Cell = { path: r.path, column: Number(r.col), first: edgePoint(r.f, r.f_s)!, last: edgePoint(r.l, r.l_s)! };
  const min = extremePoint(r.mn, 1);
  const max = extremePoint(r.mx, -1);
  if (min) cell.min = min;
  if (max) cell.max = max;
  return cell;
}

/** M4 cells of the raw samples of `tagIds` with lo <= ts < hi, in the columns of `spec`. */
export async function readM4Rows(c: PoolClient, schema: string, tagIds: readonly number[], spec: M4Spec, lo: number, hi: number): Promise<M4Cell[]> {
  if (lo >= hi) return [];
  const p = new Params();
  const where = `tag_id = ANY(${p.add([...tagIds])}::integer[]) AND ts >= ${p.add(lo)} AND ts < ${p.add(hi)} AND quality <> 2`;
  const col = columnSql(p, spec, 'ts');
  const sql = `SELECT t.path, s.col,
      ${edgeSql('min', 's.ts', 's.quality', 's.v_num', 's.v_str', 's.v_bool', 'f')},
      ${edgeSql('max', 's.ts', 's.quality', 's.v_num', 's.v_str', 's.v_bool', 'l')},
      ${extremeSql('min', 's.x', 's.ts', 's.quality', '(s.v_bool IS NOT NULL)', 'mn')},
      ${extremeSql('max', 's.x', 's.ts', 's.quality', '(s.v_bool IS NOT NULL)', 'mx')}
    FROM (SELECT tag_id, ts, quality, v_num, v_str, v_bool, coalesce(v_num, v_bool::int::float8) AS x, ${col} AS col
          FROM ${qualified(schema, 'samples')} WHERE ${where}) s
    JOIN ${qualified(schema, 'tags')} t ON t.id = s.tag_id
    GROUP BY t.path, s.col`;
  const res = await c.query<CellRow>(sql, p.values);
  return res.rows.map(cellOf);
}

/** M4 cells of the rollup buckets of `tagIds` with a <= bucket < b, each in the column of its start. */
export async function readRollupM4Rows(c: PoolClient, schema: string, name: string, tagIds: readonly number[], spec: M4Spec, a: number, b: number): Promise<M4Cell[]> {
  const p = new Params();
  const where = `tag_id = ANY(${p.add([...tagIds])}::integer[]) AND bucket >= ${p.add(a)} AND bucket < ${p.add(b)} AND count > 0`;
  const col = columnSql(p, spec, 'bucket');
  const sql = `SELECT t.path, r.col,
      ${edgeSql('min', 'r.first_ts', 'r.first_q', 'r.first_n', 'r.first_s', 'r.first_b', 'f')},
      ${edgeSql('max', 'r.last_ts', 'r.last_q', 'r.last_n', 'r.last_s', 'r.last_b', 'l')},
      ${extremeSql('min', 'r.min_x', 'r.min_ts', 'r.min_q', 'r.min_bool', 'mn')},
      ${extremeSql('max', 'r.max_x', 'r.max_ts', 'r.max_q', 'r.max_bool', 'mx')}
    FROM (SELECT *, ${col} AS col, bucket + first_off AS first_ts, bucket + last_off AS last_ts, bucket + min_off AS min_ts, bucket + max_off AS max_ts
          FROM ${qualified(schema, `rollup_${name}`)} WHERE ${where}) r
    JOIN ${qualified(schema, 'tags')} t ON t.id = r.tag_id
    GROUP BY t.path, r.col`;
  const res = await c.query<CellRow>(sql, p.values);
  return res.rows.map(cellOf);
}
