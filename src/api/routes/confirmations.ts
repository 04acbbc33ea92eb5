/** GET /api/v1/confirmations — production confirmations to the ERP and their delivery; POST …/:key/retry. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CausewayError } from '../../core/errors.js';
import { problems } from '../schemas.js';
import type { HubServices } from '../services.js';
import { productionOf } from './production-common.js';

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
  }, async (req) => ({
    confirmations: productionOf(services).deliveries({ ...(req.query.order ? { orderId: req.query.order } : {}), ...(req.query.state ? { state: req.query.state } : {}), limit: req.query.limit ?? 200 }),
  }));

  app.post('/confirmations/:key/retry', {
    config: { permission: 'write' },
    schema: {
      summary: 'Send a failed or waiting confirmation again now (same idempotency key).',
      tags: ['production'],
      params: Type.Object({ key: Type.String({ minLength: 1, maxLength: 90 }) }),
      response: { 200: Type.Object({ key: Type.String(), state: Type.Literal('pending') }), ...problems(404) },
    },
  }, async (req) => {
    if (!productionOf(services).outbox.retry(req.params.key, services.now())) throw new CausewayError('CW_ERP_CONFIRMATION_NOT_FOUND', { key: req.params.key });
    return { key: req.params.key, state: 'pending' as const };
  });
};
