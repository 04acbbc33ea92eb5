import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { TagCommonSchema } from '../../config/schema.js';
import { demoMachineTags, type DemoMachine, type DemoTag } from './demo-tags.js';
import { simulatorSource } from './index.js';
import { ownKeys } from './tags.js';
import { rig, runUntil, series, stats } from './__fixtures__/test-kit.js';

const MACHINES: DemoMachine[] = ['filler', 'capper', 'labeler', 'palletizer'];
const T0 = 1_700_000_000_000;

/** The whole demo plant: both lines plus the compressor, as one simulator source's tags. */
function plantTags(): DemoTag[] {
  return [...[1, 2].flatMap((line) => MACHINES.map((m) => demoMachineTags(m, { line }))).flat(), ...demoMachineTags('compressor')];
}

describe('demoMachineTags', () => {
  it('gives tags that pass the common and the simulator tag schemas, with unique ids', () => {
    const tags = plantTags();
    for (const tag of tags) {
      expect(Value.Check(TagCommonSchema, tag), tag.id).toBe(true);
      expect(Value.Check(simulatorSource.tagSchema, ownKeys({ ...tag })), tag.id).toBe(true);
    }
    expect(new Set(tags.map((t) => t.id)).size).toBe(tags.length);
    expect(() => rig({}, tags as unknown as Record<string, unknown>[])).not.toThrow();
  });

  it('prefixes ids by line and machine', () => {
    expect(demoMachineTags('filler', { line: 2 }).map((t) => t.id)).toContain('line2_filler_speed');
    expect(demoMachineTags('compressor').map((t) => t.id)).toContain('compressor_discharge_pressure');
    expect(demoMachineTags('capper', { prefix: 'c9' }).map((t) => t.id)).toContain('c9_torque');
  });

  it('varies line 2 slightly from line 1, the same way every time', () => {
    for (const m of MACHINES) {
      const one = demoMachineTags(m, { line: 1 });
      const two = demoMachineTags(m, { line: 2 });
      expect(JSON.stringify(two).replaceAll('line2', 'line1'), m).not.toBe(JSON.stringify(one));
      expect(demoMachineTags(m, { line: 2 })).toEqual(two);
    }
    const speed = (line: number) => (demoMachineTags('filler', { line }).find((t) => t.id.endsWith('_speed'))!.signal as { gain: number }).gain;
    expect(speed(1)).toBe(600);
    expect(Math.abs(speed(2) - 600)).toBeLessThanOrEqual(30);
  });
});

describe('the demo plant running for a day', () => {
  const tags = [
    ...demoMachineTags('filler', { line: 1 }),
    ...demoMachineTags('filler', { line: 2 }),
    ...demoMachineTags('palletizer', { line: 1 }),
    ...demoMachineTags('compressor'),
  ] as unknown as Record<string, unknown>[];
  let cached: Promise<ReturnType<typeof series>> | undefined;
  const day = () => (cached ??= runUntil(rig({ seed: 1, startTime: T0, maxCatchUpSteps: 100_000 }, tags), T0 + 86_400_000));
  const nums = async (id: string) => series(await day(), id).map((s) => s.value as number);

  it('fills about 600 bottles a minute while running and none while stopped', async () => {
    const [state, speed, good, rejects] = await Promise.all(['state', 'speed', 'good_count', 'reject_count'].map((k) => nums(`line1_filler_${k}`)));
    const running = state!.filter((s) => s === 1).length / state!.length;
    expect(running).toBeGreaterThan(0.75);
    expect(running).toBeLessThan(0.95);
    expect(speed!.filter((v, k) => state![k] !== 1 && v !== 0)).toEqual([]);
    const steady = speed!.filter((v, k) => k > 30 && state!.slice(k - 30, k + 1).every((s) => s === 1));
    expect(stats(steady).mean).toBeGreaterThan(590);
    expect(stats(steady).mean).toBeLessThan(610);
    expect(Math.max(...good!)).toBeLessThan(65536);
    expect(Math.max(...rejects!)).toBeGreaterThan(0);
  });

  it('keeps process values in plausible ranges', async () => {
    const fill = await nums('line1_filler_fill_level');
    expect(Math.min(...fill)).toBeGreaterThan(495);
    expect(Math.max(...fill)).toBeLessThan(505);
    const pressure = (await nums('compressor_discharge_pressure')).filter((p) => p !== 6.2);
    expect(stats(pressure).mean).toBeGreaterThan(6.9);
    expect(stats(pressure).mean).toBeLessThan(7.1);
    const current = await nums('compressor_motor_current');
    expect(Math.max(...current)).toBeLessThan(200);
    const layers = await nums('line1_palletizer_layers');
    expect(new Set(layers)).toEqual(new Set([0, 1, 2, 3, 4]));
  });

  it('runs the two lines differently', async () => {
    expect(await nums('line2_filler_state')).not.toEqual(await nums('line1_filler_state'));
  });
});
