/** GET /api/v1/health — the one unauthenticated route besides login: states and counts, no error detail. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { HubServices } from '../services.js';

const Count = Type.Object({ total: Type.Integer(), connected: Type.Integer() });

const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')], {
    description: 'degraded while the historian\'s latest flush failed, an enabled source or sink is not connected, the ingest spool is full or above 80 % of its limit, or the audit log cannot record; ok again by itself after recovery.',
  }),
  version: Type.String(),
  uptimeSeconds: Type.Number(),
  problems: Type.Array(Type.Object({
    component: Type.String({ description: 'historian, spool, audit, source:<id> or sink:<id>.' }),
    problem: Type.String(),
  }), { description: 'What is wrong now; empty when ok.' }),
  sources: Count,
  sinks: Type.Object({ ...Count.properties, backlog: Type.Integer({ description: "Samples waiting in the sinks' store-and-forward buffers." }) }),
  historian: Type.Object({
    pending: Type.Integer(),
    written: Type.Integer(),
    failedFlushes: Type.Integer({ description: 'Failed flushes since start (history, not health).' }),
    failing: Type.Boolean({ description: 'The latest flush attempt failed and none has succeeded since.' }),
    lastFlushAt: Type.Optional(Type.Number()),
  }),
  spool: Type.Optional(Type.Object({
    samples: Type.Integer({ description: 'Samples not yet durable in every consumer.' }),
    bytes: Type.Integer(),
    maxBytes: Type.Integer(),
    usedPercent: Type.Number(),
    full: Type.Boolean({ description: 'Ingest is refused until the consumers catch up.' }),
    oldestAgeSeconds: Type.Optional(Type.Integer({ description: 'Age of the oldest sample still held.' })),
    diskFreeBytes: Type.Optional(Type.Integer()),
    consumers: Type.Array(Type.Object({ name: Type.String(), lagSamples: Type.Integer() })),
  }, { description: 'The ingest write-ahead spool, when the hub has one.' })),
  production: Type.Boolean({ description: 'The config has a production block: work orders, OEE and stops are served (the console asks for them only then).' }),
  latency: Type.Optional(Type.Array(Type.Object({
    stage: Type.Union([Type.Literal('historian'), Type.Literal('sink')]),
    sink: Type.Optional(Type.String({ description: 'The sink id, for stage sink.' })),
    samples: Type.Integer({ description: 'Samples observed in the last minute.' }),
    p50Seconds: Type.Optional(Type.Number({ description: 'Median age over the last minute (from the 1 ms – 10 s histogram buckets).' })),
    p99Seconds: Type.Optional(Type.Number()),
    total: Type.Integer({ description: 'Samples observed since the hub started.' }),
  }), { description: 'How old samples are, from arrival at the hub (accepted into the ingest spool) until the historian stored them durably or a sink\'s destination acknowledged them; per stage, over the last minute. The full histograms are causeway_sample_age_seconds on /metrics.' })),
});

export const healthRoutes: FastifyPluginAsyncTypebox<{ services: HubServices }> = async (app, { services }) => {
  app.get('/health', { config: { permission: 'public' }, schema: { summary: 'Is the hub alive, and what is degraded right now?', tags: ['hub'], response: { 200: HealthSchema } } }, async () => ({ ...services.health(), production: services.production !== undefined }));
};
