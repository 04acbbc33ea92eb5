/** The vocabulary of history exports: what to export, how far it got, what it wrote. */
import type { Quality, Value } from '../../core/sample.js';
import type { CounterRule } from '../../core/counter.js';
import type { Aggregate, Fill, Interpolation } from '../query/types.js';

export const EXPORT_FORMATS = ['csv', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What to export: raw samples of `paths` in [from, to), or with `agg` and `interval` one value per bucket. */
export interface ExportRequest {
  paths: readonly string[];
  /** Inclusive start, epoch ms. */
  from: number;
  /** Exclusive end, epoch ms. */
  to: number;
  format: ExportFormat;
  /** CSV only: one column per path and one row per timestamp, instead of one row per sample. */
  wide?: boolean;
  /** Aggregate per bucket instead of raw samples; needs `interval`. */
  agg?: Aggregate;
  /** Bucket size with `agg`: 1m, 15m, 1h, 1d … (see the query layer). */
  interval?: string | number;
  /** IANA zone of calendar buckets; default UTC. */
  timeZone?: string;
  /** Interpolation of each path's numbers for twa and integral; default linear. */
  interpolation?: (path: string) => Interpolation;
  /** Each path's counter rule (range, what a drop means), for delta. */
  counter?: (path: string) => CounterRule | undefined;
  /** What empty buckets become; default none. */
  fill?: Fill;
}

/** Bounds an export must stay within; a request beyond them is refused before anything is written. */
export interface ExportLimits {
  /** Most rows (samples, or buckets over all paths) one export may hold. */
  maxSamples?: number;
  /** Longest time range, in ms. */
  maxRangeMs?: number;
}

/** How far an export got: rows written so far and, when it was cheap to count, the total. */
export interface ExportProgress {
  written: number;
  /** Rows the export will hold (a count made before it started), when known. */
  total?: number;
  /** written / total, 0-100, when the total is known. */
  percent?: number;
}

/** What an export wrote. */
export interface ExportSummary {
  /** Rows written: samples, or non-empty buckets. */
  written: number;
  /** Pages read from the historian. */
  pages: number;
  /** Bytes written to the output. */
  bytes: number;
}

/** One exported row: a raw sample (with its quality), or a bucket (value null when it has none). */
export interface ExportRow {
  ts: number;
  path: string;
  value: Value | null;
  quality?: Quality;
  count?: number;
  bad?: number;
}

/** Raw samples, or aggregate buckets: decides the columns. */
export type ExportMode = 'raw' | 'agg';

/** Limits of API exports unless the environment sets others: 20 M rows, 366 days. */
export const DEFAULT_EXPORT_LIMITS: Readonly<Required<ExportLimits>> = { maxSamples: 20_000_000, maxRangeMs: 366 * 86_400_000 };

/**
 * Export limits from CAUSEWAY_EXPORT_MAX_SAMPLES and CAUSEWAY_EXPORT_MAX_DAYS (positive numbers),
 * each falling back to its default when unset or not a positive number.
 */
export function exportLimitsFrom(env: Readonly<Record<string, string | undefined>>): Required<ExportLimits> {
  const positive = (text: string | undefined) => {
    const n = text === undefined || text.trim() === '' ? NaN : Number(text);
    return Number.isFinite(n) && n > 0 ? n : undefined;
  };
  const samples = positive(env.CAUSEWAY_EXPORT_MAX_SAMPLES);
  const days = positive(env.CAUSEWAY_EXPORT_MAX_DAYS);
  return {
    maxSamples: samples === undefined ? DEFAULT_EXPORT_LIMITS.maxSamples : Math.floor(samples),
    maxRangeMs: days === undefined ? DEFAULT_EXPORT_LIMITS.maxRangeMs : Math.round(days * 86_400_000),
  };
}
