/** GET /api/v1/quarantine — samples the sinks' data contracts refused, by sink and reason. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { siteScope } from '../scopes.js';
import { problems, QualitySchema, ValueSchema } from '../schemas.js';
import type { HubServices } from '../services.js';

const QuarantinedSchema = Type.Object({
  path: Type.String(), value: ValueSchema, ts: Type.Number({ description: 'Source timestamp, epoch ms.' }), quality: QualitySchema,
  problem: Type.String({ description: 'What breaks the contract.' }), at: Type.Number({ description: 'When the hub quarantined it, epoch ms.' }),
});
const ReasonSchema = Type.Object({
  reason: Type.Union([Type.Literal('type_mismatch'), Type.Literal('out_of_range'), Type.Literal('unit_mismatch'), Type.Literal('missing_required')]),
  count: Type.Integer(),
  last: Type.Array(QuarantinedSchema, { description: 'The last few samples, newest first.' }),
});

export const quarantineRoutes: FastifyPluginAsyncTypebox<{ services: HubServices }> = async (app, { services }) => {
  app.get('/quarantine', {
    config: { permission: 'read', scope: siteScope },
    schema: {
      summary: "Samples refused by sinks' data contracts: counts per reason and the last few samples of each, per sink.",
      tags: ['namespace'],
      querystring: Type.Object({ sink: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$', description: 'Only this sink.' })) }),
      response: {
        200: Type.Object({
          total: Type.Integer(),
          sinks: Type.Array(Type.Object({ sink: Type.String(), contract: Type.Object({ template: Type.String(), version: Type.Integer() }), total: Type.Integer(), reasons: Type.Array(ReasonSchema) })),
        }),
        ...problems(400),
      },
    },
  }, async (req) => services.namespace.quarantine(req.query.sink));
};
