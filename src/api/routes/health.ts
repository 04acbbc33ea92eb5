/** GET /api/v1/health — the one unauthenticated route besides login. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { HubServices } from '../services.js';

const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')], { description: 'degraded when a source is not connected or the historian has failed to flush.' }),
  version: Type.String(),
  uptimeSeconds: Type.Number(),
  sources: Type.Object({ total: Type.Integer(), connected: Type.Integer() }),
  historian: Type.Object({
    pending: Type.Integer(),
    written: Type.Integer(),
    failedFlushes: Type.Integer(),
    lastFlushAt: Type.Optional(Type.Number()),
    lastError: Type.Optional(Type.String()),
  }),
});

export const healthRoutes: FastifyPluginAsyncTypebox<{ services: HubServices }> = async (app, { services }) => {
  app.get('/health', { config: { permission: 'public' }, schema: { summary: 'Is the hub alive, and is anything degraded?', tags: ['hub'], response: { 200: HealthSchema } } }, async () => services.health());
};
