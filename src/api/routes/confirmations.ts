/** GET /api/v1/confirmations — production confirmations to the ERP and their delivery; POST …/:key/retry. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CausewayError } from '../../core/errors.js';
import { problems } from '../schemas.js';
import type { HubServices } from '../services.js';
import { productionOf } from './production-common.js';
import { audited, guardLine, visibleLines } from '../zone-guard.js';

const Ratio = Type.Union([Type.Number(), Type.Null()]);
export const ConfirmationSchema = Type.Object({
  key: Type.String(), orderId: Type.String(), sequence: Type.Integer(), final: Type.Boolean(), status: Type.String(),
  line: Type.String(), product: Type.String(), unit: Type.String(), quantity: Type.Number(), good: Type.Number(), scrap: Type.Number(),
  startedAt: Type.Optional(Type.String()), endedAt: Type.String(), createdAt: Type.String(),
  oee: Type.Optional(Type.Object({ availability: Ratio, performance: Ratio, quality: Ratio, oee: Ratio })),
});

const Delivery = Type.Object({
  key: Type.String({ description: 'The idempotency key: <order id>-<sequence>.' }),
  target: Type.String(), orderId: Type.String(),
  state: Type.String({ description: 'pending (with nextAttemptAt), delivered or failed (refused; retry by hand).' }),
  attempts: Type.Integer(), createdAt: Type.Number(),
  nextAttemptAt: Type.Optional(Type.Number()), deliveredAt: Type.Optional(Type.Number()), lastError: Type.Optional(Type.String()),
  confirmation: ConfirmationSchema,
});

export const confirmationRoutes: FastifyPluginAsyncTypebox<{ services: HubServices }> = async (app, { services }) => {
  app.get('/confirmations', {
    config: { permission: 'read' },
    schema: {
      summary: 'Confirmations to the ERP, newest first, with their delivery state at each target.',
      tags: ['production'],
      querystring: Type.Object({
        order: Type.Optional(Type.String({ maxLength: 64 })),
        state: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')])),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
      }),
      response: { 200: Type.Object({ confirmations: Type.Array(Delivery) }), ...problems(404) },
    },
  }, async (req) => {
    const lines = visibleLines(req, services);
    const limit = req.query.limit ?? 200;
    // Filter before limiting, so a zone-limited reader still gets up to `limit` of their own.
    const all = productionOf(services).deliveries({ ...(req.query.order ? { orderId: req.query.order } : {}), ...(req.query.state ? { state: req.query.state } : {}), limit: lines ? 100_000 : limit });
    return { confirmations: (lines ? all.filter((d) => lines.includes(d.confirmation.line)) : all).slice(0, limit) };
  });

  app.post('/confirmations/:key/retry', {
    config: { permission: 'write' },
    schema: {
      summary: 'Send a failed or waiting confirmation again now (same idempotency key).',
      tags: ['production'],
      params: Type.Object({ key: Type.String({ minLength: 1, maxLength: 90 }) }),
      response: { 200: Type.Object({ key: Type.String(), state: Type.Literal('pending') }), ...problems(403, 404) },
    },
  }, async (req) => {
    const { key } = req.params;
    const notFound = () => new CausewayError('CW_ERP_CONFIRMATION_NOT_FOUND', { key });
    const production = productionOf(services);
    // The key is <order id>-<sequence>: the order's line says whose it is.
    const orderId = key.slice(0, Math.max(0, key.lastIndexOf('-')));
    const line = production.deliveries({ orderId, limit: 1000 }).find((d) => d.key === key)?.confirmation.line;
    if (line === undefined) throw notFound();
    guardLine(req, services, line, 'write', notFound);
    await audited(req, services, 'confirmation.retry', key, () => {
      if (!production.outbox.retry(key, services.now())) throw notFound();
    });
    return { key, state: 'pending' as const };
  });
};
