/**
 * Production tracking over the historian: a line's state timeline and counters for a span, the
 * ideal cycle times of the orders that ran in it, and OEE per shift, day, order or the whole span.
 */
import { scanRaw } from '../historian/query/raw.js';
import type { Historian, StoredSample } from '../historian/types.js';
import { downtimeByReason, stopsOf, type ReasonTotal, type StopEvent } from './downtime.js';
import { computeOee, type OeeResult } from './oee.js';
import type { WorkOrder } from './orders.js';
import type { LineSettings, ProductionSettings } from './settings.js';
import { daysBetween, shiftsBetween } from './shifts.js';
import { buildTimeline, clipTimeline } from './states.js';
import type { CounterSeries, CycleTimeSpan, Point, Segment } from './types.js';

/** How far back the state is read to find when the state in force at the start began. */
export const STATE_LOOKBACK_MS = 12 * 3_600_000;
const PAGE = 10_000;

export type PeriodKind = 'shift' | 'day' | 'order' | 'range';

export interface Period {
  kind: PeriodKind;
  /** Shift name, local date, or order id. */
  name?: string;
  date?: string;
  orderId?: string;
  from: number;
  to: number;
}

export interface OeePeriod extends OeeResult {
  line: string;
  period: Period;
  downtime: ReasonTotal[];
}

/** What the tracker reads besides the historian. */
export interface TrackerContext {
  settings: ProductionSettings;
  historian: Historian;
  ordersRunIn(line: string, from: number, to: number): WorkOrder[];
  assignedReasons(line: string, from: number, to: number): ReadonlyMap<number, number>;
}

interface LineData {
  timeline: Segment[];
  series: Map<string, CounterSeries>;
}

/** Every sample of `paths` in [from, to), by path. */
async function samplesOf(h: Historian, paths: string[], from: number, to: number): Promise<Map<string, Point[]>> {
  const out = new Map<string, Point[]>(paths.map((p) => [p, []]));
  if (to <= from) return out;
  for await (const page of scanRaw(h, { paths, from, to }, PAGE)) for (const s of page) out.get(s.path)?.push(s);
  return out;
}

const byPath = (rows: readonly StoredSample[]) => new Map(rows.map((s) => [s.path, s as Point]));

/** Read a line's state, reasons and counters for [from, to). */
async function loadLine(ctx: TrackerContext, line: LineSettings, from: number, to: number): Promise<LineData> {
  const h = ctx.historian;
  const statePaths = [line.state.path, ...(line.reason ? [line.reason] : [])];
  const counters = [line.good, 'total' in line.counts ? line.counts.total : line.counts.reject];
  const back = from - STATE_LOOKBACK_MS;
  const [statePrior, counterPrior, stateSamples, counterSamples] = await Promise.all([
    h.priorValues(statePaths, back), h.priorValues(counters.map((c) => c.path), from),
    samplesOf(h, statePaths, back, to), samplesOf(h, counters.map((c) => c.path), from, to),
  ]);
  const sp = byPath(statePrior);
  const withPrior = (p: string) => [...(sp.has(p) ? [sp.get(p)!] : []), ...stateSamples.get(p)!];
  const timeline = buildTimeline({
    to, states: withPrior(line.state.path), ...(line.reason ? { reasons: withPrior(line.reason) } : {}),
    stateMap: line.state.map, reasonDefs: ctx.settings.reasons, minorStopMs: ctx.settings.minorStopMs,
    assigned: ctx.assignedReasons(line.id, 0, to),
  });
  const cp = byPath(counterPrior);
  const series = new Map(counters.map((c) => [c.path, { samples: counterSamples.get(c.path)!, ...(cp.has(c.path) ? { prior: cp.get(c.path)! } : {}), ...(c.counter ? { counter: c.counter } : {}) }]));
  return { timeline, series };
}

/** The ideal cycle time over [from, to): each running order's product, the line's default in between. */
export function cycleSpans(ctx: TrackerContext, line: LineSettings, from: number, to: number): CycleTimeSpan[] {
  const spans: CycleTimeSpan[] = [];
  let at = from;
  const fill = (until: number) => {
    if (line.idealCycleMs !== undefined && until > at) spans.push({ start: at, end: until, ms: line.idealCycleMs });
  };
  for (const o of ctx.ordersRunIn(line.id, from, to)) {
    const start = Math.max(from, o.startedAt!);
    const end = Math.min(to, o.completedAt ?? o.cancelledAt ?? to);
    fill(start);
    const product = ctx.settings.products.get(o.product);
    if (product && product.idealCycleMs > 0 && end > start) spans.push({ start, end, ms: product.idealCycleMs });
    at = Math.max(at, end);
  }
  fill(to);
  return spans;
}

/** The periods of [from, to) to compute, each clipped to [from, min(to, now)). */
export function periodsOf(ctx: TrackerContext, line: LineSettings, by: PeriodKind, from: number, to: number): Period[] {
  const { calendar } = ctx.settings;
  const clip = (p: Period): Period => ({ ...p, from: Math.max(p.from, from), to: Math.min(p.to, to) });
  let list: Period[];
  if (by === 'shift') list = shiftsBetween(calendar, from, to).map((s) => ({ kind: 'shift', name: s.name, date: s.date, from: s.start, to: s.end }));
  else if (by === 'day') list = daysBetween(calendar.timeZone, from, to).map((d) => ({ kind: 'day', date: d.date, from: d.start, to: d.end }));
  else if (by === 'order') list = ctx.ordersRunIn(line.id, from, to).map((o) => ({ kind: 'order', orderId: o.id, from: o.startedAt!, to: o.completedAt ?? o.cancelledAt ?? to }));
  else list = [{ kind: 'range', from, to }];
  return list.map(clip).filter((p) => p.to > p.from);
}

/**
 * OEE of one line for each period of [from, to). `pace` (if given) is awaited after each period,
 * so a long list of periods lets other work run in between and can be stopped.
 */
export async function lineOee(ctx: TrackerContext, line: LineSettings, by: PeriodKind, from: number, to: number, pace?: () => Promise<void>): Promise<OeePeriod[]> {
  const periods = periodsOf(ctx, line, by, from, to);
  if (periods.length === 0) return [];
  // A loop, not Math.min(...list): spreading a hundred thousand periods overflows the stack.
  let start = Infinity;
  let end = -Infinity;
  for (const p of periods) {
    start = Math.min(start, p.from);
    end = Math.max(end, p.to);
  }
  const data = await loadLine(ctx, line, start, end);
  const spans = cycleSpans(ctx, line, start, end);
  const good = data.series.get(line.good.path)!;
  const counts = 'total' in line.counts ? { total: data.series.get(line.counts.total.path)! } : { reject: data.series.get(line.counts.reject.path)! };
  const out: OeePeriod[] = [];
  for (const period of periods) {
    const r = computeOee({ from: period.from, to: period.to, timeline: data.timeline, good, counts, idealCycle: spans, startupMs: ctx.settings.startupMs });
    const stops = stopsOf(line.id, clipTimeline(data.timeline, period.from, period.to), ctx.settings.reasons);
    out.push({ line: line.id, period, ...r, downtime: downtimeByReason(stops) });
    await pace?.();
  }
  return out;
}

/** The stops of a line in [from, to), with ids for assigning reasons. */
export async function lineStops(ctx: TrackerContext, line: LineSettings, from: number, to: number): Promise<StopEvent[]> {
  const data = await loadLine(ctx, line, from, to);
  return stopsOf(line.id, clipTimeline(data.timeline, from, to), ctx.settings.reasons);
}

/** Good and scrap of a line over [from, to) (an order's actuals). */
export async function lineCounts(ctx: TrackerContext, line: LineSettings, from: number, to: number): Promise<{ good: number; scrap: number }> {
  if (to <= from) return { good: 0, scrap: 0 };
  const [r] = await lineOee(ctx, line, 'range', from, to);
  return { good: r?.counts.good ?? 0, scrap: r?.counts.reject ?? 0 };
}
