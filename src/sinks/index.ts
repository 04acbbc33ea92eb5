/** Every sink kind this build knows. A new kind is a new folder plus one line here. */
import { mqttSink } from './mqtt/index.js';
import { natsSink } from './nats/index.js';
import { webhookSink } from './webhook/index.js';
import type { SinkDefinition } from './types.js';

export const sinkDefinitions: readonly SinkDefinition[] = [
  mqttSink as SinkDefinition,
  natsSink as SinkDefinition,
  webhookSink as SinkDefinition,
];
