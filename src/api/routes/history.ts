/**
 * GET /api/v1/history — raw samples page by page, or aggregates per bucket (avg, twa, delta, …);
 * GET /api/v1/history/at — each path's value at an instant.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CausewayError } from '../../core/errors.js';
import { parseTime } from '../../core/time.js';
import { AGGREGATES, FILLS, type Aggregate, type Fill } from '../../historian/query/types.js';
import { checkAggregate, checkRows, checkSeries, limitsOf } from '../limits.js';
import { checkedPaths, knownParams, knownPaths, timeRange } from '../params.js';
import { pathsScope } from '../scopes.js';
import { problems, QualitySchema, ValueSchema } from '../schemas.js';
import type { HubServices } from '../services.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const NullableValue = Type.Union([ValueSchema, Type.Null()]);

const Query = Type.Object({
  path: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, maxItems: 100, description: 'Paths; repeat the parameter or separate with commas.' }),
  from: Type.Optional(Type.String({ description: 'ISO 8601, epoch ms, now, or relative (-15m, -2h, -7d). Default: an hour before `to`.' })),
  to: Type.Optional(Type.String({ description: 'Exclusive end; default now.' })),
  agg: Type.Optional(literals(AGGREGATES)),
  interval: Type.Optional(Type.String({ pattern: '^\\d+(ms|s|m|h|d|w|mo|y)?$', description: 'Bucket size with aggregates: 500ms, 10s, 1m, 1h (fixed), 1d, 1w, 1mo, 1y (calendar, in tz).' })),
  fill: Type.Optional(literals(FILLS)),
  tz: Type.Optional(Type.String({ maxLength: 64, description: 'IANA time zone for calendar buckets; default UTC.' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'Raw mode: samples per page; at most, and by default, api.limits.maxRows (100,000 unless configured).' })),
  cursor: Type.Optional(Type.String({ maxLength: 2048, description: 'Raw mode: the cursor of the previous page.' })),
});

const AtQuery = Type.Object({ path: Query.properties.path, time: Type.String({ description: 'ISO 8601, epoch ms, now, or relative.' }) });

const RawSeries = Type.Object({ path: Type.String(), unit: Type.Optional(Type.String()), samples: Type.Array(Type.Object({ ts: Type.Number(), value: ValueSchema, quality: QualitySchema })) });
const AggSeries = Type.Object({
  path: Type.String(), unit: Type.Optional(Type.String()), agg: Type.String(),
  buckets: Type.Array(Type.Object({ start: Type.Number(), end: Type.Number(), value: NullableValue, count: Type.Integer(), bad: Type.Integer(), filled: Type.Optional(Type.Boolean()) })),
});

export const historyRoutes: FastifyPluginAsyncTypebox<{ services: HubServices }> = async (app, { services }) => {
  const unitOf = (path: string) => services.namespace.attribute(path)?.unit;
  const withUnit = (path: string) => (unitOf(path) ? { path, unit: unitOf(path)! } : { path });

  const has = (p: string) => services.namespace.has(p);

  app.get('/history', {
    config: { permission: 'read', scope: pathsScope },
    preValidation: knownParams(Query),
    schema: {
      summary: 'History of one or more paths: raw samples (paged with a cursor), or with `agg` and `interval` one value per bucket.',
      description: 'Aggregates: avg, twa (time-weighted, including the value in force at each bucket start), min, max, count, first, last, sum, stddev, delta (counters, rollover- and reset-safe), integral. Bad samples are left out of aggregates and counted per bucket. fill: none | previous | linear. twa and integral follow each attribute\'s interpolation, delta its counter range and drop rule (config: interpolation, rolloverAt or bits, onDrop). Unknown parameters or values are refused (422) with the allowed ones; a path nothing is at answers 404.',
      tags: ['history'],
      querystring: Query,
      response: {
        200: Type.Object({ from: Type.Number(), to: Type.Number(), truncated: Type.Boolean(), cursor: Type.Optional(Type.String()), series: Type.Array(Type.Union([AggSeries, RawSeries])) }),
        ...problems(400, 404, 422),
      },
    },
  }, async (req) => {
    const q = req.query;
    const paths = checkedPaths(q.path);
    // The request is checked as written (400, 422) before the paths are looked up (404).
    const range = timeRange(q.from, q.to, services.now());
    if (q.agg) {
      if (!q.interval) throw new CausewayError('CW_API_BAD_REQUEST', { problem: `agg=${q.agg} needs an interval, e.g. interval=1m` });
      checkAggregate(limitsOf(services), { paths: paths.length, ...range, interval: q.interval, ...(q.tz ? { timeZone: q.tz } : {}) });
      knownPaths(paths, has);
      const series = await services.historyAggregate({ paths, ...range, agg: q.agg as Aggregate, interval: q.interval, fill: (q.fill ?? 'none') as Fill, ...(q.tz ? { timeZone: q.tz } : {}) });
      return { ...range, truncated: false, series: series.map((s) => ({ ...withUnit(s.path), agg: q.agg!, buckets: s.buckets })) };
    }
    if (q.interval || q.fill) throw new CausewayError('CW_API_BAD_REQUEST', { problem: 'interval and fill go with agg (e.g. agg=twa&interval=1m); without agg the answer is raw samples' });
    checkSeries(limitsOf(services), paths.length);
    // A page asked for is checked; without one, the page is as large as the limit allows.
    if (q.limit !== undefined) checkRows(limitsOf(services), q.limit);
    knownPaths(paths, has);
    const limit = q.limit ?? Math.min(100_000, limitsOf(services).maxRows);
    const page = await services.historyRaw({ paths, ...range, limit, ...(q.cursor ? { cursor: q.cursor } : {}) });
    const series = new Map(paths.map((p) => [p, { ...withUnit(p), samples: [] as { ts: number; value: number | boolean | string; quality: 'good' | 'uncertain' | 'bad' }[] }]));
    for (const r of page.samples) series.get(r.path)?.samples.push({ ts: r.ts, value: r.value, quality: r.quality });
    return { ...range, truncated: page.cursor !== undefined, ...(page.cursor ? { cursor: page.cursor } : {}), series: [...series.values()] };
  });

  app.get('/history/at', {
    config: { permission: 'read', scope: pathsScope },
    preValidation: knownParams(AtQuery),
    schema: {
      summary: 'Each path\'s value at an instant: the sample there, or interpolated as the attribute says (default: numbers linearly, booleans, strings and states by step).',
      tags: ['history'],
      querystring: AtQuery,
      response: {
        200: Type.Object({
          time: Type.Number(),
          values: Type.Array(Type.Object({
            path: Type.String(), unit: Type.Optional(Type.String()), value: NullableValue, quality: Type.Optional(QualitySchema),
            method: Type.String({ description: 'exact, step, linear, or none when no sample lies before the time.' }),
            priorTs: Type.Optional(Type.Number()), nextTs: Type.Optional(Type.Number()),
          })),
        }),
        ...problems(400, 404, 422),
      },
    },
  }, async (req) => {
    const paths = checkedPaths(req.query.path);
    const time = parseTime(req.query.time, services.now());
    if (time === undefined) throw new CausewayError('CW_API_BAD_TIME', { param: 'time', value: req.query.time });
    knownPaths(paths, has);
    const values = await services.historyAt(paths, time);
    return { time, values: values.map(({ ts: _ts, ...v }) => ({ ...v, ...(unitOf(v.path) ? { unit: unitOf(v.path)! } : {}) })) };
  });
};
