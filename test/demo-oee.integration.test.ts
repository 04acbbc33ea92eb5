/**
 * OEE of the simulated demo plant (`causeway demo --simulated`) when its polls come late: the hub's
 * clock runs five times faster than the timers, so every poll of a simulator returns five steps
 * and its values go stale (3 s) between polls, as a loaded machine makes them. The filler counts
 * at most 600 bottles/min against an ideal rate of 640: performance can never exceed 1, and
 * availability × performance × quality is OEE. Before the fix, each stale mark made the good
 * counter run backwards in the history and OEE read it as a reset: performance went to 20 and more.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { demoConfig } from '../src/demo/config.js';
import { Hub } from '../src/runtime/hub.js';

const SPEEDUP = 5;
const RUN_MS = 12_000;

describe('OEE of the simulated demo with late polls', () => {
  const dir = mkdtempSync(join(tmpdir(), 'causeway-demo-oee-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps performance within 0…1 and OEE = availability × performance × quality on each line', async () => {
    const real0 = Date.now();
    const now = () => real0 + (Date.now() - real0) * SPEEDUP;
    const config = demoConfig({ seed: 42, port: 0, erp: { kind: 'folder' } });
    const hub = await Hub.create({ config, dataDir: join(dir, 'data'), logger: pino({ level: 'silent' }), port: 0, now, env: { CAUSEWAY_ADMIN_PASSWORD: 'a long plant passphrase' } });
    try {
      await hub.start();
      await new Promise((r) => setTimeout(r, RUN_MS));
      const periods = await hub.production!.oee({ from: real0 - 60_000, to: now(), by: 'range' });
      expect(periods.map((p) => p.line)).toEqual(['line1', 'line2']);
      for (const p of periods) {
        // Something was made, so the figures are defined.
        expect(p.counts.total).toBeGreaterThan(0);
        expect(p.performance).not.toBeNull();
        expect(p.performance!).toBeGreaterThanOrEqual(0);
        expect(p.performance!).toBeLessThanOrEqual(1);
        expect(p.availability! * p.performance! * p.quality!).toBeCloseTo(p.oee!, 12);
      }
    } finally {
      await hub.stop();
    }
  }, 60_000);
});
