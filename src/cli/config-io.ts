/** Loading a config file with this build's kinds, as the CLI commands need it. */
import type { HubConfig } from '../config/schema.js';
import { loadConfigFile, loadConfigText, type ConfigProblem, type KindSchemas } from '../config/index.js';
import { registries } from '../runtime/connections.js';

/** The kind schemas of this build, for config checks and the JSON Schema. */
export function kindSchemas(): KindSchemas {
  const r = registries();
  return {
    sources: new Map([...r.sources].map(([k, d]) => [k, { configSchema: d.configSchema, tagSchema: d.tagSchema }])),
    sinks: new Map([...r.sinks].map(([k, d]) => [k, { configSchema: d.configSchema }])),
  };
}

/** Load and check a config file. */
export function loadChecked(file: string): Promise<{ config?: HubConfig; problems: ConfigProblem[] }> {
  return loadConfigFile(file, { kinds: kindSchemas() });
}

/** Load and check config text (the demo's generated config goes through the same checks). */
export function loadCheckedText(text: string, file: string): { config?: HubConfig; problems: ConfigProblem[] } {
  return loadConfigText(text, file, { kinds: kindSchemas() });
}
