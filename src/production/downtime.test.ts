import { describe, expect, it } from 'vitest';
import { downtimeByReason, parseStopId, stopId, stopsOf } from './downtime.js';
import type { ReasonDefinition, Segment } from './types.js';

const DEFS = new Map<number, ReasonDefinition>([[101, { code: 101, label: 'Bottle jam', loss: 'breakdown' }]]);
const seg = (start: number, end: number, state: Segment['state'], cls: Segment['class'], reason?: number): Segment =>
  ({ start, end, origin: start, state, class: cls, ...(reason !== undefined ? { reason, reasonSource: 'plc' as const } : {}) });

describe('stops and downtime by reason', () => {
  it('lists stops with ids and adds up downtime per reason', () => {
    const stops = stopsOf('line1', [seg(0, 10, 'running', 'run'), seg(10, 40, 'down', 'breakdown', 101), seg(40, 50, 'running', 'run'), seg(50, 55, 'down', 'breakdown', 101), seg(55, 60, 'idle', 'minor'), seg(60, 70, 'unknown', 'unknown')], DEFS);
    expect(stops.map((s) => s.id)).toEqual(['line1.10', 'line1.50', 'line1.55']);
    expect(downtimeByReason(stops)).toEqual([
      { reason: 101, label: 'Bottle jam', class: 'breakdown', durationMs: 35, stops: 2 },
      { reason: null, label: 'unassigned idle', class: 'minor', durationMs: 5, stops: 1 },
    ]);
  });

  it('round-trips stop ids', () => {
    expect(parseStopId(stopId('line-1', 1_768_464_000_000))).toEqual({ lineId: 'line-1', origin: 1_768_464_000_000 });
    expect(parseStopId('line1')).toBeUndefined();
    expect(parseStopId('../x.1')).toBeUndefined();
  });
});
