/** GET /api/v1/sources — the status of every source connection; POST /sources/:id/reconnect connects one now. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problems } from '../schemas.js';
import type { HubServices } from '../services.js';
import type { ConnectionStatus } from '../../runtime/status.js';
import { ConnectionSchema, reconnectRoute, seesConnection, visibleConnection } from './connection-access.js';
import { BrowseNodeSchema, SourceSchema } from './source-schemas.js';
import { visibleSource } from '../zone-guard.js';

export { ConnectionSchema };

const NONE = { identify: false, browse: false, write: false };
const QUIET = { valuesPerSecond: 0, valuesPerMinute: 0, valuesInWindow: 0, windowSeconds: 0 };

/** A source's status with every source field present (a status built elsewhere may lack them). */
function sourceView(s: ConnectionStatus) {
  return { ...s, capabilities: s.capabilities ?? NONE, arrivals: s.arrivals ?? QUIET, problems: s.problems ?? [] };
}

export const sourceRoutes: FastifyPluginAsyncTypebox<{ services: HubServices }> = async (app, { services }) => {
  app.get('/sources', {
    config: { permission: 'read' },
    schema: {
      summary: 'Status of every source in the zones you may read: state, since, last success, last error, next retry; what its device can be asked (capabilities), how fast its values arrive, and what is wrong with them while the link is up (problems).',
      tags: ['sources'], response: { 200: Type.Object({ sources: Type.Array(SourceSchema) }) },
    },
  }, async (req) => ({ sources: services.sources().filter((s) => seesConnection(req, s)).map(sourceView) }));

  const Params = Type.Object({ id: Type.String({ maxLength: 64 }) });

  app.get('/sources/:id', {
    config: { permission: 'read' },
    schema: {
      summary: 'Status of one source, with what the connector shows of its inner state (quarantined payloads, sessions, counters).',
      tags: ['sources'], params: Params,
      response: { 200: Type.Object({ ...SourceSchema.properties, details: Type.Optional(Type.Record(Type.String(), Type.Unknown())) }), ...problems(404) },
    },
  }, async (req) => {
    const found = visibleConnection(req, services.sources(), 'source', req.params.id);
    const details = services.sourceDetails(req.params.id);
    return { ...sourceView(found), ...(details ? { details } : {}) };
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
      summary: "Browse the device's address space one level and one page at a time (OPC UA); variables come with their data type, current value and access level.",
      tags: ['sources'], params: Params,
      querystring: Type.Object({ address: Type.Optional(Type.String({ maxLength: 1024 })), cursor: Type.Optional(Type.String({ maxLength: 4096 })) }),
      response: {
        200: Type.Object({ nodes: Type.Array(BrowseNodeSchema), cursor: Type.Optional(Type.String()) }),
        ...problems(400, 404, 502, 503),
      },
    },
  }, async (req) => {
    visibleSource(req, services, req.params.id);
    return services.browse(req.params.id, req.query.address, req.query.cursor);
  });

  await app.register(reconnectRoute('source'), { services });
};
