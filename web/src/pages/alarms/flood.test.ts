import { describe, expect, it } from 'vitest';
import { floodMarks, FLOOD_WINDOW_MS } from './flood';

const T = Date.parse('2026-12-08T06:00:00Z');
const act = (id: string, area: string | undefined, at: number, event = 'activate') => ({ id, event, at, ...(area ? { area } : {}) });

describe('floodMarks', () => {
  it('counts how often each alarm was raised; other transitions do not count', () => {
    const m = floodMarks([act('a/hi', 'tanks', T), act('a/hi', 'tanks', T + 1000, 'clear'), act('a/hi', 'tanks', T + 2000), act('b/hi', 'pumps', T)]);
    expect([...m.repeats]).toEqual([['a/hi', 2], ['b/hi', 1]]);
  });

  it('marks the first alarm of a flood in each area, whatever order the journal lists them in', () => {
    const m = floodMarks([act('t/2', 'tanks', T + 60_000), act('t/1', 'tanks', T), act('t/3', 'tanks', T + 120_000), act('p/1', 'pumps', T + 5000), act('p/2', 'pumps', T + 6000)]);
    expect([...m.firstOut].sort()).toEqual(['p/1', 't/1']);
  });

  it('marks nothing for an alarm alone in its area, or repeating alone', () => {
    expect([...floodMarks([act('t/1', 'tanks', T), act('t/1', 'tanks', T + 1000), act('u/1', undefined, T)]).firstOut]).toEqual([]);
  });

  it('starts a new flood after the window, with its own first out', () => {
    const m = floodMarks([act('t/1', 'tanks', T), act('t/2', 'tanks', T + 1000), act('t/3', 'tanks', T + FLOOD_WINDOW_MS + 1), act('t/4', 'tanks', T + FLOOD_WINDOW_MS + 2)]);
    expect([...m.firstOut].sort()).toEqual(['t/1', 't/3']);
  });
});
