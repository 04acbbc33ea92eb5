/** TypeBox schema of the MQTT sink's `config:` block. */
import { Type, type Static } from 'typebox';

/** Topic levels without wildcards, not starting with "$" (reserved for the broker), no empty level. */
const PREFIX_PATTERN = '^$|^[^$/+#\\u0000][^/+#\\u0000]*(/[^/+#\\u0000]+)*$';

export const DEFAULT_PREFIX = 'uns';
/** Publishes in flight (sent, PUBACK not yet back) per sink: enough for ~50,000 messages/s at a 20 ms round trip. */
export const DEFAULT_MAX_IN_FLIGHT = 1000;

export const MqttSinkConfigSchema = Type.Object(
  {
    url: Type.String({ pattern: '^(mqtts?|wss?|tcp|ssl)://', description: 'The broker, e.g. mqtt://10.0.0.20:1883 or mqtts://broker.plant:8883.' }),
    clientId: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'The MQTT client id; default causeway-<sink id>-<random>. Must be unique on the broker.' })),
    username: Type.Optional(Type.String({ minLength: 1 })),
    password: Type.Optional(Type.String({ description: 'Use ${ENV_VAR} rather than writing the password into the config.' })),
    prefix: Type.Optional(Type.String({ pattern: PREFIX_PATTERN, maxLength: 256, description: `Topic levels before the path: topic <prefix>/<path> (default "${DEFAULT_PREFIX}"; "" publishes at <path>). No "+", "#", leading "$" or empty level.` })),
    qos: Type.Optional(Type.Union([Type.Literal(0), Type.Literal(1), Type.Literal(2)], { description: 'QoS of every publish (default 1: at least once, a value counts as sent once the broker acknowledged it). 0: at most once, a value counts as sent once written to the socket; values in flight when the link breaks are lost.' })),
    retain: Type.Optional(Type.Boolean({ description: 'Publish retained, so a new subscriber gets the last value at once (default true).' })),
    maxInFlight: Type.Optional(Type.Integer({ minimum: 1, maximum: 65_535, description: `Publishes sent and not yet acknowledged, at most (default ${DEFAULT_MAX_IN_FLIGHT}); bounds memory for large batches. With QoS 0, messages written before waiting for the socket to drain.` })),
  },
  { additionalProperties: false, description: 'Publishes every value to the MQTT unified namespace.' },
);
export type MqttSinkConfig = Static<typeof MqttSinkConfigSchema>;
