/**
 * GET /api/v1/export — history of a path set and a time range as a CSV or Parquet download,
 * streamed page by page. The request is checked and counted before the first byte, so a bad or
 * oversized one is answered with problem+json; once streaming, a failure cuts the body short.
 */
import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { CausewayError } from '../../core/errors.js';
import { EXPORT_FORMATS } from '../../historian/export/index.js';
import type { ExportFormat, ExportPlan } from '../../historian/export/index.js';
import { AGGREGATES, FILLS } from '../../historian/query/types.js';
import type { Aggregate, Fill } from '../../historian/query/types.js';
import { checkedPaths, knownParams, knownPaths, timeRange } from '../params.js';
import { checkSeries, limitsOf } from '../limits.js';
import { pathsScope } from '../scopes.js';
import { problems } from '../schemas.js';
import type { HubServices } from '../services.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

const Query = Type.Object({
  path: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, maxItems: 1000, description: 'Paths; repeat the parameter or separate with commas.' }),
  from: Type.Optional(Type.String({ description: 'ISO 8601, epoch ms, now, or relative (-15m, -2h, -7d). Default: a day before `to`.' })),
  to: Type.Optional(Type.String({ description: 'Exclusive end; default now.' })),
  format: Type.Optional(literals(EXPORT_FORMATS)),
  wide: Type.Optional(Type.Boolean({ description: 'CSV only: one column per path and one row per timestamp (bad samples blank).' })),
  agg: Type.Optional(literals(AGGREGATES)),
  interval: Type.Optional(Type.String({ pattern: '^\\d+(ms|s|m|h|d|w|mo|y)?$', description: 'Bucket size with agg: 1m, 15m, 1h, 1d …' })),
  tz: Type.Optional(Type.String({ maxLength: 64, description: 'IANA time zone for calendar buckets; default UTC.' })),
  fill: Type.Optional(literals(FILLS)),
});

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  parquet: 'application/vnd.apache.parquet',
};

/** A download name from the paths and the range: safe characters only, so it needs no quoting. */
export function exportFileName(paths: readonly string[], from: number, to: number, format: ExportFormat): string {
  const stamp = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
  const what = paths.length === 1 ? paths[0]!.split('/').slice(-2).join('_') : `${paths.length}-paths`;
  return `${what.replace(/[^A-Za-z0-9_-]/g, '_')}_${stamp(from)}_${stamp(to)}.${format}`;
}

/** Every export is in the audit log: who took which paths over which range. */
const exportAudit = (r: FastifyRequest) => {
  const q = r.query as { path: string | string[]; from?: string; to?: string; format?: string; agg?: string };
  return { action: 'export', target: checkedPaths(q.path).join(','), detail: { from: q.from ?? null, to: q.to ?? null, format: q.format ?? 'csv', ...(q.agg ? { agg: q.agg } : {}) } };
};

export const exportRoutes: FastifyPluginAsyncTypebox<{ services: HubServices }> = async (app, { services }) => {
  app.get('/export', {
    config: { permission: 'read', scope: pathsScope, audit: exportAudit },
    preValidation: knownParams(Query),
    schema: {
      summary: 'Download history as CSV or Parquet: raw samples, or with `agg` and `interval` one value per bucket.',
      description: 'CSV (RFC 4180, CRLF, ISO 8601 UTC times): long `time,path,value,quality` (raw) or `time,path,value,count,bad` (agg); `wide=true` gives one column per path. Parquet: columns time (UTC), path, value (numbers), value_bool, value_text, quality (raw) or count, bad (agg), zstd. The number of rows counted before the download starts is in the X-Export-Rows header. Bounded: the hub refuses ranges or row counts above its export limits.',
      tags: ['history'],
      querystring: Query,
      produces: Object.values(CONTENT_TYPES),
      response: {
        200: Type.Unsafe<PassThrough>({ description: 'The file (CSV or Parquet), streamed.' }),
        ...problems(400, 404, 422),
      },
    },
  }, async (req, reply) => {
    const q = req.query;
    const paths = checkedPaths(q.path);
    const range = timeRange(q.from, q.to, services.now(), 86_400_000);
    const format = q.format ?? 'csv';
    if (q.agg === undefined && q.interval !== undefined) throw new CausewayError('CW_API_BAD_REQUEST', { problem: 'interval goes with agg (e.g. agg=avg&interval=1m); without agg the export holds raw samples' });
    if (q.agg === undefined && q.fill !== undefined) throw new CausewayError('CW_API_BAD_REQUEST', { problem: 'fill goes with agg and interval (e.g. agg=avg&interval=1m&fill=previous)' });
    if (q.agg !== undefined && q.interval === undefined) throw new CausewayError('CW_API_BAD_REQUEST', { problem: `agg=${q.agg} needs an interval, e.g. interval=1m` });
    // The range and the rows are bounded by the export limits (prepareExport), counted before the first byte.
    checkSeries(limitsOf(services), paths.length);
    knownPaths(paths, (p) => services.namespace.has(p));
    const plan = await services.prepareExport({
      paths, ...range, format, ...(q.wide ? { wide: true } : {}),
      ...(q.agg ? { agg: q.agg as Aggregate, interval: q.interval! } : {}), ...(q.tz ? { timeZone: q.tz } : {}), ...(q.fill ? { fill: q.fill as Fill } : {}),
    });
    const body = stream(plan, req.log);
    reply.raw.once('close', () => body.abort());
    return reply
      .type(CONTENT_TYPES[format])
      .header('content-disposition', `attachment; filename="${exportFileName(paths, range.from, range.to, format)}"`)
      .header('cache-control', 'no-store')
      .header('x-export-rows', plan.total === undefined ? 'unknown' : String(plan.total))
      .send(body.stream);
  });
};

/** Run the plan into a stream the reply sends; a failure midway ends the body early (the client sees a cut transfer). */
function stream(plan: ExportPlan, log: { warn: (o: object, msg: string) => void }): { stream: PassThrough; abort: () => void } {
  const out = new PassThrough();
  const cancel = new AbortController();
  plan.run(out, { signal: cancel.signal }).catch((e: unknown) => {
    if (!cancel.signal.aborted) log.warn({ err: e }, 'history export stopped before the end');
    out.destroy(e instanceof Error ? e : new Error(String(e)));
  });
  return { stream: out, abort: () => cancel.abort() };
}
