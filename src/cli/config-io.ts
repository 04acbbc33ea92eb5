/** Loading a config file with this build's kinds, as the CLI commands need it. */
import type { HubConfig } from '../config/schema.js';
import { kindSchemasOf, loadConfigFile, loadConfigText, type ConfigProblem, type KindSchemas, type LoadOptions } from '../config/index.js';
import { buildRegistry } from '../runtime/registry.js';
import { checkSinkReach } from '../runtime/sink-reach.js';
import { sinkDefinitions } from '../sinks/index.js';
import { sourceDefinitions } from '../sources/index.js';

/** The kind schemas of this build, for config checks and the JSON Schema. */
export function kindSchemas(): KindSchemas {
  // The definitions themselves, not the connectors: a check loads no protocol library.
  return kindSchemasOf(buildRegistry('source', sourceDefinitions).values(), buildRegistry('sink', sinkDefinitions).values());
}

/** The ids of the config's sources whose kind discovers its tags (MQTT topic captures, Sparkplug births). */
export function dynamicSourcesOf(config: HubConfig, kinds: KindSchemas = kindSchemas()): Set<string> {
  return new Set((config.sources ?? []).filter((s) => kinds.sources.get(s.kind)?.dynamicTags).map((s) => s.id));
}

/** What every CLI load checks: this build's kinds, and whether each sink can receive what it selects. */
export function loadOptions(env?: LoadOptions['env']): LoadOptions {
  const kinds = kindSchemas();
  return { kinds, ...(env ? { env } : {}), checkConfig: (config, ctx) => checkSinkReach(config, ctx, dynamicSourcesOf(config, kinds)) };
}

/** Load and check a config file. */
export function loadChecked(file: string): Promise<{ config?: HubConfig; problems: ConfigProblem[] }> {
  return loadConfigFile(file, loadOptions());
}

/** Load and check config text (the demo's generated config goes through the same checks). */
export function loadCheckedText(text: string, file: string): { config?: HubConfig; problems: ConfigProblem[] } {
  return loadConfigText(text, file, loadOptions());
}
