/** POST /ingest/:source — one-way devices push JSON batches here with their own bearer token. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problems } from '../schemas.js';
import type { HubServices } from '../services.js';

const ResultSchema = Type.Object({
  accepted: Type.Integer({ description: 'Samples taken into the hub.' }),
  rejected: Type.Array(Type.Object({ index: Type.Integer(), tag: Type.Optional(Type.String()), reason: Type.String() }), { description: 'Samples refused, each with why; the good ones of the batch are kept.' }),
});

/** The bearer token of an Authorization header, if any. */
function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m?.[1];
}

export const ingestRoutes: FastifyPluginAsyncTypebox<{ services: HubServices }> = async (app, { services }) => {
  app.post('/ingest/:source', {
    config: { permission: 'device' },
    bodyLimit: services.ingestBodyLimit(),
    // The device token is checked before the body is read: a wrong token costs no parsing.
    onRequest: async (req) => services.ingestAuthorize((req.params as { source: string }).source, bearer(req.headers.authorization), req.ip),
    schema: {
      summary: 'Push samples from a one-way device (source of kind http-push), authenticated by the device token.',
      description: 'Body: {"samples":[{"tag","value","ts"?,"quality"?}]}, a bare array of those, or {"ts"?, "values":{tag: value}}. Over the device rate limit the answer is 429 with Retry-After.',
      tags: ['ingest'],
      params: Type.Object({ source: Type.String({ maxLength: 64 }) }),
      response: { 200: ResultSchema, ...problems(400, 401, 404, 413, 429, 503) },
    },
  }, async (req) => {
    const bytes = Number(req.headers['content-length'] ?? JSON.stringify(req.body ?? null).length);
    return services.ingest(req.params.source, req.body, { ...(bearer(req.headers.authorization) ? { token: bearer(req.headers.authorization)! } : {}), bytes });
  });
};
