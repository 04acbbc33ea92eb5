/**
 * Asset instances as the namespace will build them (declared assets plus the children their
 * templates imply), and the calculations on them: every reference must name an attribute, a
 * declared child asset must fit the template its parent expects, and no calculation may read
 * itself through others.
 */
import { parseCalc, resolveRef, type CalcProgram } from './calc.js';
import { entries, isObj, str, type Obj } from './data.js';
import { attributesOf } from './semantic-refs.js';
import type { ConfigIndex, TemplateEntry } from './semantic-index.js';
import { closest } from './suggest.js';
import type { ProblemContext } from './collector.js';
import type { KeyPath } from './key-path.js';

interface Instance {
  path: string;
  template: string | undefined;
  /** Its index under assets:, when declared. */
  declared?: number;
  bindings?: Obj;
}

/** Where a calculation is written, and what it says. */
interface CalcSite {
  at: KeyPath;
  program: CalcProgram;
}

function isA(id: string | undefined, ancestor: string, templates: ReadonlyMap<string, TemplateEntry>): boolean {
  const seen = new Set<string>();
  for (let cur = id; cur !== undefined && !seen.has(cur); cur = templates.get(cur)?.extends) {
    if (cur === ancestor) return true;
    seen.add(cur);
  }
  return false;
}

function childrenOf(id: string, templates: ReadonlyMap<string, TemplateEntry>): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  const chain: TemplateEntry[] = [];
  const seen = new Set<string>();
  for (let cur: string | undefined = id; cur !== undefined && !seen.has(cur) && templates.has(cur); cur = templates.get(cur)?.extends) {
    seen.add(cur);
    chain.unshift(templates.get(cur)!);
  }
  for (const t of chain) for (const [name, tpl] of t.children) out.set(name, tpl);
  return out;
}

/** Declared assets and implied children; reports a declared child whose template does not fit. */
export function expandInstances(data: Obj, index: ConfigIndex, ctx: ProblemContext): Map<string, Instance> {
  const declared = new Map<string, [Obj, number]>();
  for (const [a, i] of entries(data, 'assets')) if (str(a.path) !== undefined && !declared.has(str(a.path)!)) declared.set(str(a.path)!, [a, i]);
  const out = new Map<string, Instance>();
  const visit = (inst: Instance, depth: number): void => {
    if (out.has(inst.path) || depth > 8) return;
    out.set(inst.path, inst);
    if (inst.template === undefined) return;
    for (const [name, tpl] of childrenOf(inst.template, index.templates)) {
      const path = `${inst.path}/${name}`;
      const own = declared.get(path);
      if (own && tpl !== undefined && index.templates.has(tpl) && str(own[0].template) !== undefined && !isA(str(own[0].template), tpl, index.templates)) {
        ctx.report(['assets', own[1], 'template'], 'CW_CONFIG_CONFLICT', `Asset ${path} is child "${name}" of ${inst.path}, whose template ${inst.template} expects a ${tpl}; ${str(own[0].template)} is not one.`, `Use template: ${tpl} (or one that extends it), or remove the child from template ${inst.template}.`);
      }
      visit(own ? instanceOf(own[0], own[1]) : { path, template: tpl }, depth + 1);
    }
  };
  for (const [a, i] of declared.values()) visit(instanceOf(a, i), 0);
  return out;
}

function instanceOf(a: Obj, i: number): Instance {
  return { path: str(a.path)!, template: str(a.template), declared: i, ...(isObj(a.bindings) ? { bindings: a.bindings } : {}) };
}

/** The template (in the chain) that defines attribute `name`, and its index. */
function definingTemplate(id: string, name: string, templates: ReadonlyMap<string, TemplateEntry>): TemplateEntry | undefined {
  const seen = new Set<string>();
  for (let cur: string | undefined = id; cur !== undefined && !seen.has(cur); cur = templates.get(cur)?.extends) {
    seen.add(cur);
    if (templates.get(cur)?.attrs.has(name)) return templates.get(cur);
  }
  return undefined;
}

/** The calculation of one attribute of one instance, where it is written; undefined when bound to a tag or not calculated. */
function calcSite(inst: Instance, name: string, index: ConfigIndex, cache: Map<string, CalcProgram | null>): CalcSite | undefined {
  const binding = inst.bindings?.[name];
  let at: KeyPath | undefined;
  let text: string | undefined;
  if (binding !== undefined) {
    if (!isObj(binding) || binding.tag !== undefined || typeof binding.calc !== 'string') return undefined;
    [at, text] = [['assets', inst.declared!, 'bindings', name, 'calc'], binding.calc];
  } else {
    const t = definingTemplate(inst.template!, name, index.templates);
    const def = t?.attrs.get(name);
    if (!t || def?.calc === undefined) return undefined;
    [at, text] = [['templates', t.index, 'attributes', def.index, 'calc'], def.calc];
  }
  const key = JSON.stringify(at);
  if (!cache.has(key)) {
    try {
      cache.set(key, parseCalc(text));
    } catch {
      cache.set(key, null); // reported by the syntax check
    }
  }
  const program = cache.get(key);
  return program ? { at, program } : undefined;
}

interface CalcNode {
  site: CalcSite;
  inputs: string[];
}

function reportUnknownRef(ctx: ProblemContext, site: CalcSite, inst: Instance, ref: { ref: string; pos: number }, resolved: string | undefined, known: readonly string[]): void {
  const templateCalc = site.at[0] === 'templates';
  const where = templateCalc ? ` (in asset ${inst.path})` : '';
  const dir = resolved?.slice(0, resolved.lastIndexOf('/') + 1);
  const near = resolved && dir ? closest(resolved.slice(dir.length), known.filter((p) => p.startsWith(dir) && !p.slice(dir.length).includes('/')).map((p) => p.slice(dir.length))) : undefined;
  const what = resolved ? `${resolved} is not an attribute` : 'it climbs above the top of the namespace';
  const hint = near ? `Did you mean ${near}? Names are relative to the asset: speed, filler/speed, ../capper/speed.` : 'Name an attribute of this asset (speed), of a child (filler/speed) or of a sibling (../capper/speed).';
  ctx.reportInText(site.at, ref.pos, 'CW_CONFIG_UNKNOWN_REF', `The calculation reads "${ref.ref}"${where}, but ${what}.`, hint);
}

/** A template's own calculations may read its attributes by name even before any asset uses it. */
function checkTemplateNames(data: Obj, index: ConfigIndex, ctx: ProblemContext, reported: Set<string>): void {
  for (const [tpl, i] of entries(data, 'templates')) {
    const id = str(tpl.id);
    if (id === undefined || index.templates.get(id)?.index !== i) continue;
    const names = attributesOf(id, index.templates);
    for (const [a, j] of entries(tpl, 'attributes')) {
      if (typeof a.calc !== 'string') continue;
      let program: CalcProgram;
      try {
        program = parseCalc(a.calc);
      } catch {
        continue; // reported by the syntax check
      }
      const at = ['templates', i, 'attributes', j, 'calc'];
      for (const ref of program.refs.filter((r) => !r.ref.includes('/') && !names.includes(r.ref))) {
        const key = `${JSON.stringify(at)}\n${ref.ref}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const near = closest(ref.ref, names);
        ctx.reportInText(at, ref.pos, 'CW_CONFIG_UNKNOWN_REF', `The calculation reads "${ref.ref}", but template ${id} has no such attribute.`, near ? `Did you mean ${near}?` : `Use one of its attributes: ${names.join(', ')}.`);
      }
    }
  }
}

/** Every calculation of every instance, with its resolved inputs; unknown references are reported once per place and reference. */
function collectCalcs(instances: Map<string, Instance>, index: ConfigIndex, ctx: ProblemContext, reported: Set<string>): Map<string, CalcNode> {
  const attrPaths: string[] = [];
  for (const inst of instances.values()) if (inst.template) for (const a of attributesOf(inst.template, index.templates)) attrPaths.push(`${inst.path}/${a}`);
  const known = new Set(attrPaths);
  const calcs = new Map<string, CalcNode>();
  const cache = new Map<string, CalcProgram | null>();
  for (const inst of instances.values()) {
    if (!inst.template || !index.templates.has(inst.template)) continue;
    for (const name of attributesOf(inst.template, index.templates)) {
      const site = calcSite(inst, name, index, cache);
      if (!site) continue;
      const inputs: string[] = [];
      for (const ref of site.program.refs) {
        const resolved = resolveRef(inst.path, ref.ref);
        if (resolved !== undefined && known.has(resolved)) {
          inputs.push(resolved);
          continue;
        }
        const key = `${JSON.stringify(site.at)}\n${ref.ref}`;
        if (!reported.has(key)) reportUnknownRef(ctx, site, inst, ref, resolved, attrPaths);
        reported.add(key);
      }
      calcs.set(`${inst.path}/${name}`, { site, inputs });
    }
  }
  return calcs;
}

/** Circles among calculations, each reported once per set of places it is written. */
function reportCycles(calcs: Map<string, CalcNode>, ctx: ProblemContext): void {
  const done = new Set<string>();
  const reported = new Set<string>();
  const walk = (path: string, chain: string[]): void => {
    if (chain.includes(path)) {
      const cycle = [...chain.slice(chain.indexOf(path)), path];
      const places = [...new Set(cycle.map((p) => JSON.stringify(calcs.get(p)!.site.at)))].sort().join('|');
      if (!reported.has(places)) ctx.report(calcs.get(cycle[0]!)!.site.at, 'CW_CONFIG_CALC_CYCLE', `Calculated attributes read each other in a circle: ${cycle.join(' → ')}.`, 'Break the circle: one of them must read a bound attribute instead of the others.');
      reported.add(places);
      return;
    }
    if (done.has(path)) return;
    for (const input of calcs.get(path)?.inputs ?? []) if (calcs.has(input)) walk(input, [...chain, path]);
    done.add(path);
  };
  for (const path of calcs.keys()) walk(path, []);
}

/** Unknown references and circles among calculated attributes, and children that do not fit their place. */
export function checkCalcs(data: Obj, index: ConfigIndex, ctx: ProblemContext): void {
  const instances = expandInstances(data, index, ctx);
  const reported = new Set<string>();
  checkTemplateNames(data, index, ctx, reported);
  reportCycles(collectCalcs(instances, index, ctx, reported), ctx);
}
