/**
 * Pure parts of reads that combine a database answer with rows still in the write buffer: edge
 * values (the sample before or after an instant), value statistics per bucket and M4 cells.
 */
import { addSample, emptyStats } from '../query/accumulator.js';
import { M4Builder } from '../query/m4.js';
import type { M4Spec } from '../query/m4.js';
import { bucketIndex } from '../query/series.js';
import type { BucketStats, M4Cell, StoredSample } from '../types.js';
import { toStored } from './encoding.js';
import type { Row } from './encoding.js';
import type { EdgeRead } from './store.js';

/** Rows of the buffer a read must add to its database answer: the first `n` of each array. */
export type BufferedRows = readonly { rows: readonly Row[]; n: number }[];

function* eachRow(buffered: BufferedRows): Generator<Row> {
  for (const { rows, n } of buffered) for (let i = 0; i < n; i++) yield rows[i]!;
}

/** True when `a` is nearer to the edge's instant than `b` on its side. */
function nearer(a: { ts: number }, b: { ts: number } | undefined, side: EdgeRead['side']): boolean {
  return b === undefined || (side === 'before' ? a.ts > b.ts : a.ts < b.ts);
}

/**
 * Per wanted tag, the sample next to the edge's instant among the database answer and the
 * buffered rows, in the order of `paths` (paths without one are left out).
 */
export function mergeEdges(
  paths: readonly string[], idOf: ReadonlyMap<string, number>, db: readonly StoredSample[], buffered: BufferedRows, edge: EdgeRead,
): StoredSample[] {
  const best = new Map<string, StoredSample>();
  for (const s of db) if (nearer(s, best.get(s.path), edge.side)) best.set(s.path, s);
  const wanted = new Set(paths.flatMap((p) => idOf.get(p) ?? []));
  for (const r of eachRow(buffered)) {
    if (!wanted.has(r.tagId) || (edge.excludeBad && r.quality === 2)) continue;
    if (edge.side === 'before' ? r.ts >= edge.at : r.ts < edge.at) continue;
    if (nearer(r, best.get(r.path), edge.side)) best.set(r.path, toStored(r));
  }
  return paths.flatMap((p) => best.get(p) ?? []);
}

/** Value statistics of the buffered rows of `wanted` tags per bucket of `edges` (buckets without rows left out). */
export function bufferedStats(buffered: BufferedRows, wanted: ReadonlySet<number>, edges: readonly number[]): BucketStats[] {
  const from = edges[0]!;
  const to = edges[edges.length - 1]!;
  const out = new Map<string, BucketStats>();
  for (const r of eachRow(buffered)) {
    if (!wanted.has(r.tagId) || r.ts < from || r.ts >= to) continue;
    const bucket = bucketIndex(edges, r.ts);
    const key = `${bucket}\u0000${r.path}`;
    let st = out.get(key);
    if (st === undefined) {
      st = { path: r.path, bucket, ...emptyStats() };
      out.set(key, st);
    }
    if (r.quality === 2) st.bad++;
    else addSample(st, r.ts, r.value);
  }
  return [...out.values()];
}

/** M4 cells of the buffered rows of `wanted` tags (bad ones and those outside the range left out). */
export function bufferedM4(buffered: BufferedRows, wanted: ReadonlySet<number>, spec: M4Spec): M4Cell[] {
  const b = new M4Builder(spec);
  for (const r of eachRow(buffered)) if (wanted.has(r.tagId)) b.addSample(toStored(r));
  return b.cells();
}
