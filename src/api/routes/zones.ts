/** GET /zones — zones by Purdue level, the conduits between them, and each source's and sink's link security. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problems } from '../schemas.js';
import type { HubServices } from '../services.js';
import { mayZone } from '../zone-guard.js';
import { literals } from './security-schemas.js';

const FlowSchema = literals(['telemetry', 'commands', 'orders'] as const);

const ZoneMapSchema = Type.Object({
  hubZone: Type.String({ description: 'The zone the hub itself sits in.' }),
  zones: Type.Array(Type.Object({ id: Type.String(), level: Type.Integer({ minimum: 0, maximum: 5, description: 'Purdue level.' }), description: Type.Optional(Type.String()) })),
  conduits: Type.Array(Type.Object({
    from: Type.String(), to: Type.String(), allow: Type.Array(FlowSchema),
    require: Type.Object({ tls: Type.Boolean(), approval: Type.Boolean({ description: 'Commands across it need a second person\'s approval.' }) }),
    description: Type.Optional(Type.String()),
  })),
  links: Type.Array(Type.Object({
    id: Type.String(), role: literals(['source', 'sink'] as const), kind: Type.String(), zone: Type.String(),
    encrypted: Type.Optional(Type.Boolean({ description: 'Absent when the kind does not say.' })),
    how: Type.Optional(Type.String({ description: 'How the link is (or is not) encrypted, in words.' })),
    target: Type.Optional(Type.String({ description: 'Where it connects, without user name, password, query or fragment.' })),
  }), { description: 'Every enabled source and sink.' }),
});

export const zoneRoutes: FastifyPluginAsyncTypebox<{ services: HubServices }> = async (app, { services }) => {
  app.get('/zones', {
    config: { permission: 'read' },
    schema: {
      summary: 'Zones with their Purdue level, the conduits between them (flows allowed, TLS and approval required), and every source and sink in its zone with its link security.',
      description: 'Default deny: a flow crosses zones only along a conduit that allows it. Nothing secret is shown: link targets lose any user name, password and query.',
      tags: ['zones'],
      response: { 200: ZoneMapSchema, ...problems(401, 403) },
    },
  }, async (req) => {
    // Zones and conduits are the plant's shape; which links sit in a zone is for those who may read it.
    const map = services.zones();
    return { ...map, links: map.links.filter((l) => mayZone(req, 'read', l.zone)) };
  });
};
