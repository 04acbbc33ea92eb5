/**
 * The `sparkplug` source kind: a Sparkplug B host application (Sparkplug 3.0) on an MQTT broker.
 * It follows the births, data and deaths of edge nodes and their devices, resolves metric aliases,
 * watches sequence numbers and bdSeq, and asks for a rebirth when it lost track of a node — only
 * when a conduit allows commands into the source's zone. Self-describing: dynamicTags.
 */
import type { Source, SourceConnector, SourceContext } from '../types.js';
import { sparkplugDefinition } from './definition.js';
import type { SparkplugConfig } from './schema.js';
import { SparkplugSource } from './source.js';

export type { SparkplugConfig, SparkplugTag } from './schema.js';
export { SparkplugConfigSchema, SparkplugTagSchema } from './schema.js';
export { SparkplugSource } from './source.js';
export { SparkplugEdgeNode, type EdgeNodeOptions, type EdgeMetric, type EdgeDevice } from './edge-node.js';

/** The Sparkplug B source kind, loaded. */
export const sparkplugSource: SourceConnector<SparkplugConfig> = {
  ...sparkplugDefinition,
  create(config: SparkplugConfig, ctx: SourceContext): Source {
    return new SparkplugSource(config, ctx);
  },
};
