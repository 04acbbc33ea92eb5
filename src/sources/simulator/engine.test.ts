import { describe, expect, it } from 'vitest';
import { isCausewayError } from '../../core/errors.js';
import { rig, runUntil, series, stats } from './__fixtures__/test-kit.js';

const T0 = 5_000_000;
const BIG = { startTime: T0, maxCatchUpSteps: 1_000_000 };

describe('noise, quantization and quality', () => {
  it('adds Gaussian noise of the configured standard deviation around the clean value', async () => {
    const tags = [{ id: 'flat', signal: { kind: 'constant', value: 50, noise: { stddev: 2 } } }];
    const xs = series(await runUntil(rig(BIG, tags), T0 + 40_000_000), 'flat').map((s) => s.value as number);
    expect(xs).toHaveLength(40_001);
    const { mean, sd } = stats(xs);
    expect(Math.abs(mean - 50)).toBeLessThan(0.05);
    expect(sd).toBeGreaterThan(1.95);
    expect(sd).toBeLessThan(2.05);
  });

  it('quantizes to the sensor resolution after the noise', async () => {
    const tags = [{ id: 'level', signal: { kind: 'sine', amplitude: 3, periodSeconds: 77, offset: 500, noise: { stddev: 0.4 }, quantize: { step: 0.1 } } }];
    const xs = series(await runUntil(rig(BIG, tags), T0 + 5_000_000), 'level').map((s) => s.value as number);
    expect(xs.filter((x) => Math.abs(x * 10 - Math.round(x * 10)) > 1e-9 || String(x).length > 5)).toEqual([]);
    expect(new Set(xs).size).toBeGreaterThan(50);
  });

  it('sends the configured share of samples with bad quality, the same ones for the same seed', async () => {
    const tags = [
      { id: 'flaky', badQualityRate: 0.1, signal: { kind: 'ramp', from: 0, to: 100, durationSeconds: 600, repeat: true } },
      { id: 'solid', signal: { kind: 'ramp', from: 0, to: 100, durationSeconds: 600 } },
    ];
    const run = () => runUntil(rig(BIG, tags), T0 + 20_000_000);
    const [a, b] = await Promise.all([run(), run()]);
    const bad = series(a, 'flaky').filter((s) => s.quality === 'bad').length / 20_001;
    expect(bad).toBeGreaterThan(0.09);
    expect(bad).toBeLessThan(0.11);
    expect(series(a, 'solid').every((s) => s.quality === 'good')).toBe(true);
    expect(b).toEqual(a);
  });

  it('converts values to the declared tag type', async () => {
    const tags = [
      { id: 'as_text', type: 'string', signal: { kind: 'step', levels: [1, 2], holdSeconds: 1 } },
      { id: 'as_bool', type: 'boolean', signal: { kind: 'step', levels: [0, 3], holdSeconds: 1 } },
      { id: 'label', signal: { kind: 'constant', value: 'Recipe A' } },
    ];
    const samples = await runUntil(rig(BIG, tags), T0 + 1000);
    expect(series(samples, 'as_text').map((s) => s.value)).toEqual(['1', '2']);
    expect(series(samples, 'as_bool').map((s) => s.value)).toEqual([false, true]);
    expect(series(samples, 'label').map((s) => s.value)).toEqual(['Recipe A', 'Recipe A']);
  });
});

describe('writes', () => {
  const tags = [
    { id: 'sp', unit: 'degC', signal: { kind: 'setpoint', value: 20 } },
    { id: 'pv', unit: 'degC', signal: { kind: 'follow', tag: 'sp', gain: 1, offset: 0, lagSeconds: 10 } },
    { id: 'mode', signal: { kind: 'setpoint', value: false } },
    { id: 'wave', signal: { kind: 'sine', amplitude: 1, periodSeconds: 10, offset: 0 } },
  ];

  it('moves a setpoint from the next step on, and a follower tracks it with its lag', async () => {
    const r = rig({ startTime: T0 }, tags);
    const before = await runUntil(r, T0 + 10_000);
    expect(series(before, 'sp').every((s) => s.value === 20)).toBe(true);
    r.setNow(T0 + 10_500);
    await r.source.write!('sp', 60);
    await r.source.write!('mode', 'true');
    r.setNow(T0 + 60_000);
    const after = await r.source.poll!();
    const sp = series(after, 'sp');
    expect(sp[0]).toMatchObject({ ts: T0 + 11_000, value: 60 });
    expect(sp.every((s) => s.value === 60)).toBe(true);
    expect(series(after, 'mode').every((s) => s.value === true)).toBe(true);
    const pv = series(after, 'pv').map((s) => s.value as number);
    expect(pv[0]).toBeCloseTo(20 + 40 * (1 - Math.exp(-0.1)), 6);
    expect(pv[9]).toBeCloseTo(20 + 40 * (1 - Math.exp(-1)), 6);
    expect(pv.at(-1)).toBeGreaterThan(59);
  });

  it('does not rewrite steps already returned', async () => {
    const r = rig({ startTime: T0 }, tags);
    await runUntil(r, T0 + 10_000);
    r.setNow(T0 + 3_000); // a clock that went back must not reach into the past
    await r.source.write!('sp', 30);
    r.setNow(T0 + 11_000);
    expect(series(await r.source.poll!(), 'sp').map((s) => s.value)).toEqual([30]);
  });

  it.each([
    ['wave', 1, /only setpoint tags accept writes/],
    ['nope', 1, /no such tag/],
    ['sp', 'hot', /"hot" is not a number/],
  ])('rejects a write to %s of %j', async (tag, value, reason) => {
    const r = rig({ startTime: T0 }, tags);
    await runUntil(r, T0);
    const error = await r.source.write!(tag, value).catch((e: unknown) => e);
    expect(isCausewayError(error, 'CW_SOURCE_WRITE_REJECTED')).toBe(true);
    expect((error as Error).message).toMatch(reason);
  });
});

describe('discover', () => {
  it('names the simulator for the inventory', async () => {
    const info = await rig({}, []).source.discover!();
    expect(info).toMatchObject({ manufacturer: 'Causeway', product: 'Plant simulator' });
    expect(info.softwareVersion).toMatch(/^\d+\.\d+\.\d+/);
  });
});
