/** The `modbus` source kind as the registry and `causeway check` see it; modbus-serial is loaded with index.ts only. */
import type { SourceDefinition } from '../types.js';
import { ModbusConfigSchema, ModbusTagSchema, type ModbusConfig } from './schema.js';

/** The Modbus TCP source kind. */
export const modbusDefinition: SourceDefinition<ModbusConfig> = {
  kind: 'modbus',
  linkSecurity: () => ({ encrypted: false, how: 'Modbus TCP has no encryption' }),
  description: 'A Modbus TCP device or gateway: coils, discrete inputs, holding and input registers, polled in batches.',
  configSchema: ModbusConfigSchema,
  tagSchema: ModbusTagSchema,
  defaultPollIntervalMs: 1000,
  load: async () => (await import('./index.js')).modbusSource,
};
