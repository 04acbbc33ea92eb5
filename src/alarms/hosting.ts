/** How the hub hosts the alarms: the definitions from the config's templates over the namespace's attributes. */
import type { HubConfig } from '../config/schema.js';
import type { Namespace } from '../namespace/index.js';
import { resolveTemplateAttributes } from '../namespace/templates.js';
import { plantAlarms, type AlarmDef } from './definitions.js';
import { Alarms } from './index.js';

/** Every alarm the config defines, for every asset instance. */
export function alarmDefinitions(config: HubConfig, namespace: Namespace): AlarmDef[] {
  const templates = namespace.model.templates;
  if (!(config.templates ?? []).some((t) => (t.alarms?.length ?? 0) > 0 || t.attributes.some((a) => a.alarms))) return [];
  const byTemplate = new Map<string, ReturnType<typeof resolveTemplateAttributes>>();
  return plantAlarms(templates, namespace.model.attributes, (node) => {
    if (node.template === undefined) return undefined;
    let attrs = byTemplate.get(node.template);
    if (!attrs) byTemplate.set(node.template, (attrs = resolveTemplateAttributes(templates, node.template)));
    return attrs.find((a) => a.name === node.name);
  });
}

/** The alarms application over `<dir>/alarms.sqlite`, or undefined when the config defines no alarm (ingest then pays nothing). */
export function openAlarms(config: HubConfig, namespace: Namespace, dir: string, onStoreError: (e: unknown) => void): Alarms | undefined {
  const defs = alarmDefinitions(config, namespace);
  return defs.length === 0 ? undefined : new Alarms({ defs, dir, onStoreError });
}
