/**
 * M4 cells in DuckDB SQL, inside the caller's read transaction: per tag and pixel column the
 * first, last, smallest and largest good or uncertain sample (the definition: ../query/m4.ts).
 * One pass with arg_min/arg_max; columns by integer arithmetic on `ts`, so no edge list is sent.
 */
import { BIGINT, INTEGER, LIST, listValue } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { M4Spec } from '../query/m4.js';
import { extremeValue } from '../query/m4.js';
import { decodeValue, qualityOf } from '../shared/encoding.js';
import type { M4Cell, TrendPoint } from '../types.js';
import { Params } from './reads.js';

/** The column of `t` (an SQL expression) in bound-parameter SQL; see columnOf() in ../query/m4.ts. */
export function columnSql(p: Params, spec: M4Spec, t: string): string {
  const from = p.add(BigInt(spec.from), BIGINT);
  const px = p.add(BigInt(spec.pixels), BIGINT);
  const span = p.add(BigInt(spec.to - spec.from), BIGINT);
  let at = t;
  if (spec.grain > 1) {
    const g = p.add(BigInt(spec.grain), BIGINT);
    at = `greatest(${from}, ${t} - ((${t} % ${g}) + ${g}) % ${g})`;
  }
  // Both operands are >= 0, so integer division is the floor.
  return `((${at} - ${from}) * ${px}) // ${span}`;
}

type EdgeCell = { ts: bigint; q: number; n: number | null; s: string | null; b: boolean | null } | null;
type ExtremeCell = { ts: bigint; q: number; x: number; b: boolean | null } | null;

function edgePoint(c: EdgeCell): TrendPoint | undefined {
  return c === null ? undefined : { ts: Number(c.ts), value: decodeValue(c.n, c.s, c.b), quality: qualityOf(c.q) };
}

function extremePoint(c: ExtremeCell): TrendPoint | undefined {
  return c === null ? undefined : { ts: Number(c.ts), value: extremeValue(c.x, c.b !== null), quality: qualityOf(c.q) };
}

/** A result row [path, column, first, last, min, max] as a cell. */
export function cellOf([path, col, f, l, mn, mx]: unknown[]): M4Cell {
  const cell: M4Cell = { path: path as string, column: Number(col), first: edgePoint(f as EdgeCell)!, last: edgePoint(l as EdgeCell)! };
  const min = extremePoint(mn as ExtremeCell);
  const max = extremePoint(mx as ExtremeCell);
  if (min) cell.min = min;
  if (max) cell.max = max;
  return cell;
}

/** M4 cells of the raw samples of `tagIds` with lo <= ts < hi, in the columns of `spec`. */
export async function readM4Rows(conn: DuckDBConnection, tagIds: readonly number[], spec: M4Spec, lo: number, hi: number): Promise<M4Cell[]> {
  if (lo >= hi) return [];
  const p = new Params();
  const ids = p.add(listValue([...tagIds]), LIST(INTEGER));
  const col = columnSql(p, spec, 'ts');
  const range = `${p.add(BigInt(lo), BIGINT)}, ${p.add(BigInt(hi), BIGINT)}`;
  const where = `tag_id IN (SELECT unnest(${ids})) AND quality <> 2`;
  const ok = 'FILTER (WHERE s.x IS NOT NULL)';
  const sql = `WITH s AS (
      SELECT tag_id, ts, quality, v_num, v_str, v_bool, coalesce(v_num, v_bool::DOUBLE) AS x, ${col} AS col
      FROM samples_in(${range}) WHERE ${where})
    SELECT t.path, s.col,
      arg_min({'ts': s.ts, 'q': s.quality, 'n': s.v_num, 's': s.v_str, 'b': s.v_bool}, s.ts),
      arg_max({'ts': s.ts, 'q': s.quality, 'n': s.v_num, 's': s.v_str, 'b': s.v_bool}, s.ts),
      arg_min({'ts': s.ts, 'q': s.quality, 'x': s.x, 'b': s.v_bool}, {'x': s.x, 't': s.ts}) ${ok},
      arg_max({'ts': s.ts, 'q': s.quality, 'x': s.x, 'b': s.v_bool}, {'x': s.x, 't': -s.ts}) ${ok}
    FROM s JOIN tags t ON t.id = s.tag_id
    GROUP BY t.path, s.col`;
  const reader = await conn.runAndReadAll(sql, p.values, p.types);
  return reader.getRowsJS().map(cellOf);
}

/** M4 cells of the rollup buckets of `tagIds` with a <= bucket < b, each in the column of its start. */
export async function readRollupM4Rows(conn: DuckDBConnection, name: string, tagIds: readonly number[], spec: M4Spec, a: number, b: number): Promise<M4Cell[]> {
  const p = new Params();
  const ids = p.add(listValue([...tagIds]), LIST(INTEGER));
  const col = columnSql(p, spec, 'bucket');
  const range = `${p.add(BigInt(a), BIGINT)}, ${p.add(BigInt(b), BIGINT)}`;
  const where = `tag_id IN (SELECT unnest(${ids})) AND count > 0`;
  const sql = `WITH r AS (SELECT *, ${col} AS col, bucket + first_off AS first_ts, bucket + last_off AS last_ts,
                     bucket + min_off AS min_ts, bucket + max_off AS max_ts FROM rollup_${name}_in(${range}) WHERE ${where})
    SELECT t.path, r.col,
      arg_min({'ts': r.first_ts, 'q': r.first_q, 'n': r.first_n, 's': r.first_s, 'b': r.first_b}, r.first_ts),
      arg_max({'ts': r.last_ts, 'q': r.last_q, 'n': r.last_n, 's': r.last_s, 'b': r.last_b}, r.last_ts),
      arg_min({'ts': r.min_ts, 'q': r.min_q, 'x': r.min_x, 'b': CASE WHEN r.min_bool THEN true END}, {'x': r.min_x, 't': r.min_ts})
        FILTER (WHERE r.min_x IS NOT NULL),
      arg_max({'ts': r.max_ts, 'q': r.max_q, 'x': r.max_x, 'b': CASE WHEN r.max_bool THEN true END}, {'x': r.max_x, 't': -r.max_ts})
        FILTER (WHERE r.max_x IS NOT NULL)
    FROM r JOIN tags t ON t.id = r.tag_id
    GROUP BY t.path, r.col`;
  const reader = await conn.runAndReadAll(sql, p.values, p.types);
  return reader.getRowsJS().map(cellOf);
}
