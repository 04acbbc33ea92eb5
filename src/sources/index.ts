/** Every source kind this build knows. A new kind is a new folder plus one line here. */
import { httpPushSource } from './http-push/index.js';
import { modbusSource } from './modbus/index.js';
import { mqttSource } from './mqtt/index.js';
import { opcuaSource } from './opcua/index.js';
import { simulatorSource } from './simulator/index.js';
import { sparkplugSource } from './sparkplug/index.js';
import type { SourceDefinition } from './types.js';

export const sourceDefinitions: readonly SourceDefinition[] = [
  simulatorSource as SourceDefinition,
  httpPushSource as SourceDefinition,
  modbusSource as SourceDefinition,
  sparkplugSource as SourceDefinition,
  opcuaSource as SourceDefinition,
  mqttSource as SourceDefinition,
];
