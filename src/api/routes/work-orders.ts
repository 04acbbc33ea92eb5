/**
 * Work orders: POST /api/v1/work-orders (the ERP pushes one or many; each record validated,
 * bad ones rejected with reasons, good ones kept), GET to list them and the rejected records,
 * and POST …/:id/start | complete | cancel to move an order along.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CausewayError } from '../../core/errors.js';
import { problems } from '../schemas.js';
import type { HubServices } from '../services.js';
import { productionOf, requesterOf, StatusQuery, WorkOrderSchema } from './production-common.js';

const Rejected = Type.Object({ ref: Type.String(), id: Type.Optional(Type.String()), problems: Type.Array(Type.String()) });
const Summary = Type.Object({
  accepted: Type.Array(Type.Object({ id: Type.String(), change: Type.String({ description: 'created, updated, cancelled or unchanged.' }) })),
  rejected: Type.Array(Rejected),
});
const Params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const workOrderRoutes: FastifyPluginAsyncTypebox<{ services: HubServices }> = async (app, { services }) => {
  app.post('/work-orders', {
    config: { permission: 'write' },
    schema: {
      summary: 'Receive work orders from the ERP: one object, an array, or { orders: [...] }. Every record is checked on its own; bad ones are rejected with every reason, good ones kept.',
      description: 'Answers 200 when every record was kept, 207 when some were rejected, 422 when none was kept; the body lists both either way. Sending an order again is safe: unchanged, or updated while still released.',
      tags: ['production'],
      body: Type.Unknown(),
      response: { 200: Summary, 207: Summary, 422: Summary, ...problems(400, 404) },
    },
  }, async (req, reply) => {
    const p = productionOf(services);
    if (!p.settings.rest) throw new CausewayError('CW_PRODUCTION_NOT_CONFIGURED', {});
    const body = req.body as unknown;
    const list = Array.isArray(body) ? body : body && typeof body === 'object' && Array.isArray((body as { orders?: unknown }).orders) ? (body as { orders: unknown[] }).orders : [body];
    if (list.length > 10_000) throw new CausewayError('CW_API_BAD_REQUEST', { problem: 'at most 10000 orders per request' });
    const summary = p.receive('rest', list.map((raw, i) => ({ ref: `record ${i}`, raw })));
    const status = summary.rejected.length === 0 ? 200 : summary.accepted.length === 0 ? 422 : 207;
    return reply.code(status).send(summary);
  });

  app.get('/work-orders', {
    config: { permission: 'read' },
    schema: {
      summary: 'Work orders, newest first; filter by line and status.',
      tags: ['production'],
      querystring: Type.Object({ line: Type.Optional(Type.String({ maxLength: 64 })), status: StatusQuery, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 500 })) }),
      response: { 200: Type.Object({ orders: Type.Array(WorkOrderSchema) }), ...problems(404) },
    },
  }, async (req) => ({ orders: productionOf(services).orders({ ...(req.query.line ? { line: req.query.line } : {}), ...(req.query.status ? { status: req.query.status } : {}), limit: req.query.limit ?? 500 }) }));

  app.get('/work-orders/rejections', {
    config: { permission: 'read' },
    schema: {
      summary: 'Records the ERP sent that were rejected, newest first, each with every reason.',
      tags: ['production'],
      querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })) }),
      response: { 200: Type.Object({ rejections: Type.Array(Type.Object({ ...Rejected.properties, at: Type.Number(), source: Type.String() })) }), ...problems(404) },
    },
  }, async (req) => ({ rejections: productionOf(services).rejections(req.query.limit ?? 100) }));

  app.get('/work-orders/:id', {
    config: { permission: 'read' },
    schema: { summary: 'One work order.', tags: ['production'], params: Params, response: { 200: WorkOrderSchema, ...problems(404) } },
  }, async (req) => productionOf(services).order(req.params.id));

  app.post('/work-orders/:id/start', {
    config: { permission: 'write' },
    schema: {
      summary: "Start an order on its line: order number, product, target quantity and the product's speed are written to the line's PLC through the write gate (a conduit must allow orders), then the order runs.",
      tags: ['production'], params: Params, response: { 200: WorkOrderSchema, ...problems(403, 404, 409, 502) },
    },
  }, async (req) => productionOf(services).start(req.params.id, requesterOf(req)));

  app.post('/work-orders/:id/complete', {
    config: { permission: 'write' },
    schema: { summary: 'Complete a running order: actual good and scrap are taken from the counters and a confirmation goes to the ERP.', tags: ['production'], params: Params, response: { 200: WorkOrderSchema, ...problems(404, 409) } },
  }, async (req) => productionOf(services).complete(req.params.id));

  app.post('/work-orders/:id/cancel', {
    config: { permission: 'write' },
    schema: { summary: 'Cancel a released or running order (a running one is confirmed with what it made).', tags: ['production'], params: Params, response: { 200: WorkOrderSchema, ...problems(404, 409) } },
  }, async (req) => productionOf(services).cancel(req.params.id));
};
