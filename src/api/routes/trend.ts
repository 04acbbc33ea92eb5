/** GET /api/v1/trend — history reduced for a chart: at most four points per pixel column (M4). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { MAX_PIXELS } from '../../historian/query/m4.js';
import { checkTrend, limitsOf } from '../limits.js';
import { checkedPaths, knownParams, knownPaths, timeRange } from '../params.js';
import { pathsScope } from '../scopes.js';
import { problems, QualitySchema, ValueSchema } from '../schemas.js';
import type { HubServices } from '../services.js';

const Query = Type.Object({
  path: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, maxItems: 100, description: 'Paths; repeat the parameter or separate with commas.' }),
  from: Type.Optional(Type.String({ description: 'ISO 8601, epoch ms, now, or relative (-15m, -2h, -7d). Default: an hour before `to`.' })),
  to: Type.Optional(Type.String({ description: 'Exclusive end; default now.' })),
  pixels: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PIXELS, default: 1000, description: 'Width of the chart in pixels: [from, to) is split into this many equal columns.' })),
});

const Point = Type.Object({ ts: Type.Number(), value: ValueSchema, quality: QualitySchema });
const Series = Type.Object({ path: Type.String(), unit: Type.Optional(Type.String()), points: Type.Array(Point) });

export const trendRoutes: FastifyPluginAsyncTypebox<{ services: HubServices }> = async (app, { services }) => {
  app.get('/trend', {
    config: { permission: 'read', scope: pathsScope },
    preValidation: knownParams(Query),
    schema: {
      summary: 'History reduced for a chart: per pixel column the first, last, smallest and largest sample (M4), so the line drawn is the line of every sample.',
      description: 'At most 4 × pixels points per path, in time order; bad samples are left out. Numbers and booleans keep every extreme; strings keep the first and last state of each column. For long ranges the hub may round columns to whole minutes or hours to answer from its rollups (`grain`).',
      tags: ['history'],
      querystring: Query,
      response: {
        200: Type.Object({
          from: Type.Number(), to: Type.Number(), pixels: Type.Integer(),
          grain: Type.Integer({ description: 'Column edges are rounded to multiples of this many ms (1: not rounded).' }),
          series: Type.Array(Series),
        }),
        ...problems(400, 404, 422),
      },
    },
  }, async (req) => {
    const paths = checkedPaths(req.query.path);
    const range = timeRange(req.query.from, req.query.to, services.now());
    const pixels = req.query.pixels ?? 1000;
    checkTrend(limitsOf(services), { paths: paths.length, ...range, pixels });
    knownPaths(paths, (p) => services.namespace.has(p));
    const answer = await services.historyTrend({ paths, ...range, pixels });
    const unitOf = (path: string) => services.namespace.attribute(path)?.unit;
    const series = answer.series.map((s) => (unitOf(s.path) ? { path: s.path, unit: unitOf(s.path)!, points: s.points } : s));
    return { ...range, pixels, grain: answer.grain, series };
  });
};
