/** The demo's scripted upsets, as the simulated devices run them (scale 1): each alarm's cause within the first minutes. */
import { describe, expect, it } from 'vitest';
import type { TagConfig } from '../config/schema.js';
import { Simulation } from '../sources/simulator/index.js';
import { readTags } from '../sources/simulator/tags.js';
import { deviceTags, type DeviceKind } from './plant.js';

/** Each tag's values over steps 0 … steps-1 of a device (undefined where the tag reported nothing). */
function run(kind: DeviceKind, steps: number): Map<string, Array<number | undefined>> {
  const { ordered, problems } = readTags(deviceTags(kind) as unknown as TagConfig[]);
  expect(problems).toEqual([]);
  const sim = new Simulation(ordered, { seed: 43, periodMs: 1000 });
  const out = new Map<string, Array<number | undefined>>(ordered.map((t) => [t.id, []]));
  for (let k = 0; k < steps; k++) {
    const values = new Map(sim.step(k).map((v) => [v.id, v.value]));
    for (const [id, series] of out) series.push(values.get(id) as number | undefined);
  }
  return out;
}

const upTo = (xs: Array<number | undefined>, from: number, to: number) => xs.slice(from, to).filter((x): x is number => x !== undefined);

describe("the demo's alarm upsets", () => {
  it('raise the compressor discharge pressure above 8 bar after a minute and bring it back; the outlet temperature sensor goes silent for 90 s', () => {
    const c = run('sparkplug', 600);
    const p = c.get('compressor_discharge_pressure')!;
    expect(Math.max(...upTo(p, 0, 60))).toBeLessThan(7.6);
    expect(Math.max(...upTo(p, 60, 210))).toBeGreaterThan(8.0);
    expect(Math.max(...upTo(p, 215, 600))).toBeLessThan(7.5);
    const t = c.get('compressor_outlet_temp')!;
    expect(t.map((v, k) => (v === undefined ? k : -1)).filter((k) => k >= 0)).toEqual(Array.from({ length: 90 }, (_, i) => 180 + i));
  });

  it("stop line 2's filler for 400 s after 90 s, under-fill on line 1 after 150 s, and make line 1's capper torque cross its limit again and again", () => {
    const o = run('opcua', 500);
    const state2 = o.get('line2_filler_state')!;
    expect(state2.slice(0, 90).every((s) => s === 1)).toBe(true);
    expect(state2.slice(90, 490).every((s) => s === 3)).toBe(true);
    expect(state2[490]).toBe(1);
    expect(o.get('line2_filler_down_reason')![100]).toBe(105);
    expect(o.get('line1_filler_state')!.every((s) => s === 1)).toBe(true);
    const fill = o.get('line1_filler_fill_level')!;
    expect(Math.min(...upTo(fill, 0, 150))).toBeGreaterThan(496.5);
    expect(Math.min(...upTo(fill, 150, 210))).toBeLessThan(496);
    expect(Math.min(...upTo(fill, 215, 500))).toBeGreaterThan(496.5);
    const torque = o.get('line1_capper_torque')!;
    const above = torque.map((v) => (v ?? 0) > 193);
    const crossings = above.filter((a, k) => a && !above[k - 1]).length;
    expect(upTo(torque, 0, 240).every((v) => v <= 193)).toBe(true);
    expect(crossings).toBeGreaterThan(2);
  });
});
