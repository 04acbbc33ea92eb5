/**
 * GET /api/v1/alarm-kpis: alarm-management KPIs (ISA-18.2 §16, targets after EEMUA 191) of a period,
 * computed from the alarm journal (src/alarms/kpis.ts). Authorized like the journal: `read`, and
 * only the alarms of attributes the caller may read count (an alarm belongs to its attribute's
 * zone), so a zone-limited operator sees the figures of their own alarms.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { computeKpis } from '../../alarms/kpis.js';
import { CausewayError } from '../../core/errors.js';
import { knownParams, timeRange } from '../params.js';
import { readerOf } from '../readers.js';
import { problems } from '../schemas.js';
import type { HubServices } from '../services.js';
import { AlarmKpisSchema } from './alarm-kpi-schemas.js';

const MAX_PERIOD_MS = 31 * 24 * 3_600_000;

const KpiQuery = Type.Object({
  from: Type.Optional(Type.String({ maxLength: 64, description: 'Start: ISO 8601, epoch ms or relative (-8h); default 24 h before to.' })),
  to: Type.Optional(Type.String({ maxLength: 64, description: 'End (excluded); default now. At most 31 days after from.' })),
  area: Type.Optional(Type.String({ maxLength: 64, description: 'Only the alarms of this area (one operator position); "(no area)" for alarms without one.' })),
});

export const alarmKpiRoutes: FastifyPluginAsyncTypebox<{ services: HubServices }> = async (app, { services }) => {
  app.get('/alarm-kpis', {
    config: { permission: 'read' },
    preValidation: knownParams(KpiQuery),
    schema: {
      summary: 'Alarm-management KPIs of a period (ISA-18.2 §16 / EEMUA 191): annunciated alarms per operator position per 10 minutes and per hour against the targets, flood share, bad actors, chattering, standing, stale, shelved and out-of-service alarms, priority distribution; over the alarms in the caller\'s zones.',
      tags: ['alarms'], querystring: KpiQuery, response: { 200: AlarmKpisSchema, ...problems(400, 401, 403) },
    },
  }, async (req) => {
    const q = req.query;
    const { from, to } = timeRange(q.from, q.to, services.now(), 24 * 3_600_000);
    if (to <= from) throw new CausewayError('CW_API_BAD_REQUEST', { problem: 'the period is empty: to must be after from' });
    if (to - from > MAX_PERIOD_MS) throw new CausewayError('CW_API_BAD_REQUEST', { problem: 'the period is longer than 31 days; ask for 31 days or less (e.g. from=-7d)' });
    const reader = readerOf(req.principal, (p) => services.security.zoneOf(p) ?? services.zones().hubZone);
    const area = q.area === undefined ? undefined : q.area === '(no area)' ? '' : q.area;
    const keep = (e: { path: string; area?: string }) => (area === undefined || (e.area ?? '') === area) && reader.sees(e.path);
    return services.alarms?.kpis(from, to, keep) ?? computeKpis([], from, to);
  });
};
