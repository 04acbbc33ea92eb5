/**
 * The demo plant's alarms, seen as a newcomer sees them: the simulated demo plant
 * (`causeway demo --simulated`) with its scripted upsets run ten times faster (alarmTimeScale, for
 * tests only), and every demo alarm — compressor discharge pressure high and high-high, filler fill
 * level low, a line stopped longer than its delay, a stale sensor, the chattering capper torque —
 * becomes active and returns to normal, as the API's alarm list and journal show. The waits are
 * bounded; no duration is asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPRESSOR_PATH, DEMO_ROOT, demoConfig } from '../src/demo/config.js';
import { Hub } from '../src/runtime/hub.js';
import { adminFetch } from '../src/test-support/auth.js';

const WAIT_MS = 180_000;
const LINE = (n: number) => `${DEMO_ROOT}/packaging/line${n}`;
const DEMO_ALARMS = [
  `${COMPRESSOR_PATH}/discharge_pressure/hi`,
  `${COMPRESSOR_PATH}/discharge_pressure/hihi`,
  `${LINE(1)}/filler/fill_level/lo`,
  `${LINE(2)}/filler/state/line-stopped`,
  `${COMPRESSOR_PATH}/outlet_temp/sensor-stale`,
  `${LINE(1)}/capper/torque/hi`,
];

interface AlarmView { id: string; state: string; priority: string; area?: string; rationalization: Record<string, unknown> }
interface JournalEntry { seq: number; id: string; event: string; to: string; at: number }

describe('the demo plant raises each of its alarms and returns it to normal', () => {
  const dir = mkdtempSync(join(tmpdir(), 'causeway-demo-alarms-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows every demo alarm active in the list and journal, then back to normal', async () => {
    const config = demoConfig({ seed: 42, port: 0, erp: { kind: 'folder' }, alarmTimeScale: 10 });
    const hub = await Hub.create({ config, dataDir: join(dir, 'data'), logger: pino({ level: 'silent' }), port: 0, env: { CAUSEWAY_ADMIN_PASSWORD: 'a long plant passphrase' }, announce: () => {} });
    try {
      const url = await hub.start();
      const api = await adminFetch(hub);
      const get = async <T>(path: string): Promise<T> => (await (await api(`${url}${path}`)).json()) as T;

      // Every demo alarm is defined, rationalized and owned.
      const all = (await get<{ alarms: AlarmView[] }>('/api/v1/alarms?all=true&sort=path')).alarms;
      for (const id of DEMO_ALARMS) {
        const a = all.find((x) => x.id === id);
        expect(a, id).toBeDefined();
        expect(Object.keys(a!.rationalization).sort(), id).toEqual(['cause', 'consequence', 'correctiveAction', 'owner', 'timeToRespondMs']);
        expect(a!.area, id).toMatch(/^(utilities|packaging)$/);
      }

      // Watch the list (what is away from Normal now) and the journal until every alarm went round.
      const seenInList = new Map<string, Set<string>>(DEMO_ALARMS.map((id) => [id, new Set()]));
      const wentRound = (entries: JournalEntry[], id: string) => {
        const mine = entries.filter((e) => e.id === id).sort((a, b) => a.seq - b.seq);
        const on = mine.findIndex((e) => e.event === 'activate' && e.to === 'UNACK_ACTIVE');
        return on >= 0 && mine.slice(on + 1).some((e) => e.event === 'clear' && e.to === 'RTN_UNACK');
      };
      let journal: JournalEntry[] = [];
      const end = Date.now() + WAIT_MS;
      while (Date.now() < end) {
        for (const a of (await get<{ alarms: AlarmView[] }>('/api/v1/alarms')).alarms) seenInList.get(a.id)?.add(a.state);
        journal = (await get<{ entries: JournalEntry[] }>('/api/v1/alarm-journal?from=-1h&limit=5000')).entries;
        if (DEMO_ALARMS.every((id) => wentRound(journal, id) && seenInList.get(id)!.has('UNACK_ACTIVE'))) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      for (const id of DEMO_ALARMS) {
        expect(wentRound(journal, id), `${id} activated and cleared: ${JSON.stringify(journal.filter((e) => e.id === id).map((e) => `${e.event}→${e.to}`))}`).toBe(true);
        expect([...seenInList.get(id)!], `${id} in the active list`).toContain('UNACK_ACTIVE');
      }
      // The chattering one chatters: the torque alarm went active more than once in its upset.
      expect(journal.filter((e) => e.id === `${LINE(1)}/capper/torque/hi` && e.event === 'activate').length).toBeGreaterThan(1);
    } finally {
      await hub.stop();
    }
  }, WAIT_MS + 60_000);
});
