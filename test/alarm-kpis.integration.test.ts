/**
 * Alarm KPIs in a running hub: two devices in two zones push a known history with their own
 * timestamps (a chattering level, a flood of temperature alarms, a level active for 25 hours), an
 * operator shelves one alarm and an engineer takes one out of service; GET /api/v1/alarm-kpis answers
 * the figures worked out by hand, for the site, one area, and a zone-limited operator.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckedText } from '../src/cli/config-io.js';
import { Hub } from '../src/runtime/hub.js';
import { apiToken } from '../src/test-support/auth.js';
import { asToken } from '../src/test-support/http.js';
import { alarmKpiConfig, pushHistory, TANK } from './alarm-kpi-history.js';

const M = 60_000;
const H = 60 * M;
/** Start of the period: 90 minutes ago, on a 10-minute boundary; the period is two hours (12 periods of 10 minutes). */
const T0 = Math.floor((Date.now() - 90 * M) / (10 * M)) * 10 * M;
const FROM = T0;
const TO = T0 + 2 * H;

let dir: string;
let hub: Hub;
let url: string;
const tokens = {} as Record<'operatorA' | 'admin', string>;
const as = (who: keyof typeof tokens) => asToken(tokens[who], url);
const id = (z: string, attr: string) => `${TANK(z)}/${attr}/hi`;
const ids = (list: Array<{ id: string }>) => list.map((a) => a.id);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'causeway-alarm-kpis-'));
  const { config, problems } = loadCheckedText(alarmKpiConfig(), 'alarm-kpis.yaml');
  expect(problems).toEqual([]);
  hub = await Hub.create({ config: config!, dataDir: dir, logger: pino({ level: 'silent' }), port: 0, env: { CAUSEWAY_ADMIN_PASSWORD: 'alarm keeper night shift 2026' }, announce: () => {} });
  url = await hub.start();
  for (let i = 0; i < 100 && !hub.services.sources().every((s) => s.state === 'connected'); i++) await new Promise((r) => setTimeout(r, 50));
  tokens.operatorA = await apiToken(hub, [{ role: 'operator', zones: ['zone-a'] }], 'operator-a');
  tokens.admin = await apiToken(hub, 'admin', 'admin');
  await pushHistory(url, T0);
  // Now (about T0 + 90 min): an operator shelves zone A's temperature alarm, an engineer takes zone B's out of service.
  expect((await as('operatorA')(`/api/v1/alarms/${encodeURIComponent(id('a', 'temp'))}/shelve`, 'POST', { duration: '2h', reason: 'sensor being replaced' })).status).toBe(200);
  expect((await as('admin')(`/api/v1/alarms/${encodeURIComponent(id('b', 'temp'))}/out-of-service`, 'POST', { reason: 'heater removed' })).status).toBe(200);
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe('GET /api/v1/alarm-kpis in a running hub', () => {
  it('answers the hand-computed figures of the known history for the site', async () => {
    const r = await as('admin')(`/api/v1/alarm-kpis?from=${FROM}&to=${TO}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const k = r.body;
    expect(k.periods).toHaveLength(12);
    // Annunciated: zone A level 3 (chattering), zone B temperature 11 (a flood), zone A temperature 1; zone B's level was raised before the period.
    const counts = [3, 0, 11, 1, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(k.site).toMatchObject({ position: 'site', annunciated: 15, perHour: 7.5, per10Min: 1.25, peak10Min: 11, peakHour: 15, floodPeriods: 1, counts });
    expect(k.site.floodShare).toBeCloseTo(1 / 12, 10);
    expect(k.positions.map((p: { position: string; annunciated: number; floodPeriods: number }) => [p.position, p.annunciated, p.floodPeriods])).toEqual([['heating', 12, 1], ['tanks', 3, 0]]);
    expect(k.badActors.map((b: { id: string; annunciated: number }) => [b.id, b.annunciated])).toEqual([[id('b', 'temp'), 11], [id('a', 'level'), 3], [id('a', 'temp'), 1]]);
    expect(k.topTenShare).toBe(1);
    expect(k.chattering).toMatchObject([{ id: id('a', 'level'), activations: 3, maxPerMinute: 3, firstAt: T0 + 80_000 }]);
    expect(k.standing).toMatchObject([{ id: id('b', 'level'), state: 'UNACK_ACTIVE', since: T0 - 25 * H }]);
    expect(ids(k.stale)).toEqual([id('b', 'level')]);
    expect(ids(k.shelved)).toEqual([id('a', 'temp')]);
    expect(ids(k.outOfService)).toEqual([id('b', 'temp')]);
    expect(k.priorities.map((p: { priority: string; annunciated: number }) => [p.priority, p.annunciated])).toEqual([['urgent', 0], ['high', 3], ['medium', 0], ['low', 12]]);
    expect(k.targets.per10Min).toEqual({ acceptable: 1, manageable: 2 });
  });

  it('answers one area (operator position) with area=', async () => {
    const k = (await as('admin')(`/api/v1/alarm-kpis?from=${FROM}&to=${TO}&area=tanks`)).body;
    expect(k.site).toMatchObject({ annunciated: 3, floodPeriods: 0 });
    expect(ids(k.standing)).toEqual([id('b', 'level')]);
    expect(ids(k.shelved)).toEqual([]);
  });

  it('counts only the alarms in a zone-limited operator\'s zones', async () => {
    const k = (await as('operatorA')(`/api/v1/alarm-kpis?from=${FROM}&to=${TO}`)).body;
    expect(k.site).toMatchObject({ annunciated: 4, floodPeriods: 0 });
    expect(k.badActors.map((b: { id: string; annunciated: number }) => [b.id, b.annunciated])).toEqual([[id('a', 'level'), 3], [id('a', 'temp'), 1]]);
    expect([ids(k.standing), ids(k.shelved), ids(k.outOfService)]).toEqual([[], [id('a', 'temp')], []]);
  });

  it('refuses an empty or too long period and unknown parameters with a catalogue error', async () => {
    expect((await as('admin')(`/api/v1/alarm-kpis?from=${FROM}&to=${FROM}`)).body.code).toBe('CW_API_BAD_REQUEST');
    expect((await as('admin')('/api/v1/alarm-kpis?from=-40d')).body.code).toBe('CW_API_BAD_REQUEST');
    expect((await as('admin')('/api/v1/alarm-kpis?form=-1h')).body.code).toBe('CW_API_UNKNOWN_PARAMETER');
  });
});
