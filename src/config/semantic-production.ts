/**
 * Checks of the `production:` block: the time zone and shift times, every line's path and the
 * attributes it names (state, reason, counters, dispatch targets), products with an ideal cycle
 * time, unique ids and codes, and confirmation targets that have what they need.
 */
import { entries, isObj, str, type Obj } from './data.js';
import type { ProblemContext } from './collector.js';
import type { KeyPath } from './key-path.js';
import { attributeDef } from './semantic-assets.js';
import { expandInstances } from './semantic-calcs.js';
import { uniqueValues, type ConfigIndex } from './semantic-index.js';
import { attributesOf } from './semantic-refs.js';
import { closest } from './suggest.js';

const CLOCK = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Where each attribute a line names is, relative to the line. */
function attributeRefs(line: Obj): Array<[KeyPath, string]> {
  const refs: Array<[KeyPath, string]> = [];
  const add = (at: KeyPath, v: unknown) => str(v) !== undefined && refs.push([at, str(v)!]);
  if (isObj(line.state)) add(['state', 'attribute'], line.state.attribute);
  add(['reason'], line.reason);
  for (const k of ['good', 'total', 'reject']) if (isObj(line[k])) add([k, 'attribute'], (line[k] as Obj).attribute);
  if (isObj(line.dispatch)) for (const [k, v] of Object.entries(line.dispatch)) add(['dispatch', k], v);
  return refs;
}

function checkLine(line: Obj, at: KeyPath, instances: ReturnType<typeof expandInstances>, index: ConfigIndex, ctx: ProblemContext): void {
  const path = str(line.path);
  if (path === undefined) return;
  if (!instances.has(path)) {
    const hint = closest(path, instances.keys());
    ctx.report([...at, 'path'], 'CW_CONFIG_UNKNOWN_REF', `Line ${ctx.show([...at, 'path'], path)} is not an asset of the config.`, hint ? `Did you mean ${hint}?` : 'Use the path of an asset under assets: (or a child its template implies).');
    return;
  }
  for (const [rel, ref] of attributeRefs(line)) {
    const full = `${path}/${ref}`;
    const slash = full.lastIndexOf('/');
    const inst = instances.get(full.slice(0, slash));
    const name = full.slice(slash + 1);
    if (inst?.template !== undefined && attributeDef(inst.template, name, index.templates)) continue;
    const known = inst?.template !== undefined ? attributesOf(inst.template, index.templates) : [];
    const hint = closest(name, known);
    ctx.report([...at, ...rel], 'CW_CONFIG_UNKNOWN_REF', `Line ${line.id ?? path} names attribute ${ref}, but ${full} is not an attribute.`,
      hint ? `Did you mean ${hint}?` : inst ? `Attributes of ${inst.path}: ${known.join(', ') || 'none'}.` : `There is no asset ${full.slice(0, slash)}; paths are relative to the line, e.g. filler/state.`);
  }
  const counts = ['total', 'reject'].filter((k) => line[k] !== undefined);
  if (counts.length !== 1) ctx.report(at, 'CW_CONFIG_CONFLICT', `Line ${line.id ?? path} needs exactly one of total and reject beside good (it has ${counts.length === 0 ? 'neither' : 'both'}).`, 'Name the total counter (total: { attribute }) or the reject counter (reject: { attribute }); total is then good + reject.');
}

function checkShifts(prod: Obj, data: Obj, ctx: ProblemContext): void {
  const site = isObj(data.site) ? str(data.site.timezone) : undefined;
  const tz = str(prod.timezone);
  if (tz !== undefined && !isTimeZone(tz)) ctx.report(['production', 'timezone'], 'CW_CONFIG_SCHEMA', `Time zone ${ctx.show(['production', 'timezone'], tz)} is not an IANA time zone.`, 'Use a name such as America/Chicago or Europe/Berlin.');
  if (tz === undefined && site !== undefined && !isTimeZone(site)) ctx.report(['site', 'timezone'], 'CW_CONFIG_SCHEMA', `Time zone ${ctx.show(['site', 'timezone'], site)} is not an IANA time zone, and the shift calendar uses it.`, 'Use a name such as America/Chicago or Europe/Berlin.');
  uniqueValues(entries(prod, 'shifts'), 'name', ['production', 'shifts'], 'Shift', ctx);
  for (const [s, i] of entries(prod, 'shifts')) {
    for (const k of ['start', 'end']) {
      const v = str(s[k]);
      if (v !== undefined && !CLOCK.test(v)) ctx.report(['production', 'shifts', i, k], 'CW_CONFIG_SCHEMA', `Shift ${str(s.name) ?? i} ${k} "${v}" is not a wall time.`, 'Write HH:MM from 00:00 to 23:59 (24:00 for the end of the day).');
    }
  }
}

function checkCatalogue(prod: Obj, ctx: ProblemContext): void {
  uniqueValues(entries(prod, 'products'), 'id', ['production', 'products'], 'Product', ctx);
  for (const [p, i] of entries(prod, 'products')) {
    const n = ['idealCycleTime', 'idealRate'].filter((k) => p[k] !== undefined).length;
    if (n !== 1) ctx.report(['production', 'products', i], 'CW_CONFIG_CONFLICT', `Product ${str(p.id) ?? i} needs exactly one of idealCycleTime and idealRate (it has ${n === 0 ? 'neither' : 'both'}).`, 'Give the ideal cycle time (idealCycleTime: 100ms) or the ideal rate in units per minute (idealRate: 600): OEE performance is measured against it.');
  }
  const codes = entries(prod, 'reasons').map(([r, i]): [Obj, number] => [{ ...r, code: typeof r.code === 'number' ? String(r.code) : undefined }, i]);
  uniqueValues(codes, 'code', ['production', 'reasons'], 'Reason code', ctx);
  uniqueValues(entries(prod, 'lines'), 'id', ['production', 'lines'], 'Line', ctx);
}

function checkTargets(prod: Obj, ctx: ProblemContext): void {
  const erp = isObj(prod.erp) ? prod.erp : {};
  const staging = isObj(erp.staging) ? erp.staging : undefined;
  const targets = isObj(prod.confirmations) ? entries(prod.confirmations, 'targets') : [];
  uniqueValues(targets, 'id', ['production', 'confirmations', 'targets'], 'Confirmation target', ctx);
  for (const [t, i] of targets) {
    if (t.kind === 'staging' && str(staging?.confirmTable) === undefined) {
      ctx.report(['production', 'confirmations', 'targets', i], 'CW_CONFIG_CONFLICT', `Confirmation target ${str(t.id) ?? i} writes to the staging schema, but production.erp.staging has no confirmTable.`, 'Set production.erp.staging (connection and table) with confirmTable: the table the ERP reads confirmations from.');
    }
  }
}

/** Report every problem of the production block. */
export function checkProduction(data: Obj, index: ConfigIndex, ctx: ProblemContext): void {
  const prod = data.production;
  if (!isObj(prod)) return;
  checkShifts(prod, data, ctx);
  checkCatalogue(prod, ctx);
  checkTargets(prod, ctx);
  // Child-template conflicts are reported by the asset checks; here the instances are only looked up.
  const silent: ProblemContext = { report: () => undefined, reportInText: () => undefined, show: (p, v) => ctx.show(p, v), lineOf: (p) => ctx.lineOf(p), isSubstituted: (p) => ctx.isSubstituted(p) };
  const instances = expandInstances(data, index, silent);
  for (const [line, i] of entries(prod, 'lines')) checkLine(line, ['production', 'lines', i], instances, index, ctx);
}
