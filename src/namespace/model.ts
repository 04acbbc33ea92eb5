/** The namespace model built from a checked config: templates, asset instances, bindings and calculations. */
import { limitsView } from '../config/alarms.js';
import { parseCalc, resolveRef, type CalcProgram, type RefUse } from '../config/calc.js';
import type { AlarmLimits, AssetConfig, AttributeConfig, AttributeType, SourceConfig, TagConfig, TemplateConfig } from '../config/schema.js';
import { counterRange, type CounterRule } from '../core/counter.js';
import type { ValueType } from '../core/sample.js';
import { bindingCalc, feedOf, type Feed } from './feeds.js';
import { resolveTemplateAttributes, resolveTemplateChildren, templateChain, type TemplateMap } from './templates.js';

/** How a value runs between samples: a straight line, or held until the next sample. */
export type Interpolation = NonNullable<AttributeConfig['interpolation']>;

/** One attribute of one asset: its place in the namespace and its meaning. */
export interface AttributeNode {
  path: string;
  asset: string;
  name: string;
  template?: string;
  /** The declared type: number, boolean, string, counter or state. */
  type: AttributeType;
  /** How values are stored and sent: counters and states are numbers. */
  valueType: ValueType;
  unit?: string;
  description?: string;
  min?: number;
  max?: number;
  writable: boolean;
  states?: Record<string, string>;
  alarms?: AlarmLimits;
  required?: boolean;
  /** Raw source tag feeding it (`<source>/<tag>`), when bound. */
  boundTo?: string;
  /** The expression, when calculated. */
  calc?: string;
  /** How the value runs between samples (attribute, else template, else by type). */
  interpolation: Interpolation;
  /** Counters: the range and what a drop means, when declared. */
  counter?: CounterRule;
}

export interface AssetNode {
  path: string;
  template?: string;
  description?: string;
  attributes: string[];
  /** Paths of its child assets (composition). */
  children?: string[];
  /** True for a child asset its parent's template implies and the config does not declare. */
  implicit?: boolean;
}

/** One input of a calculation, resolved to a path (undefined when it names nothing). */
export interface CalcInput {
  ref: string;
  path: string | undefined;
  use: RefUse;
  windowMs?: number;
}

export interface CalcDef {
  path: string;
  asset: string;
  program: CalcProgram;
  inputs: CalcInput[];
}

export interface NamespaceModel {
  templates: TemplateMap;
  assets: Map<string, AssetNode>;
  attributes: Map<string, AttributeNode>;
  /** Raw tag path -> attribute paths it feeds. */
  bindings: Map<string, string[]>;
  /** Attribute path -> the feed from its tag. */
  feeds: Map<string, Feed>;
  /** Attribute path -> its calculation. */
  calcs: Map<string, CalcDef>;
}

/** Deepest composition: a template whose children nest deeper than this is cut off. */
const MAX_NESTING = 8;

const VALUE_TYPE: Record<AttributeType, ValueType> = { number: 'number', counter: 'number', state: 'number', boolean: 'boolean', string: 'string' };

/**
 * An attribute's interpolation: its own, else (numbers and counters) its template's nearest
 * declaration, else linear for numbers and counters and step for booleans, strings and states.
 */
export function interpolationOf(attr: AttributeConfig, templates: TemplateMap, template: string | undefined): Interpolation {
  if (attr.interpolation) return attr.interpolation;
  if (attr.type !== 'number' && attr.type !== 'counter') return 'step';
  if (attr.states) return 'step';
  const declared = template === undefined ? undefined : templateChain(templates, template).find((t) => t.interpolation !== undefined);
  return declared?.interpolation ?? 'linear';
}

/** A counter's declared rule (range from rolloverAt or bits, and onDrop), or undefined when it declares none. */
export function counterRuleOf(attr: AttributeConfig): CounterRule | undefined {
  if (attr.type !== 'counter') return undefined;
  const rolloverAt = counterRange(attr);
  if (rolloverAt === undefined && attr.onDrop === undefined) return undefined;
  return { ...(rolloverAt !== undefined ? { rolloverAt } : {}), ...(attr.onDrop ? { onDrop: attr.onDrop } : {}) };
}

function attributeNode(asset: AssetConfig, attr: AttributeConfig, templates: TemplateMap): AttributeNode {
  const binding = asset.bindings?.[attr.name];
  const counter = counterRuleOf(attr);
  const tag = typeof binding === 'string' ? binding : binding?.tag;
  const calc = binding === undefined ? attr.calc : bindingCalc(binding);
  return {
    path: `${asset.path}/${attr.name}`,
    asset: asset.path,
    name: attr.name,
    ...(asset.template ? { template: asset.template } : {}),
    type: attr.type,
    valueType: VALUE_TYPE[attr.type],
    ...(attr.unit !== undefined ? { unit: attr.unit } : {}),
    ...(attr.description !== undefined ? { description: attr.description } : {}),
    ...(attr.min !== undefined ? { min: attr.min } : {}),
    ...(attr.max !== undefined ? { max: attr.max } : {}),
    writable: attr.writable ?? false,
    ...(attr.states ? { states: attr.states } : {}),
    ...(limitsView(attr.alarms) ? { alarms: limitsView(attr.alarms)! } : {}),
    ...(attr.required ? { required: true } : {}),
    ...(tag !== undefined ? { boundTo: tag } : {}),
    ...(calc !== undefined ? { calc } : {}),
    interpolation: interpolationOf(attr, templates, asset.template),
    ...(counter ? { counter } : {}),
  };
}

interface Expanded {
  config: AssetConfig;
  implicit: boolean;
  children: string[];
}

/** Declared assets plus the child assets their templates imply; a declared child keeps its own config. */
export function expandAssets(templates: TemplateMap, assets: readonly AssetConfig[]): Map<string, Expanded> {
  const declared = new Map(assets.map((a) => [a.path, a]));
  const out = new Map<string, Expanded>();
  const visit = (config: AssetConfig, implicit: boolean, depth: number): void => {
    if (out.has(config.path) || depth > MAX_NESTING) return;
    const entry: Expanded = { config, implicit, children: [] };
    out.set(config.path, entry);
    for (const child of config.template ? resolveTemplateChildren(templates, config.template) : []) {
      const path = `${config.path}/${child.name}`;
      entry.children.push(path);
      const own = declared.get(path);
      visit(own ?? { path, template: child.template, ...(child.description ? { description: child.description } : {}) }, own === undefined, depth + 1);
    }
  };
  for (const a of assets) visit(a, false, 0);
  return out;
}

function tagIndex(sources: readonly SourceConfig[]): Map<string, TagConfig> {
  const tags = new Map<string, TagConfig>();
  for (const s of sources) for (const t of s.tags) tags.set(`${s.id}/${t.id}`, t);
  return tags;
}

function addAsset(model: NamespaceModel, e: Expanded, tags: ReadonlyMap<string, TagConfig>): void {
  const { config: asset } = e;
  const node: AssetNode = {
    path: asset.path,
    ...(asset.template ? { template: asset.template } : {}),
    ...(asset.description ? { description: asset.description } : {}),
    attributes: [],
    ...(e.children.length > 0 ? { children: e.children } : {}),
    ...(e.implicit ? { implicit: true } : {}),
  };
  for (const attr of asset.template ? resolveTemplateAttributes(model.templates, asset.template) : []) {
    const a = attributeNode(asset, attr, model.templates);
    model.attributes.set(a.path, a);
    node.attributes.push(a.path);
    const binding = asset.bindings?.[attr.name];
    const feed = binding === undefined ? undefined : feedOf(binding, tags.get(a.boundTo ?? ''), a.unit);
    if (feed) {
      model.feeds.set(a.path, feed);
      model.bindings.set(feed.tag, [...(model.bindings.get(feed.tag) ?? []), a.path]);
    } else if (a.calc !== undefined) {
      const program = parseCalc(a.calc);
      model.calcs.set(a.path, { path: a.path, asset: asset.path, program, inputs: [] });
    }
  }
  model.assets.set(asset.path, node);
}

/** Resolve every calculation's references once all attributes exist. */
function resolveCalcInputs(model: NamespaceModel): void {
  for (const calc of model.calcs.values()) {
    const seen = new Set<string>();
    for (const r of calc.program.refs) {
      const key = `${r.use}\n${r.ref}\n${r.windowMs ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const path = resolveRef(calc.asset, r.ref);
      calc.inputs.push({ ref: r.ref, path: path !== undefined && model.attributes.has(path) ? path : undefined, use: r.use, ...(r.windowMs !== undefined ? { windowMs: r.windowMs } : {}) });
    }
  }
}

/** Build the model from the config's templates, assets and sources (the config is already checked). */
export function buildModel(templates: readonly TemplateConfig[], assets: readonly AssetConfig[], sources: readonly SourceConfig[] = []): NamespaceModel {
  const byId: TemplateMap = new Map(templates.map((t) => [t.id, t]));
  const model: NamespaceModel = { templates: byId, assets: new Map(), attributes: new Map(), bindings: new Map(), feeds: new Map(), calcs: new Map() };
  const tags = tagIndex(sources);
  for (const e of expandAssets(byId, assets).values()) addAsset(model, e, tags);
  resolveCalcInputs(model);
  return model;
}
