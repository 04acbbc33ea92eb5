/** GET /api/v1/lineage — which source and tag feed a value, through which transforms, and who uses it. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CausewayError } from '../../core/errors.js';
import { checkedPath } from '../params.js';
import { pathScope } from '../scopes.js';
import { PathQuery, problems } from '../schemas.js';
import type { HubServices } from '../services.js';
import { AttributeSchema } from './namespace.js';

const Open = { additionalProperties: true } as const;

const SourceSchema = Type.Object({
  id: Type.String(), kind: Type.Optional(Type.String()), zone: Type.Optional(Type.String()),
  tag: Type.Object({ path: Type.String(), id: Type.String(), configured: Type.Boolean({ description: 'False for a tag the source discovered itself.' }) }, { ...Open, description: 'The tag config: unit, scale, offset, clamp, deadband, type, description.' }),
});
const TransformSchema = Type.Object(
  { stage: Type.String({ description: 'normalize, deadband, value-map, scale, unit-conversion or calculation.' }) },
  { ...Open, description: 'One step on the way, in order, with its settings; a calculation lists its inputs, evaluations and errors.' },
);
const ConsumerSchema = Type.Object({ kind: Type.Union([Type.Literal('historian'), Type.Literal('sink'), Type.Literal('calculation')]) }, { ...Open, description: 'historian; sink (id, sinkKind, zone, contract); calculation (path).' });

export const LineageSchema = Type.Object({
  path: Type.String(),
  kind: Type.Union([Type.Literal('bound'), Type.Literal('calculated'), Type.Literal('unbound'), Type.Literal('raw')]),
  attribute: Type.Optional(AttributeSchema),
  zone: Type.Optional(Type.String({ description: "The zone its values belong to: the source's, or the hub's for a calculation." })),
  source: Type.Optional(SourceSchema),
  upstream: Type.Array(Type.String(), { description: 'Every raw tag upstream, through calculations.' }),
  transforms: Type.Array(TransformSchema),
  consumers: Type.Array(ConsumerSchema),
  excluded: Type.Array(Type.Object({ sink: Type.String(), reason: Type.String() }), { description: 'Sinks that do not get it, and why.' }),
});

export const lineageRoutes: FastifyPluginAsyncTypebox<{ services: HubServices }> = async (app, { services }) => {
  app.get('/lineage', {
    config: { permission: 'read', scope: pathScope },
    schema: {
      summary: 'Where the values of an attribute or raw tag come from (source, tag, transforms, calculation inputs) and where they go (historian, sinks, calculations).',
      tags: ['namespace'],
      querystring: Type.Object({ path: PathQuery }),
      response: { 200: LineageSchema, ...problems(400, 404) },
    },
  }, async (req) => {
    const path = checkedPath(req.query.path);
    const lineage = services.namespace.lineage(path);
    if (lineage) return lineage;
    if (services.namespace.asset(path)) throw new CausewayError('CW_NAMESPACE_NOT_AN_ATTRIBUTE', { path, kind: 'an asset' });
    if (services.namespace.has(path)) throw new CausewayError('CW_NAMESPACE_NOT_AN_ATTRIBUTE', { path, kind: 'a folder' });
    throw new CausewayError('CW_API_PATH_NOT_FOUND', { path });
  });
};
