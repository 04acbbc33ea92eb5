/** Template resolution: inheritance (`extends`) and composition (`children`), cycle-safe. */
import type { AttributeConfig, ChildConfig, TemplateConfig } from '../config/schema.js';

export type TemplateMap = ReadonlyMap<string, TemplateConfig>;

/** The chain from `id` up through its parents, `id` first; stops at an unknown id or a cycle. */
export function templateChain(templates: TemplateMap, id: string): TemplateConfig[] {
  const chain: TemplateConfig[] = [];
  for (let cur: string | undefined = id; cur !== undefined; cur = templates.get(cur)?.extends) {
    const t = templates.get(cur);
    if (!t || chain.includes(t)) break;
    chain.push(t);
  }
  return chain;
}

/** A template's attributes, inherited ones first, own ones overriding by name. */
export function resolveTemplateAttributes(templates: TemplateMap, id: string): AttributeConfig[] {
  const byName = new Map<string, AttributeConfig>();
  for (const t of templateChain(templates, id).reverse()) for (const a of t.attributes) byName.set(a.name, a);
  return [...byName.values()];
}

/** A template's child assets, inherited ones first, own ones overriding by name. */
export function resolveTemplateChildren(templates: TemplateMap, id: string): ChildConfig[] {
  const byName = new Map<string, ChildConfig>();
  for (const t of templateChain(templates, id).reverse()) for (const c of t.children ?? []) byName.set(c.name, c);
  return [...byName.values()];
}

/** True when template `id` is `ancestor` or extends it (a Filler is a Machine). */
export function isA(templates: TemplateMap, id: string | undefined, ancestor: string): boolean {
  return id !== undefined && templateChain(templates, id).some((t) => t.id === ancestor);
}

/** The version of the nearest template in the chain that declares one. */
export function versionOf(templates: TemplateMap, id: string): number | undefined {
  return templateChain(templates, id).find((t) => t.version !== undefined)?.version;
}
