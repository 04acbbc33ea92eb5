/** GET /api/v1/oee — OEE per line and shift, day, order or range, with the six big losses and downtime by reason. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { checkOee, limitsOf, pacer } from '../limits.js';
import { timeRange } from '../params.js';
import { problems } from '../schemas.js';
import type { HubServices } from '../services.js';
import { productionOf } from './production-common.js';
import { guardLine, unknownLine, visibleLines } from '../zone-guard.js';

const Ratio = Type.Union([Type.Number(), Type.Null()]);
const ms = (description: string) => Type.Number({ description });

export const OeePeriodSchema = Type.Object({
  line: Type.String(),
  period: Type.Object({
    kind: Type.String({ description: 'shift, day, order or range.' }),
    name: Type.Optional(Type.String()), date: Type.Optional(Type.String()), orderId: Type.Optional(Type.String()),
    from: Type.Number(), to: Type.Number(),
  }),
  availability: Ratio, performance: Ratio, quality: Ratio, oee: Ratio,
  time: Type.Object({
    calendar: ms('to − from'), unknown: ms('no state known'), planned: ms('planned stops'),
    plannedProduction: ms('calendar − planned − unknown'), operating: ms('planned production − breakdowns − setup'), running: ms('in the running state'),
  }, { description: 'Milliseconds.' }),
  counts: Type.Object({ good: Type.Number(), total: Type.Number(), reject: Type.Number(), startupReject: Type.Number(), unrated: Type.Number({ description: 'Units made with no ideal cycle time in force.' }) }),
  idealMs: Type.Number(),
  fullyProductiveMs: Type.Number(),
  losses: Type.Object({
    breakdowns: Type.Number(), setupAndAdjustments: Type.Number(), idlingAndMinorStops: Type.Number(),
    reducedSpeed: Type.Number(), startupRejects: Type.Number(), productionRejects: Type.Number(),
  }, { description: 'The six big losses, ms of planned production time.' }),
  downtime: Type.Array(Type.Object({ reason: Type.Union([Type.Integer(), Type.Null()]), label: Type.String(), class: Type.String(), durationMs: Type.Number(), stops: Type.Integer() })),
});

export const oeeRoutes: FastifyPluginAsyncTypebox<{ services: HubServices }> = async (app, { services }) => {
  app.get('/oee', {
    config: { permission: 'read' },
    schema: {
      summary: 'OEE = availability × performance × quality per line, by shift, day or order (or over the whole range), with the six big losses and downtime by reason.',
      description: 'Default range: the last 24 hours. Ratios are 0…1 (null when undefined); the definitions are in src/production/README.md.',
      tags: ['production'],
      querystring: Type.Object({
        line: Type.Optional(Type.String({ maxLength: 64, description: 'A line id; all lines when omitted.' })),
        from: Type.Optional(Type.String()), to: Type.Optional(Type.String()),
        by: Type.Optional(Type.Union([Type.Literal('shift'), Type.Literal('day'), Type.Literal('order'), Type.Literal('range')], { default: 'shift' })),
      }),
      response: { 200: Type.Object({ periods: Type.Array(OeePeriodSchema) }), ...problems(400, 404, 422, 503) },
    },
  }, async (req) => {
    const { from, to } = timeRange(req.query.from, req.query.to, services.now(), 86_400_000);
    const line = req.query.line;
    if (line !== undefined) guardLine(req, services, line, 'read', () => unknownLine(req, services, line));
    const lines = line === undefined ? visibleLines(req, services) : undefined;
    const production = productionOf(services);
    const by = req.query.by ?? 'shift';
    const limits = limitsOf(services);
    checkOee(limits, { from, to, by, lines: line ? 1 : (lines ?? production.lines()).length, shiftsPerDay: production.settings.calendar.shifts.length });
    const periods = await production.oee({ ...(line ? { line } : {}), ...(lines ? { lines } : {}), from, to: Math.min(to, services.now()), by }, pacer(limits, 'OEE'));
    return { periods };
  });
};
