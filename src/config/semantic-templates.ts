/** Template parts the schema cannot judge: children (composition), attribute types, calculations, sink contracts (alarms: semantic-alarms.ts). */
import { isCausewayError } from '../core/errors.js';
import { parseCalc, type CalcProgram } from './calc.js';
import { entries, isObj, str, type Obj } from './data.js';
import { attributesOf, checkRef } from './semantic-refs.js';
import type { ConfigIndex, TemplateEntry } from './semantic-index.js';
import type { ProblemContext } from './collector.js';
import type { KeyPath } from './key-path.js';


/** Parse a calculation, reporting a CW_EXPR_* problem at its column; the program when it parses. */
export function checkCalcSyntax(ctx: ProblemContext, path: KeyPath, text: unknown): CalcProgram | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    return parseCalc(text);
  } catch (e) {
    if (!isCausewayError(e, 'CW_EXPR_SYNTAX') && !isCausewayError(e, 'CW_EXPR_LIMIT')) throw e;
    const column = Number((e.params as { column: number }).column);
    ctx.reportInText(path, column - 1, e.code, e.message, e.hint);
    return undefined;
  }
}

function checkStates(ctx: ProblemContext, a: Obj, path: KeyPath): void {
  if (a.type === 'state' && !isObj(a.states)) {
    ctx.report([...path, 'type'], 'CW_CONFIG_CONFLICT', `Attribute ${ctx.show([...path, 'name'], a.name)} has type state but no states: to name its codes.`, 'Add states: { "1": running, "2": stopped }, or use type number.');
  }
  if (!isObj(a.states)) return;
  for (const code of Object.keys(a.states)) {
    if (/^-?\d+$/.test(code)) continue;
    ctx.report([...path, 'states', code], 'CW_CONFIG_SCHEMA', `State code "${code}" is not a whole number.`, 'Use the numbers the device sends as codes (translate others with a binding map:), e.g. "1": running.', 'key');
  }
}

/** Counter keys on counters only, one way to give the range, and `onDrop: rollover` only with a range. */
function checkCounter(ctx: ProblemContext, a: Obj, path: KeyPath): void {
  const name = ctx.show([...path, 'name'], a.name);
  for (const key of ['rolloverAt', 'bits', 'onDrop'] as const) {
    if (a[key] !== undefined && a.type !== 'counter') {
      ctx.report([...path, key], 'CW_CONFIG_CONFLICT', `Attribute ${name} has ${key}: but is not a counter.`, `Remove ${key}:, or set type: counter.`, 'key');
    }
  }
  if (a.rolloverAt !== undefined && a.bits !== undefined) {
    ctx.report([...path, 'bits'], 'CW_CONFIG_CONFLICT', `Attribute ${name} gives its range twice (rolloverAt: and bits:).`, 'Keep one: bits: 16 is rolloverAt: 65536.', 'key');
  }
  if (a.onDrop === 'rollover' && a.rolloverAt === undefined && a.bits === undefined) {
    ctx.report([...path, 'onDrop'], 'CW_CONFIG_CONFLICT', `Attribute ${name} says a drop is a rollover but not where the counter wraps.`, 'Add bits: 16 (or 32), or rolloverAt: with the value it wraps at.');
  }
  if (a.interpolation === 'linear' && (a.type === 'boolean' || a.type === 'string')) {
    ctx.report([...path, 'interpolation'], 'CW_CONFIG_CONFLICT', `Attribute ${name} is a ${String(a.type)}: it cannot run linearly between samples.`, 'Remove interpolation: (booleans and strings hold until the next sample).');
  }
}

function checkAttribute(ctx: ProblemContext, a: Obj, path: KeyPath): void {
  checkStates(ctx, a, path);
  checkCounter(ctx, a, path);
  if (a.calc !== undefined && a.writable === true) {
    ctx.report([...path, 'writable'], 'CW_CONFIG_CONFLICT', 'A calculated attribute cannot be writable: there is no device to write to.', 'Remove writable: true, or bind the attribute to a tag instead of calc:.');
  }
  checkCalcSyntax(ctx, [...path, 'calc'], a.calc);
}

/** The child templates of a template, its ancestors' children included. */
function childTemplates(id: string, templates: ReadonlyMap<string, TemplateEntry>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (let cur: string | undefined = id; cur !== undefined && !seen.has(cur); cur = templates.get(cur)?.extends) {
    seen.add(cur);
    for (const t of templates.get(cur)?.children.values() ?? []) if (t !== undefined && templates.has(t)) out.push(t);
  }
  return out;
}

/** Templates that contain themselves through children, each circle once, starting at its first template in the file. */
export function findCompositionCycles(templates: ReadonlyMap<string, TemplateEntry>): string[][] {
  const cycles: string[][] = [];
  const keys = new Set<string>();
  const walk = (id: string, chain: string[]): void => {
    if (chain.includes(id)) {
      const cycle = chain.slice(chain.indexOf(id));
      const first = cycle.reduce((a, b) => (templates.get(a)!.index <= templates.get(b)!.index ? a : b));
      const at = cycle.indexOf(first);
      const ordered = [...cycle.slice(at), ...cycle.slice(0, at)];
      if (!keys.has(ordered.join('>'))) cycles.push(ordered);
      keys.add(ordered.join('>'));
      return;
    }
    if (chain.length > 32) return;
    for (const child of childTemplates(id, templates)) walk(child, [...chain, id]);
  };
  for (const id of templates.keys()) walk(id, []);
  return cycles;
}

function checkChildren(tpl: Obj, i: number, index: ConfigIndex, ctx: ProblemContext): void {
  const id = str(tpl.id);
  const own = id !== undefined && index.templates.get(id)?.index === i ? attributesOf(id, index.templates) : [];
  for (const [child, j] of entries(tpl, 'children')) {
    checkRef(ctx, ['templates', i, 'children', j, 'template'], child.template, index.templates, 'Template', 'templates');
    const name = str(child.name);
    if (name !== undefined && own.includes(name)) {
      ctx.report(['templates', i, 'children', j, 'name'], 'CW_CONFIG_CONFLICT', `Child "${name}" has the name of an attribute of template ${id}.`, 'Rename the child or the attribute: both would sit at the same path.');
    }
  }
}

/** Children, attributes and composition cycles of every template. */
export function checkTemplateParts(data: Obj, index: ConfigIndex, ctx: ProblemContext): void {
  for (const [tpl, i] of entries(data, 'templates')) {
    checkChildren(tpl, i, index, ctx);
    for (const [a, j] of entries(tpl, 'attributes')) checkAttribute(ctx, a, ['templates', i, 'attributes', j]);
  }
  for (const cycle of findCompositionCycles(index.templates)) {
    ctx.report(['templates', index.templates.get(cycle[0]!)!.index, 'children'], 'CW_CONFIG_TEMPLATE_CYCLE', `Templates contain each other in a circle: ${[...cycle, cycle[0]].join(' → ')}.`, 'Remove the child that closes the circle; an asset cannot contain itself.', 'key');
  }
}

/** The version of a template, its own or the nearest ancestor's. */
export function versionOf(id: string, templates: ReadonlyMap<string, TemplateEntry>): number | undefined {
  const seen = new Set<string>();
  for (let cur: string | undefined = id; cur !== undefined && !seen.has(cur); cur = templates.get(cur)?.extends) {
    seen.add(cur);
    const v = templates.get(cur)?.version;
    if (v !== undefined) return v;
  }
  return undefined;
}

/** A sink's contract names a template that exists, with the version the config defines. */
export function checkContracts(data: Obj, index: ConfigIndex, ctx: ProblemContext): void {
  for (const [sink, i] of entries(data, 'sinks')) {
    if (!isObj(sink.contract)) continue;
    const path = ['sinks', i, 'contract'];
    const template = str(sink.contract.template);
    checkRef(ctx, [...path, 'template'], template, index.templates, 'Template', 'templates');
    if (template === undefined || !index.templates.has(template) || typeof sink.contract.version !== 'number') continue;
    const defined = versionOf(template, index.templates);
    if (defined === undefined) {
      ctx.report([...path, 'template'], 'CW_CONFIG_UNKNOWN_REF', `Template ${template} has no version:, so it is not a contract.`, `Add version: ${sink.contract.version} to template ${template}, or remove contract: from the sink.`);
    } else if (defined !== sink.contract.version) {
      ctx.report([...path, 'version'], 'CW_CONFIG_UNKNOWN_REF', `The sink requires ${template} version ${sink.contract.version}, but the config defines version ${defined}.`, `Use version: ${defined}, or give the template version: ${sink.contract.version} once its consumers are ready.`);
    }
  }
}
