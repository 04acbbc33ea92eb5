/** Loading a config file with this build's kinds, as the CLI commands need it. */
import type { HubConfig } from '../config/schema.js';
import { kindSchemasOf, loadConfigFile, loadConfigText, type ConfigProblem, type KindSchemas } from '../config/index.js';
import { buildRegistry } from '../runtime/registry.js';
import { sinkDefinitions } from '../sinks/index.js';
import { sourceDefinitions } from '../sources/index.js';

/** The kind schemas of this build, for config checks and the JSON Schema. */
export function kindSchemas(): KindSchemas {
  // The definitions themselves, not the runtime's connection manager: a check loads no pipeline.
  return kindSchemasOf(buildRegistry('source', sourceDefinitions).values(), buildRegistry('sink', sinkDefinitions).values());
}

/** Load and check a config file. */
export function loadChecked(file: string): Promise<{ config?: HubConfig; problems: ConfigProblem[] }> {
  return loadConfigFile(file, { kinds: kindSchemas() });
}

/** Load and check config text (the demo's generated config goes through the same checks). */
export function loadCheckedText(text: string, file: string): { config?: HubConfig; problems: ConfigProblem[] } {
  return loadConfigText(text, file, { kinds: kindSchemas() });
}
