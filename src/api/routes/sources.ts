/** GET /api/v1/sources — the status of every source connection; each in its zone (only the caller's zones are shown). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problems } from '../schemas.js';
import type { HubServices } from '../services.js';
import { mayZone, visibleSource } from '../zone-guard.js';

const ErrorSchema = Type.Object({ code: Type.String(), message: Type.String(), hint: Type.String(), detail: Type.Optional(Type.String()), at: Type.Number() });
export const ConnectionSchema = Type.Object({
  id: Type.String(),
  role: Type.Union([Type.Literal('source'), Type.Literal('sink')]),
  kind: Type.String(),
  zone: Type.String(),
  state: Type.Union([Type.Literal('stopped'), Type.Literal('connecting'), Type.Literal('connected'), Type.Literal('backoff')]),
  since: Type.Number({ description: 'When the current state began, epoch ms.' }),
  lastSuccessAt: Type.Optional(Type.Number()),
  lastError: Type.Optional(ErrorSchema),
  nextRetryAt: Type.Optional(Type.Number()),
  attempts: Type.Integer(),
  overruns: Type.Integer(),
  batches: Type.Integer(),
  buffered: Type.Optional(Type.Integer({ description: "Sinks: samples waiting in the store-and-forward buffer." })),
});

export const sourceRoutes: FastifyPluginAsyncTypebox<{ services: HubServices }> = async (app, { services }) => {
  app.get('/sources', {
    config: { permission: 'read' },
    schema: { summary: 'Status of every source: state, since, last success, last error, next retry.', tags: ['sources'], response: { 200: Type.Object({ sources: Type.Array(ConnectionSchema) }) } },
  }, async (req) => ({ sources: services.sources().filter((s) => mayZone(req, 'read', s.zone)) }));

  const Params = Type.Object({ id: Type.String({ maxLength: 64 }) });

  app.get('/sources/:id', {
    config: { permission: 'read' },
    schema: {
      summary: 'Status of one source, with what the connector shows of its inner state (quarantined payloads, sessions, counters).',
      tags: ['sources'], params: Params,
      response: { 200: Type.Object({ ...ConnectionSchema.properties, details: Type.Optional(Type.Record(Type.String(), Type.Unknown())) }), ...problems(404) },
    },
  }, async (req) => {
    const found = visibleSource(req, services, req.params.id);
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
};
