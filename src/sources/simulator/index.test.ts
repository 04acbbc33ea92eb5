import { describe, expect, it } from 'vitest';
import { isCausewayError } from '../../core/errors.js';
import type { Sample } from '../../core/sample.js';
import { expectedShares } from './machine-state.js';
import type { MachineStateConfig } from './schema.js';
import { rig, runUntil, series, stats } from './__fixtures__/test-kit.js';

const T0 = 1_000_000;
const machine: MachineStateConfig = {
  kind: 'machine-state',
  states: { running: { meanSeconds: 60 }, idle: { meanSeconds: 20 }, down: { meanSeconds: 30 } },
  downReasons: [{ code: 7, label: 'Jam', weight: 1 }, { code: 8, label: 'No bottles', weight: 1 }],
};
const plant = [
  { id: 'state', signal: machine },
  { id: 'reason', signal: { kind: 'reason', tag: 'state' } },
  { id: 'running', type: 'boolean', signal: { kind: 'state-is', tag: 'state', state: 'running' } },
  { id: 'count', signal: { kind: 'counter', ratePerSecond: 7, rolloverAt: 1000, whileRunning: 'state' } },
  { id: 'speed', signal: { kind: 'follow', tag: 'running', gain: 600, offset: 0, lagSeconds: 3, noise: { stddev: 4 }, whileRunning: 'state' } },
  { id: 'temp', unit: 'degC', signal: { kind: 'random-walk', start: 4, step: 0.02, min: 2, max: 8, noise: { stddev: 0.05 }, quantize: { step: 0.1 } } },
  { id: 'wave', signal: { kind: 'sine', amplitude: 1, periodSeconds: 90, offset: 7, noise: { stddev: 0.1 } } },
];
const values = (samples: readonly Sample[], id: string) => series(samples, id).map((s) => s.value as number);

describe('simulator source: steps and determinism', () => {
  it('returns one sample per tag per step on the period grid, step 0 at the aligned start', async () => {
    const r = rig({ seed: 3, period: '1s', startTime: T0 + 300 }, plant);
    const samples = await runUntil(r, T0 + 5_500);
    expect(samples).toHaveLength(6 * plant.length);
    expect([...new Set(samples.map((s) => s.ts))]).toEqual([0, 1, 2, 3, 4, 5].map((k) => T0 + k * 1000));
    expect(new Set(samples.map((s) => s.path))).toEqual(new Set(plant.map((t) => `sim/${t.id}`)));
    r.setNow(T0 + 5_999);
    expect(await r.source.poll!()).toEqual([]);
  });

  it('produces the same samples whether polled regularly or at irregular times', async () => {
    const regular = rig({ seed: 9, startTime: T0 }, plant);
    const irregular = rig({ seed: 9, startTime: T0 }, plant);
    await regular.source.connect(new AbortController().signal);
    await irregular.source.connect(new AbortController().signal);
    const end = T0 + 3_000_000;
    const a: Sample[] = [];
    for (let t = T0; t <= end; t += 1000) {
      regular.setNow(t);
      a.push(...(await regular.source.poll!()));
    }
    const b: Sample[] = [];
    let t = T0 + 17;
    for (let i = 0; t < end; i++) {
      irregular.setNow(t);
      b.push(...(await irregular.source.poll!()));
      t += [1, 999, 2500, 7321, 0, 45_000, 333][i % 7]!;
    }
    irregular.setNow(end);
    b.push(...(await irregular.source.poll!()));
    expect(b).toHaveLength(3001 * plant.length);
    expect(b).toEqual(a);
  });

  it('repeats a series for the same seed and changes it for another seed', async () => {
    const run = (seed: number) => runUntil(rig({ seed, startTime: T0 }, plant), T0 + 600_000);
    const [a, b, c] = await Promise.all([run(5), run(5), run(6)]);
    expect(b).toEqual(a);
    for (const id of ['state', 'temp', 'wave']) expect(values(c, id), id).not.toEqual(values(a, id));
  });

  it("keeps each tag's series when other tags are added or removed", async () => {
    const full = await runUntil(rig({ seed: 2, startTime: T0 }, plant), T0 + 300_000);
    const few = await runUntil(rig({ seed: 2, startTime: T0 }, [plant[0]!, plant[3]!, plant[5]!]), T0 + 300_000);
    for (const id of ['state', 'count', 'temp']) expect(values(few, id), id).toEqual(values(full, id));
  });

  it('continues the series across a reconnect', async () => {
    const r = rig({ startTime: T0 }, plant);
    const first = await runUntil(r, T0 + 10_000);
    await r.source.close();
    await r.source.connect(new AbortController().signal);
    r.setNow(T0 + 20_000);
    const second = await r.source.poll!();
    expect(Math.min(...second.map((s) => s.ts))).toBe(T0 + 11_000);
    expect(first.length + second.length).toBe(21 * plant.length);
  });

  it('refuses to poll before connect, and returns nothing when the clock goes back', async () => {
    const r = rig({ startTime: T0 }, plant);
    await expect(r.source.poll!()).rejects.toSatisfy((e: unknown) => isCausewayError(e, 'CW_SOURCE_READ_FAILED'));
    await runUntil(r, T0 + 5000);
    r.setNow(T0 + 1000);
    expect(await r.source.poll!()).toEqual([]);
  });
});

describe('simulator source: catch-up cap', () => {
  it('generates at most maxCatchUpSteps per poll, skips the older ones and warns once', async () => {
    const r = rig({ seed: 4, startTime: T0, maxCatchUpSteps: 100 }, plant);
    const capped = await runUntil(r, T0 + 1_000_000);
    const stamps = [...new Set(capped.map((s) => s.ts))];
    expect(stamps).toHaveLength(100);
    expect(stamps[0]).toBe(T0 + 901_000);
    expect(stamps.at(-1)).toBe(T0 + 1_000_000);
    expect(r.warnings).toHaveLength(1);
    // The hub's child logger carries the source; the line itself does not repeat it.
    expect(r.warnings[0]![0]).toMatchObject({ skipped: 901 });
    r.setNow(T0 + 1_010_000);
    expect(await r.source.poll!()).toHaveLength(10 * plant.length);
    expect(r.warnings).toHaveLength(1);
  });

  it('keeps state, reason and counter exact across the skipped steps', async () => {
    const capped = await runUntil(rig({ seed: 4, startTime: T0, maxCatchUpSteps: 50 }, plant), T0 + 200_000);
    const full = await runUntil(rig({ seed: 4, startTime: T0 }, plant), T0 + 200_000);
    for (const id of ['state', 'reason', 'count', 'running']) expect(values(capped, id), id).toEqual(values(full, id).slice(-50));
  });
});

describe('simulator source: machines and counters', () => {
  let cached: Promise<Sample[]> | undefined;
  // 200 000 one-second steps (about 55 hours), shared by the tests below
  const long = () => (cached ??= runUntil(rig({ seed: 11, startTime: T0, maxCatchUpSteps: 1_000_000 }, plant), T0 + 200_000 * 1000));

  it('visits every state with shares near the configured means', async () => {
    const states = values(await long(), 'state');
    const expected = expectedShares(machine);
    const share = (code: number) => states.filter((s) => s === code).length / states.length;
    expect(share(1)).toBeGreaterThan(expected.running - 0.04);
    expect(share(1)).toBeLessThan(expected.running + 0.04);
    expect(share(2)).toBeGreaterThan(expected.idle - 0.03);
    expect(share(3)).toBeGreaterThan(expected.down - 0.03);
    expect(share(1) + share(2) + share(3)).toBe(1);
  });

  it('has a non-zero down reason exactly when the machine is down', async () => {
    const samples = await long();
    const states = values(samples, 'state');
    const reasons = values(samples, 'reason');
    const wrong = states.filter((s, k) => (s === 3) !== (reasons[k] !== 0));
    expect(wrong).toEqual([]);
    expect(new Set(reasons)).toEqual(new Set([0, 7, 8]));
  });

  it('counts only while running, by the rate per step, and wraps exactly at rolloverAt', async () => {
    const samples = await long();
    const states = values(samples, 'state');
    const counts = values(samples, 'count');
    expect(counts.every((c) => Number.isInteger(c) && c >= 0 && c < 1000)).toBe(true);
    let wraps = 0;
    const wrong: number[] = [];
    for (let k = 1; k < counts.length; k++) {
      const expected = states[k - 1] === 1 ? 7 : 0;
      const delta = (counts[k]! - counts[k - 1]! + 1000) % 1000;
      if (counts[k]! < counts[k - 1]!) wraps++;
      if (delta !== expected) wrong.push(k);
    }
    expect(wrong).toEqual([]);
    expect(wraps).toBeGreaterThan(100);
  });

  it('holds a whileRunning signal at its stopped value (no noise) while the machine stands', async () => {
    const samples = await long();
    const states = values(samples, 'state');
    const speed = values(samples, 'speed');
    expect(speed.filter((v, k) => states[k] !== 1 && v !== 0)).toEqual([]);
    const steady = speed.filter((v, k) => k > 20 && states.slice(k - 20, k + 1).every((s) => s === 1));
    expect(stats(steady).mean).toBeGreaterThan(595);
    expect(stats(steady).mean).toBeLessThan(605);
    expect(stats(steady).sd).toBeGreaterThan(3.5);
    expect(stats(steady).sd).toBeLessThan(4.5);
  });

  it('emits labels for string tags and booleans for state-is', async () => {
    const tags = [
      { id: 'state', type: 'string', signal: machine },
      { id: 'code', signal: { ...machine } },
      { id: 'reason', type: 'string', signal: { kind: 'reason', tag: 'state' } },
      { id: 'running', signal: { kind: 'state-is', tag: 'state', state: 'running' } },
    ];
    const samples = await runUntil(rig({ startTime: T0 }, tags), T0 + 100_000_000 / 100);
    const labels = series(samples, 'state').map((s) => s.value);
    expect(new Set(labels)).toEqual(new Set(['running', 'idle', 'down']));
    const reasons = series(samples, 'reason').map((s) => s.value);
    expect(new Set(reasons)).toEqual(new Set(['none', 'Jam', 'No bottles']));
    const running = series(samples, 'running').map((s) => s.value);
    expect(running.every((v, k) => v === (labels[k] === 'running'))).toBe(true);
  });
});
