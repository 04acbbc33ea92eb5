import { describe, expect, it } from 'vitest';
import { expectedShares, MachineTimeline } from './machine-state.js';
import { streamSeed } from './rng.js';
import type { MachineStateConfig, StateName } from './schema.js';

const config: MachineStateConfig = {
  kind: 'machine-state',
  states: { running: { meanSeconds: 600 }, idle: { meanSeconds: 60, weight: 2 }, down: { meanSeconds: 300 } },
  downReasons: [
    { code: 11, label: 'Jam', weight: 3 },
    { code: 12, label: 'Changeover', weight: 1 },
  ],
};

function run(cfg: MachineStateConfig, steps: number, periodSeconds = 1, seed = 1) {
  const t = new MachineTimeline(cfg, periodSeconds, streamSeed(seed, 'state'));
  const states: StateName[] = [];
  for (let k = 0; k < steps; k++) states.push(t.stateAt(k));
  return { t, states };
}

describe('expectedShares', () => {
  it('weighs the stop states by their chance and mean', () => {
    // cycle: 600 running + 2/3 * 60 idle + 1/3 * 300 down = 740 s
    const s = expectedShares(config);
    expect(s.running).toBeCloseTo(600 / 740, 9);
    expect(s.idle).toBeCloseTo(40 / 740, 9);
    expect(s.down).toBeCloseTo(100 / 740, 9);
  });
});

describe('MachineTimeline', () => {
  it('visits every state and spends time in them as the means imply over a long run', () => {
    const { states } = run(config, 2_000_000);
    const expected = expectedShares(config);
    for (const name of ['running', 'idle', 'down'] as const) {
      const share = states.filter((s) => s === name).length / states.length;
      expect(share, name).toBeGreaterThan(expected[name] * 0.9);
      expect(share, name).toBeLessThan(expected[name] * 1.1);
    }
  });

  it('holds each state for about its mean duration, and at least one step', () => {
    const { states } = run(config, 1_000_000);
    const runs: Record<StateName, number[]> = { running: [], idle: [], down: [] };
    let length = 1;
    for (let k = 1; k < states.length; k++) {
      if (states[k] === states[k - 1]) length++;
      else {
        runs[states[k - 1]!].push(length);
        length = 1;
      }
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(runs.running)).toBeGreaterThan(540);
    expect(mean(runs.running)).toBeLessThan(660);
    expect(mean(runs.idle)).toBeGreaterThan(54);
    expect(mean(runs.idle)).toBeLessThan(66);
    expect(Math.min(...runs.idle, ...runs.down, ...runs.running)).toBeGreaterThanOrEqual(1);
    // never idle straight into down: every stop returns to running
    const stopToStop = states.filter((s, k) => k > 0 && states[k - 1] !== 'running' && s !== 'running' && s !== states[k - 1]);
    expect(stopToStop).toEqual([]);
  });

  it('has a down reason exactly while down, chosen by weight', () => {
    const t = new MachineTimeline(config, 1, streamSeed(3, 'state'));
    const stops = new Map<number, number>();
    let mismatches = 0;
    for (let k = 0; k < 1_000_000; k++) {
      const reason = t.reasonAt(k);
      if ((reason !== undefined) !== (t.stateAt(k) === 'down')) mismatches++;
      if (reason && t.eventAt(k).start === k) stops.set(reason.code, (stops.get(reason.code) ?? 0) + 1);
    }
    expect(mismatches).toBe(0);
    const jam = stops.get(11) ?? 0;
    const changeover = stops.get(12) ?? 0;
    expect(jam + changeover).toBeGreaterThan(300);
    expect(jam / (jam + changeover)).toBeGreaterThan(0.65);
    expect(jam / (jam + changeover)).toBeLessThan(0.85);
  });

  it('counts running steps before k exactly', () => {
    const t = new MachineTimeline(config, 1, streamSeed(1, 'state'));
    let running = 0;
    for (let k = 0; k < 50_000; k++) {
      expect(t.runningStepsBefore(k)).toBe(running);
      if (t.stateAt(k) === 'running') running++;
    }
    expect(running).toBeGreaterThan(30_000);
  });

  it('emits the configured codes and labels, with defaults 1, 2, 3 and the state name', () => {
    const custom: MachineStateConfig = { ...config, states: { ...config.states, down: { meanSeconds: 300, code: 9, label: 'Stopped' } } };
    const t = new MachineTimeline(custom, 1, streamSeed(1, 'state'));
    const seen = new Map<StateName, [number, string]>();
    for (let k = 0; k < 200_000; k += 5) seen.set(t.stateAt(k), [t.codeAt(k), t.labelAt(k)]);
    expect(seen.get('running')).toEqual([1, 'running']);
    expect(seen.get('idle')).toEqual([2, 'idle']);
    expect(seen.get('down')).toEqual([9, 'Stopped']);
  });

  it('runs for ever when running is the only state, and starts in the initial state', () => {
    const always = run({ kind: 'machine-state', states: { running: { meanSeconds: 10 } } }, 10_000).states;
    expect(new Set(always)).toEqual(new Set(['running']));
    const t = new MachineTimeline({ ...config, initial: 'down' }, 1, streamSeed(1, 'x'));
    expect(t.stateAt(0)).toBe('down');
    expect(t.reasonAt(0)).toBeDefined();
  });

  it('scales durations with the step period: means are seconds, not steps', () => {
    const { states } = run(config, 400_000, 0.1);
    const share = states.filter((s) => s === 'running').length / states.length;
    expect(share).toBeGreaterThan(expectedShares(config).running * 0.9);
  });

  it('answers for steps within the kept history and refuses older ones', () => {
    const t = new MachineTimeline(config, 1, streamSeed(1, 'state'));
    t.retain(3600);
    const late = t.runningStepsBefore(100_000);
    expect(t.runningStepsBefore(100_000 - 3600)).toBeLessThanOrEqual(late);
    expect(() => t.stateAt(0)).toThrow(RangeError);
  });
});
