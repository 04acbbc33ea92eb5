/** TypeBox schema of the webhook sink's `config:` block. */
import { Type, type Static } from 'typebox';
import { durationSchema } from '../shared/config.js';

export const DEFAULT_MAX_BATCH = 1000;
export const DEFAULT_TIMEOUT_MS = 10_000;

/** Headers the sink sets itself; config.headers may not set them. */
export const RESERVED_HEADERS = ['content-type', 'content-length', 'host', 'idempotency-key', 'x-causeway-timestamp', 'x-causeway-signature'];

export const WebhookSinkConfigSchema = Type.Object(
  {
    url: Type.String({ pattern: '^https?://[^\\s]+$', description: 'The receiver, e.g. https://mes.example.com/causeway/samples.' }),
    secret: Type.String({ minLength: 16, description: 'The HMAC-SHA256 key the receiver checks signatures with; at least 16 characters. Write ${WEBHOOK_SECRET} and set it in the environment.' }),
    maxBatch: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, description: `Samples per request at most; larger batches are split (default ${DEFAULT_MAX_BATCH}).` })),
    timeout: Type.Optional(durationSchema('How long one request may take before it counts as failed (default 10s).')),
    headers: Type.Optional(Type.Record(Type.String({ pattern: "^[A-Za-z0-9!#$%&'*+.^_`|~-]+$" }), Type.String(), {
      additionalProperties: false,
      description: 'Extra request headers, e.g. Authorization: Bearer ${RECEIVER_TOKEN}. Values are never logged.',
    })),
  },
  { additionalProperties: false, description: 'POSTs every value, signed, to an HTTP endpoint.' },
);
export type WebhookSinkConfig = Static<typeof WebhookSinkConfigSchema>;
