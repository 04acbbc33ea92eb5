/**
 * M4 (Jugel et al., VLDB 2014), the reference: per path and pixel column the first, last,
 * smallest and largest sample. Drawing those four per column draws the same line as drawing every
 * sample, so a trend of months needs at most 4 points a pixel. Pure; backends compute the same
 * cells in SQL and the tests hold them to this file.
 */
import type { Value } from '../../core/sample.js';
import type { M4Cell, M4Query, StoredSample, TrendPoint } from '../types.js';
import { numeric } from './accumulator.js';

/** The column arithmetic of a checked M4 query. */
export interface M4Spec {
  from: number;
  to: number;
  pixels: number;
  grain: number;
}

/** Most columns a trend may ask for. */
export const MAX_PIXELS = 10_000;

/** The spec of a query, or the problem with it (times must be whole ms, the arithmetic exact). */
export function m4Spec(q: Pick<M4Query, 'from' | 'to' | 'pixels' | 'grain'>): M4Spec | string {
  const { from, to, pixels } = q;
  const grain = q.grain ?? 1;
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to)) return 'from and to must be whole epoch milliseconds';
  if (from >= to) return `from (${from}) is not before to (${to})`;
  if (!Number.isSafeInteger(pixels) || pixels < 1 || pixels > MAX_PIXELS) return `pixels (${String(pixels)}) must be a whole number from 1 to ${MAX_PIXELS}`;
  if (!Number.isSafeInteger(grain) || grain < 1) return `grain (${String(grain)}) must be a whole number of milliseconds of at least 1`;
  if ((to - from) * pixels > Number.MAX_SAFE_INTEGER) return 'the range is too long for that many pixels';
  return { from, to, pixels, grain };
}

/** The time a sample's column is taken from: its own, or floored to the grain but not before `from`. */
export function snapped(spec: M4Spec, ts: number): number {
  if (spec.grain === 1) return ts;
  const g = spec.grain;
  return Math.max(spec.from, ts - (((ts % g) + g) % g));
}

/** The column of a time in [from, to): floor((snapped - from) * pixels / span), exactly. */
export function columnOf(spec: M4Spec, ts: number): number {
  const a = (snapped(spec, ts) - spec.from) * spec.pixels;
  const span = spec.to - spec.from;
  let q = Math.floor(a / span);
  // Floating division can round across an integer; put it right with exact integer products.
  if (q * span > a) q--;
  else if ((q + 1) * span <= a) q++;
  return q;
}

/** The first instant of column `c` (the smallest t with columnOf(t) = c when grain is 1). */
export function columnStart(spec: M4Spec, c: number): number {
  const span = spec.to - spec.from;
  return spec.from + Math.ceil((c * span) / spec.pixels);
}

function lessMin(a: number, aTs: number, b: number, bTs: number): boolean {
  return a < b || (a === b && aTs < bTs);
}

function moreMax(a: number, aTs: number, b: number, bTs: number): boolean {
  return a > b || (a === b && aTs < bTs);
}

/** A new cell holding one point. */
export function newCell(path: string, column: number, p: TrendPoint): M4Cell {
  const cell: M4Cell = { path, column, first: p, last: p };
  if (numeric(p.value) !== undefined) {
    cell.min = p;
    cell.max = p;
  }
  return cell;
}

/** Fold cell `b` (same path and column) into `a`: earliest first, latest last, extremes (earliest on ties). */
export function mergeCell(a: M4Cell, b: Omit<M4Cell, 'path' | 'column'>): void {
  if (b.first.ts < a.first.ts) a.first = b.first;
  if (b.last.ts >= a.last.ts) a.last = b.last;
  if (b.min) {
    const x = numeric(b.min.value)!;
    if (!a.min || lessMin(x, b.min.ts, numeric(a.min.value)!, a.min.ts)) a.min = b.min;
  }
  if (b.max) {
    const x = numeric(b.max.value)!;
    if (!a.max || moreMax(x, b.max.ts, numeric(a.max.value)!, a.max.ts)) a.max = b.max;
  }
}

/** Collects cells by path and column; add points or cells in any order. */
export class M4Builder {
  readonly #spec: M4Spec;
  readonly #cells = new Map<string, Map<number, M4Cell>>();

  constructor(spec: M4Spec) {
    this.#spec = spec;
  }

  /** Add a sample; bad ones and those outside [from, to) are left out. */
  addSample(s: StoredSample): void {
    if (s.quality === 'bad' || s.ts < this.#spec.from || s.ts >= this.#spec.to) return;
    const p: TrendPoint = { ts: s.ts, value: s.value, quality: s.quality };
    this.addCell(newCell(s.path, columnOf(this.#spec, s.ts), p));
  }

  /** Add a cell (from a backend, or another builder). */
  addCell(cell: M4Cell): void {
    let byColumn = this.#cells.get(cell.path);
    if (byColumn === undefined) {
      byColumn = new Map();
      this.#cells.set(cell.path, byColumn);
    }
    const had = byColumn.get(cell.column);
    if (had === undefined) byColumn.set(cell.column, { ...cell });
    else mergeCell(had, cell);
  }

  /** The cells of `path`, by column. */
  cellsOf(path: string): M4Cell[] {
    return [...(this.#cells.get(path)?.values() ?? [])].sort((a, b) => a.column - b.column);
  }

  /** Every cell, in no particular order. */
  cells(): M4Cell[] {
    return [...this.#cells.values()].flatMap((m) => [...m.values()]);
  }
}

function samePoint(a: TrendPoint, b: TrendPoint): boolean {
  return a.ts === b.ts && a.value === b.value && a.quality === b.quality;
}

/** The distinct points of a cell in time order: at most four, the first first and the last last. */
export function cellPoints(cell: M4Cell): TrendPoint[] {
  const inner = [cell.min, cell.max].filter((p): p is TrendPoint => p !== undefined).sort((a, b) => a.ts - b.ts);
  const out: TrendPoint[] = [cell.first];
  for (const p of [...inner, cell.last]) {
    if (!out.some((q) => samePoint(p, q))) out.push(p);
  }
  return out;
}

/** The trend of one path from its cells: every cell's points, in time order. */
export function trendPoints(cells: readonly M4Cell[]): TrendPoint[] {
  return [...cells].sort((a, b) => a.column - b.column).flatMap(cellPoints);
}

/** A value as stored in a min/max column: booleans come back from 1/0 when the sample was one. */
export function extremeValue(x: number, wasBoolean: boolean): Value {
  return wasBoolean ? x !== 0 : x;
}
