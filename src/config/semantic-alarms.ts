/**
 * Alarm definitions the schema cannot judge: limits in order and on numbers, deadbands that
 * overlap the other limit, rules with the keys of their type, discrete states that exist, rates
 * of change on numbers, suppressedWhen and a condition's `when` that parse and read current
 * values only, and references (deviation `from`, the expressions' attributes,
 * a template block's attribute) that name attributes of every instance.
 */
import { durationMs } from '../core/time.js';
import { LIMIT_NAMES } from './alarms.js';
import { parseCalc, resolveRef, type CalcRef } from './calc.js';
import { entries, isObj, str, type Obj } from './data.js';
import { attributesOf } from './semantic-refs.js';
import type { AttributeEntry, ConfigIndex } from './semantic-index.js';
import { closest } from './suggest.js';
import { checkCalcSyntax } from './semantic-templates.js';
import type { ProblemContext } from './collector.js';
import type { KeyPath } from './key-path.js';

const NUMERIC = new Set(['number', 'counter']);
const RULE_KEYS: Record<string, { need: string[]; allow: string[] }> = {
  discrete: { need: [], allow: ['equals', 'notEquals'] },
  deviation: { need: ['from', 'limit'], allow: ['from', 'limit', 'direction', 'deadband'] },
  quality: { need: [], allow: ['quality'] },
  'rate-of-change': { need: ['limit'], allow: ['limit', 'direction', 'deadband', 'per', 'window'] },
  condition: { need: ['when'], allow: ['when'] },
};
const TYPE_KEYS = ['equals', 'notEquals', 'from', 'limit', 'direction', 'quality', 'deadband', 'per', 'window', 'when'];
const DIRECTIONS: Record<string, string[]> = { deviation: ['both', 'above', 'below'], 'rate-of-change': ['both', 'rising', 'falling'] };
const NEED_HINT: Record<string, string> = {
  deviation: 'Add from: (the attribute compared with, e.g. speed_sp) and limit: (the largest difference that is not an alarm).',
  'rate-of-change': 'Add limit: (the largest change per second, or per `per:`, that is not an alarm), e.g. limit: 0.5, per: 1m.',
  condition: "Add when: (an expression over the asset's attributes, e.g. current > 40 && state == 1).",
};
/** The longest window a rate of change may be taken over. */
const MAX_RATE_WINDOW_MS = 3_600_000;

/** One alarm block as written: where, on which attribute, and the attribute's declared type. */
interface Block {
  at: KeyPath;
  block: Obj;
  attribute: string;
  type: string | undefined;
  states: Obj | undefined;
}

function setpoint(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  return isObj(v) && typeof v.setpoint === 'number' ? v.setpoint : undefined;
}

function checkLimits(ctx: ProblemContext, b: Block): void {
  const set = LIMIT_NAMES.filter((k) => setpoint(b.block[k]) !== undefined);
  if (set.length === 0) return;
  if (b.type !== undefined && !NUMERIC.has(b.type)) {
    ctx.report([...b.at, set[0]!], 'CW_CONFIG_CONFLICT', `Limit alarms need a number or counter attribute; ${b.attribute} is a ${b.type}.`, 'Remove the limits, or alarm on its states with a rule: { name: faulted, type: discrete, equals: faulted }.', 'key');
    return;
  }
  for (let i = 1; i < set.length; i++) {
    const [lower, upper] = [set[i - 1]!, set[i]!];
    const [lv, uv] = [setpoint(b.block[lower])!, setpoint(b.block[upper])!];
    if (lv > uv) ctx.report([...b.at, lower], 'CW_CONFIG_CONFLICT', `Alarm limit ${lower} (${lv}) is above ${upper} (${uv}); limits rise from lolo to lo, hi and hihi.`, 'Correct the limits so that lolo <= lo <= hi <= hihi.');
  }
  // A high limit's deadband reaching below the low limit (or the reverse) never lets it clear in the normal band.
  const hi = setpoint(b.block.hi) ?? setpoint(b.block.hihi);
  const lo = setpoint(b.block.lo) ?? setpoint(b.block.lolo);
  const db = typeof b.block.deadband === 'number' ? b.block.deadband : undefined;
  if (hi !== undefined && lo !== undefined && db !== undefined && db >= hi - lo && hi > lo) {
    ctx.report([...b.at, 'deadband'], 'CW_CONFIG_CONFLICT', `The deadband ${db} is as wide as the normal band (${lo} to ${hi}): a high alarm would clear only below the low limit.`, `Use a deadband smaller than ${hi - lo}, typically 1-5 % of the span.`);
  }
}

function checkDiscreteValue(ctx: ProblemContext, b: Block, at: KeyPath, v: unknown): void {
  if (v === undefined) return;
  if (b.type === 'state' && b.states) {
    const labels = Object.values(b.states).filter((x): x is string => typeof x === 'string');
    const codes = Object.keys(b.states);
    if (typeof v === 'number' ? codes.includes(String(v)) : typeof v === 'string' && (labels.includes(v) || codes.includes(v))) return;
    const near = typeof v === 'string' ? closest(v, labels) : undefined;
    ctx.report(at, 'CW_CONFIG_UNKNOWN_REF', `${b.attribute} has no state ${ctx.show(at, v)}.`, near ? `Did you mean ${near}?` : `Use one of its states: ${labels.join(', ')} (or their codes ${codes.join(', ')}).`);
    return;
  }
  const want = b.type === 'boolean' ? 'boolean' : b.type === 'string' ? 'string' : b.type === undefined ? undefined : 'number';
  if (want !== undefined && typeof v !== want) {
    ctx.report(at, 'CW_CONFIG_CONFLICT', `${b.attribute} is a ${b.type}; ${ctx.show(at, v)} is not a ${want}.`, `Compare with a ${want}, e.g. ${want === 'boolean' ? 'true' : want === 'string' ? 'a text' : '3'}.`);
  }
}

function checkRule(ctx: ProblemContext, b: Block, rule: Obj, at: KeyPath): void {
  const type = str(rule.type);
  const spec = type === undefined ? undefined : RULE_KEYS[type];
  if (!spec) return;
  for (const key of TYPE_KEYS) {
    if (rule[key] !== undefined && !spec.allow.includes(key)) ctx.report([...at, key], 'CW_CONFIG_CONFLICT', `A ${type} alarm has no ${key}:.`, `Remove ${key}:, or use the alarm type it belongs to (${Object.entries(RULE_KEYS).filter(([, s]) => s.allow.includes(key)).map(([t]) => t).join(', ') || 'limits'}).`, 'key');
  }
  for (const key of spec.need) {
    if (rule[key] === undefined) ctx.report(at, 'CW_CONFIG_SCHEMA', `A ${type} alarm needs ${key}:.`, NEED_HINT[type!] ?? `Add ${key}:.`, 'key');
  }
  const dir = str(rule.direction);
  const dirs = DIRECTIONS[type!];
  if (dir !== undefined && dirs && !dirs.includes(dir)) ctx.report([...at, 'direction'], 'CW_CONFIG_CONFLICT', `A ${type} alarm's direction is ${dirs.join(', ')}, not ${dir}.`, type === 'deviation' ? 'above: the value is above the other; below: under it; both: either.' : 'rising: the value goes up too fast; falling: down; both: either.');
  if (type === 'rate-of-change') checkRate(ctx, b, rule, at);
  if (type === 'condition') checkExpression(ctx, [...at, 'when'], rule.when, 'A condition alarm');
  if (type === 'discrete') {
    if ((rule.equals === undefined) === (rule.notEquals === undefined)) ctx.report(at, 'CW_CONFIG_SCHEMA', 'A discrete alarm needs one of equals: or notEquals:.', 'Add equals: faulted (alarm in that state) or notEquals: running (alarm in any other).', 'key');
    checkDiscreteValue(ctx, b, [...at, 'equals'], rule.equals);
    checkDiscreteValue(ctx, b, [...at, 'notEquals'], rule.notEquals);
  }
  if (type === 'deviation' && b.type !== undefined && !NUMERIC.has(b.type)) {
    ctx.report([...at, 'type'], 'CW_CONFIG_CONFLICT', `A deviation alarm needs a number or counter attribute; ${b.attribute} is a ${b.type}.`, 'Use a discrete alarm on it instead.');
  }
}

/** A rate of change: on a number, `per` above 0, a window of at most an hour, a deadband narrower than the limit. */
function checkRate(ctx: ProblemContext, b: Block, rule: Obj, at: KeyPath): void {
  if (b.type !== undefined && !NUMERIC.has(b.type)) {
    ctx.report([...at, 'type'], 'CW_CONFIG_CONFLICT', `A rate-of-change alarm needs a number or counter attribute; ${b.attribute} is a ${b.type}.`, 'Use a discrete alarm on it instead.');
  }
  if (rule.per !== undefined && durationMs(rule.per as string | number, 0) <= 0) {
    ctx.report([...at, 'per'], 'CW_CONFIG_SCHEMA', `per: ${ctx.show([...at, 'per'], rule.per)} is no time: the limit is a change per this long.`, 'Write per: 1s (the default), per: 1m or per: 1h.');
  }
  if (rule.window !== undefined && durationMs(rule.window as string | number, 0) > MAX_RATE_WINDOW_MS) {
    ctx.report([...at, 'window'], 'CW_CONFIG_CONFLICT', `The window ${ctx.show([...at, 'window'], rule.window)} is longer than an hour; the samples of a window are kept in memory.`, 'Use a window of at most 1h, or alarm on a calculated attribute (avg(...)) instead.');
  }
  const limit = typeof rule.limit === 'number' ? rule.limit : undefined;
  const db = typeof rule.deadband === 'number' ? rule.deadband : typeof b.block.deadband === 'number' ? b.block.deadband : undefined;
  if (limit !== undefined && db !== undefined && db >= limit) {
    ctx.report([...at, rule.deadband !== undefined ? 'deadband' : 'limit'], 'CW_CONFIG_CONFLICT', `The deadband ${db} is not below the rate limit ${limit}: the alarm would clear only once the value stands still or turns back.`, `Use a deadband smaller than ${limit}, e.g. ${Number((limit * 0.2).toPrecision(3))}.`);
  }
}

/** An expression of an alarm (suppressedWhen, a condition's when): it parses and reads current values only. */
function checkExpression(ctx: ProblemContext, at: KeyPath, text: unknown, what = 'suppressedWhen'): void {
  const program = checkCalcSyntax(ctx, at, text);
  for (const ref of program?.refs ?? []) {
    if (ref.use !== 'value') ctx.reportInText(at, ref.pos, 'CW_CONFIG_SCHEMA', `${what} cannot use ${ref.use}() yet; it reads current values only.`, `Compare current values, e.g. state != 1; or make a calculated attribute with ${ref.use}() and read that.`);
  }
}

/** Checks of one block on its own: limits, rules, names, suppressedWhen. */
function checkBlock(ctx: ProblemContext, b: Block): void {
  checkLimits(ctx, b);
  const names = new Set<string>(LIMIT_NAMES.filter((k) => b.block[k] !== undefined));
  for (const [rule, k] of entries(b.block, 'rules')) {
    const at = [...b.at, 'rules', k];
    const name = str(rule.name);
    if (name !== undefined && names.has(name)) ctx.report([...at, 'name'], 'CW_CONFIG_DUPLICATE_ID', `Attribute ${b.attribute} already has an alarm named ${name}.`, (LIMIT_NAMES as readonly string[]).includes(name) ? 'lolo, lo, hi and hihi name the limit alarms; give the rule another name.' : 'Give each alarm of an attribute its own name.');
    if (name !== undefined) names.add(name);
    checkRule(ctx, b, rule, at);
    checkExpression(ctx, [...at, 'suppressedWhen'], rule.suppressedWhen);
  }
  checkExpression(ctx, [...b.at, 'suppressedWhen'], b.block.suppressedWhen);
  for (const name of LIMIT_NAMES) if (isObj(b.block[name])) checkExpression(ctx, [...b.at, name, 'suppressedWhen'], (b.block[name] as Obj).suppressedWhen);
}

/** The attribute entry of `name` in template `id` or the templates it extends. */
function attributeEntry(id: string, name: string, index: ConfigIndex): AttributeEntry | undefined {
  const seen = new Set<string>();
  for (let cur: string | undefined = id; cur !== undefined && !seen.has(cur); cur = index.templates.get(cur)?.extends) {
    seen.add(cur);
    const a = index.templates.get(cur)?.attrs.get(name);
    if (a) return a;
  }
  return undefined;
}

/** Every alarm block of every template, attribute blocks and template blocks; reports unknown template-block attributes. */
function blocksOf(data: Obj, index: ConfigIndex, ctx: ProblemContext): Array<Block & { template: string }> {
  const out: Array<Block & { template: string }> = [];
  for (const [tpl, i] of entries(data, 'templates')) {
    const id = str(tpl.id);
    if (id === undefined || index.templates.get(id)?.index !== i) continue;
    for (const [a, j] of entries(tpl, 'attributes')) {
      if (isObj(a.alarms) && str(a.name)) out.push({ template: id, at: ['templates', i, 'attributes', j, 'alarms'], block: a.alarms, attribute: str(a.name)!, type: str(a.type), states: isObj(a.states) ? a.states : undefined });
    }
    const seen = new Map<string, number>();
    for (const [blk, k] of entries(tpl, 'alarms')) {
      const name = str(blk.attribute);
      if (name === undefined) continue;
      const at = ['templates', i, 'alarms', k];
      const entry = attributeEntry(id, name, index);
      if (!entry) {
        const known = attributesOf(id, index.templates);
        const near = closest(name, known);
        ctx.report([...at, 'attribute'], 'CW_CONFIG_UNKNOWN_REF', `Template ${id} has no attribute ${name} to alarm on.`, near ? `Did you mean ${near}?` : `Use one of its attributes: ${known.join(', ') || 'none yet'}.`);
        continue;
      }
      if (seen.has(name)) ctx.report([...at, 'attribute'], 'CW_CONFIG_DUPLICATE_ID', `Template ${id} has a second alarm block for ${name} (the first is at line ${ctx.lineOf(['templates', i, 'alarms', seen.get(name)!])}).`, 'Put all alarms of an attribute in one block.');
      seen.set(name, k);
      const own = entries(tpl, 'attributes').find(([a]) => a.name === name)?.[0];
      if (own && isObj(own.alarms)) ctx.report([...at, 'attribute'], 'CW_CONFIG_CONFLICT', `Attribute ${name} of template ${id} has alarms: of its own as well as this block.`, 'Write its alarms in one place: on the attribute, or here.');
      out.push({ template: id, at, block: blk, attribute: name, type: entry.type, states: entry.states });
    }
  }
  return out;
}

/** The references a block makes: deviation `from` and suppressedWhen's attributes, with where they are written. */
function refsOf(b: Block): Array<{ at: KeyPath; ref: string; pos?: number }> {
  const out: Array<{ at: KeyPath; ref: string; pos?: number }> = [];
  const parsed = (at: KeyPath, text: unknown) => {
    if (typeof text !== 'string') return;
    let refs: CalcRef[];
    try {
      refs = parseCalc(text).refs;
    } catch {
      return; // reported by the syntax check
    }
    for (const r of refs) out.push({ at, ref: r.ref, pos: r.pos });
  };
  parsed([...b.at, 'suppressedWhen'], b.block.suppressedWhen);
  for (const name of LIMIT_NAMES) if (isObj(b.block[name])) parsed([...b.at, name, 'suppressedWhen'], (b.block[name] as Obj).suppressedWhen);
  for (const [rule, k] of entries(b.block, 'rules')) {
    if (typeof rule.from === 'string') out.push({ at: [...b.at, 'rules', k, 'from'], ref: rule.from });
    parsed([...b.at, 'rules', k, 'suppressedWhen'], rule.suppressedWhen);
    parsed([...b.at, 'rules', k, 'when'], rule.when);
  }
  return out;
}

function isA(id: string | undefined, ancestor: string, index: ConfigIndex): boolean {
  const seen = new Set<string>();
  for (let cur = id; cur !== undefined && !seen.has(cur); cur = index.templates.get(cur)?.extends) {
    if (cur === ancestor) return true;
    seen.add(cur);
  }
  return false;
}

/** A reference must name an attribute: by name in the template, by relative path in every instance. */
function checkRefs(ctx: ProblemContext, b: Block & { template: string }, index: ConfigIndex, instances: ReadonlyMap<string, string | undefined>): void {
  const own = attributesOf(b.template, index.templates);
  for (const r of refsOf(b)) {
    const report = (message: string, hint: string) => (r.pos === undefined ? ctx.report(r.at, 'CW_CONFIG_UNKNOWN_REF', message, hint) : ctx.reportInText(r.at, r.pos, 'CW_CONFIG_UNKNOWN_REF', message, hint));
    if (!r.ref.includes('/')) {
      if (own.includes(r.ref)) continue;
      const near = closest(r.ref, own);
      report(`The alarm of ${b.attribute} reads "${r.ref}", but template ${b.template} has no such attribute.`, near ? `Did you mean ${near}?` : `Use one of its attributes: ${own.join(', ')}; another asset's as ../capper/speed.`);
      continue;
    }
    for (const [path, tpl] of instances) {
      if (!isA(tpl, b.template, index)) continue;
      const target = resolveRef(path, r.ref);
      const slash = target?.lastIndexOf('/') ?? -1;
      const asset = target === undefined ? undefined : target.slice(0, slash);
      const assetTpl = asset === undefined ? undefined : instances.get(asset);
      if (target !== undefined && assetTpl !== undefined && attributesOf(assetTpl, index.templates).includes(target.slice(slash + 1))) continue;
      report(`The alarm of ${b.attribute} reads "${r.ref}", which in asset ${path} is ${target ?? 'above the top of the namespace'}, not an attribute.`, 'Name an attribute relative to the asset: speed_sp, filler/speed or ../capper/speed.');
      break;
    }
  }
}

/** Instance paths and their templates: declared assets and the children their templates imply. */
function instancesOf(data: Obj, index: ConfigIndex): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  const declared = new Map(entries(data, 'assets').map(([a]) => [str(a.path), str(a.template)] as const).filter((e): e is [string, string | undefined] => e[0] !== undefined));
  const visit = (path: string, tpl: string | undefined, depth: number): void => {
    if (out.has(path) || depth > 8) return;
    out.set(path, tpl);
    const seen = new Set<string>();
    for (let cur = tpl; cur !== undefined && !seen.has(cur); cur = index.templates.get(cur)?.extends) {
      seen.add(cur);
      for (const [name, child] of index.templates.get(cur)?.children ?? []) {
        const p = `${path}/${name}`;
        visit(p, declared.has(p) ? declared.get(p) : child, depth + 1);
      }
    }
  };
  for (const [p, t] of declared) visit(p, t, 0);
  return out;
}

/** Every alarm block of the config. */
export function checkAlarms(data: Obj, index: ConfigIndex, ctx: ProblemContext): void {
  const blocks = blocksOf(data, index, ctx);
  if (blocks.length === 0) return;
  const instances = instancesOf(data, index);
  for (const b of blocks) {
    checkBlock(ctx, b);
    checkRefs(ctx, b, index, instances);
  }
}
