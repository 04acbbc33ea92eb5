/** The ids a config defines, collected once for the semantic checks; duplicates are reported on the way. */
import { entries, isObj, str, type Obj } from './data.js';
import type { ProblemContext } from './collector.js';
import type { KeyPath } from './key-path.js';

/** A source's place in the list, its tag ids and their units. */
export interface SourceEntry {
  index: number;
  tags: string[];
  units: Map<string, string | undefined>;
}

/** One attribute as written in a template, and where. */
export interface AttributeEntry {
  index: number;
  type: string | undefined;
  unit: string | undefined;
  calc: string | undefined;
  states: Obj | undefined;
}

/** A template's place in the list, its parent, version, own attributes and children. */
export interface TemplateEntry {
  index: number;
  extends: string | undefined;
  version: number | undefined;
  attributes: string[];
  attrs: Map<string, AttributeEntry>;
  children: Map<string, string | undefined>;
}

/** Zones, sources (with their tag ids) and templates by id; the first definition wins. */
export interface ConfigIndex {
  zones: Map<string, number>;
  sources: Map<string, SourceEntry>;
  sinks: Map<string, number>;
  templates: Map<string, TemplateEntry>;
}

/** Collect the values of `key` in `items`, reporting each repeat at its own line with the line of the first. */
export function uniqueValues(items: [Obj, number][], key: string, base: KeyPath, what: string, ctx: ProblemContext): Map<string, number> {
  const seen = new Map<string, number>();
  for (const [item, i] of items) {
    const value = str(item[key]);
    if (value === undefined) continue;
    const first = seen.get(value);
    if (first === undefined) {
      seen.set(value, i);
      continue;
    }
    const path = [...base, i, key];
    const firstLine = ctx.lineOf([...base, first, key]);
    ctx.report(path, 'CW_CONFIG_DUPLICATE_ID', `${what} ${ctx.show(path, value)} is already defined at line ${firstLine}.`, `Give each ${what.toLowerCase()} its own ${key}, or remove the repeat.`);
  }
  return seen;
}

/** Index the config's ids and report duplicate zones, sources, sinks, templates, tags and attributes. */
export function indexConfig(data: Obj, ctx: ProblemContext): ConfigIndex {
  const zones = uniqueValues(entries(data, 'zones'), 'id', ['zones'], 'Zone', ctx);
  const sinks = uniqueValues(entries(data, 'sinks'), 'id', ['sinks'], 'Sink', ctx);
  const sources = new Map<string, SourceEntry>();
  for (const [id, index] of uniqueValues(entries(data, 'sources'), 'id', ['sources'], 'Source', ctx)) {
    sources.set(id, { index, tags: [], units: new Map() });
  }
  for (const [src, i] of entries(data, 'sources')) {
    const tags = uniqueValues(entries(src, 'tags'), 'id', ['sources', i, 'tags'], 'Tag', ctx);
    const entry = sources.get(str(src.id) ?? '');
    if (entry?.index !== i) continue;
    entry.tags = [...tags.keys()];
    for (const [tag] of entries(src, 'tags')) if (str(tag.id) !== undefined) entry.units.set(str(tag.id)!, str(tag.unit));
  }
  const templates = new Map<string, TemplateEntry>();
  for (const [id, index] of uniqueValues(entries(data, 'templates'), 'id', ['templates'], 'Template', ctx)) {
    templates.set(id, { index, extends: undefined, version: undefined, attributes: [], attrs: new Map(), children: new Map() });
  }
  for (const [tpl, i] of entries(data, 'templates')) {
    const attributes = uniqueValues(entries(tpl, 'attributes'), 'name', ['templates', i, 'attributes'], 'Attribute', ctx);
    const children = uniqueValues(entries(tpl, 'children'), 'name', ['templates', i, 'children'], 'Child', ctx);
    const entry = templates.get(str(tpl.id) ?? '');
    if (entry?.index !== i) continue;
    Object.assign(entry, { extends: str(tpl.extends), version: typeof tpl.version === 'number' ? tpl.version : undefined, attributes: [...attributes.keys()] });
    for (const [a, j] of entries(tpl, 'attributes')) {
      const name = str(a.name);
      if (name !== undefined && attributes.get(name) === j) entry.attrs.set(name, { index: j, type: str(a.type), unit: str(a.unit), calc: str(a.calc), states: isObj(a.states) ? a.states : undefined });
    }
    for (const [c, j] of entries(tpl, 'children')) {
      const name = str(c.name);
      if (name !== undefined && children.get(name) === j) entry.children.set(name, str(c.template));
    }
  }
  return { zones, sources, sinks, templates };
}

/** The site's hub zone, when the site names one. */
export function hubZoneOf(data: Obj): string | undefined {
  return isObj(data.site) ? str(data.site.hubZone) : undefined;
}
