/**
 * The `sparkplug` source kind: a Sparkplug B host application (Sparkplug 3.0) on an MQTT broker.
 * It follows the births, data and deaths of edge nodes and their devices, resolves metric aliases,
 * watches sequence numbers and bdSeq, and asks for a rebirth when it lost track of a node — only
 * when a conduit allows commands into the source's zone. Self-describing: dynamicTags.
 */
import type { Source, SourceContext, SourceDefinition } from '../types.js';
import { SparkplugConfigSchema, SparkplugTagSchema, type SparkplugConfig } from './schema.js';
import { SparkplugSource } from './source.js';
import { MQTT_TLS_SCHEMES, urlLinkSecurity } from '../../core/zones.js';

export type { SparkplugConfig, SparkplugTag } from './schema.js';
export { SparkplugConfigSchema, SparkplugTagSchema } from './schema.js';
export { SparkplugSource } from './source.js';
export { SparkplugEdgeNode, type EdgeNodeOptions, type EdgeMetric, type EdgeDevice } from './edge-node.js';

/** The Sparkplug B source kind. */
export const sparkplugSource: SourceDefinition<SparkplugConfig> = {
  kind: 'sparkplug',
  linkSecurity: (c) => urlLinkSecurity(c.url, MQTT_TLS_SCHEMES),
  description: 'A Sparkplug B host application: edge node and device births, data and deaths from an MQTT broker.',
  configSchema: SparkplugConfigSchema,
  tagSchema: SparkplugTagSchema,
  dynamicTags: true,
  create(config: SparkplugConfig, ctx: SourceContext): Source {
    return new SparkplugSource(config, ctx);
  },
};
