/** Assets: namespace paths, templates, and bindings from raw source tags to template attributes. */
import { ERROR_CATALOGUE } from '../core/errors.js';
import { pathProblem } from '../core/path.js';
import { entries, isObj, str, type Obj } from './data.js';
import { checkRef, attributesOf } from './semantic-refs.js';
import { uniqueValues, type AttributeEntry, type ConfigIndex, type TemplateEntry } from './semantic-index.js';
import { checkCalcSyntax } from './semantic-templates.js';
import { unitConversion } from './units.js';
import { listNames, withSuggestion } from './suggest.js';
import type { ProblemContext } from './collector.js';
import type { KeyPath } from './key-path.js';

const PATH_HINT = ERROR_CATALOGUE.CW_PATH_INVALID.hint({ path: '', problem: '' });

/** Deepest asset path: ISA-95's enterprise/site/area/line/cell, and three levels of equipment below a cell. */
export const MAX_ASSET_DEPTH = 8;

/** Report a namespace path that is not valid; `minSegments` for asset paths, which sit at least two levels deep. */
export function checkNsPath(ctx: ProblemContext, path: KeyPath, value: unknown, what: string, minSegments = 1, maxSegments = Infinity): void {
  const text = str(value);
  if (text === undefined) return;
  const problem = pathProblem(text);
  if (problem) {
    ctx.report(path, 'CW_CONFIG_INVALID_PATH', `${what} ${ctx.show(path, text)} is not valid: ${problem}.`, PATH_HINT);
  } else if (text.split('/').length < minSegments) {
    ctx.report(path, 'CW_CONFIG_INVALID_PATH', `${what} ${ctx.show(path, text)} has only one segment; an asset sits at least ${minSegments} levels deep.`, 'Write its full place in the plant, e.g. acme/springfield/packaging/line1/filler.');
  } else if (text.split('/').length > maxSegments) {
    ctx.report(path, 'CW_CONFIG_INVALID_PATH', `${what} ${ctx.show(path, text)} has ${text.split('/').length} segments; an asset sits at most ${maxSegments} levels deep.`, 'Follow enterprise/site/area/line/cell, with at most three levels of equipment below the cell.');
  }
}

/** Report a binding whose `<source-id>/<tag-id>` does not name a configured source tag. */
export function checkTagRef(ctx: ProblemContext, path: KeyPath, value: unknown, index: ConfigIndex): void {
  const ref = str(value);
  if (ref === undefined) return;
  const [sourceId, tagId, ...rest] = ref.split('/');
  if (!sourceId || !tagId || rest.length > 0) {
    ctx.report(path, 'CW_CONFIG_INVALID_PATH', `${ctx.show(path, ref)} is not a raw source tag.`, 'Write it as <source-id>/<tag-id>, e.g. filler-plc/speed.');
    return;
  }
  const source = index.sources.get(sourceId);
  if (!source) {
    const names = [...index.sources.keys()];
    const hint = names.length > 0 ? `Use one of the sources: ${listNames(names)}.` : 'Define the source under sources: first.';
    ctx.report(path, 'CW_CONFIG_UNKNOWN_REF', withSuggestion(`Source "${sourceId}" in ${ctx.show(path, ref)} is not defined`, sourceId, names), hint);
  } else if (!source.tags.includes(tagId)) {
    const hint = source.tags.length > 0 ? `Use one of its tags: ${listNames(source.tags)}.` : `Add the tag under the tags: of source ${sourceId} first.`;
    ctx.report(path, 'CW_CONFIG_UNKNOWN_REF', withSuggestion(`Source "${sourceId}" has no tag "${tagId}"`, tagId, source.tags), hint);
  }
}

/** The definition of attribute `name` in template `id` or the nearest ancestor, with that template's id. */
export function attributeDef(id: string, name: string, templates: ReadonlyMap<string, TemplateEntry>): (AttributeEntry & { template: string }) | undefined {
  const seen = new Set<string>();
  for (let cur: string | undefined = id; cur !== undefined && !seen.has(cur); cur = templates.get(cur)?.extends) {
    seen.add(cur);
    const def = templates.get(cur)?.attrs.get(name);
    if (def) return { ...def, template: cur };
  }
  return undefined;
}

function checkUnits(ctx: ProblemContext, at: KeyPath, ref: unknown, attr: string, def: (AttributeEntry & { template: string }) | undefined, index: ConfigIndex): void {
  const [sourceId, tagId] = (str(ref) ?? '').split('/');
  const tagUnit = index.sources.get(sourceId ?? '')?.units.get(tagId ?? '');
  const conv = unitConversion(tagUnit, def?.unit);
  if (conv.kind !== 'incompatible') return;
  ctx.report(at, 'CW_CONFIG_UNIT_INCOMPATIBLE', `Tag ${String(ref)} is in ${conv.from} but attribute ${attr} of template ${def!.template} is in ${conv.to}: ${conv.problem}.`, 'Bind a tag that measures the same quantity, or correct the unit: of the tag or of the attribute (the hub converts e.g. degC to degF, bar to psi, l/min to m3/h).');
}

function checkValueMap(ctx: ProblemContext, at: KeyPath, map: unknown, attr: string, def: (AttributeEntry & { template: string }) | undefined): void {
  if (!isObj(map) || def?.type !== 'state' || !def.states) return;
  const codes = Object.keys(def.states);
  for (const [from, to] of Object.entries(map)) {
    if (codes.includes(String(to))) continue;
    ctx.report([...at, 'map', from], 'CW_CONFIG_UNKNOWN_REF', `The map turns ${from} into ${ctx.show([...at, 'map', from], to)}, which is not a state code of attribute ${attr} (template ${def.template}).`, `Map to one of its codes: ${listNames(codes)}.`);
  }
}

function checkBindingObject(ctx: ProblemContext, at: KeyPath, binding: Obj, attr: string, def: (AttributeEntry & { template: string }) | undefined, index: ConfigIndex): void {
  if (binding.tag !== undefined && binding.calc !== undefined) {
    ctx.report(at, 'CW_CONFIG_CONFLICT', 'The binding sets both tag: and calc:; an attribute is read from a device or calculated, not both.', 'Keep tag: to read the device, or calc: to calculate it.', 'key');
  } else if (binding.tag === undefined && binding.calc === undefined) {
    ctx.report(at, 'CW_CONFIG_SCHEMA', 'The binding has neither tag: nor calc:.', 'Add tag: <source-id>/<tag-id>, or calc: <expression>.', 'key');
  } else if (binding.calc !== undefined) {
    const extra = ['scale', 'offset', 'map'].filter((k) => binding[k] !== undefined);
    if (extra.length > 0) ctx.report([...at, extra[0]!], 'CW_CONFIG_CONFLICT', `${extra.join(', ')} ${extra.length > 1 ? 'apply' : 'applies'} to a tag's values; a calculation does not use ${extra.length > 1 ? 'them' : 'it'}.`, 'Remove it, or write the scaling into the calc: expression.', 'key');
    checkCalcSyntax(ctx, [...at, 'calc'], binding.calc);
    return;
  }
  if (binding.tag === undefined) return;
  checkTagRef(ctx, [...at, 'tag'], binding.tag, index);
  checkUnits(ctx, [...at, 'tag'], binding.tag, attr, def, index);
  checkValueMap(ctx, at, binding.map, attr, def);
}

function checkBindings(asset: Obj, i: number, index: ConfigIndex, ctx: ProblemContext): void {
  if (!isObj(asset.bindings)) return;
  const template = str(asset.template);
  const known = template !== undefined && index.templates.has(template);
  const attributes = known ? attributesOf(template, index.templates) : [];
  if (template === undefined && Object.keys(asset.bindings).length > 0) {
    ctx.report(['assets', i, 'bindings'], 'CW_CONFIG_UNKNOWN_REF', 'The asset has bindings but no template to define its attributes.', 'Add template: <template-id> to the asset.', 'key');
  }
  for (const [attr, binding] of Object.entries(asset.bindings)) {
    const at = ['assets', i, 'bindings', attr];
    if (known && !attributes.includes(attr)) {
      const hint = attributes.length > 0 ? `Bind one of its attributes: ${listNames(attributes)}.` : `Add the attribute to template ${template}.`;
      ctx.report(at, 'CW_CONFIG_UNKNOWN_REF', withSuggestion(`Template "${template}" has no attribute "${attr}"`, attr, attributes), hint, 'key');
    }
    const def = known ? attributeDef(template, attr, index.templates) : undefined;
    if (typeof binding === 'string') {
      checkTagRef(ctx, at, binding, index);
      checkUnits(ctx, at, binding, attr, def, index);
    } else if (isObj(binding)) {
      checkBindingObject(ctx, at, binding, attr, def, index);
    }
  }
}

/** Asset paths (valid, at least two segments, unique), templates and bindings. */
export function checkAssets(data: Obj, index: ConfigIndex, ctx: ProblemContext): void {
  const assets = entries(data, 'assets');
  uniqueValues(assets, 'path', ['assets'], 'Asset path', ctx);
  for (const [asset, i] of assets) {
    checkNsPath(ctx, ['assets', i, 'path'], asset.path, 'Asset path', 2, MAX_ASSET_DEPTH);
    checkRef(ctx, ['assets', i, 'template'], asset.template, index.templates, 'Template', 'templates');
    checkBindings(asset, i, index, ctx);
  }
}
