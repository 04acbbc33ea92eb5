/** The `sparkplug` source kind as the registry and `causeway check` see it; mqtt and sparkplug-payload are loaded with index.ts only. */
import { MQTT_TLS_SCHEMES, urlLinkSecurity } from '../../core/zones.js';
import type { SourceDefinition } from '../types.js';
import { SparkplugConfigSchema, SparkplugTagSchema, type SparkplugConfig } from './schema.js';

/** The Sparkplug B source kind. */
export const sparkplugDefinition: SourceDefinition<SparkplugConfig> = {
  kind: 'sparkplug',
  linkSecurity: (c) => urlLinkSecurity(c.url, MQTT_TLS_SCHEMES),
  description: 'A Sparkplug B host application: edge node and device births, data and deaths from an MQTT broker.',
  configSchema: SparkplugConfigSchema,
  tagSchema: SparkplugTagSchema,
  dynamicTags: true,
  load: async () => (await import('./index.js')).sparkplugSource,
};
