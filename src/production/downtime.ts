/** Stops of a line and the downtime by reason (pure): what operators see and assign reasons to. */
import type { ReasonDefinition, Segment, SegmentClass } from './types.js';

/** One stop of a line within a range. */
export interface StopEvent {
  /** `<line id>.<origin ms>`: the id a reason is assigned to afterwards. */
  id: string;
  /** When the stop began (may be before the range). */
  origin: number;
  /** Its part within the range. */
  start: number;
  end: number;
  durationMs: number;
  state: Segment['state'];
  class: SegmentClass;
  reason?: number;
  reasonLabel?: string;
  reasonSource?: 'plc' | 'operator';
}

/** Downtime of one reason (or of stops without one, by state). */
export interface ReasonTotal {
  reason: number | null;
  label: string;
  class: SegmentClass;
  durationMs: number;
  stops: number;
}

/** The id of the stop of `lineId` that began at `origin`. */
export function stopId(lineId: string, origin: number): string {
  return `${lineId}.${origin}`;
}

/** Parse a stop id back into its line and origin; undefined when it is not one. */
export function parseStopId(id: string): { lineId: string; origin: number } | undefined {
  const m = /^([A-Za-z0-9_-]{1,64})\.(\d{1,16})$/.exec(id);
  return m ? { lineId: m[1]!, origin: Number(m[2]) } : undefined;
}

/** The stops among clipped segments (everything but running and unknown). */
export function stopsOf(lineId: string, segments: readonly Segment[], defs: ReadonlyMap<number, ReasonDefinition>): StopEvent[] {
  return segments.filter((s) => s.class !== 'run' && s.class !== 'unknown').map((s) => {
    const label = s.reason === undefined ? undefined : defs.get(s.reason)?.label;
    return {
      id: stopId(lineId, s.origin), origin: s.origin, start: s.start, end: s.end, durationMs: s.end - s.start, state: s.state, class: s.class,
      ...(s.reason !== undefined ? { reason: s.reason, reasonSource: s.reasonSource } : {}),
      ...(label !== undefined ? { reasonLabel: label } : {}),
    };
  });
}

/** Downtime by reason, longest first; stops without a reason are grouped by state ("unassigned down"). */
export function downtimeByReason(stops: readonly StopEvent[]): ReasonTotal[] {
  const totals = new Map<string, ReasonTotal>();
  for (const s of stops) {
    const key = s.reason !== undefined ? `r${s.reason}` : `s${s.state}-${s.class}`;
    const label = s.reasonLabel ?? (s.reason !== undefined ? `reason ${s.reason}` : `unassigned ${s.state}`);
    const t = totals.get(key) ?? { reason: s.reason ?? null, label, class: s.class, durationMs: 0, stops: 0 };
    t.durationMs += s.durationMs;
    t.stops++;
    totals.set(key, t);
  }
  return [...totals.values()].sort((a, b) => b.durationMs - a.durationMs || a.label.localeCompare(b.label));
}
