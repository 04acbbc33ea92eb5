import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AttributeNode } from '../namespace/index.js';
import { alarmsOfAttribute } from './definitions.js';
import { Alarms } from './index.js';

const node = (asset: string): AttributeNode => ({ path: `${asset}/level`, asset, name: 'level', type: 'number', valueType: 'number', writable: false, interpolation: 'linear', unit: '%' });
const DEFS = [
  ...alarmsOfAttribute(node('acme/a/tank'), [{ hi: 80, area: 'tanks', priority: 'high' }], () => true),
  ...alarmsOfAttribute(node('acme/b/tank'), [{ lo: { setpoint: 10, priority: 'urgent', latching: true }, area: 'dosing' }], () => true),
];
const level = (asset: string, ts: number, value: number) => [{ path: `${asset}/level`, value, ts, quality: 'good' as const }];
const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'causeway-alarms-unit-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the alarms application and its journal', () => {
  it('restores statuses from the journal store: still active and unacknowledged, not raised again', () => {
    const dir = fresh();
    const first = new Alarms({ defs: DEFS, dir });
    first.evaluate(level('acme/a/tank', 1000, 90));
    first.evaluate(level('acme/b/tank', 1500, 5));
    first.ack('acme/b/tank/level/lo', 'op', 2000, 'dosing pump restarted');
    first.close();
    const again = new Alarms({ defs: DEFS, dir });
    expect(again.list().map((a) => [a.id, a.state, a.activeAt])).toEqual([
      ['acme/b/tank/level/lo', 'ACKED_ACTIVE', 1500],
      ['acme/a/tank/level/hi', 'UNACK_ACTIVE', 1000],
    ]);
    again.evaluate(level('acme/a/tank', 3000, 95));
    again.evaluate(level('acme/b/tank', 3000, 20)); // latching: held until reset
    expect(again.journal({ from: 0, to: 10_000, limit: 100 }).map((e) => `${e.id} ${e.event} ${e.to} @${e.at}`)).toEqual([
      'acme/b/tank/level/lo clear LATCHED @3000',
      'acme/b/tank/level/lo ack ACKED_ACTIVE @2000',
      'acme/b/tank/level/lo activate UNACK_ACTIVE @1500',
      'acme/a/tank/level/hi activate UNACK_ACTIVE @1000',
    ]);
    again.close();
  });

  it('filters the list and the journal by area, priority, state and path', () => {
    const alarms = new Alarms({ defs: DEFS, dir: fresh() });
    alarms.evaluate(level('acme/a/tank', 1000, 90));
    alarms.evaluate(level('acme/b/tank', 2000, 5));
    expect(alarms.list({ area: 'tanks' }).map((a) => a.id)).toEqual(['acme/a/tank/level/hi']);
    expect(alarms.list({ priority: 'urgent' }).map((a) => a.id)).toEqual(['acme/b/tank/level/lo']);
    expect(alarms.list({ path: 'acme/b' }).map((a) => a.id)).toEqual(['acme/b/tank/level/lo']);
    expect(alarms.list({ sort: 'path' }).map((a) => a.id)).toEqual(['acme/a/tank/level/hi', 'acme/b/tank/level/lo']);
    expect(alarms.list({ states: ['ACKED_ACTIVE'] })).toEqual([]);
    expect(alarms.journal({ from: 0, to: 5000, limit: 10, area: 'dosing' }).map((e) => e.message)).toEqual(['acme/b/tank/level low: 5 % (limit 10)']);
    expect(alarms.journal({ from: 1500, to: 5000, limit: 10, path: 'acme/a' })).toEqual([]);
    alarms.close();
  });
});
