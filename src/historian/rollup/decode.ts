/**
 * Rollup rows as both stores read them, column-wise, turned into the RollupBucket the query layer
 * folds: times from offsets, mean from sum / n, n and covered time derived where the store left
 * them out, numeric first and last filled in. Pure.
 */
import { numeric } from '../query/accumulator.js';
import { decodeValue } from '../shared/encoding.js';
import type { RollupBucket, RollupBuckets, RollupFieldSet } from '../types.js';

/** Rollup table columns each field set reads, besides bucket, count and bad. */
export const ROLLUP_FIELD_COLUMNS: Readonly<Record<RollupFieldSet | 'all', readonly string[]>> = {
  'time': ['first_off', 'first_n', 'first_s', 'first_b', 'last_off', 'last_n', 'last_s', 'last_b', 'area_lin', 'area_step', 'covered'],
  'time-linear': ['first_off', 'first_n', 'first_s', 'first_b', 'last_off', 'last_n', 'last_s', 'last_b', 'area_lin', 'covered'],
  'time-step': ['first_off', 'first_n', 'first_s', 'first_b', 'last_off', 'last_n', 'last_s', 'last_b', 'area_step', 'covered'],
  counter: ['n', 'first_off', 'first_n', 'first_s', 'first_b', 'last_off', 'last_n', 'last_s', 'last_b', 'first_x', 'last_x', 'drops', 'drop_prev'],
  stats: ['n', 'sum', 'min_x', 'max_x', 'first_off', 'first_n', 'first_s', 'first_b', 'last_off', 'last_n', 'last_s', 'last_b'],
  all: ['n', 'sum', 'min_x', 'max_x', 'first_off', 'first_n', 'first_s', 'first_b', 'last_off', 'last_n', 'last_s', 'last_b',
    'first_x', 'last_x', 'area_lin', 'area_step', 'covered', 'drops', 'drop_prev'],
};

/** A numeric column: a value per row (booleans as 1 and 0), and when some are NULL which are valid (1). */
export interface NumColumn {
  readonly values: Float64Array;
  readonly valid: Uint8Array | undefined;
}

/** Columns holding text (paths and string values); every other column is numeric. */
const TEXT_COLUMNS: ReadonlySet<string> = new Set(['path', 'first_s', 'last_s']);

const isNumColumn = (c: readonly unknown[] | NumColumn): c is NumColumn => !Array.isArray(c);

/** A column of JavaScript values (numbers, bigints, booleans, null) as a NumColumn. */
export function toNumColumn(values: readonly unknown[]): NumColumn {
  const out = new Float64Array(values.length);
  const valid = new Uint8Array(values.length);
  let nulls = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) nulls++;
    else {
      valid[i] = 1;
      out[i] = typeof v === 'boolean' ? (v ? 1 : 0) : Number(v as number | bigint);
    }
  }
  return { values: out, valid: nulls === 0 ? undefined : valid };
}

const num = (col: NumColumn | undefined, i: number): number | null =>
  col === undefined || (col.valid !== undefined && col.valid[i] === 0) ? null : col.values[i]!;

const bool = (col: NumColumn | undefined, i: number): boolean | null => {
  const x = num(col, i);
  return x === null ? null : x !== 0;
};

/** A bucket object whose number fields start as doubles (see Acc in ../query/accumulator.ts). */
function blankBucket(): RollupBucket {
  return {
    path: '', start: 0.5, count: 0, bad: 0, n: 0, sum: 0.5, mean: 0.5, m2: 0.5, min: 0.5, max: 0.5,
    first: undefined, firstTs: 0.5, last: undefined, lastTs: 0.5, firstX: undefined, lastX: undefined,
    areaLinear: 0.5, areaStep: 0.5, covered: 0.5, drops: 0, dropPrev: 0.5,
  };
}

/**
 * Rollup buckets held column-wise (by column name: path, bucket, count, bad and those of
 * ROLLUP_FIELD_COLUMNS; columns left out read as empty): numeric columns in typed arrays, as
 * DuckDB's reader gives them (numeric-columns.ts), or converted from the values PostgreSQL's
 * rows hold. They are visited through one reused object: tens of thousands of bucket objects
 * per query cost more in garbage collection than the rest of the fold. Rollups keep no m2:
 * stddev reads raw samples.
 */
export class ColumnBuckets implements RollupBuckets {
  readonly #num: ReadonlyMap<string, NumColumn>;
  readonly #text: ReadonlyMap<string, readonly unknown[]>;
  readonly length: number;
  readonly #unit: number;

  /** `unit`: the `bucket` column holds bucket numbers of this many ms (small integers are cheaper to read than epoch ms). */
  constructor(cols: ReadonlyMap<string, readonly unknown[] | NumColumn>, unit = 1) {
    const numeric = new Map<string, NumColumn>();
    const text = new Map<string, readonly unknown[]>();
    for (const [name, col] of cols) {
      if (isNumColumn(col)) numeric.set(name, col);
      else if (TEXT_COLUMNS.has(name)) text.set(name, col);
      else numeric.set(name, toNumColumn(col));
    }
    this.#num = numeric;
    this.#text = text;
    this.#unit = unit;
    this.length = numeric.get('bucket')?.values.length ?? 0;
  }

  forEach(visit: (b: Readonly<RollupBucket>) => void): void {
    const c = (name: string): NumColumn | undefined => this.#num.get(name);
    const [bucket, count, bad] = [c('bucket')!, c('count')!, c('bad')!];
    const [path, fS, lS] = ['path', 'first_s', 'last_s'].map((name) => this.#text.get(name));
    const [n, sum, minX, maxX, fOff, fN, fB, lOff, lN, lB, fx, lx, aLin, aStep, covered, drops, dropPrev] =
      ['n', 'sum', 'min_x', 'max_x', 'first_off', 'first_n', 'first_b', 'last_off', 'last_n', 'last_b', 'first_x', 'last_x', 'area_lin', 'area_step', 'covered', 'drops', 'drop_prev'].map(c);
    const b = blankBucket();
    for (let i = 0; i < this.length; i++) {
      const start = bucket.values[i]! * this.#unit;
      const cnt = count.values[i]!;
      const k = n === undefined ? 0 : (num(n, i) ?? cnt); // NULL n: every sample numeric
      const fo = num(fOff, i);
      const lo = num(lOff, i);
      b.path = path![i] as string;
      b.start = start;
      b.count = cnt;
      b.bad = bad.values[i]!;
      b.n = k;
      b.sum = k > 0 ? num(sum, i)! : 0;
      b.mean = k > 0 ? b.sum / k : 0;
      b.m2 = 0;
      b.min = k > 0 ? num(minX, i)! : Infinity;
      b.max = k > 0 ? num(maxX, i)! : -Infinity;
      b.first = fo === null ? undefined : decodeValue(num(fN, i), (fS?.[i] ?? null) as string | null, bool(fB, i));
      b.firstTs = fo === null ? Infinity : start + fo;
      b.last = lo === null ? undefined : decodeValue(num(lN, i), (lS?.[i] ?? null) as string | null, bool(lB, i));
      b.lastTs = lo === null ? -Infinity : start + lo;
      // The first and last numeric value are stored only where they differ from the first and last value.
      b.firstX = k > 0 ? (num(fx, i) ?? (b.first === undefined ? undefined : numeric(b.first))) : undefined;
      b.lastX = k > 0 ? (num(lx, i) ?? (b.last === undefined ? undefined : numeric(b.last))) : undefined;
      b.areaLinear = num(aLin, i) ?? 0;
      b.areaStep = num(aStep, i) ?? 0;
      // NULL covered time: from the first to the last sample.
      b.covered = covered === undefined ? 0 : (num(covered, i) ?? (fo !== null && lo !== null ? lo - fo : 0));
      b.drops = num(drops, i) ?? 0;
      b.dropPrev = num(dropPrev, i) ?? 0;
      visit(b);
    }
  }

  /** The buckets starting before `until`. */
  before(until: number): RollupBuckets {
    const bucket = this.#num.get('bucket')?.values ?? new Float64Array(0);
    const keep: number[] = [];
    for (let i = 0; i < this.length; i++) if (bucket[i]! * this.#unit < until) keep.push(i);
    if (keep.length === this.length) return this;
    const cols = new Map<string, readonly unknown[] | NumColumn>();
    for (const [k, v] of this.#text) cols.set(k, keep.map((i) => v[i]));
    for (const [k, v] of this.#num) {
      const values = Float64Array.from(keep, (i) => v.values[i]!);
      cols.set(k, { values, valid: v.valid === undefined ? undefined : Uint8Array.from(keep, (i) => v.valid![i]!) });
    }
    return new ColumnBuckets(cols, this.#unit);
  }
}

/** No buckets. */
export const NO_BUCKETS: RollupBuckets = new ColumnBuckets(new Map(), 1);
