/**
 * Work orders: POST /api/v1/work-orders (the ERP pushes one or many; each record validated,
 * bad ones rejected with reasons, good ones kept), GET to list them and the rejected records,
 * and POST …/:id/start | complete | cancel to move an order along. Each order belongs to its
 * line's zones (src/api/zone-guard.ts): lists show the caller's, changes are audited.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { CausewayError } from '../../core/errors.js';
import { problems } from '../schemas.js';
import type { HubServices } from '../services.js';
import { productionOf, requesterOf, StatusQuery, WorkOrderSchema } from './production-common.js';
import { siteScope } from '../scopes.js';
import { audited, guardLine, mayLine, visibleLines } from '../zone-guard.js';

/** The order's id when the caller may read its line (else the order's 404) and hold `permission` there (else 403). */
function guardOrder(req: FastifyRequest, services: HubServices, id: string, permission: 'read' | 'write'): string {
  const o = productionOf(services).order(id);
  guardLine(req, services, o.line, permission, () => new CausewayError('CW_PRODUCTION_ORDER_NOT_FOUND', { id }));
  return id;
}

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
    const summary = await audited(req, services, 'work-order.receive', 'rest',
      () => p.receive('rest', list.map((raw, i) => ({ ref: `record ${i}`, raw })), (line) => mayLine(req, services, line, 'write')),
      (s) => ({ accepted: s.accepted.map((a) => `${a.id}:${a.change}`), rejected: s.rejected.length }));
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
  }, async (req) => {
    const lines = visibleLines(req, services);
    return { orders: productionOf(services).orders({ ...(req.query.line ? { line: req.query.line } : {}), ...(lines ? { lines } : {}), ...(req.query.status ? { status: req.query.status } : {}), limit: req.query.limit ?? 500 }) };
  });

  // Rejected records were never placed on a line the caller may read: site-wide readers only.
  app.get('/work-orders/rejections', {
    config: { permission: 'read', scope: siteScope },
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
  }, async (req) => productionOf(services).order(guardOrder(req, services, req.params.id, 'read')));

  app.post('/work-orders/:id/start', {
    config: { permission: 'write' },
    schema: {
      summary: "Start an order on its line: order number, product, target quantity and the product's speed are written to the line's PLC through the write gate (a conduit must allow orders), then the order runs.",
      description: 'Where a conduit into the PLC\'s zone requires approval, the writes wait for a second person: the answer is 202 with the order still released and dispatch.state awaiting-approval; it starts by itself once every write is approved and done.',
      tags: ['production'], params: Params, response: { 200: WorkOrderSchema, 202: WorkOrderSchema, ...problems(403, 404, 409, 502) },
    },
  }, async (req, reply) => {
    const id = guardOrder(req, services, req.params.id, 'write');
    const o = await audited(req, services, 'work-order.start', id, () => productionOf(services).start(id, requesterOf(req)), (x) => ({ status: x.status, ...(x.dispatch ? { dispatch: x.dispatch } : {}) }));
    return reply.code(o.dispatch?.state === 'awaiting-approval' ? 202 : 200).send(o);
  });

  app.post('/work-orders/:id/complete', {
    config: { permission: 'write' },
    schema: { summary: 'Complete a running order: actual good and scrap are taken from the counters and a confirmation goes to the ERP.', tags: ['production'], params: Params, response: { 200: WorkOrderSchema, ...problems(403, 404, 409) } },
  }, async (req) => {
    const id = guardOrder(req, services, req.params.id, 'write');
    return audited(req, services, 'work-order.complete', id, () => productionOf(services).complete(id), (x) => ({ good: x.good, scrap: x.scrap }));
  });

  app.post('/work-orders/:id/cancel', {
    config: { permission: 'write' },
    schema: { summary: 'Cancel a released or running order (a running one is confirmed with what it made).', tags: ['production'], params: Params, response: { 200: WorkOrderSchema, ...problems(403, 404, 409) } },
  }, async (req) => {
    const id = guardOrder(req, services, req.params.id, 'write');
    return audited(req, services, 'work-order.cancel', id, () => productionOf(services).cancel(id));
  });
};
