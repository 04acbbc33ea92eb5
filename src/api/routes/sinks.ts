/** GET /api/v1/sinks and /sinks/:id — the status of every sink connection, with its store-and-forward backlog. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ConnectionStatus } from '../../runtime/status.js';
import { problems } from '../schemas.js';
import type { HubServices } from '../services.js';
import { ConnectionSchema, reconnectRoute, seesConnection, visibleConnection } from './connection-access.js';

const SinkSchema = Type.Object({
  ...ConnectionSchema.properties,
  backlog: Type.Integer({ description: "Samples waiting in the sink's store-and-forward buffer (0 when it has none)." }),
});

const withBacklog = (s: ConnectionStatus) => ({ ...s, backlog: s.buffered ?? 0 });

export const sinkRoutes: FastifyPluginAsyncTypebox<{ services: HubServices }> = async (app, { services }) => {
  app.get('/sinks', {
    config: { permission: 'read' },
    schema: {
      summary: 'Status of every sink in the zones you may read: state, since, last success, last error with hint, next retry, backlog.',
      tags: ['sinks'], response: { 200: Type.Object({ sinks: Type.Array(SinkSchema) }), ...problems(401, 403) },
    },
  }, async (req) => ({ sinks: services.sinks().filter((s) => seesConnection(req, s)).map(withBacklog) }));

  app.get('/sinks/:id', {
    config: { permission: 'read' },
    schema: {
      summary: 'Status of one sink, with its backlog.',
      tags: ['sinks'], params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
      response: { 200: SinkSchema, ...problems(401, 403, 404) },
    },
  }, async (req) => withBacklog(visibleConnection(req, services.sinks(), 'sink', req.params.id)));

  await app.register(reconnectRoute('sink'), { services });
};
