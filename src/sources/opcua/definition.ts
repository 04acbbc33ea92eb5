/** The `opcua` source kind as the registry and `causeway check` see it; node-opcua is loaded with index.ts only. */
import type { SourceDefinition } from '../types.js';
import { OpcuaConfigSchema, OpcuaTagSchema, type OpcuaConfig } from './schema.js';

/** The OPC UA source kind. */
export const opcuaDefinition: SourceDefinition<OpcuaConfig> = {
  kind: 'opcua',
  linkSecurity: (c) => {
    const mode = typeof c.securityMode === 'string' ? c.securityMode : 'SignAndEncrypt';
    return { encrypted: mode === 'SignAndEncrypt', how: `OPC UA securityMode ${mode}${mode === 'SignAndEncrypt' ? '' : ' does not encrypt'}` };
  },
  description: 'An OPC UA server: subscriptions with server-side deadband, lazy browsing, writes, PKI with rejected/trusted certificates.',
  configSchema: OpcuaConfigSchema,
  tagSchema: OpcuaTagSchema,
  load: async () => (await import('./index.js')).opcuaSource,
};
