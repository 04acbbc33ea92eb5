/**
 * The line state model (pure): the line's machine state attribute, mapped to running / idle /
 * planned stop / unplanned down, becomes a timeline of segments; each stop gets its reason (the
 * PLC's reason code, or the one an operator assigned afterwards, which wins) and the loss it
 * counts as in OEE.
 */
import type { LineState, Loss, Point, ReasonDefinition, Segment, SegmentClass } from './types.js';

export interface TimelineInput {
  /** Exclusive end of the timeline (the last state holds until then). */
  to: number;
  /** The state attribute's samples in time order; the first may be the one in force before the range. */
  states: readonly Point[];
  /** The reason code attribute's samples in time order (0 or absent: no reason). */
  reasons?: readonly Point[];
  /** State code (as text) → line state; codes not listed make the state unknown. */
  stateMap: Readonly<Record<string, LineState>>;
  reasonDefs: ReadonlyMap<number, ReasonDefinition>;
  /** Reasons operators assigned, by the start time of the stop. */
  assigned?: ReadonlyMap<number, number>;
  /** Stops shorter than this count as minor stops (performance), whatever their reason; planned stops excepted. */
  minorStopMs: number;
}

/** The line state of one state sample; bad quality or an unknown code is unknown. */
export function lineStateOf(p: Point, stateMap: Readonly<Record<string, LineState>>): LineState | 'unknown' {
  if (p.quality === 'bad') return 'unknown';
  const key = typeof p.value === 'boolean' ? (p.value ? '1' : '0') : String(p.value);
  return Object.hasOwn(stateMap, key) ? stateMap[key]! : 'unknown';
}

/** Consecutive samples of the same line state become one segment: repeats and changes within a category do not split it. */
function rawSegments(input: TimelineInput): Segment[] {
  const out: Segment[] = [];
  for (const p of input.states) {
    if (p.ts >= input.to) break;
    const state = lineStateOf(p, input.stateMap);
    const last = out[out.length - 1];
    if (last && last.state === state) continue;
    if (last) last.end = p.ts;
    out.push({ start: p.ts, origin: p.ts, end: input.to, state, class: 'unknown' });
  }
  return out;
}

/** A usable reason code of a sample: a positive whole number. */
function codeOf(p: Point | undefined): number | undefined {
  if (!p || p.quality === 'bad') return undefined;
  const n = typeof p.value === 'number' ? p.value : Number(p.value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The PLC's reason of a stop: the first code set during it, else the one in force when it began. */
export function plcReason(reasons: readonly Point[], start: number, end: number): number | undefined {
  let inForce: Point | undefined;
  for (const p of reasons) {
    if (p.ts <= start) inForce = p;
    else if (p.ts < end) {
      const c = codeOf(p);
      if (c !== undefined) return c;
    } else break;
  }
  return codeOf(inForce);
}

/** The loss a stop counts as: its reason's, else idle is idling (minor) and down a breakdown; short stops are minor. */
export function classify(state: LineState | 'unknown', reason: ReasonDefinition | undefined, durationMs: number, minorStopMs: number): SegmentClass {
  if (state === 'unknown') return 'unknown';
  if (state === 'running') return 'run';
  if (state === 'planned') return 'planned';
  const loss: Loss = reason?.loss ?? (state === 'idle' ? 'minor' : 'breakdown');
  if (loss !== 'planned' && durationMs < minorStopMs) return 'minor';
  return loss;
}

/** The timeline of a line: its state segments, each stop with its reason and class. */
export function buildTimeline(input: TimelineInput): Segment[] {
  const reasons = input.reasons ?? [];
  return rawSegments(input).map((s) => {
    if (s.state === 'running' || s.state === 'unknown') return { ...s, class: classify(s.state, undefined, s.end - s.start, input.minorStopMs) };
    const byOperator = input.assigned?.get(s.start);
    const fromPlc = byOperator === undefined ? plcReason(reasons, s.start, s.end) : undefined;
    const reason = byOperator ?? fromPlc;
    const seg: Segment = { ...s, class: classify(s.state, reason === undefined ? undefined : input.reasonDefs.get(reason), s.end - s.start, input.minorStopMs) };
    if (reason !== undefined) Object.assign(seg, { reason, reasonSource: byOperator !== undefined ? 'operator' : 'plc' });
    return seg;
  });
}

/** The segments clipped to [from, to), empty pieces left out; before the first known state the line is unknown. */
export function clipTimeline(segments: readonly Segment[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  const first = segments[0];
  const knownFrom = first ? first.start : to;
  if (knownFrom > from) out.push({ start: from, origin: from, end: Math.min(knownFrom, to), state: 'unknown', class: 'unknown' });
  // Segments are in time order and end where the next begins: skip those that end before the range.
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (segments[mid]!.end <= from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < segments.length; i++) {
    const s = segments[i]!;
    if (s.start >= to) break;
    const start = Math.max(s.start, from);
    const end = Math.min(s.end, to);
    if (end > start) out.push({ ...s, start, end });
  }
  return out;
}
