/**
 * Alarms (ISA-18.2): GET /api/v1/alarms (the active list, filtered and sorted), POST
 * /api/v1/alarms/{id}/ack | shelve | unshelve | out-of-service | in-service, and GET
 * /api/v1/alarm-journal. An alarm belongs to the zone of the attribute it watches (its source's
 * zone, the hub's for a calculated one): lists hold what the caller may read there, an alarm
 * outside the caller's zones answers 404. Operators acknowledge and shelve with write in the
 * zone; out of service needs configure and write there (an OT engineer). Every action is audited.
 * Ids are `<attribute path>/<name>`, URL-encoded in the path.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AlarmView, Alarms } from '../../alarms/index.js';
import { CausewayError } from '../../core/errors.js';
import { durationMs } from '../../core/time.js';
import { can, type Permission } from '../../security/index.js';
import { checkedPath, knownParams, timeRange } from '../params.js';
import { readerOf } from '../readers.js';
import { problems } from '../schemas.js';
import type { HubServices } from '../services.js';
import { audited } from '../zone-guard.js';
import { AlarmListSchema, AlarmSchema, JournalSchema, PrioritySchema, StateSchema, STATE_NAMES } from './alarm-schemas.js';

const Params = Type.Object({ id: Type.String({ minLength: 3, maxLength: 600, description: 'The alarm id, <attribute path>/<name>, URL-encoded.' }) });
/** A comment-only body; the request may also come with none. */
const Comment = Type.Object({ comment: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
const ListQuery = Type.Object({
  all: Type.Optional(Type.Boolean({ description: 'Every defined alarm, Normal ones included (default: only those away from Normal).' })),
  area: Type.Optional(Type.String({ maxLength: 64 })),
  priority: Type.Optional(PrioritySchema),
  state: Type.Optional(Type.String({ maxLength: 200, description: `States, comma-separated: ${STATE_NAMES.join(', ')}.` })),
  path: Type.Optional(Type.String({ maxLength: 512, description: 'Only alarms on attributes at or below this path.' })),
  sort: Type.Optional(Type.Union([Type.Literal('priority'), Type.Literal('time'), Type.Literal('path')], { description: 'priority (urgent first, then newest; the default), time (newest change first) or path.' })),
});
const JournalQuery = Type.Object({
  from: Type.Optional(Type.String({ maxLength: 64, description: 'Start: ISO 8601, epoch ms or relative (-8h); default 24 h before to.' })),
  to: Type.Optional(Type.String({ maxLength: 64, description: 'End; default now.' })),
  area: Type.Optional(Type.String({ maxLength: 64 })),
  priority: Type.Optional(PrioritySchema),
  state: Type.Optional(StateSchema),
  path: Type.Optional(Type.String({ maxLength: 512, description: 'Attribute path or a prefix of it.' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 500 })),
});

/** Who acted, as the journal and the audit log record it. */
const actorOf = (req: FastifyRequest) => req.principal?.actor ?? 'api';

function zoneOf(services: HubServices, path: string): string {
  return services.security.zoneOf(path) ?? services.zones().hubZone;
}

function may(req: FastifyRequest, services: HubServices, a: AlarmView, permission: Permission): boolean {
  return req.principal === undefined || can(req.principal.subject, permission, { zone: zoneOf(services, a.path), path: a.path });
}

/** The alarm when the caller may read it (else its 404) and holds every permission there (else 403). */
function guard(req: FastifyRequest, services: HubServices, id: string, permissions: readonly Permission[]): { alarms: Alarms; alarm: AlarmView } {
  const alarms = services.alarms;
  const alarm = alarms?.find(id);
  if (!alarms || !alarm || !may(req, services, alarm, 'read')) throw new CausewayError('CW_ALARM_NOT_FOUND', { id });
  for (const p of permissions) {
    if (!may(req, services, alarm, p)) throw new CausewayError('CW_AUTH_FORBIDDEN', { permission: p, action: `${p} on alarm ${id} in zone ${zoneOf(services, alarm.path)}` });
  }
  return { alarms, alarm };
}

function statesOf(text: string | undefined) {
  if (text === undefined) return undefined;
  const list = text.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.find((s) => !(STATE_NAMES as readonly string[]).includes(s));
  if (bad) throw new CausewayError('CW_API_BAD_REQUEST', { problem: `state ${bad} is not an alarm state; use ${STATE_NAMES.join(', ')}` });
  return list as (typeof STATE_NAMES)[number][];
}

type Action = { name: string; summary: string; permissions: readonly Permission[]; body: ReturnType<typeof Type.Object>; run(a: Alarms, id: string, user: string, at: number, body: Record<string, unknown> | undefined): AlarmView };

const ACTIONS: Action[] = [
  {
    name: 'ack', permissions: ['write'], body: Comment,
    summary: 'Acknowledge an alarm (a latched one: reset it), with an optional comment; an alarm with nothing to acknowledge is answered unchanged.',
    run: (a, id, user, at, b) => a.ack(id, user, at, b?.comment as string | undefined),
  },
  {
    name: 'shelve', permissions: ['write'],
    body: Type.Object({ duration: Type.Union([Type.Integer({ minimum: 1000 }), Type.String({ pattern: '^\\d+(\\.\\d+)?(ms|s|m|h|d)$' })], { description: 'How long, e.g. 30m or 2h (at most 24 h).' }), reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }),
    summary: 'Shelve an alarm for a limited time with a reason: it leaves the list and comes back by itself when the time is up (raised again if its condition still stands).',
    run: (a, id, user, at, b) => a.shelve(id, user, at, b!.reason as string, durationMs(b!.duration as string | number, 0)),
  },
  {
    name: 'unshelve', permissions: ['write'], body: Comment,
    summary: 'End the shelving of an alarm now (raised again if its condition stands); an alarm that is not shelved is answered unchanged.',
    run: (a, id, user, at, b) => a.unshelve(id, user, at, b?.comment as string | undefined),
  },
  {
    name: 'out-of-service', permissions: ['configure', 'write'],
    body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }),
    summary: 'Take an alarm out of service (an engineer: configure and write in its zone), with a reason, e.g. an instrument removed for repair.',
    run: (a, id, user, at, b) => a.outOfService(id, user, at, b!.reason as string),
  },
  {
    name: 'in-service', permissions: ['configure', 'write'], body: Comment,
    summary: 'Return an alarm to service (an engineer); a standing condition raises it again.',
    run: (a, id, user, at, b) => a.inService(id, user, at, b?.comment as string | undefined),
  },
];

export const alarmRoutes: FastifyPluginAsyncTypebox<{ services: HubServices }> = async (app, { services }) => {
  app.get('/alarms', {
    config: { permission: 'read' },
    preValidation: knownParams(ListQuery),
    schema: { summary: 'Alarms away from Normal (or all=true: every alarm), in the caller\'s zones; filter by area, priority, state and path, sort by priority, time or path.', tags: ['alarms'], querystring: ListQuery, response: { 200: AlarmListSchema, ...problems(400, 401, 403) } },
  }, async (req) => {
    const q = req.query;
    const states = statesOf(q.state);
    const list = services.alarms?.list({
      ...(q.all ? { all: true } : {}), ...(q.area ? { area: q.area } : {}), ...(q.priority ? { priority: q.priority } : {}),
      ...(states ? { states } : {}), ...(q.path ? { path: checkedPath(q.path) } : {}), ...(q.sort ? { sort: q.sort } : {}),
    }) ?? [];
    return { alarms: list.filter((a) => may(req, services, a, 'read')) };
  });

  for (const action of ACTIONS) {
    app.post(`/alarms/:id/${action.name}`, {
      bodyLimit: 16 * 1024,
      config: { permission: action.permissions[0]! },
      // No body at all is an empty comment.
      preValidation: async (req) => {
        if (req.body === undefined || req.body === null) req.body = {};
      },
      schema: { summary: action.summary, tags: ['alarms'], params: Params, body: action.body, response: { 200: AlarmSchema, ...problems(400, 401, 403, 404, 409) } },
    }, async (req) => {
      const { id } = req.params as { id: string };
      const { alarms } = guard(req, services, id, action.permissions);
      const body = req.body as Record<string, unknown> | undefined;
      return audited(req, services, `alarm.${action.name}`, id, () => action.run(alarms, id, actorOf(req), services.now(), body), (v) => ({ state: v.state, ...(body ?? {}) }));
    });
  }

  app.get('/alarm-journal', {
    config: { permission: 'read' },
    preValidation: knownParams(JournalQuery),
    schema: { summary: 'Every alarm transition (activate, clear, ack, shelve, suppress, out of service, …), newest first, in the caller\'s zones; filter by time, area, priority, state reached and path.', tags: ['alarms'], querystring: JournalQuery, response: { 200: JournalSchema, ...problems(400, 401, 403) } },
  }, async (req) => {
    const q = req.query;
    const { from, to } = timeRange(q.from, q.to, services.now(), 24 * 3_600_000);
    const limit = q.limit ?? 500;
    const reader = readerOf(req.principal, (p) => zoneOf(services, p));
    const restricted = req.principal !== undefined && req.principal.subject.grants.some((g) => g.zones !== undefined || g.paths !== undefined);
    // Filter before limiting, so a zone-limited reader still gets up to `limit` of their own.
    const rows = services.alarms?.journal({
      from, to, limit: restricted ? 100_000 : limit,
      ...(q.area ? { area: q.area } : {}), ...(q.priority ? { priority: q.priority } : {}), ...(q.state ? { state: q.state } : {}), ...(q.path ? { path: checkedPath(q.path) } : {}),
    }) ?? [];
    return { from, to, entries: rows.filter((r) => reader.sees(r.path)).slice(0, limit) };
  });
};
