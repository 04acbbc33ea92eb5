/**
 * Values at an instant: the sample at or before it, held (step) or joined by a straight line to
 * the sample after it (linear). Bad samples are skipped, as in the aggregates.
 */
import { CausewayError } from '../../core/errors.js';
import type { Quality } from '../../core/sample.js';
import type { Historian, StoredSample } from '../types.js';
import type { Interpolation, ValueAt } from './types.js';

function worse(a: Quality, b: Quality): Quality {
  const rank: Record<Quality, number> = { good: 0, uncertain: 1, bad: 2 };
  return rank[a] >= rank[b] ? a : b;
}

/**
 * The value of a path at `t` from `before` (the last usable sample with ts <= t) and `after` (the
 * first with ts > t). Linear only between two numbers when the mode is linear; otherwise the
 * value of `before` holds. Without `before` there is no value.
 */
export function interpolateAt(path: string, t: number, mode: Interpolation, before?: StoredSample, after?: StoredSample): ValueAt {
  if (before === undefined || before.ts > t) return { path, ts: t, value: null, method: 'none' };
  if (before.ts === t) return { path, ts: t, value: before.value, quality: before.quality, method: 'exact', priorTs: before.ts };
  const a = before.value;
  const b = after?.value;
  if (mode === 'linear' && after !== undefined && after.ts > t && typeof a === 'number' && typeof b === 'number') {
    const value = a + ((b - a) * (t - before.ts)) / (after.ts - before.ts);
    return { path, ts: t, value, quality: worse(before.quality, after.quality), method: 'linear', priorTs: before.ts, nextTs: after.ts };
  }
  return { path, ts: t, value: a, quality: before.quality, method: 'step', priorTs: before.ts };
}

/**
 * The value of each path at `time` (epoch ms), in the order of `paths` (each path once).
 * `interpolation` gives each path's mode for numbers (default linear); booleans and strings step.
 */
export async function valuesAt(
  historian: Historian, paths: readonly string[], time: number, interpolation: (path: string) => Interpolation = () => 'linear',
): Promise<ValueAt[]> {
  if (typeof time !== 'number' || !Number.isFinite(time)) {
    throw new CausewayError('CW_HISTORIAN_QUERY_INVALID', { problem: `time ${String(time)} is not a time in epoch milliseconds` });
  }
  const t = Math.floor(time); // stored times are whole milliseconds
  const unique = [...new Set(paths)];
  const modes = new Map(unique.map((p) => [p, interpolation(p)]));
  const linearPaths = unique.filter((p) => modes.get(p) === 'linear');
  const [before, after] = await Promise.all([
    historian.priorValues(unique, t + 1, { excludeBad: true }),
    linearPaths.length > 0 ? historian.nextValues(linearPaths, t + 1, { excludeBad: true }) : Promise.resolve([]),
  ]);
  const byPath = (rows: StoredSample[]) => new Map(rows.map((s) => [s.path, s]));
  const b = byPath(before);
  const a = byPath(after);
  return unique.map((p) => interpolateAt(p, t, modes.get(p)!, b.get(p), a.get(p)));
}
