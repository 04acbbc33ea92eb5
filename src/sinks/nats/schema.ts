/** TypeBox schema of the NATS JetStream sink's `config:` block. */
import { Type, type Static } from 'typebox';
import { durationSchema } from '../shared/config.js';

export const DEFAULT_SERVERS = 'nats://127.0.0.1:4222';
export const DEFAULT_STREAM = 'CAUSEWAY';
export const DEFAULT_SUBJECT_PREFIX = 'causeway';
/** JetStream's own default duplicate window. */
export const DEFAULT_DUPLICATE_WINDOW_MS = 120_000;
/** Publishes awaiting their PubAck, per sink. */
export const DEFAULT_MAX_IN_FLIGHT = 100;

const Server = Type.String({ minLength: 1, description: 'nats://host:4222, tls://host:4222, or host:port.' });

export const NatsSinkConfigSchema = Type.Object(
  {
    servers: Type.Optional(Type.Union([Server, Type.Array(Server, { minItems: 1 })], { description: `One server or a list of servers of the cluster (default ${DEFAULT_SERVERS}).` })),
    stream: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$', description: `The JetStream stream (default ${DEFAULT_STREAM}); created when missing.` })),
    subjectPrefix: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$', maxLength: 128, description: `Subjects are <subjectPrefix>.<path with "/" as ".">; the stream captures <subjectPrefix>.> (default ${DEFAULT_SUBJECT_PREFIX}).` })),
    user: Type.Optional(Type.String({ minLength: 1 })),
    pass: Type.Optional(Type.String({ description: 'Use ${ENV_VAR} rather than writing the password into the config.' })),
    token: Type.Optional(Type.String({ minLength: 1, description: 'Use ${ENV_VAR}.' })),
    maxAge: Type.Optional(durationSchema('How long the stream keeps messages, when the hub creates it (default 0: no age limit).')),
    replicas: Type.Optional(Type.Integer({ minimum: 1, maximum: 5, description: 'Copies of each message in a cluster, when the hub creates the stream (default 1).' })),
    duplicateWindow: Type.Optional(durationSchema('How long JetStream remembers message ids to drop re-sent samples, when the hub creates the stream (default 2m).')),
    maxInFlight: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, description: `Publishes awaiting their acknowledgement, at most (default ${DEFAULT_MAX_IN_FLIGHT}).` })),
  },
  { additionalProperties: false, description: 'Publishes every value to a NATS JetStream stream.' },
);
export type NatsSinkConfig = Static<typeof NatsSinkConfigSchema>;
