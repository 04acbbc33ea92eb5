/** The `simulator` source kind as the registry and `causeway check` see it; the simulation engine is loaded with index.ts. */
import type { SourceDefinition } from '../types.js';
import { SimulatorConfigSchema, SimulatorTagSchema, type SimulatorConfig } from './schema.js';

/** The simulator source kind. */
export const simulatorDefinition: SourceDefinition<SimulatorConfig> = {
  kind: 'simulator',
  linkSecurity: () => ({ encrypted: true, how: 'it runs inside the hub, with no network link' }),
  description: 'A seeded, deterministic plant simulator: machine states with downtime reasons, counters and process values.',
  configSchema: SimulatorConfigSchema,
  tagSchema: SimulatorTagSchema,
  defaultPollIntervalMs: 1000,
  load: async () => (await import('./index.js')).simulatorSource,
};
