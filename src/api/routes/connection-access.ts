/**
 * Who may see and act on a source or sink, the same for both: read in its zone to see it (one in
 * another zone answers 404, so ids do not leak), write in its zone to reconnect it now. A reconnect
 * is recorded in the audit log before it happens; what the log cannot record does not happen.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CausewayError } from '../../core/errors.js';
import { can } from '../../security/index.js';
import type { ConnectionStatus } from '../../runtime/status.js';
import { clientOf, principalOf } from '../auth.js';
import { problems } from '../schemas.js';
import type { HubServices } from '../services.js';

type Role = 'source' | 'sink';

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


/** True when the request's principal may read in the connection's zone. */
export function seesConnection(req: FastifyRequest, c: Pick<ConnectionStatus, 'zone'>): boolean {
  return can(principalOf(req).subject, 'read', { zone: c.zone });
}

function notFound(role: Role, id: string): CausewayError {
  return role === 'source' ? new CausewayError('CW_SOURCE_NOT_FOUND', { source: id }) : new CausewayError('CW_SINK_NOT_FOUND', { sink: id });
}

/** The connection the principal may see, or the not-found error. */
export function visibleConnection(req: FastifyRequest, list: readonly ConnectionStatus[], role: Role, id: string): ConnectionStatus {
  const found = list.find((c) => c.id === id);
  if (!found || !seesConnection(req, found)) throw notFound(role, id);
  return found;
}

/** A refusal in the zone is worth an audit record, like a refused route (a failing log does not change the refusal). */
function refuse(services: HubServices, req: FastifyRequest, role: Role, c: ConnectionStatus): never {
  const p = principalOf(req);
  try {
    services.security.audit.append({ actor: p.actor, address: clientOf(req).address, action: 'access.denied', target: `POST /api/v1/${role}s/${c.id}/reconnect`, outcome: 'refused', detail: { permission: 'write', zone: c.zone } });
  } catch {
    // The audit log raises its own alarm.
  }
  throw new CausewayError('CW_AUTH_FORBIDDEN', { permission: 'write', action: `reconnect ${role} ${c.id} in zone ${c.zone}` });
}

/** POST /<role>s/:id/reconnect: connect now instead of waiting out the backoff (or reopen a live link). */
export function reconnectRoute(role: Role): FastifyPluginAsyncTypebox<{ services: HubServices }> {
  return async (app, { services }) => {
    const list = () => (role === 'source' ? services.sources() : services.sinks());
    app.post(`/${role}s/:id/reconnect`, {
      config: { permission: 'write' },
      schema: {
        summary: `Reconnect a ${role} now: a ${role} waiting out its backoff retries at once, a connected one reopens its link. Needs write in its zone; audited.`,
        tags: [`${role}s`], params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 202: ConnectionSchema, ...problems(401, 403, 404, 503) },
      },
    }, async (req, reply) => {
      const c = visibleConnection(req, list(), role, req.params.id);
      const p = principalOf(req);
      if (!can(p.subject, 'write', { zone: c.zone })) refuse(services, req, role, c);
      services.security.audit.append({ actor: p.actor, address: clientOf(req).address, action: `${role}.reconnect`, target: c.id, outcome: 'success', detail: { zone: c.zone, state: c.state } });
      return reply.code(202).send(services.reconnect(role, c.id));
    });
  };
}
