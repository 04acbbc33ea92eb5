/**
 * CSV text of exported rows (RFC 4180): comma-separated, CRLF line ends, a field quoted when it
 * holds a comma, a double quote, CR or LF, with inner quotes doubled. Times are ISO 8601 in UTC;
 * numbers are written as JavaScript writes them (the shortest text that reads back to the same
 * double), booleans as true/false, strings as they are. Pure: no I/O.
 */
import type { Value } from '../../core/sample.js';
import type { ExportMode, ExportRow } from './types.js';

export const CRLF = '\r\n';

const NEEDS_QUOTES = /[",\r\n]/;

/** One field, quoted when RFC 4180 asks for it. */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A value as a field: empty for none. */
export function csvValue(v: Value | null | undefined): string {
  if (v === null || v === undefined) return '';
  return csvField(typeof v === 'string' ? v : String(v));
}

/** ISO 8601 UTC with milliseconds; epoch ms for the rare time a Date cannot hold. */
export function isoTime(ts: number): string {
  const d = new Date(ts);
  return Number.isNaN(d.getTime()) ? String(ts) : d.toISOString();
}

/** The header line: long `time,path,value,quality` (raw) or `time,path,value,count,bad` (agg); wide `time,<path>…`. */
export function csvHeader(mode: ExportMode, wide: boolean, paths: readonly string[]): string {
  if (wide) return ['time', ...paths].map(csvField).join(',') + CRLF;
  return (mode === 'raw' ? 'time,path,value,quality' : 'time,path,value,count,bad') + CRLF;
}

/** Rows in the long layout: one line per sample or bucket. */
export function longLines(mode: ExportMode, rows: readonly ExportRow[]): string {
  let out = '';
  for (const r of rows) {
    const head = `${isoTime(r.ts)},${csvField(r.path)},${csvValue(r.value)}`;
    out += mode === 'raw' ? `${head},${r.quality ?? ''}${CRLF}` : `${head},${r.count ?? 0},${r.bad ?? 0}${CRLF}`;
  }
  return out;
}

/**
 * The wide layout: one column per path (in the order asked for), one line per timestamp. Rows
 * arrive in (time, then path) order, page after page; a timestamp may straddle two pages, so its
 * line is written when a later time (or the end) shows it is complete. Bad samples and buckets
 * without a value leave their cell empty (the long layout keeps qualities); of two samples of one
 * path at one millisecond, the later one read wins.
 */
export class WideRows {
  readonly #column: ReadonlyMap<string, number>;
  readonly #width: number;
  #ts: number | undefined;
  #cells: string[] = [];

  constructor(paths: readonly string[]) {
    this.#column = new Map(paths.map((p, i) => [p, i]));
    this.#width = paths.length;
  }

  /** Take a page; answers the lines it completed. */
  add(rows: readonly ExportRow[]): string {
    let out = '';
    for (const r of rows) {
      const col = this.#column.get(r.path);
      if (col === undefined) continue;
      if (r.ts !== this.#ts) {
        out += this.#line();
        this.#ts = r.ts;
        this.#cells = new Array<string>(this.#width).fill('');
      }
      this.#cells[col] = r.quality === 'bad' ? '' : csvValue(r.value);
    }
    return out;
  }

  /** The last line, once every page was added. */
  finish(): string {
    const out = this.#line();
    this.#ts = undefined;
    return out;
  }

  #line(): string {
    return this.#ts === undefined ? '' : `${isoTime(this.#ts)},${this.#cells.join(',')}${CRLF}`;
  }
}
