import { describe, expect, it } from 'vitest';
import { DeadbandFilter, deadbandThreshold, type DeadbandDecision, type DeadbandSpec } from './deadband.js';
import type { Quality, Sample, Value } from './sample.js';

type Step = [ts: number, value: Value, quality: Quality, expected: DeadbandDecision];

/** Feed steps to one path and return the decisions. */
function run(spec: DeadbandSpec | undefined, steps: readonly Step[]): DeadbandDecision[] {
  const filter = new DeadbandFilter();
  return steps.map(([ts, value, quality]) => filter.decide({ path: 's/t', ts, value, quality }, spec));
}

const cases: Array<[name: string, spec: DeadbandSpec | undefined, steps: Step[]]> = [
  ['no deadband passes everything', undefined, [
    [0, 1, 'good', 'changed'], [1, 1, 'good', 'changed'],
  ]],
  ['absolute: first passes, small moves filtered, strictly greater passes', { absolute: 0.5 }, [
    [0, 10, 'good', 'first'], [1, 10.3, 'good', 'filtered'], [2, 10.5, 'good', 'filtered'],
    [3, 10.51, 'good', 'changed'], [4, 10.2, 'good', 'filtered'], [5, 9.9, 'good', 'changed'],
  ]],
  ['absolute: slow drift is stored once it adds up (reference is the last stored value)', { absolute: 1 }, [
    [0, 0, 'good', 'first'], [1, 0.4, 'good', 'filtered'], [2, 0.8, 'good', 'filtered'],
    [3, 1.2, 'good', 'changed'], [4, 1.6, 'good', 'filtered'], [5, 2.3, 'good', 'changed'],
  ]],
  ['percent of span', { percent: 1, span: 200 }, [
    [0, 50, 'good', 'first'], [1, 52, 'good', 'filtered'], [2, 52.01, 'good', 'changed'], [3, 50.5, 'good', 'filtered'],
  ]],
  ['percent without span: of the last stored magnitude', { percent: 10 }, [
    [0, 100, 'good', 'first'], [1, 109, 'good', 'filtered'], [2, 111, 'good', 'changed'],
    [3, 100, 'good', 'filtered'], [4, 99.8, 'good', 'changed'], [5, -100, 'good', 'changed'], [6, -95, 'good', 'filtered'],
  ]],
  ['percent without span after a stored zero: any change passes', { percent: 10 }, [
    [0, 0, 'good', 'first'], [1, 0, 'good', 'filtered'], [2, 0.001, 'good', 'changed'],
  ]],
  ['absolute and percent: exceeding either stores', { absolute: 5, percent: 1, span: 100 }, [
    [0, 10, 'good', 'first'], [1, 10.9, 'good', 'filtered'], [2, 11.1, 'good', 'changed'],
  ]],
  ['heartbeat stores an unchanged value after maxInterval', { absolute: 1, maxIntervalMs: 1000 }, [
    [0, 5, 'good', 'first'], [999, 5, 'good', 'filtered'], [1000, 5, 'good', 'heartbeat'],
    [1500, 5.5, 'good', 'filtered'], [1999, 5, 'good', 'filtered'], [2000, 5.2, 'good', 'heartbeat'],
  ]],
  ['only a heartbeat: any change passes, exact repeats wait for the heartbeat', { maxIntervalMs: 100 }, [
    [0, 5, 'good', 'first'], [10, 5, 'good', 'filtered'], [20, 5.0001, 'good', 'changed'], [120, 5.0001, 'good', 'heartbeat'],
  ]],
  ['a quality change passes even without a value change', { absolute: 10 }, [
    [0, 5, 'good', 'first'], [1, 5, 'uncertain', 'quality_changed'], [2, 6, 'uncertain', 'filtered'], [3, 6, 'good', 'quality_changed'],
  ]],
  ['a value type change passes', { absolute: 10 }, [
    [0, 1, 'good', 'first'], [1, '1', 'good', 'type_changed'], [2, true, 'good', 'type_changed'],
  ]],
  ['booleans pass on any change only', { absolute: 10 }, [
    [0, false, 'good', 'first'], [1, false, 'good', 'filtered'], [2, true, 'good', 'changed'], [3, true, 'good', 'filtered'],
  ]],
  ['strings pass on any change only', { percent: 50 }, [
    [0, 'RUNNING', 'good', 'first'], [1, 'RUNNING', 'good', 'filtered'], [2, 'IDLE', 'good', 'changed'],
  ]],
  ['out-of-order samples pass but do not move the reference', { absolute: 1, maxIntervalMs: 100 }, [
    [50, 10, 'good', 'first'], [40, 10, 'good', 'out_of_order'], [10, 99, 'bad', 'out_of_order'],
    [60, 10.5, 'good', 'filtered'], [150, 10, 'good', 'heartbeat'],
  ]],
  ['a repeated sample with the same timestamp is filtered', { absolute: 0 }, [
    [5, 1, 'good', 'first'], [5, 1, 'good', 'filtered'], [5, 2, 'good', 'changed'],
  ]],
];

describe('DeadbandFilter', () => {
  it.each(cases)('%s', (_name, spec, steps) => {
    expect(run(spec, steps)).toEqual(steps.map((s) => s[3]));
  });

  it('keeps one reference per path and forgets them on request', () => {
    const filter = new DeadbandFilter();
    const spec = { absolute: 1 };
    const s = (path: string, value: number, ts: number): Sample => ({ path, value, ts, quality: 'good' });
    const { passed, filtered } = filter.filter(
      [s('a/x', 1, 0), s('b/x', 1, 0), s('a/x', 1.5, 1), s('b/x', 3, 1), s('a/x', 1.2, 2)],
      () => spec,
    );
    expect(passed.map((p) => `${p.path}=${p.value}`)).toEqual(['a/x=1', 'b/x=1', 'b/x=3']);
    expect(filtered).toHaveLength(2);
    expect(filter.size).toBe(2);
    filter.forget((path) => path.startsWith('a/'));
    expect(filter.size).toBe(1);
    expect(filter.decide(s('a/x', 1.1, 3), spec)).toBe('first');
  });

  it.each([
    [{ absolute: 2 }, 100, 2],
    [{ percent: 5, span: 40 }, 100, 2],
    [{ percent: 5 }, -40, 2],
    [{ absolute: 3, percent: 1, span: 100 }, 0, 1],
    [{}, 7, 0],
  ] as const)('threshold of %j around %d is %d', (spec, reference, expected) => {
    expect(deadbandThreshold(spec, reference)).toBe(expected);
  });
});
