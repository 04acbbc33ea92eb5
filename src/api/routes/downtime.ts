/** GET /api/v1/downtime — a line's stops with their reasons; POST /api/v1/downtime/:id/reason — assign one afterwards. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { checkRange, limitsOf } from '../limits.js';
import { timeRange } from '../params.js';
import { problems } from '../schemas.js';
import type { HubServices } from '../services.js';
import { productionOf, requesterOf } from './production-common.js';
import { CausewayError } from '../../core/errors.js';
import { parseStopId } from '../../production/downtime.js';
import { audited, guardLine, unknownLine } from '../zone-guard.js';

const Stop = Type.Object({
  id: Type.String({ description: '<line>.<start ms>: the id to assign a reason to.' }),
  origin: Type.Number(), start: Type.Number(), end: Type.Number(), durationMs: Type.Number(),
  state: Type.String(), class: Type.String({ description: 'breakdown, setup, minor or planned.' }),
  reason: Type.Optional(Type.Integer()), reasonLabel: Type.Optional(Type.String()), reasonSource: Type.Optional(Type.String({ description: 'plc or operator.' })),
});

const Reason = Type.Object({ code: Type.Integer(), label: Type.String(), loss: Type.String({ description: 'breakdown, setup, minor or planned.' }) });

export const downtimeRoutes: FastifyPluginAsyncTypebox<{ services: HubServices }> = async (app, { services }) => {
  app.get('/downtime', {
    config: { permission: 'read' },
    schema: {
      summary: "A line's stops in a range (default the last 24 hours), each with its reason and the loss it counts as.",
      tags: ['production'],
      querystring: Type.Object({ line: Type.String({ minLength: 1, maxLength: 64 }), from: Type.Optional(Type.String()), to: Type.Optional(Type.String()) }),
      response: { 200: Type.Object({ stops: Type.Array(Stop), reasons: Type.Array(Reason, { description: 'The reasons a stop may be given (production.reasons).' }) }), ...problems(400, 404, 422) },
    },
  }, async (req) => {
    const { from, to } = timeRange(req.query.from, req.query.to, services.now(), 86_400_000);
    checkRange(limitsOf(services), { from, to });
    const production = productionOf(services);
    guardLine(req, services, req.query.line, 'read', () => unknownLine(req, services, req.query.line));
    const stops = await production.stops(req.query.line, from, Math.min(to, services.now()));
    return { stops, reasons: [...production.settings.reasons.values()].map(({ code, label, loss }) => ({ code, label, loss })) };
  });

  app.post('/downtime/:id/reason', {
    config: { permission: 'write' },
    schema: {
      summary: "Give a stop its reason after the fact; it overrides the PLC's and moves the stop's time to that reason's loss in OEE.",
      tags: ['production'],
      params: Type.Object({ id: Type.String({ minLength: 3, maxLength: 90 }) }),
      body: Type.Object({ code: Type.Integer({ minimum: 1 }), note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ line: Type.String(), origin: Type.Number(), code: Type.Integer() }), ...problems(400, 404) },
    },
  }, async (req) => {
    const production = productionOf(services);
    const notFound = () => new CausewayError('CW_PRODUCTION_STOP_NOT_FOUND', { id: req.params.id });
    const stop = parseStopId(req.params.id);
    if (!stop) throw notFound();
    guardLine(req, services, stop.lineId, 'write', notFound);
    return audited(req, services, 'downtime.reason', req.params.id, () => production.assignReason(req.params.id, req.body.code, requesterOf(req).name, req.body.note), () => ({ code: req.body.code, ...(req.body.note ? { note: req.body.note } : {}) }));
  });
};
