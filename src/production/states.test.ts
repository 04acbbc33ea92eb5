import { describe, expect, it } from 'vitest';
import { buildTimeline, classify, clipTimeline, lineStateOf, plcReason } from './states.js';
import type { LineState, Point, ReasonDefinition } from './types.js';

const MAP: Record<string, LineState> = { '1': 'running', '2': 'idle', '3': 'down', '4': 'planned', '5': 'down' };
const p = (ts: number, value: number, quality: Point['quality'] = 'good'): Point => ({ ts, value, quality });
const DEFS = new Map<number, ReasonDefinition>([[7, { code: 7, label: 'Changeover', loss: 'setup' }], [9, { code: 9, label: 'Break', loss: 'planned' }]]);

describe('line state model', () => {
  it.each([
    [p(0, 1), 'running'], [p(0, 2), 'idle'], [p(0, 3), 'down'], [p(0, 4), 'planned'],
    [p(0, 8), 'unknown'], [p(0, 1, 'bad'), 'unknown'],
  ])('maps state sample %o to %s', (sample, state) => {
    expect(lineStateOf(sample, MAP)).toBe(state);
  });

  it('merges repeats and codes of one line state into one segment', () => {
    const tl = buildTimeline({ to: 100, states: [p(0, 1), p(10, 1), p(20, 3), p(30, 5), p(40, 1)], stateMap: MAP, reasonDefs: DEFS, minorStopMs: 0 });
    expect(tl.map((s) => [s.start, s.end, s.state, s.class])).toEqual([[0, 20, 'running', 'run'], [20, 40, 'down', 'breakdown'], [40, 100, 'running', 'run']]);
  });

  it('takes the first reason set during a stop, else the one in force when it began', () => {
    const reasons = [p(5, 7), p(10, 0), p(22, 0), p(25, 9), p(26, 7)];
    expect(plcReason(reasons, 20, 40)).toBe(9);
    expect(plcReason(reasons, 6, 9)).toBe(7);
    expect(plcReason(reasons, 12, 20)).toBeUndefined();
  });

  it.each([
    ['idle without a reason is idling', 'idle', undefined, 60, 'minor'],
    ['down without a reason is a breakdown', 'down', undefined, 60, 'breakdown'],
    ['a short down is a minor stop', 'down', undefined, 4, 'minor'],
    ['a changeover is setup', 'down', 7, 60, 'setup'],
    ['a short changeover is a minor stop', 'down', 7, 4, 'minor'],
    ['a break is planned, however short', 'down', 9, 4, 'planned'],
    ['a long idle with a setup reason is setup', 'idle', 7, 60, 'setup'],
    ['the planned state is planned', 'planned', undefined, 60, 'planned'],
  ] as const)('%s', (_name, state, reason, duration, cls) => {
    expect(classify(state, reason === undefined ? undefined : DEFS.get(reason), duration, 5)).toBe(cls);
  });

  it('clips to a range and marks the time before the first state unknown, keeping each stop\'s origin', () => {
    const tl = buildTimeline({ to: 100, states: [p(30, 3), p(60, 1)], stateMap: MAP, reasonDefs: DEFS, minorStopMs: 0 });
    expect(clipTimeline(tl, 0, 50).map((s) => [s.start, s.end, s.origin, s.state])).toEqual([[0, 30, 0, 'unknown'], [30, 50, 30, 'down']]);
    expect(clipTimeline(tl, 40, 100).map((s) => [s.start, s.end, s.origin, s.state])).toEqual([[40, 60, 30, 'down'], [60, 100, 60, 'running']]);
  });
});
