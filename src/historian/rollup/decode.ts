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

type Column = readonly unknown[] | undefined;

const num = (col: Column, i: number): number | null => {
  const v = col?.[i];
  return v === null || v === undefined ? null : Number(v as number | bigint);
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
 * Rollup buckets held column-wise, as a reader's getColumns() gives them (by column name: path,
 * bucket, count, bad and those of ROLLUP_FIELD_COLUMNS; columns left out read as empty). They are
 * visited through one reused object: tens of thousands of bucket objects per query cost more in
 * garbage collection than the rest of the fold. Rollups keep no m2: stddev reads raw samples.
 */
export class ColumnBuckets implements RollupBuckets {
  readonly #cols: ReadonlyMap<string, readonly unknown[]>;
  readonly length: number;

  readonly #unit: number;

  /** `unit`: the `bucket` column holds bucket numbers of this many ms (small integers are cheaper to read than epoch ms). */
  constructor(cols: ReadonlyMap<string, readonly unknown[]>, unit = 1, length = cols.get('bucket')?.length ?? 0) {
    this.#cols = cols;
    this.#unit = unit;
    this.length = length;
  }

  forEach(visit: (b: Readonly<RollupBucket>) => void): void {
    const c = (name: string): Column => this.#cols.get(name);
    const [path, bucket, count, bad] = [c('path')!, c('bucket')!, c('count')!, c('bad')!];
    const [n, sum, minX, maxX, fOff, fN, fS, fB, lOff, lN, lS, lB, fx, lx, aLin, aStep, covered, drops, dropPrev] = ROLLUP_FIELD_COLUMNS.all.map(c);
    const b = blankBucket();
    for (let i = 0; i < this.length; i++) {
      const start = Number(bucket[i]) * this.#unit;
      const k = n === undefined ? 0 : (num(n, i) ?? Number(count[i])); // NULL n: every sample numeric
      const fo = num(fOff, i);
      const lo = num(lOff, i);
      b.path = path[i] as string;
      b.start = start;
      b.count = Number(count[i]);
      b.bad = Number(bad[i]);
      b.n = k;
      b.sum = k > 0 ? num(sum, i)! : 0;
      b.mean = k > 0 ? b.sum / k : 0;
      b.m2 = 0;
      b.min = k > 0 ? num(minX, i)! : Infinity;
      b.max = k > 0 ? num(maxX, i)! : -Infinity;
      b.first = fo === null ? undefined : decodeValue(num(fN, i), (fS?.[i] ?? null) as string | null, (fB?.[i] ?? null) as boolean | null);
      b.firstTs = fo === null ? Infinity : start + fo;
      b.last = lo === null ? undefined : decodeValue(num(lN, i), (lS?.[i] ?? null) as string | null, (lB?.[i] ?? null) as boolean | null);
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
    const bucket = this.#cols.get('bucket') ?? [];
    const keep: number[] = [];
    for (let i = 0; i < this.length; i++) if (Number(bucket[i]) * this.#unit < until) keep.push(i);
    if (keep.length === this.length) return this;
    return new ColumnBuckets(new Map([...this.#cols].map(([k, v]) => [k, keep.map((i) => v[i])])), this.#unit, keep.length);
  }
}

/** No buckets. */
export const NO_BUCKETS: RollupBuckets = new ColumnBuckets(new Map(), 1, 0);
