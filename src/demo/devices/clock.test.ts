import { describe, expect, it } from 'vitest';
import { deviceTags } from '../plant.js';
import { PlantClock, type PlantStep } from './clock.js';

const EPOCH = 1_800_000_000_000;
const SPEED = 'line1_filler_speed';
const STATE = 'line1_filler_state';
const SETPOINT = 'line1_filler_speed_setpoint';

/** A clock on a fake wall clock, stepped by hand. */
function fakeClock(seed = 42) {
  let t = EPOCH;
  const steps: PlantStep[] = [];
  const clock = new PlantClock(deviceTags('opcua'), { seed, epochMs: EPOCH, now: () => t, onStep: (s) => void steps.push(s) });
  const at = (k: number) => {
    t = EPOCH + k * 1000 + 5;
    clock.tick();
    return steps.at(-1)!;
  };
  return { clock, at };
}

const value = (s: PlantStep, id: string) => s.values.get(id)?.value;

/** The first step from which the line 1 filler runs for `length` steps. */
function runningWindow(length: number): number {
  const { at } = fakeClock();
  let run = 0;
  for (let k = 0; k < 20_000; k++) {
    run = value(at(k), STATE) === 1 ? run + 1 : 0;
    if (run === length) return k - length + 1;
  }
  throw new Error('the filler never ran that long');
}

describe('PlantClock', () => {
  it('steps on the wall-clock grid: one step per period, stamped on it', () => {
    const { at } = fakeClock();
    expect([at(0).ts, at(1).ts, at(5).ts]).toEqual([EPOCH, EPOCH + 1000, EPOCH + 5000]);
  });

  it('lets a restarted device continue the series: same states and counters, not zero again', () => {
    const a = fakeClock();
    for (let k = 0; k <= 900; k++) a.at(k);
    const late = fakeClock().at(900); // joins at step 900, as a device restarted with the demo's epoch
    const discrete = ['line1_filler_state', 'line1_filler_good_count', 'line2_capper_count', 'line2_capper_down_reason'];
    for (const id of discrete) expect(value(late, id), id).toBe(value(a.clock.current!, id));
    expect(Number(value(late, 'line1_filler_good_count'))).toBeGreaterThan(0);
  });

  it('makes the filler speed follow a written setpoint while it runs', () => {
    const start = runningWindow(60);
    const { clock, at } = fakeClock();
    expect(Math.abs(Number(value(at(start + 20), SPEED)) - 600)).toBeLessThan(20);
    expect(clock.write(SETPOINT, 720)).toBeUndefined();
    const later = at(start + 50);
    expect(value(later, SETPOINT)).toBe(720);
    expect(Math.abs(Number(value(later, SPEED)) - 720)).toBeLessThan(20);
  });

  it('refuses writes to anything but a setpoint', () => {
    const { clock } = fakeClock();
    expect(clock.write(SPEED, 700)).toMatch(/only setpoint tags accept writes/);
  });
});
