/** GET /api/v1/sources — the status of every source connection; POST /sources/:id/reconnect connects one now. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problems } from '../schemas.js';
import type { HubServices } from '../services.js';
import { ConnectionSchema, reconnectRoute, seesConnection, visibleConnection } from './connection-access.js';
import { visibleSource } from '../zone-guard.js';

export { ConnectionSchema };

export const sourceRoutes: FastifyPluginAsyncTypebox<{ services: HubServices }> = async (app, { services }) => {
  app.get('/sources', {
    config: { permission: 'read' },
    schema: { summary: 'Status of every source in the zones you may read: state, since, last success, last error, next retry.', tags: ['sources'], response: { 200: Type.Object({ sources: Type.Array(ConnectionSchema) }) } },
  }, async (req) => ({ sources: services.sources().filter((s) => seesConnection(req, s)) }));

  const Params = Type.Object({ id: Type.String({ maxLength: 64 }) });

  app.get('/sources/:id', {
    config: { permission: 'read' },
    schema: {
      summary: 'Status of one source, with what the connector shows of its inner state (quarantined payloads, sessions, counters).',
      tags: ['sources'], params: Params,
      response: { 200: Type.Object({ ...ConnectionSchema.properties, details: Type.Optional(Type.Record(Type.String(), Type.Unknown())) }), ...problems(404) },
    },
  }, async (req) => {
    const found = visibleConnection(req, services.sources(), 'source', req.params.id);
    const details = services.sourceDetails(req.params.id);
    return { ...found, ...(details ? { details } : {}) };
  });

  app.get('/sources/:id/device', {
    config: { permission: 'read' },
    schema: {
      summary: "Ask the source's device who it is: manufacturer, product, firmware (for the asset inventory).",
      tags: ['sources'], params: Params,
      response: { 200: Type.Record(Type.String(), Type.String()), ...problems(400, 404, 502, 503) },
    },
  }, async (req) => {
    visibleSource(req, services, req.params.id);
    return services.discover(req.params.id) as Promise<Record<string, string>>;
  });

  app.get('/sources/:id/browse', {
    config: { permission: 'read' },
    schema: {
      summary: "Browse the device's address space one level and one page at a time (OPC UA).",
      tags: ['sources'], params: Params,
      querystring: Type.Object({ address: Type.Optional(Type.String({ maxLength: 1024 })), cursor: Type.Optional(Type.String({ maxLength: 4096 })) }),
      response: {
        200: Type.Object({ nodes: Type.Array(Type.Object({ address: Type.String(), name: Type.String(), hasChildren: Type.Boolean(), type: Type.Optional(Type.String()) })), cursor: Type.Optional(Type.String()) }),
        ...problems(400, 404, 502, 503),
      },
    },
  }, async (req) => {
    visibleSource(req, services, req.params.id);
    return services.browse(req.params.id, req.query.address, req.query.cursor);
  });

  await app.register(reconnectRoute('source'), { services });
};
