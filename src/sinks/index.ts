/**
 * Every sink kind this build knows. A new kind is a new folder plus one line here. The registry
 * lists definitions (schemas), not connectors: `causeway check` loads no client library; the hub
 * calls a definition's load() for the kinds its config uses.
 */
import { mqttSinkDefinition } from './mqtt/definition.js';
import { natsSinkDefinition } from './nats/definition.js';
import { webhookSinkDefinition } from './webhook/definition.js';
import type { SinkDefinition } from './types.js';

export const sinkDefinitions: readonly SinkDefinition[] = [
  mqttSinkDefinition as SinkDefinition,
  natsSinkDefinition as SinkDefinition,
  webhookSinkDefinition as SinkDefinition,
];
