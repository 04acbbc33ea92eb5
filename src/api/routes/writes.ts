/**
 * The write gate over HTTP, the only road down to a machine: POST /writes requests a write (done at
 * once, or pending when the conduit requires approval), POST /writes/:id/approve and /deny decide,
 * GET /writes lists requests and outcomes. A refusal is problem+json naming the refusing `step`.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { CausewayError } from '../../core/errors.js';
import { can, type Requester } from '../../security/index.js';
import { clientOf, principalOf } from '../auth.js';
import { problems, ValueSchema } from '../schemas.js';
import type { HubSecurity } from '../security-services.js';
import { literals } from './security-schemas.js';

const STATES = ['pending', 'approved', 'denied', 'expired', 'cancelled', 'done', 'failed'] as const;
const PersonSchema = Type.Object({ id: Type.String(), name: Type.String() });
export const WriteSchema = Type.Object({
  id: Type.String(), path: Type.String(), zone: Type.String(), value: ValueSchema, reason: Type.Optional(Type.String()),
  requester: PersonSchema, requestedAt: Type.Number(), expiresAt: Type.Number({ description: 'A pending request must be approved before this time.' }),
  state: literals(STATES), approver: Type.Optional(PersonSchema), decidedAt: Type.Optional(Type.Number()),
  outcome: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'oldValue, newValue, verified; or the refusing step and code.' })),
});
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** A write request is visible to whoever may read its attribute (path and zone), like the value itself. */
function readable(req: FastifyRequest, w: { path: string; zone: string }): boolean {
  return can(principalOf(req).subject, 'read', { path: w.path, zone: w.zone });
}

function requesterOf(req: FastifyRequest): Requester {
  const p = principalOf(req);
  return { id: p.user.id, name: p.actor, subject: p.subject, address: clientOf(req).address };
}

export const writeRoutes: FastifyPluginAsyncTypebox<{ security: HubSecurity }> = async (app, { security }) => {
  /** The request, when the caller may read it; one they may not see answers as if it did not exist, so ids do not leak other zones' requests. */
  const visible = (req: FastifyRequest, id: string) => {
    const w = security.writes.get(id);
    if (!w || !readable(req, w)) throw new CausewayError('CW_WRITE_NOT_FOUND', { id });
    return w;
  };

  app.post('/writes', {
    bodyLimit: 16 * 1024,
    config: { permission: 'write' },
    schema: {
      summary: 'Write a value to a machine through the write gate: permission, conduit, limits, approval, rate limit, read-back, audit.',
      description: '200 with state done when the value was written and read back; 202 with state pending when the conduit requires a second person to approve. A refusal names its step: permission, target, conduit, limits, approval, rate, audit, source or verify.',
      tags: ['writes'],
      // The value is taken as sent (no schema coercion): the gate refuses one not already of the attribute's type.
      body: Type.Object({
        path: Type.String({ minLength: 1, maxLength: 512 }),
        value: Type.Unsafe<unknown>({ description: "The new value, of the attribute's type exactly: a finite JSON number (number, state), true/false (boolean) or a string. Anything else is refused with CW_WRITE_BAD_VALUE." }),
        reason: Type.Optional(Type.String({ maxLength: 500 })),
      }, { additionalProperties: false }),
      response: { 200: WriteSchema, 202: WriteSchema, ...problems(400, 401, 403, 404, 429, 502, 503) },
    },
  }, async (req, reply) => {
    const w = await security.writes.request(requesterOf(req), req.body);
    return reply.code(w.state === 'pending' ? 202 : 200).send(w);
  });

  app.get('/writes', {
    config: { permission: 'read' },
    schema: {
      summary: 'Write requests and their outcomes, newest first; state=pending for those waiting for approval.', tags: ['writes'],
      querystring: Type.Object({ state: Type.Optional(literals(STATES)), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })) }),
      response: { 200: Type.Object({ writes: Type.Array(WriteSchema) }), ...problems(400, 401, 403) },
    },
  }, async (req) => {
    // Filter before limiting, so a zone-limited reader still gets up to `limit` of their own.
    const all = security.writes.list({ ...(req.query.state ? { state: req.query.state } : {}), limit: 10_000 });
    return { writes: all.filter((w) => readable(req, w)).slice(0, req.query.limit ?? 100) };
  });

  app.get('/writes/:id', {
    config: { permission: 'read' },
    schema: { summary: 'One write request.', tags: ['writes'], params: IdParams, response: { 200: WriteSchema, ...problems(401, 403, 404) } },
  }, async (req) => visible(req, req.params.id));

  app.post('/writes/:id/approve', {
    config: { permission: 'approve' },
    schema: {
      summary: 'Approve a pending write as a second person (not the requester) with approve in its zone; the write is then carried out.', tags: ['writes'], params: IdParams,
      response: { 200: WriteSchema, ...problems(401, 403, 404, 409, 429, 502, 503) },
    },
  }, async (req) => security.writes.approve(requesterOf(req), visible(req, req.params.id).id));

  app.post('/writes/:id/deny', {
    bodyLimit: 16 * 1024,
    config: { permission: 'user' },
    schema: {
      summary: 'Deny a pending write (an approver), or withdraw it (its requester).', tags: ['writes'], params: IdParams,
      body: Type.Optional(Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false })),
      response: { 200: WriteSchema, ...problems(401, 403, 404, 409) },
    },
  }, async (req) => security.writes.deny(requesterOf(req), visible(req, req.params.id).id, req.body?.reason));
};
