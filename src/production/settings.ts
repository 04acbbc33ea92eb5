/** The `production:` block of the config, resolved once for the running application (pure). */
import type { ProductionConfig } from '../config/schema.js';
import { durationMs } from '../core/time.js';
import type { CounterRule } from '../core/counter.js';
import type { DispatchTargets } from './dispatch.js';
import type { FolderSettings } from './inputs/folder.js';
import type { StagingSettings } from './inputs/staging.js';
import type { ShiftCalendar } from './shifts.js';
import type { LineState, ReasonDefinition } from './types.js';

export interface CounterRef {
  path: string;
  /** The counter's range and drop rule: the attribute's, or the line's `rolloverAt` (auto). */
  counter?: CounterRule;
}

/** The counter rule of an attribute path, as the namespace declares it. */
export type CounterRuleOf = (path: string) => CounterRule | undefined;

export interface LineSettings {
  id: string;
  path: string;
  state: { path: string; map: Readonly<Record<string, LineState>> };
  reason?: string;
  good: CounterRef;
  counts: { total: CounterRef } | { reject: CounterRef };
  /** Ideal cycle time when no order runs, ms per unit. */
  idealCycleMs?: number;
  dispatch?: DispatchTargets;
}

export interface ProductSettings {
  id: string;
  description?: string;
  unit?: string;
  idealCycleMs: number;
  /** The speed setpoint dispatch writes (units/min), when the line has a speed target. */
  speed?: number;
}

export type TargetSettings =
  | { id: string; kind: 'webhook'; url: string; secret: string; headers?: Record<string, string>; timeoutMs?: number }
  | { id: string; kind: 'staging' }
  | { id: string; kind: 'folder'; path: string };

export interface ProductionSettings {
  calendar: ShiftCalendar;
  lines: LineSettings[];
  products: Map<string, ProductSettings>;
  reasons: Map<number, ReasonDefinition>;
  minorStopMs: number;
  startupMs: number;
  publishIntervalMs: number;
  /** Interim confirmations of running orders at this interval; none when undefined. */
  confirmIntervalMs?: number;
  rest: boolean;
  staging?: StagingSettings & { pollIntervalMs: number };
  folder?: FolderSettings & { pollIntervalMs: number };
  targets: TargetSettings[];
}

type Duration = number | string;
const ms = (d: Duration | undefined, fallback: number) => durationMs(d, fallback);

/** Ideal cycle time from `idealCycleTime` (a duration) or `idealRate` (units per minute). */
export function cycleMs(p: { idealCycleTime?: Duration; idealRate?: number }): number | undefined {
  if (p.idealCycleTime !== undefined) return ms(p.idealCycleTime, 0) || undefined;
  return p.idealRate !== undefined && p.idealRate > 0 ? 60_000 / p.idealRate : undefined;
}

/** A line's counter: the attribute's declared rule, unless the line names its own rollover (kept for older configs). */
function counterRef(line: string, c: { attribute: string; rolloverAt?: number }, ruleOf: CounterRuleOf): CounterRef {
  const path = `${line}/${c.attribute}`;
  const counter = c.rolloverAt !== undefined ? { ...ruleOf(path), rolloverAt: c.rolloverAt } : ruleOf(path);
  return { path, ...(counter ? { counter } : {}) };
}

function lineOf(l: ProductionConfig['lines'][number], ruleOf: CounterRuleOf): LineSettings {
  const idealCycleMs = cycleMs(l);
  const counts = l.total ? { total: counterRef(l.path, l.total, ruleOf) } : { reject: counterRef(l.path, l.reject!, ruleOf) };
  return {
    id: l.id, path: l.path,
    state: { path: `${l.path}/${l.state.attribute}`, map: l.state.map as Record<string, LineState> },
    ...(l.reason ? { reason: `${l.path}/${l.reason}` } : {}),
    good: counterRef(l.path, l.good, ruleOf), counts,
    ...(idealCycleMs !== undefined ? { idealCycleMs } : {}),
    ...(l.dispatch ? { dispatch: l.dispatch } : {}),
  };
}

function stagingOf(c: ProductionConfig, dataDir: string): Pick<ProductionSettings, 'staging' | 'folder'> {
  const erp = c.erp ?? {};
  const out: Pick<ProductionSettings, 'staging' | 'folder'> = {};
  if (erp.staging && erp.staging.enabled !== false) {
    const { pollInterval, enabled: _e, ...rest } = erp.staging;
    out.staging = { ...rest, pollIntervalMs: ms(pollInterval, 30_000) };
  }
  if (erp.folder && erp.folder.enabled !== false) {
    const path = erp.folder.path.startsWith('/') ? erp.folder.path : `${dataDir}/${erp.folder.path}`;
    out.folder = { path, pollIntervalMs: ms(erp.folder.pollInterval, 10_000), ...(erp.folder.settle !== undefined ? { settleMs: ms(erp.folder.settle, 1000) } : {}) };
  }
  return out;
}

function targetOf(t: NonNullable<ProductionConfig['confirmations']>['targets'][number], dataDir: string): TargetSettings {
  if (t.kind === 'webhook') return { id: t.id, kind: 'webhook', url: t.url, secret: t.secret, ...(t.headers ? { headers: t.headers } : {}), ...(t.timeout !== undefined ? { timeoutMs: ms(t.timeout, 10_000) } : {}) };
  if (t.kind === 'folder') return { id: t.id, kind: 'folder', path: t.path.startsWith('/') ? t.path : `${dataDir}/${t.path}` };
  return { id: t.id, kind: 'staging' };
}

/** Resolve the config block: durations in ms, attribute paths absolute, relative folders under the data directory. */
export function productionSettings(c: ProductionConfig, siteTimeZone: string | undefined, dataDir: string, ruleOf: CounterRuleOf = () => undefined): ProductionSettings {
  const interval = c.confirmations?.interval;
  return {
    calendar: { timeZone: c.timezone ?? siteTimeZone ?? 'UTC', shifts: c.shifts ?? [] },
    lines: c.lines.map((l) => lineOf(l, ruleOf)),
    products: new Map((c.products ?? []).map((p) => [p.id, { id: p.id, idealCycleMs: cycleMs(p) ?? 0, ...(p.description ? { description: p.description } : {}), ...(p.unit ? { unit: p.unit } : {}), ...(p.speed !== undefined ? { speed: p.speed } : {}) }])),
    reasons: new Map((c.reasons ?? []).map((r) => [r.code, { code: r.code, label: r.label, loss: r.loss }])),
    minorStopMs: ms(c.minorStop, 5 * 60_000),
    startupMs: ms(c.startupWindow, 0),
    publishIntervalMs: ms(c.publishInterval, 30_000),
    ...(interval !== undefined ? { confirmIntervalMs: ms(interval, 3_600_000) } : {}),
    rest: c.erp?.rest !== false,
    ...stagingOf(c, dataDir),
    targets: (c.confirmations?.targets ?? []).map((t) => targetOf(t, dataDir)),
  };
}
