/** TypeBox schemas of the MQTT source's `config:` block and of the kind-specific keys of its tags. */
import { Type, type Static, type TSchema } from 'typebox';
import { fitsSchema, schemaErrors } from '../../config/schema-check.js';

const Pointer = Type.String({ pattern: '^(/.*)?$', description: 'A JSON Pointer (RFC 6901) into the payload, e.g. /temp or /values/0; "" is the whole payload.' });
const Qos = Type.Union([Type.Literal(0), Type.Literal(1), Type.Literal(2)], { description: 'MQTT quality of service.' });
const Expression = Type.String({ minLength: 1, maxLength: 2000, description: 'An expression over value, payload, topic and the captures, e.g. value * 0.1.' });
const TagTemplate = Type.String({ minLength: 1, maxLength: 200, description: 'The tag id, with {capture} from the topic, e.g. {line}_{machine}_temp.' });
const Duration = Type.Union([Type.Integer({ minimum: 0 }), Type.String({ pattern: '^\\d+(\\.\\d+)?(ms|s|m|h)$' })]);

/** Where one value of a payload is, and how it becomes a sample. */
const MappingKeys = {
  value: Type.Optional(Pointer),
  timestamp: Type.Optional(Pointer),
  quality: Type.Optional(Pointer),
  expression: Type.Optional(Expression),
};

export const ValueMappingSchema = Type.Object({ tag: TagTemplate, ...MappingKeys }, { additionalProperties: false });

export const SubscriptionSchema = Type.Object(
  {
    topic: Type.String({ minLength: 1, description: 'A topic filter; +name captures one level, a trailing # (or #name) the rest.' }),
    qos: Type.Optional(Qos),
    tag: Type.Optional(TagTemplate),
    ...MappingKeys,
    values: Type.Optional(Type.Array(ValueMappingSchema, { minItems: 1, description: 'Several tags from one payload; timestamp and quality of the subscription apply unless a value sets its own.' })),
  },
  { additionalProperties: false, description: 'One topic filter and how its payloads become samples: either tag (one value) or values (several).' },
);

export const MqttConfigSchema = Type.Object(
  {
    url: Type.String({ pattern: '^mqtts?://[^/]+/?$', description: 'The broker: mqtt://host:1883 or mqtts://host:8883.' }),
    clientId: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'Default causeway-<source-id>; stable so the broker keeps the session.' })),
    username: Type.Optional(Type.String()),
    password: Type.Optional(Type.String()),
    clean: Type.Optional(Type.Boolean({ default: false, description: 'false (default): a persistent session, so QoS 1/2 messages sent while the hub was away are delivered on reconnect.' })),
    qos: Type.Optional(Qos),
    keepalive: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535, default: 30, description: 'Seconds between pings when idle.' })),
    connectTimeout: Type.Optional(Duration),
    maxPayloadBytes: Type.Optional(Type.Integer({ minimum: 1, maximum: 16 * 1024 * 1024, default: 262_144, description: 'Larger payloads are quarantined (too_large).' })),
    maxBatch: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 5000, description: 'Most samples per batch handed to the pipeline.' })),
    tls: Type.Optional(
      Type.Object(
        {
          caFile: Type.Optional(Type.String({ description: 'PEM file of the CA that signed the broker certificate.' })),
          certFile: Type.Optional(Type.String({ description: 'PEM client certificate, for brokers that require one.' })),
          keyFile: Type.Optional(Type.String({ description: 'PEM private key of the client certificate.' })),
          rejectUnauthorized: Type.Optional(Type.Boolean({ default: true, description: 'false accepts any broker certificate (testing only).' })),
        },
        { additionalProperties: false },
      ),
    ),
    subscriptions: Type.Optional(Type.Array(SubscriptionSchema)),
  },
  { additionalProperties: false, description: 'An MQTT broker carrying JSON (or plain) payloads.' },
);
export type MqttConfig = Static<typeof MqttConfigSchema>;
export type SubscriptionConfig = Static<typeof SubscriptionSchema>;
export type ValueMappingConfig = Static<typeof ValueMappingSchema>;

export const MqttTagSchema = Type.Object(
  {
    topic: Type.Optional(Type.String({ minLength: 1, description: 'The topic (or filter) carrying this tag; without it the tag only describes (unit, scale) a tag a subscription produces.' })),
    qos: Type.Optional(Qos),
    ...MappingKeys,
  },
  { additionalProperties: false },
);
export type MqttTagConfig = Static<typeof MqttTagSchema>;

/** The first problem of `value` against `schema` as one phrase, or undefined when it conforms. */
export function schemaProblem(schema: TSchema, value: unknown, prefix: string): string | undefined {
  if (fitsSchema(schema, value)) return undefined;
  for (const e of schemaErrors(schema, value)) {
    if (e.keyword === 'boolean') continue;
    const at = e.instancePath.split('/').filter((p) => p !== '').join('.');
    const where = at === '' ? prefix : `${prefix}.${at}`;
    if (e.keyword === 'additionalProperties') {
      const names = (e.params as { additionalProperties?: string[] }).additionalProperties ?? [];
      return `${where} has unknown key${names.length === 1 ? '' : 's'} ${names.map((n) => `"${n}"`).join(', ')}`;
    }
    return `${where} ${e.message}`;
  }
  return `${prefix} is not valid`;
}
