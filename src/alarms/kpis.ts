/**
 * Alarm-management KPIs (ISA-18.2-2016 §16 / IEC 62682, targets of its Table 5, which follow
 * EEMUA 191), pure: journal entries in, figures out, for a period [from, to).
 *
 * - An annunciated alarm is a journal entry that brings an alarm to UNACK_ACTIVE from another state:
 *   a condition becoming active while annunciated, or a standing condition raised again when
 *   shelving, suppression or out of service ends. A condition that becomes active while the alarm
 *   is shelved, suppressed or out of service is not annunciated.
 * - Operator position: an alarm's `area`; alarms without one form the position "(no area)". The
 *   site figures treat the whole site as one position.
 * - Flood: a 10-minute period (counted from `from`; the last one may be shorter) with more than
 *   10 annunciated alarms; its share is of time.
 * - Chattering: 3 or more activations of the condition (event `activate`, annunciated or not)
 *   within less than 60 s.
 * - At `to`: standing = UNACK_ACTIVE or ACKED_ACTIVE; stale = standing, its condition active
 *   for more than 24 h; shelved, suppressed and out of service by their state.
 */
import type { AlarmStateName, TransitionEvent } from './state-machine.js';

/** The fields of a journal entry the KPIs read. */
export interface KpiEntry {
  /** The journal's order, for entries at the same time. */
  seq?: number;
  id: string;
  path: string;
  name: string;
  area?: string;
  priority: string;
  event: TransitionEvent;
  from: AlarmStateName;
  to: AlarmStateName;
  at: number;
}

export const TEN_MINUTES = 600_000;
export const HOUR = 3_600_000;
export const NO_AREA = '(no area)';
export const FLOOD_THRESHOLD = 10;
export const CHATTER_COUNT = 3;
export const CHATTER_WINDOW_MS = 60_000;
export const STALE_MS = 24 * HOUR;

/** ISA-18.2-2016 Table 5 (after EEMUA 191): per operator position. */
export const TARGETS = {
  per10Min: { acceptable: 1, manageable: 2 },
  perHour: { acceptable: 6, manageable: 12 },
  floodShareMax: 0.01,
  topTenShareMax: 0.05,
  staleMax: 5,
  /** Annunciated alarms by priority, four priorities (urgent is the standard's "highest"). */
  priority: { low: 0.8, medium: 0.15, high: 0.05, urgent: 0.01 } as Record<string, number>,
} as const;

const PRIORITIES = ['urgent', 'high', 'medium', 'low'] as const;

export interface RateFigures {
  position: string;
  annunciated: number;
  /** Average annunciated alarms per 10 minutes and per hour over the period. */
  per10Min: number;
  perHour: number;
  /** The most in one 10-minute period, and in one hour (hours counted from `from`). */
  peak10Min: number;
  peakHour: number;
  /** 10-minute periods with more than 10 annunciated alarms, and their share of the period's time. */
  floodPeriods: number;
  floodShare: number;
  /** Annunciated alarms in each 10-minute period from `from`. */
  counts: number[];
}

export interface BadActor {
  id: string;
  path: string;
  name: string;
  area?: string;
  priority: string;
  annunciated: number;
  /** Of all annunciated alarms in the period. */
  share: number;
}

export interface Chatterer {
  id: string;
  path: string;
  area?: string;
  priority: string;
  /** Activations of the condition in the period. */
  activations: number;
  /** The most activations within less than 60 s. */
  maxPerMinute: number;
  /** When it first had 3 within a minute (the third activation). */
  firstAt: number;
}

export interface HeldAlarm {
  id: string;
  path: string;
  area?: string;
  priority: string;
  state: AlarmStateName;
  /** Standing and stale: when the condition became active; shelved or out of service: since when. */
  since: number;
}

export interface AlarmKpis {
  from: number;
  to: number;
  /** Start of each 10-minute period. */
  periods: number[];
  site: RateFigures;
  positions: RateFigures[];
  badActors: BadActor[];
  /** The ten most frequent alarms' share of all annunciated alarms. */
  topTenShare: number;
  chattering: Chatterer[];
  standing: HeldAlarm[];
  stale: HeldAlarm[];
  shelved: HeldAlarm[];
  suppressed: HeldAlarm[];
  outOfService: HeldAlarm[];
  priorities: Array<{ priority: string; annunciated: number; share: number; recommended: number }>;
  targets: typeof TARGETS;
}

const positionOf = (e: { area?: string }) => e.area ?? NO_AREA;

/** Does this entry annunciate the alarm (bring it to UNACK_ACTIVE)? */
export function annunciates(e: Pick<KpiEntry, 'from' | 'to'>): boolean {
  return e.to === 'UNACK_ACTIVE' && e.from !== 'UNACK_ACTIVE';
}

function rates(position: string, times: readonly number[], from: number, to: number, periods: readonly number[]): RateFigures {
  const counts = periods.map(() => 0);
  const hours = new Array<number>(Math.max(1, Math.ceil((to - from) / HOUR))).fill(0);
  for (const t of times) {
    counts[Math.floor((t - from) / TEN_MINUTES)]! += 1;
    hours[Math.floor((t - from) / HOUR)]! += 1;
  }
  const span = to - from;
  let floodPeriods = 0;
  let floodMs = 0;
  counts.forEach((c, i) => {
    if (c <= FLOOD_THRESHOLD) return;
    floodPeriods += 1;
    floodMs += Math.min(TEN_MINUTES, to - periods[i]!);
  });
  return {
    position, annunciated: times.length,
    per10Min: span > 0 ? (times.length * TEN_MINUTES) / span : 0,
    perHour: span > 0 ? (times.length * HOUR) / span : 0,
    peak10Min: Math.max(0, ...counts), peakHour: times.length === 0 ? 0 : Math.max(...hours),
    floodPeriods, floodShare: span > 0 ? floodMs / span : 0, counts,
  };
}

function maxWithinMinute(times: readonly number[]): { max: number; firstAt?: number } {
  let max = 0;
  let firstAt: number | undefined;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= CHATTER_WINDOW_MS) start++;
    const n = end - start + 1;
    max = Math.max(max, n);
    if (n >= CHATTER_COUNT && firstAt === undefined) firstAt = times[end]!;
  }
  return firstAt === undefined ? { max } : { max, firstAt };
}

/** What each alarm's journal says at a moment: its last entry, and when its condition last became active (undefined: not active). */
interface Held {
  last: KpiEntry;
  activeAt: number | undefined;
  since: number;
}

/**
 * The KPIs of [from, to) from journal entries. `entries` must hold every entry in [from, to) and,
 * for each alarm, at least its last entry before `from`, its last `activate` or `clear` before
 * `from` and its last entry before `from` that changed its state (older ones may be left out);
 * entries at or after `to` are ignored. Any order.
 */
export function computeKpis(entries: readonly KpiEntry[], from: number, to: number): AlarmKpis {
  const sorted = entries.filter((e) => e.at < to).sort((a, b) => a.at - b.at || (a.seq ?? 0) - (b.seq ?? 0));
  const periods: number[] = [];
  for (let t = from; t < to; t += TEN_MINUTES) periods.push(t);
  const held = new Map<string, Held>();
  const annunciated: KpiEntry[] = [];
  const activations = new Map<string, { e: KpiEntry; times: number[] }>();
  for (const e of sorted) {
    const h = held.get(e.id) ?? { last: e, activeAt: undefined, since: e.at };
    if (e.event === 'activate') h.activeAt = e.at;
    if (e.event === 'clear') h.activeAt = undefined;
    if (e.from !== e.to || h.last === e) h.since = e.at;
    h.last = e;
    held.set(e.id, h);
    if (e.at < from) continue;
    if (annunciates(e)) annunciated.push(e);
    if (e.event === 'activate') {
      const a = activations.get(e.id) ?? { e, times: [] };
      a.times.push(e.at);
      activations.set(e.id, a);
    }
  }

  const byPosition = new Map<string, number[]>();
  for (const e of annunciated) {
    const list = byPosition.get(positionOf(e)) ?? [];
    list.push(e.at);
    byPosition.set(positionOf(e), list);
  }
  const site = rates('site', annunciated.map((e) => e.at), from, to, periods);
  const positions = [...byPosition.keys()].sort().map((p) => rates(p, byPosition.get(p)!, from, to, periods));

  const perAlarm = new Map<string, { e: KpiEntry; n: number }>();
  for (const e of annunciated) {
    const a = perAlarm.get(e.id) ?? { e, n: 0 };
    a.n += 1;
    perAlarm.set(e.id, a);
  }
  const total = annunciated.length;
  const badActors = [...perAlarm.values()].sort((a, b) => b.n - a.n || a.e.id.localeCompare(b.e.id)).slice(0, 10)
    .map(({ e, n }): BadActor => ({ id: e.id, path: e.path, name: e.name, ...(e.area ? { area: e.area } : {}), priority: e.priority, annunciated: n, share: n / total }));
  const topTenShare = total === 0 ? 0 : badActors.reduce((s, b) => s + b.annunciated, 0) / total;

  const chattering: Chatterer[] = [];
  for (const { e, times } of activations.values()) {
    const { max, firstAt } = maxWithinMinute(times);
    if (firstAt === undefined) continue;
    chattering.push({ id: e.id, path: e.path, ...(e.area ? { area: e.area } : {}), priority: e.priority, activations: times.length, maxPerMinute: max, firstAt });
  }
  chattering.sort((a, b) => b.activations - a.activations || a.id.localeCompare(b.id));

  const at = (h: Held, since: number): HeldAlarm => ({ id: h.last.id, path: h.last.path, ...(h.last.area ? { area: h.last.area } : {}), priority: h.last.priority, state: h.last.to, since });
  const standing: HeldAlarm[] = [];
  const shelved: HeldAlarm[] = [];
  const suppressed: HeldAlarm[] = [];
  const outOfService: HeldAlarm[] = [];
  for (const h of held.values()) {
    const state = h.last.to;
    if (state === 'UNACK_ACTIVE' || state === 'ACKED_ACTIVE') standing.push(at(h, h.activeAt ?? h.since));
    else if (state === 'SHELVED') shelved.push(at(h, h.since));
    else if (state === 'SUPPRESSED') suppressed.push(at(h, h.since));
    else if (state === 'OUT_OF_SERVICE') outOfService.push(at(h, h.since));
  }
  const bySince = (a: HeldAlarm, b: HeldAlarm) => a.since - b.since || a.id.localeCompare(b.id);
  for (const list of [standing, shelved, suppressed, outOfService]) list.sort(bySince);
  const stale = standing.filter((s) => to - s.since > STALE_MS);

  const priorities = PRIORITIES.map((p) => {
    const n = annunciated.filter((e) => e.priority === p).length;
    return { priority: p, annunciated: n, share: total === 0 ? 0 : n / total, recommended: TARGETS.priority[p]! };
  });
  return { from, to, periods, site, positions, badActors, topTenShare, chattering, standing, stale, shelved, suppressed, outOfService, priorities, targets: TARGETS };
}
