/**
 * Raw samples page by page: an opaque cursor for the API, and pages that never split the samples
 * of one path at one instant, so paging has no gaps and no duplicates even when a path holds two
 * samples with the same time.
 */
import { CausewayError } from '../../core/errors.js';
import type { Historian, RawCursor, StoredSample } from '../types.js';

/** A page request: `cursor` is the one the previous page returned. */
export interface RawPageRequest {
  paths: readonly string[];
  from: number;
  to: number;
  /** Samples per page; a page can hold a few more when its last instant has several samples of one path. */
  limit: number;
  cursor?: string;
}

export interface RawPage {
  samples: StoredSample[];
  /** Present when more samples may follow: pass it back to get the next page. */
  cursor?: string;
}

/** The opaque text of a cursor: base64url of `[ts, path]`. */
export function encodeCursor(c: RawCursor): string {
  return Buffer.from(JSON.stringify([c.ts, c.path]), 'utf8').toString('base64url');
}

/** The cursor a text stands for; throws CW_HISTORIAN_QUERY_INVALID when it is not one. */
export function decodeCursor(text: string): RawCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (Array.isArray(parsed) && parsed.length === 2 && Number.isSafeInteger(parsed[0]) && typeof parsed[1] === 'string') {
    return { ts: parsed[0] as number, path: parsed[1] as string };
  }
  throw new CausewayError('CW_HISTORIAN_QUERY_INVALID', { problem: 'the cursor is not one this hub handed out; start again without a cursor' });
}

/** One page of raw samples by (ts, then path), resuming after `after`. */
export async function readPage(
  historian: Historian, q: { paths: readonly string[]; from: number; to: number }, limit: number, after?: RawCursor,
): Promise<{ samples: StoredSample[]; next?: RawCursor }> {
  const page = await historian.queryRaw({ paths: q.paths, from: q.from, to: q.to, limit, ...(after ? { after } : {}) });
  if (page.length < limit || page.length === 0) return { samples: page };
  const last = page[page.length - 1]!;
  // The page may end inside a run of samples with last's (ts, path): take the whole run.
  let keep = page.length;
  while (keep > 0 && page[keep - 1]!.ts === last.ts && page[keep - 1]!.path === last.path) keep--;
  const run = await historian.queryRaw({ paths: [last.path], from: last.ts, to: last.ts + 1 });
  return { samples: page.slice(0, keep).concat(run), next: { ts: last.ts, path: last.path } };
}

/** A page for the API, with an opaque cursor to the next one. */
export async function queryRawPage(historian: Historian, req: RawPageRequest): Promise<RawPage> {
  if (!Number.isSafeInteger(req.limit) || req.limit < 1) {
    throw new CausewayError('CW_HISTORIAN_QUERY_INVALID', { problem: `limit ${String(req.limit)} is not a whole number of 1 or more` });
  }
  const after = req.cursor === undefined ? undefined : decodeCursor(req.cursor);
  const { samples, next } = await readPage(historian, req, req.limit, after);
  return next ? { samples, cursor: encodeCursor(next) } : { samples };
}

/**
 * Every raw sample of the range, page by page, in (ts, then path) order. The range is read in
 * consecutive time windows sized to hold about one page each (learnt from the samples seen so
 * far), so no query sorts more than a window's worth of rows: a cursor alone over a long range
 * would make every page re-sort everything after it. Empty stretches grow the window fourfold.
 */
export async function* scanRaw(
  historian: Historian, q: { paths: readonly string[]; from: number; to: number }, pageSize: number,
): AsyncGenerator<StoredSample[]> {
  let span = Math.max(1, Math.ceil((q.to - q.from) / 64));
  for (let from = q.from; from < q.to;) {
    const to = Math.min(q.to, from + span);
    let seen = 0;
    let after: RawCursor | undefined;
    do {
      const page = await readPage(historian, { paths: q.paths, from, to }, pageSize, after);
      seen += page.samples.length;
      if (page.samples.length > 0) yield page.samples;
      after = page.next;
    } while (after !== undefined);
    span = seen === 0 ? span * 4 : Math.min(span * 4, Math.max(1, Math.round((span * pageSize) / seen)));
    from = to;
  }
}
