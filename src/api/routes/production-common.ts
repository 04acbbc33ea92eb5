/** Shared parts of the production routes: the service, the requester, and the work order schema. */
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { CausewayError } from '../../core/errors.js';
import type { Production } from '../../production/index.js';
import type { HubServices } from '../services.js';

/** The production application, or CW_PRODUCTION_NOT_CONFIGURED. */
export function productionOf(services: HubServices): Production {
  if (!services.production) throw new CausewayError('CW_PRODUCTION_NOT_CONFIGURED', {});
  return services.production;
}

/** Who asks: the signed-in principal once security is on, else the API itself. */
export function requesterOf(request: FastifyRequest): { id: string; name: string } {
  const p = (request as { principal?: { actor?: string; user?: { id?: string } } }).principal;
  return { id: p?.user?.id ?? 'api', name: p?.actor ?? 'api' };
}

const Status = Type.Union([Type.Literal('released'), Type.Literal('running'), Type.Literal('completed'), Type.Literal('cancelled')]);

export const WorkOrderSchema = Type.Object({
  id: Type.String(),
  product: Type.String(),
  quantity: Type.Number(),
  unit: Type.String(),
  line: Type.String(),
  due: Type.Optional(Type.Number({ description: 'Due date, epoch ms.' })),
  description: Type.Optional(Type.String()),
  status: Status,
  good: Type.Number({ description: 'Good units made so far.' }),
  scrap: Type.Number({ description: 'Scrap units so far.' }),
  source: Type.String({ description: 'rest, staging or folder.' }),
  receivedAt: Type.Number(),
  updatedAt: Type.Number(),
  startedAt: Type.Optional(Type.Number()),
  completedAt: Type.Optional(Type.Number()),
  cancelledAt: Type.Optional(Type.Number()),
  dispatch: Type.Optional(Type.Object({
    state: Type.Union([Type.Literal('awaiting-approval'), Type.Literal('refused')], { description: 'awaiting-approval: its start waits for writes a second person must approve (GET /api/v1/writes?state=pending); refused: the last such start did not go through.' }),
    writes: Type.Optional(Type.Array(Type.String(), { description: 'The write requests it waits for.' })),
    requestedBy: Type.Optional(Type.String()), problem: Type.Optional(Type.String()), at: Type.Number(),
  })),
});

export const StatusQuery = Type.Optional(Status);
