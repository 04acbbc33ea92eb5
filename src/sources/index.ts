/**
 * Every source kind this build knows. A new kind is a new folder plus one line here. The registry
 * lists definitions (schemas, defaults), not connectors: `causeway check` loads no protocol library;
 * the hub calls a definition's load() for the kinds its config uses.
 */
import { httpPushDefinition } from './http-push/definition.js';
import { modbusDefinition } from './modbus/definition.js';
import { mqttDefinition } from './mqtt/definition.js';
import { opcuaDefinition } from './opcua/definition.js';
import { simulatorDefinition } from './simulator/definition.js';
import { sparkplugDefinition } from './sparkplug/definition.js';
import type { SourceDefinition } from './types.js';

export const sourceDefinitions: readonly SourceDefinition[] = [
  simulatorDefinition as SourceDefinition,
  httpPushDefinition as SourceDefinition,
  modbusDefinition as SourceDefinition,
  sparkplugDefinition as SourceDefinition,
  opcuaDefinition as SourceDefinition,
  mqttDefinition as SourceDefinition,
];
