/** The `mqtt` sink kind as the registry and `causeway check` see it; the mqtt client library is loaded with index.ts only. */
import { MQTT_TLS_SCHEMES, urlLinkSecurity } from '../../core/zones.js';
import type { SinkDefinition } from '../types.js';
import { MqttSinkConfigSchema, type MqttSinkConfig } from './schema.js';

/** The MQTT unified-namespace sink kind. */
export const mqttSinkDefinition: SinkDefinition<MqttSinkConfig> = {
  kind: 'mqtt',
  linkSecurity: (c) => urlLinkSecurity(c.url, MQTT_TLS_SCHEMES),
  description: 'Publishes every value, retained, to an MQTT broker as the unified namespace: <prefix>/<path>.',
  configSchema: MqttSinkConfigSchema,
  load: async () => (await import('./index.js')).mqttSink,
};
