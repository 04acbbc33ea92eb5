/** Parsing and checking of query parameters shared by routes. */
import { CausewayError } from '../core/errors.js';
import { pathProblem } from '../core/path.js';
import { parseTime } from '../core/time.js';

/** A valid namespace path or throw CW_PATH_INVALID (a 400). */
export function checkedPath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const problem = pathProblem(trimmed);
  if (problem) throw new CausewayError('CW_PATH_INVALID', { path, problem });
  return trimmed;
}

/** Paths from a repeated and/or comma-separated query parameter, each checked. */
export function checkedPaths(values: string | string[]): string[] {
  const list = (Array.isArray(values) ? values : [values]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  return [...new Set(list.map(checkedPath))];
}

/** A time range from user text, defaulting to the last hour; throws CW_API_BAD_TIME / CW_API_BAD_RANGE. */
export function timeRange(from: string | undefined, to: string | undefined, now: number, defaultSpanMs = 3_600_000): { from: number; to: number } {
  const end = to === undefined ? now : parseTime(to, now);
  if (end === undefined) throw new CausewayError('CW_API_BAD_TIME', { param: 'to', value: String(to) });
  const start = from === undefined ? end - defaultSpanMs : parseTime(from, now);
  if (start === undefined) throw new CausewayError('CW_API_BAD_TIME', { param: 'from', value: String(from) });
  if (start > end) throw new CausewayError('CW_API_BAD_RANGE', { from: new Date(start).toISOString(), to: new Date(end).toISOString() });
  return { from: start, to: end };
}
