/** References between parts of the config: zones, templates and their inheritance. */
import { entries, str, type Obj } from './data.js';
import { hubZoneOf, type ConfigIndex, type TemplateEntry } from './semantic-index.js';
import { listNames, withSuggestion } from './suggest.js';
import type { ProblemContext } from './collector.js';
import type { KeyPath } from './key-path.js';

/** Report `value` at `path` when it is not one of `known`; `what` names the thing ("Zone"), `section` where it is defined. */
export function checkRef(ctx: ProblemContext, path: KeyPath, value: unknown, known: ReadonlyMap<string, unknown>, what: string, section: string): void {
  const id = str(value);
  if (id === undefined || known.has(id)) return;
  const names = [...known.keys()];
  const hint = names.length > 0 ? `Define it under ${section}:, or use one of: ${listNames(names)}.` : `Define it under ${section}: first.`;
  ctx.report(path, 'CW_CONFIG_UNKNOWN_REF', withSuggestion(`${what} ${ctx.show(path, id)} is not defined`, id, names), hint);
}

/** Every zone reference: the hub's, each source's and sink's, both ends of each conduit. */
export function checkZoneRefs(data: Obj, index: ConfigIndex, ctx: ProblemContext): void {
  if (hubZoneOf(data) !== undefined) checkRef(ctx, ['site', 'hubZone'], hubZoneOf(data), index.zones, 'Zone', 'zones');
  for (const section of ['sources', 'sinks']) {
    for (const [e, i] of entries(data, section)) checkRef(ctx, [section, i, 'zone'], e.zone, index.zones, 'Zone', 'zones');
  }
  for (const [c, i] of entries(data, 'conduits')) {
    checkRef(ctx, ['conduits', i, 'from'], c.from, index.zones, 'Zone', 'zones');
    checkRef(ctx, ['conduits', i, 'to'], c.to, index.zones, 'Zone', 'zones');
  }
}

/** The chains of `extends` that come back to where they started, each listed once. */
export function findTemplateCycles(templates: ReadonlyMap<string, Pick<TemplateEntry, 'extends'>>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  for (const start of templates.keys()) {
    const chain: string[] = [];
    let cur: string | undefined = start;
    while (cur !== undefined && templates.has(cur) && !done.has(cur) && !chain.includes(cur)) {
      chain.push(cur);
      cur = templates.get(cur)!.extends;
    }
    if (cur !== undefined && chain.includes(cur)) cycles.push(chain.slice(chain.indexOf(cur)));
    for (const id of chain) done.add(id);
  }
  return cycles;
}

/** A template's attributes with those it inherits; stops at a cycle. */
export function attributesOf(id: string, templates: ReadonlyMap<string, TemplateEntry>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (let cur: string | undefined = id; cur !== undefined && !seen.has(cur); cur = templates.get(cur)?.extends) {
    seen.add(cur);
    for (const a of templates.get(cur)?.attributes ?? []) if (!out.includes(a)) out.push(a);
  }
  return out;
}

/** Unknown parents and inheritance cycles; a cycle is reported once, at the first of its templates in the file. */
export function checkTemplates(data: Obj, index: ConfigIndex, ctx: ProblemContext): void {
  for (const [tpl, i] of entries(data, 'templates')) {
    checkRef(ctx, ['templates', i, 'extends'], tpl.extends, index.templates, 'Template', 'templates');
  }
  for (const cycle of findTemplateCycles(index.templates)) {
    const first = cycle.reduce((a, b) => (index.templates.get(a)!.index <= index.templates.get(b)!.index ? a : b));
    const at = cycle.indexOf(first);
    const ordered = [...cycle.slice(at), ...cycle.slice(0, at), first];
    ctx.report(
      ['templates', index.templates.get(first)!.index, 'extends'],
      'CW_CONFIG_TEMPLATE_CYCLE',
      `Templates extend each other in a circle: ${ordered.join(' → ')}.`,
      'Remove "extends" from one of them, so that the chain ends.',
    );
  }
}
