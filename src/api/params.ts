/** Parsing and checking of query parameters shared by routes. */
import type { FastifyRequest, preValidationAsyncHookHandler } from 'fastify';
import { closest } from '../config/suggest.js';
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

/** The route as a user writes it, e.g. GET /api/v1/history. */
function routeName(req: FastifyRequest): string {
  return `${req.method} ${req.routeOptions.url ?? req.url.split('?')[0]}`;
}

/**
 * A preValidation hook refusing query parameters the route's schema does not name (CW_API_UNKNOWN_PARAMETER,
 * 422, with the allowed ones): a misspelled `timezone=` must not answer silently in UTC.
 */
export function knownParams(schema: { properties: Record<string, unknown> }): preValidationAsyncHookHandler {
  const allowed = Object.keys(schema.properties);
  return async function refuseUnknownParams(req) {
    for (const param of Object.keys((req.query ?? {}) as object)) {
      if (allowed.includes(param)) continue;
      const suggestion = closest(param.toLowerCase(), allowed) ?? PARAM_ALIASES[param.toLowerCase()];
      throw new CausewayError('CW_API_UNKNOWN_PARAMETER', { param, route: routeName(req), allowed: allowed.join(', '), ...(suggestion && allowed.includes(suggestion) ? { suggestion } : {}) });
    }
  };
}

/** Names people reach for that the API spells otherwise. */
const PARAM_ALIASES: Readonly<Record<string, string>> = { timezone: 'tz', zone: 'tz', time_zone: 'tz', aggregate: 'agg', start: 'from', end: 'to', paths: 'path', bucket: 'interval' };

/** Refuse a path nothing in the namespace (nor the historian's known paths) is at or below: 404, as /values does. */
export function knownPaths(paths: readonly string[], has: (path: string) => boolean): void {
  for (const path of paths) if (!has(path)) throw new CausewayError('CW_API_PATH_NOT_FOUND', { path });
}
