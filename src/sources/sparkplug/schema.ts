/** TypeBox schemas of the Sparkplug source's `config:` block and of the kind-specific keys of its tags. */
import { Type, type Static, type TSchema } from 'typebox';
import { fitsSchema, schemaErrors } from '../../config/schema-check.js';

function sparkplugId(description: string) {
  return Type.String({ minLength: 1, maxLength: 256, pattern: '^[^/+#]+$', description });
}

export const SparkplugConfigSchema = Type.Object(
  {
    url: Type.String({ pattern: '^(mqtts?|wss?|tcp|ssl)://', description: 'The broker, e.g. mqtt://10.0.0.20:1883 or mqtts://broker.plant:8883.' }),
    clientId: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: "The MQTT client id; default causeway-<hostId>. Must be unique on the broker." })),
    username: Type.Optional(Type.String()),
    password: Type.Optional(Type.String({ description: 'Use ${ENV_VAR} rather than writing the password into the config.' })),
    groups: Type.Optional(
      Type.Array(sparkplugId('A group id (one MQTT topic level: no "/", "+" or "#"), or "*".'), {
        minItems: 1,
        default: ['*'],
        description: 'Sparkplug group ids to follow, or ["*"] for every group (the default).',
      }),
    ),
    hostId: sparkplugId('The Sparkplug Host Application id: the hub publishes spBv1.0/STATE/<hostId>. Edge nodes that name it as their primary host wait for it.'),
    rebirthOnGap: Type.Optional(
      Type.Boolean({
        default: true,
        description: 'Ask an edge node for a rebirth (NCMD Node Control/Rebirth) when the hub lost track of it. Only sent when a conduit allows commands into the source zone.',
      }),
    ),
  },
  { additionalProperties: false, description: 'A Sparkplug B host application on an MQTT broker.' },
);
export type SparkplugConfig = Static<typeof SparkplugConfigSchema>;

export const SparkplugTagSchema = Type.Object(
  {
    metric: Type.String({
      minLength: 3,
      description: 'The metric this tag renames: "group/edge-node/metric name" or "group/edge-node/device/metric name". Unlisted metrics appear under their sanitized names.',
    }),
  },
  { additionalProperties: false },
);
export type SparkplugTag = Static<typeof SparkplugTagSchema>;

/** The first problem of `value` against `schema` as one sentence, or undefined when it conforms. */
export function schemaProblem(schema: TSchema, value: unknown, prefix: string): string | undefined {
  if (fitsSchema(schema, value)) return undefined;
  for (const e of schemaErrors(schema, value)) {
    if (e.keyword === 'boolean') continue; // reported again as additionalProperties, with the names
    const where = e.instancePath.split('/').filter((p) => p !== '').join('.');
    if (e.keyword === 'additionalProperties') {
      const names = (e.params as { additionalProperties?: string[] }).additionalProperties ?? [];
      return `${prefix}${where ? `.${where}` : ''} has unknown key${names.length === 1 ? '' : 's'} ${names.map((n) => `"${n}"`).join(', ')}`;
    }
    return `${prefix}${where ? `.${where}` : ''} ${e.message}`;
  }
  return `${prefix} is not valid`;
}
