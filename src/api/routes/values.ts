/** GET /api/v1/values — current values at or below a path. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CausewayError } from '../../core/errors.js';
import { checkedPath } from '../params.js';
import { readerOf } from '../readers.js';
import { pathScope } from '../scopes.js';
import { PathQuery, problems, QualityReasonSchema, QualitySchema, ValueSchema } from '../schemas.js';
import type { HubServices } from '../services.js';

export const CurrentValueSchema = Type.Object({
  path: Type.String(),
  value: ValueSchema,
  ts: Type.Number({ description: 'Source timestamp, epoch ms.' }),
  time: Type.String({ description: 'Source timestamp, ISO 8601.' }),
  quality: QualitySchema,
  reason: Type.Optional(QualityReasonSchema),
  unit: Type.Optional(Type.String()),
});

export const valueRoutes: FastifyPluginAsyncTypebox<{ services: HubServices }> = async (app, { services }) => {
  app.get('/values', {
    // A prefix above the reader's zones or subtrees is allowed; the answer holds only what they may read.
    config: { permission: 'read', scope: (r) => ({ ...pathScope(r), navigate: true }) },
    schema: {
      summary: 'Current value, quality and source time of every path at or below `path`.',
      tags: ['values'],
      querystring: Type.Object({ path: PathQuery, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 10_000 })) }),
      response: { 200: Type.Object({ values: Type.Array(CurrentValueSchema), truncated: Type.Boolean() }), ...problems(400, 404) },
    },
  }, async (req) => {
    const path = checkedPath(req.query.path);
    const reader = readerOf(req.principal, (p) => services.security?.zoneOf(p));
    const live = services.namespace.liveUnder(path).filter((s) => reader.sees(s.path));
    if (live.length === 0 && !services.namespace.has(path)) throw new CausewayError('CW_API_PATH_NOT_FOUND', { path });
    const limit = req.query.limit ?? 10_000;
    const values = live.slice(0, limit).map((s) => {
      const unit = services.namespace.attribute(s.path)?.unit;
      return { path: s.path, value: s.value, ts: s.ts, time: new Date(s.ts).toISOString(), quality: s.quality, ...(s.qualityReason ? { reason: s.qualityReason } : {}), ...(unit ? { unit } : {}) };
    });
    return { values, truncated: live.length > limit };
  });
};
