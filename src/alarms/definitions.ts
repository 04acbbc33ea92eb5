/**
 * The alarms of a plant: every alarm block of every template (on an attribute, or on the template
 * naming an attribute, inherited ones included) expanded for every asset instance, each alarm with
 * its condition, delays, priority, rationalization and suppression resolved to paths.
 */
import { LIMIT_NAMES, priorityName, setpointOf, type LimitName } from '../config/alarms.js';
import { parseCalc, resolveRef, type CalcProgram } from '../config/calc.js';
import type { AttributeConfig, TemplateConfig } from '../config/schema.js';
import type { AlarmPriority, AlarmRuleConfig, AttributeAlarmsConfig } from '../config/schema-alarms.js';
import { durationMs } from '../core/time.js';
import type { Value } from '../core/sample.js';
import type { AttributeNode } from '../namespace/index.js';
import type { ConditionSpec } from './condition.js';

export type AlarmType = 'limit' | 'discrete' | 'deviation' | 'quality' | 'rate-of-change' | 'condition';

/** The rationalization of an alarm (IEC 62682): why it exists and what to do. */
export interface Rationalization {
  cause?: string;
  consequence?: string;
  correctiveAction?: string;
  timeToRespondMs?: number;
  owner?: string;
}

export interface AlarmDef extends Rationalization {
  /** `<attribute path>/<name>`, e.g. acme/springfield/line1/filler/level/lo. */
  id: string;
  name: string;
  /** The attribute it watches. */
  path: string;
  asset: string;
  type: AlarmType;
  condition: ConditionSpec;
  /** Limits: the setpoint; deviations and rates of change: the limit. */
  setpoint?: number;
  /** Deviation: the path of the attribute compared with. */
  from?: string;
  priority: AlarmPriority;
  area?: string;
  message: string;
  unit?: string;
  onDelayMs: number;
  offDelayMs: number;
  latching: boolean;
  /** suppressedWhen: the expression and its inputs by the name written. */
  suppression?: Expression;
  /** condition: the expression that is the alarm. */
  expression?: Expression;
}

/** An expression of the calculation language over an asset's attributes, with its inputs' paths by the name written (undefined: no such attribute). */
export interface Expression {
  text: string;
  program: CalcProgram;
  inputs: Map<string, string | undefined>;
}

const DEFAULT_PRIORITY: Record<LimitName, AlarmPriority> = { hihi: 'high', lolo: 'high', hi: 'medium', lo: 'medium' };
const DEFAULT_MESSAGE: Record<LimitName, string> = {
  hihi: '{path} high-high: {value} {unit} (limit {setpoint})',
  hi: '{path} high: {value} {unit} (limit {setpoint})',
  lo: '{path} low: {value} {unit} (limit {setpoint})',
  lolo: '{path} low-low: {value} {unit} (limit {setpoint})',
};

type Common = Omit<AttributeAlarmsConfig, 'hihi' | 'hi' | 'lo' | 'lolo' | 'rules'>;

/** The blocks of alarms for one attribute of an asset: its own, then those of its template chain naming it. */
export function alarmBlocksOf(templates: ReadonlyMap<string, TemplateConfig>, template: string | undefined, attr: AttributeConfig): AttributeAlarmsConfig[] {
  const blocks: AttributeAlarmsConfig[] = attr.alarms ? [attr.alarms] : [];
  const chain: TemplateConfig[] = [];
  for (let cur = template; cur !== undefined && !chain.some((t) => t.id === cur); cur = templates.get(cur)?.extends) {
    const t = templates.get(cur);
    if (!t) break;
    chain.push(t);
  }
  // The nearest template's block wins over an ancestor's for the same attribute.
  const named = chain.flatMap((t) => (t.alarms ?? []).filter((b) => b.attribute === attr.name));
  if (named[0]) {
    const { attribute: _a, ...block } = named[0];
    blocks.push(block);
  }
  return blocks;
}

function resolveLabel(v: Value | undefined, node: AttributeNode): Value | undefined {
  if (v === undefined || node.type !== 'state' || !node.states) return v;
  if (typeof v === 'number') return v;
  const code = Object.entries(node.states).find(([c, label]) => label === v || c === String(v))?.[0];
  return code === undefined ? v : Number(code);
}

function expressionOf(text: string | undefined, asset: string, has: (path: string) => boolean): Expression | undefined {
  if (text === undefined) return undefined;
  const program = parseCalc(text);
  const inputs = new Map<string, string | undefined>();
  for (const r of program.refs) {
    const p = resolveRef(asset, r.ref);
    inputs.set(r.ref, p !== undefined && has(p) ? p : undefined);
  }
  return { text, program, inputs };
}

function base(node: AttributeNode, name: string, c: Common, has: (path: string) => boolean): Omit<AlarmDef, 'type' | 'condition' | 'priority' | 'message'> {
  return {
    id: `${node.path}/${name}`, name, path: node.path, asset: node.asset,
    ...(c.area ? { area: c.area } : {}), ...(node.unit ? { unit: node.unit } : {}),
    ...(c.owner ? { owner: c.owner } : {}), ...(c.cause ? { cause: c.cause } : {}), ...(c.consequence ? { consequence: c.consequence } : {}),
    ...(c.correctiveAction ? { correctiveAction: c.correctiveAction } : {}),
    ...(c.timeToRespond !== undefined ? { timeToRespondMs: durationMs(c.timeToRespond, 0) } : {}),
    onDelayMs: durationMs(c.onDelay, 0), offDelayMs: durationMs(c.offDelay, 0), latching: c.latching ?? false,
    ...(c.suppressedWhen ? { suppression: expressionOf(c.suppressedWhen, node.asset, has)! } : {}),
  };
}

function ruleDef(node: AttributeNode, rule: AlarmRuleConfig, defaults: Common, has: (path: string) => boolean): AlarmDef | undefined {
  const { name, type, equals, notEquals, from, limit, direction, quality, per, window, when, ...own } = rule;
  const c: Common = { ...defaults, ...own };
  const common = base(node, name, c, has);
  const priority = priorityName(c.priority, type === 'quality' ? 'low' : 'medium');
  if (type === 'discrete') {
    const eq = resolveLabel(equals, node);
    const ne = resolveLabel(notEquals, node);
    const condition: ConditionSpec = { kind: 'discrete', ...(eq !== undefined ? { equals: eq } : { notEquals: ne! }) };
    return { ...common, type, condition, priority, message: c.message ?? `{path} ${eq !== undefined ? `is ${String(equals)}` : `is not ${String(notEquals)}`}` };
  }
  if (type === 'quality') {
    const q = quality ?? 'not-good';
    return { ...common, type, condition: { kind: 'quality', quality: q }, priority, message: c.message ?? `{path}: value ${q === 'stale' ? 'not updated' : q === 'bad' ? 'bad' : 'not good'}` };
  }
  if (type === 'rate-of-change') {
    if (limit === undefined) return undefined;
    const perMs = durationMs(per, 1000) || 1000;
    const dir = direction === 'rising' || direction === 'falling' ? direction : 'both';
    const unit = `${node.unit ? '{unit}' : 'units'} per ${per === undefined ? '1s' : typeof per === 'number' ? `${per}ms` : per}`;
    return {
      ...common, type, setpoint: limit, priority,
      condition: { kind: 'rate', limit, perMs, direction: dir, deadband: c.deadband ?? 0, windowMs: durationMs(window, 0) },
      message: c.message ?? `{path} ${dir === 'both' ? 'changing' : dir} at {value} ${unit} (limit {setpoint})`,
    };
  }
  if (type === 'condition') {
    const expression = expressionOf(when, node.asset, has);
    if (!expression || [...expression.inputs.values()].some((p) => p === undefined)) return undefined;
    return { ...common, type, condition: { kind: 'expression' }, expression, priority, message: c.message ?? `{path}: ${when}` };
  }
  const other = from === undefined ? undefined : resolveRef(node.asset, from);
  if (other === undefined || limit === undefined || !has(other)) return undefined;
  return {
    ...common, type, from: other, setpoint: limit, priority,
    condition: { kind: 'deviation', limit, direction: direction === 'above' || direction === 'below' ? direction : 'both', deadband: c.deadband ?? 0 },
    message: c.message ?? `{path} deviates from ${from} by more than {setpoint} {unit} ({value} {unit})`,
  };
}

/** The alarms of one attribute of one asset, from its blocks. */
export function alarmsOfAttribute(node: AttributeNode, blocks: readonly AttributeAlarmsConfig[], has: (path: string) => boolean): AlarmDef[] {
  const out = new Map<string, AlarmDef>();
  for (const block of blocks) {
    const { hihi: _hh, hi: _h, lo: _l, lolo: _ll, rules, ...defaults } = block;
    for (const name of LIMIT_NAMES) {
      const written = block[name];
      const sp = setpointOf(written);
      if (sp === undefined) continue;
      const own = typeof written === 'object' ? (({ setpoint: _s, ...rest }) => rest)(written) : {};
      const c: Common = { ...defaults, ...own };
      out.set(name, {
        ...base(node, name, c, has), type: 'limit', setpoint: sp,
        condition: { kind: 'limit', side: name === 'hi' || name === 'hihi' ? 'high' : 'low', setpoint: sp, deadband: c.deadband ?? 0 },
        priority: priorityName(c.priority, DEFAULT_PRIORITY[name]), message: c.message ?? DEFAULT_MESSAGE[name],
      });
    }
    for (const rule of rules ?? []) {
      const def = ruleDef(node, rule, defaults, has);
      if (def) out.set(rule.name, def);
    }
  }
  return [...out.values()];
}

/** Every alarm of the plant: for each attribute node, the blocks its template chain gives it. */
export function plantAlarms(templates: ReadonlyMap<string, TemplateConfig>, attributes: ReadonlyMap<string, AttributeNode>, attributeConfig: (node: AttributeNode) => AttributeConfig | undefined): AlarmDef[] {
  const has = (p: string) => attributes.has(p);
  const out: AlarmDef[] = [];
  for (const node of attributes.values()) {
    const attr = attributeConfig(node);
    if (!attr) continue;
    const blocks = alarmBlocksOf(templates, node.template, attr);
    if (blocks.length > 0) out.push(...alarmsOfAttribute(node, blocks, has));
  }
  return out;
}

/** The message with its placeholders filled: {value}, {unit}, {path}, {setpoint}, {name}. */
export function renderMessage(def: AlarmDef, value: Value | undefined): string {
  const fill: Record<string, string> = {
    value: value === undefined ? '?' : typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : String(value),
    unit: def.unit ?? '', path: def.path, setpoint: def.setpoint === undefined ? '' : String(def.setpoint), name: def.name,
  };
  return def.message.replace(/\{(value|unit|path|setpoint|name)\}/g, (_m, k: string) => fill[k]!).replace(/ {2,}/g, ' ').replace(/ \)/g, ')').trim();
}
