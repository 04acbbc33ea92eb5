/** The `http-push` source kind as the registry and `causeway check` see it: its schema and limits; the receiver is in index.ts. */
import { Type, type Static } from 'typebox';
import type { SourceDefinition } from '../types.js';

const ConfigSchema = Type.Object(
  {
    token: Type.String({ minLength: 16, description: 'The device\'s bearer token (use ${ENV_NAME}); at least 16 characters.' }),
    maxBodyBytes: Type.Optional(Type.Integer({ minimum: 256, maximum: 16_777_216, description: 'Largest accepted body, bytes (default 1 MiB).' })),
    maxSamples: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, description: 'Most samples in one request (default 10,000).' })),
    requestsPerSecond: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'Sustained request rate allowed (default 5).' })),
    burst: Type.Optional(Type.Integer({ minimum: 1, description: 'Requests allowed at once before the rate applies (default 20).' })),
  },
  { additionalProperties: false },
);
export type HttpPushConfig = Static<typeof ConfigSchema>;

export const DEFAULT_MAX_BODY_BYTES = 1_048_576;

/** The HTTP push source kind. */
export const httpPushDefinition: SourceDefinition<HttpPushConfig> = {
  kind: 'http-push',
  linkSecurity: (_c, hub) => ({ encrypted: hub.apiTls, how: hub.apiTls ? 'devices push to the hub API over TLS' : 'devices push to the hub API, which serves plain HTTP (set api.tls)' }),
  description: 'One-way devices that POST JSON batches to /ingest/<source-id> with their own token.',
  configSchema: ConfigSchema,
  tagSchema: Type.Object({}, { additionalProperties: false }),
  load: async () => (await import('./index.js')).httpPushSource,
};
