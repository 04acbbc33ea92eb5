/**
 * History exports: CSV or Parquet of a path set and a time range, raw samples or aggregate
 * buckets, streamed page by page into any Writable (an HTTP response, a file, stdout) or written
 * to a file. See README.md in this folder for the layouts.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { CausewayError, detailOf } from '../../core/errors.js';
import type { Historian } from '../types.js';
import { csvHeader, longLines, WideRows } from './csv.js';
import { ParquetBuilder } from './parquet.js';
import { endSink, OutputClosedError, watchErrors, writeChunk } from './sink.js';
import { checkExport, countRows, exportPages } from './source.js';
import type { CheckedExport } from './source.js';
import type { ExportLimits, ExportMode, ExportProgress, ExportRequest, ExportSummary } from './types.js';

export type * from './types.js';
export { DEFAULT_EXPORT_LIMITS, EXPORT_FORMATS, exportLimitsFrom } from './types.js';
export { OutputClosedError } from './sink.js';

/** Rows read from the historian per page. */
export const EXPORT_PAGE = 10_000;

export interface ExportRunOptions {
  onProgress?: (p: ExportProgress) => void;
  /** Stops the export between pages (e.g. the client went away). */
  signal?: AbortSignal;
  /** Rows per page; default EXPORT_PAGE. */
  pageSize?: number;
  /** End the output when done; default true (pass false for process.stdout). */
  end?: boolean;
}

/** A checked export, counted, ready to run. */
export interface ExportPlan {
  readonly paths: readonly string[];
  readonly from: number;
  readonly to: number;
  readonly mode: ExportMode;
  /** Rows it will hold (counted before it starts), when the backend can count. */
  readonly total: number | undefined;
  /** Stream it into `sink`. */
  run(sink: Writable, options?: ExportRunOptions): Promise<ExportSummary>;
  /** Write it to `file`: first to `file.partial`, renamed when complete. Parquet comes straight from DuckDB. */
  toFile(file: string, options?: ExportRunOptions): Promise<ExportSummary>;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** Check the request against `limits` and count its rows; throws catalogue errors before anything is written. */
export async function planExport(historian: Historian, req: ExportRequest, limits: ExportLimits = {}): Promise<ExportPlan> {
  const c = checkExport(req);
  if (limits.maxRangeMs !== undefined && c.to - c.from > limits.maxRangeMs) {
    const days = (ms: number) => `${fmt(Math.round((ms / 86_400_000) * 10) / 10)} days`;
    throw new CausewayError('CW_EXPORT_TOO_LARGE', { what: `a range of ${days(c.to - c.from)}`, limit: days(limits.maxRangeMs) });
  }
  const total = await countRows(historian, c);
  const unit = c.mode === 'raw' ? 'samples' : 'buckets';
  if (limits.maxSamples !== undefined && total !== undefined && total > limits.maxSamples) {
    throw new CausewayError('CW_EXPORT_TOO_LARGE', { what: `${fmt(total)} ${unit}`, limit: `${fmt(limits.maxSamples)} ${unit}` });
  }
  return {
    paths: c.paths, from: c.from, to: c.to, mode: c.mode, total,
    run: (sink, o = {}) => guard('the output', () => (c.req.format === 'csv' ? streamCsv(historian, c, total, sink, o) : streamParquet(historian, c, total, sink, o))),
    toFile: (file, o = {}) => guard(file, () => writeFile(historian, c, total, path.resolve(file), o)),
  };
}

/** Export `req` into `sink` (ended when done), page by page; `onProgress` after each page. */
export async function exportHistory(historian: Historian, req: ExportRequest, sink: Writable, onProgress?: (p: ExportProgress) => void): Promise<ExportSummary> {
  const plan = await planExport(historian, req);
  return plan.run(sink, onProgress ? { onProgress } : {});
}

/** Failures that are not ours to explain (disk, DuckDB) become CW_EXPORT_FAILED naming the target. */
async function guard<T>(target: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof CausewayError || e instanceof OutputClosedError) throw e;
    throw new CausewayError('CW_EXPORT_FAILED', { target, reason: detailOf(e) ?? 'unknown error' }, { cause: e });
  }
}

/** Counts rows and pages and reports progress. */
class Tally {
  written = 0;
  pages = 0;
  bytes = 0;
  readonly #total: number | undefined;
  readonly #onProgress: ((p: ExportProgress) => void) | undefined;

  constructor(total: number | undefined, onProgress: ((p: ExportProgress) => void) | undefined) {
    this.#total = total;
    this.#onProgress = onProgress;
  }

  page(rows: number): void {
    this.written += rows;
    this.pages++;
    this.report();
  }

  report(): void {
    if (!this.#onProgress) return;
    const t = this.#total;
    // Samples that arrive during the export can take it past the count made before it.
    const total = t === undefined ? undefined : Math.max(t, this.written);
    const percent = total === undefined ? undefined : total === 0 ? 100 : Math.floor((this.written / total) * 1000) / 10;
    this.#onProgress({ written: this.written, ...(total !== undefined ? { total, percent: percent! } : {}) });
  }

  summary(): ExportSummary {
    return { written: this.written, pages: this.pages, bytes: this.bytes };
  }
}

async function streamCsv(h: Historian, c: CheckedExport, total: number | undefined, sink: Writable, o: ExportRunOptions): Promise<ExportSummary> {
  const tally = new Tally(total, o.onProgress);
  const errors = watchErrors(sink);
  const put = async (text: string) => {
    errors.check();
    if (text === '') return;
    tally.bytes += Buffer.byteLength(text);
    await writeChunk(sink, text, o.signal);
  };
  try {
    await put(csvHeader(c.mode, c.req.wide === true, c.paths));
    const wide = c.req.wide ? new WideRows(c.paths) : undefined;
    for await (const page of exportPages(h, c, o.pageSize ?? EXPORT_PAGE)) {
      await put(wide ? wide.add(page) : longLines(c.mode, page));
      tally.page(page.length);
    }
    if (wide) await put(wide.finish());
    if (tally.pages === 0) tally.report();
    if (o.end !== false) await endSink(sink);
  } finally {
    errors.stop();
  }
  return tally.summary();
}

/** Append every page to a ParquetBuilder writing `target`, then write the file. */
async function buildParquet(h: Historian, c: CheckedExport, tally: Tally, target: string, workDir: string, o: ExportRunOptions): Promise<void> {
  const builder = await ParquetBuilder.create(c.mode, target, workDir);
  try {
    for await (const page of exportPages(h, c, o.pageSize ?? EXPORT_PAGE)) {
      if (o.signal?.aborted) throw new OutputClosedError('the export was cancelled');
      await builder.append(page);
      tally.page(page.length);
    }
    if (tally.pages === 0) tally.report();
    await builder.write();
  } finally {
    builder.close();
  }
}

async function streamParquet(h: Historian, c: CheckedExport, total: number | undefined, sink: Writable, o: ExportRunOptions): Promise<ExportSummary> {
  const tally = new Tally(total, o.onProgress);
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'causeway-export-'));
  const errors = watchErrors(sink);
  try {
    const file = path.join(workDir, 'export.parquet');
    await buildParquet(h, c, tally, file, workDir, o);
    for await (const chunk of createReadStream(file)) {
      errors.check();
      tally.bytes += (chunk as Buffer).length;
      await writeChunk(sink, chunk as Buffer, o.signal);
    }
    if (o.end !== false) await endSink(sink);
    return tally.summary();
  } finally {
    errors.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}

/** A file stream once the file is open (a missing folder rejects here, not as a stray 'error' later). */
function openFile(file: string): Promise<Writable> {
  return new Promise((resolve, reject) => {
    const stream = createWriteStream(file);
    stream.once('error', reject);
    stream.once('ready', () => {
      stream.off('error', reject);
      resolve(stream);
    });
  });
}

async function writeFile(h: Historian, c: CheckedExport, total: number | undefined, file: string, o: ExportRunOptions): Promise<ExportSummary> {
  const partial = `${file}.partial`;
  try {
    let summary: ExportSummary;
    if (c.req.format === 'csv') {
      summary = await streamCsv(h, c, total, await openFile(partial), { ...o, end: true });
    } else {
      const tally = new Tally(total, o.onProgress);
      const workDir = await mkdtemp(path.join(os.tmpdir(), 'causeway-export-'));
      try {
        await buildParquet(h, c, tally, partial, workDir, o);
      } finally {
        await rm(workDir, { recursive: true, force: true });
      }
      summary = { ...tally.summary(), bytes: (await stat(partial)).size };
    }
    await rename(partial, file);
    return summary;
  } catch (e) {
    await rm(partial, { force: true });
    throw e;
  }
}
