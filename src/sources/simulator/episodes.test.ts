/** Scripted episodes of the simulator: excursions of a value, sensor dropouts, a scripted machine-state opening. */
import { describe, expect, it } from 'vitest';
import { rig, runUntil, series } from './__fixtures__/test-kit.js';
import { excursionAt } from './signals.js';

const T0 = 5_000_000;
const BIG = { startTime: T0, maxCatchUpSteps: 1_000_000 };

describe('simulator episodes', () => {
  it('moves a value by an excursion: up over the first quarter, held, back over the last, and again every period', () => {
    const e = { firstSeconds: 10, everySeconds: 100, durationSeconds: 8, by: -4 };
    expect([9, 10, 11, 12, 14, 16, 17, 18, 110, 112].map((t) => excursionAt(e, t))).toEqual([0, 0, -2, -4, -4, -4, -2, 0, 0, -4]);
    expect(excursionAt({ firstSeconds: 10, durationSeconds: 8, by: 1 }, 112)).toBe(0);
  });

  it('adds the excursion to the signal before noise and quantization', async () => {
    const tags = [{ id: 'p', signal: { kind: 'constant', value: 7, quantize: { step: 0.1 }, excursions: { firstSeconds: 2, durationSeconds: 4, by: 1 } } }];
    const xs = series(await runUntil(rig(BIG, tags), T0 + 7000), 'p').map((s) => s.value);
    expect(xs).toEqual([7, 7, 7, 8, 8, 8, 7, 7]); // t = 2 … 6: 0, +1, +1, +1, then over
  });

  it('reports nothing for a tag during a dropout, while the tags that follow it go on', async () => {
    const tags = [
      { id: 'temp', dropouts: { firstSeconds: 2, everySeconds: 5, durationSeconds: 2 }, signal: { kind: 'ramp', from: 0, to: 10, durationSeconds: 10 } },
      { id: 'twice', signal: { kind: 'follow', tag: 'temp', gain: 2, offset: 0 } },
    ];
    const out = await runUntil(rig(BIG, tags), T0 + 9000);
    expect(series(out, 'temp').map((s) => (s.ts - T0) / 1000)).toEqual([0, 1, 4, 5, 6, 9]);
    expect(series(out, 'twice').map((s) => s.value)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
  });

  it('starts a machine state with its scripted opening, then follows the random chain', async () => {
    const tags = [
      { id: 'state', signal: { kind: 'machine-state', states: { running: { meanSeconds: 100 }, down: { meanSeconds: 50 } }, downReasons: [{ code: 7, label: 'jam', weight: 1 }, { code: 9, label: 'valve', weight: 1 }], opening: [{ state: 'running', seconds: 3 }, { state: 'down', seconds: 4, reason: 9 }] } },
      { id: 'reason', signal: { kind: 'reason', tag: 'state' } },
      { id: 'count', signal: { kind: 'counter', ratePerSecond: 1, whileRunning: 'state' } },
    ];
    const out = await runUntil(rig(BIG, tags), T0 + 7000);
    expect(series(out, 'state').map((s) => s.value)).toEqual([1, 1, 1, 3, 3, 3, 3, 1]);
    expect(series(out, 'reason').map((s) => s.value)).toEqual([0, 0, 0, 9, 9, 9, 9, 0]);
    expect(series(out, 'count').map((s) => s.value)).toEqual([0, 1, 2, 3, 3, 3, 3, 3]);
  });
});
