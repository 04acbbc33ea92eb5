/** The `mqtt` source kind as the registry and `causeway check` see it; the mqtt client library is loaded with index.ts only. */
import { MQTT_TLS_SCHEMES, urlLinkSecurity } from '../../core/zones.js';
import type { SourceDefinition } from '../types.js';
import { MqttConfigSchema, MqttTagSchema, type MqttConfig } from './schema.js';

/** The MQTT JSON source kind. */
export const mqttDefinition: SourceDefinition<MqttConfig> = {
  kind: 'mqtt',
  linkSecurity: (c) => urlLinkSecurity(c.url, MQTT_TLS_SCHEMES),
  description: 'An MQTT broker carrying JSON or plain payloads; tag ids from topic captures, values by JSON Pointer and expressions.',
  configSchema: MqttConfigSchema,
  tagSchema: MqttTagSchema,
  dynamicTags: true,
  load: async () => (await import('./index.js')).mqttSource,
};
