/**
 * OEE (pure): availability × performance × quality over [from, to) from a line's classified state
 * timeline, its good and total counts and the ideal cycle time in force, with the six big losses
 * in milliseconds of planned production time. README.md in this folder defines every figure; each
 * ratio is one division of exact sums, so hand-computed figures match to the last bit.
 */
import { goodAndTotal } from './counts.js';
import { clipTimeline } from './states.js';
import type { CounterSeries, CycleTimeSpan, Segment, SegmentClass } from './types.js';

export interface OeeInput {
  from: number;
  to: number;
  /** The line's timeline (buildTimeline); clipped here. */
  timeline: readonly Segment[];
  good: CounterSeries;
  /** The total counter, or the reject counter (total = good + reject). */
  counts: { total: CounterSeries } | { reject: CounterSeries };
  /** Ideal cycle time (ms per unit) in force, e.g. per running order's product; units made outside any span are unrated. */
  idealCycle: readonly CycleTimeSpan[];
  /** Rejects within this long after a stop ends count as startup rejects (reduced yield); default 0. */
  startupMs?: number;
}

/** The six big losses, in ms of planned production time. */
export interface SixBigLosses {
  breakdowns: number;
  setupAndAdjustments: number;
  idlingAndMinorStops: number;
  reducedSpeed: number;
  startupRejects: number;
  productionRejects: number;
}

export interface OeeResult {
  from: number;
  to: number;
  /** ms: calendar, unknown state, planned stops, planned production, operating (run + minor stops), running. */
  time: { calendar: number; unknown: number; planned: number; plannedProduction: number; operating: number; running: number };
  counts: { good: number; total: number; reject: number; startupReject: number; unrated: number };
  /** Units × ideal cycle time, ms: of all units, and of good units (fully productive time). */
  idealMs: number;
  fullyProductiveMs: number;
  /** Ratios 0…1 (performance may exceed 1 when the ideal cycle time is set too slow); null when undefined (0/0). */
  availability: number | null;
  performance: number | null;
  quality: number | null;
  oee: number | null;
  losses: SixBigLosses;
}

interface Piece {
  start: number;
  end: number;
  cls: SegmentClass;
  startup: boolean;
  cycleMs: number | undefined;
}

/** The start times of startup windows: each running segment that follows a stop. */
function startupWindows(segments: readonly Segment[], ms: number): Array<[number, number]> {
  if (ms <= 0) return [];
  const out: Array<[number, number]> = [];
  for (let i = 1; i < segments.length; i++) {
    const prev = segments[i - 1]!;
    const s = segments[i]!;
    if (s.class === 'run' && prev.class !== 'run' && prev.class !== 'unknown') out.push([s.start, Math.min(s.end, s.start + ms)]);
  }
  return out;
}

/** Cut [from, to) at every segment, startup window and cycle time edge into pieces with one meaning each. */
function pieces(input: OeeInput, segments: readonly Segment[]): Piece[] {
  const windows = startupWindows(segments, input.startupMs ?? 0);
  const cuts = new Set<number>([input.from, input.to]);
  for (const s of segments) cuts.add(s.start).add(s.end);
  for (const [a, b] of windows) cuts.add(a).add(b);
  for (const c of input.idealCycle) cuts.add(c.start).add(c.end);
  const edges = [...cuts].filter((t) => t >= input.from && t <= input.to).sort((a, b) => a - b);
  const out: Piece[] = [];
  let si = 0;
  for (let i = 0; i + 1 < edges.length; i++) {
    const start = edges[i]!;
    while (si < segments.length - 1 && segments[si]!.end <= start) si++;
    const seg = segments[si];
    const cls = seg && seg.start <= start && start < seg.end ? seg.class : 'unknown';
    const startup = windows.some(([a, b]) => a <= start && start < b);
    const cycleMs = input.idealCycle.find((c) => c.start <= start && start < c.end)?.ms;
    out.push({ start, end: edges[i + 1]!, cls, startup, cycleMs });
  }
  return out;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** OEE and the six big losses of one line over [from, to). */
export function computeOee(input: OeeInput): OeeResult {
  const segments = clipTimeline(input.timeline, input.from, input.to);
  const parts = pieces(input, segments);
  const edges = parts.length > 0 ? [...parts.map((p) => p.start), parts[parts.length - 1]!.end] : [input.from, input.to];
  const c = goodAndTotal(input.good, input.counts, edges);
  const ms: Record<SegmentClass, number> = { run: 0, minor: 0, breakdown: 0, setup: 0, planned: 0, unknown: 0 };
  const n = { good: 0, total: 0, startupReject: 0, unrated: 0 };
  let idealMs = 0;
  let fullyProductiveMs = 0;
  let startupMs = 0;
  parts.forEach((p, i) => {
    ms[p.cls] += p.end - p.start;
    const good = c.good[i] ?? 0;
    const total = c.total[i] ?? 0;
    n.good += good;
    n.total += total;
    if (p.startup) n.startupReject += total - good;
    if (p.cycleMs === undefined) {
      n.unrated += total;
      return;
    }
    idealMs += total * p.cycleMs;
    fullyProductiveMs += good * p.cycleMs;
    if (p.startup) startupMs += (total - good) * p.cycleMs;
  });
  const calendar = input.to - input.from;
  const plannedProduction = calendar - ms.planned - ms.unknown;
  const operating = plannedProduction - ms.breakdown - ms.setup;
  const rated = n.unrated === 0;
  return {
    from: input.from,
    to: input.to,
    time: { calendar, unknown: ms.unknown, planned: ms.planned, plannedProduction, operating, running: ms.run },
    counts: { good: n.good, total: n.total, reject: n.total - n.good, startupReject: n.startupReject, unrated: n.unrated },
    idealMs,
    fullyProductiveMs,
    availability: ratio(operating, plannedProduction),
    performance: rated ? ratio(idealMs, operating) : null,
    quality: ratio(n.good, n.total),
    oee: rated ? ratio(fullyProductiveMs, plannedProduction) : null,
    losses: {
      breakdowns: ms.breakdown,
      setupAndAdjustments: ms.setup,
      idlingAndMinorStops: ms.minor,
      reducedSpeed: ms.run - idealMs,
      startupRejects: startupMs,
      productionRejects: idealMs - fullyProductiveMs - startupMs,
    },
  };
}
