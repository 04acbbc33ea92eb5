/**
 * Alarms in a running hub: values pushed by two devices in two zones raise limit alarms with the
 * devices' timestamps; operators act on their own zone's alarms only, engineers take alarms out
 * of service, everything is audited and sent on the live WebSocket; and an alarm active before a
 * restart is active and unacknowledged after it, without being raised a second time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadCheckedText } from '../src/cli/config-io.js';
import { Hub } from '../src/runtime/hub.js';
import { apiToken } from '../src/test-support/auth.js';
import { asToken } from '../src/test-support/http.js';

const TANK = (z: string) => `acme/springfield/zone-${z}/tank`;
const HI = (z: string) => `${TANK(z)}/level/hi`;
const enc = encodeURIComponent;

const CONFIG = `
site: { enterprise: Acme, name: Springfield, hubZone: ops }
zones: [{ id: zone-a, level: 1 }, { id: zone-b, level: 1 }, { id: ops, level: 3 }]
conduits: [{ from: zone-a, to: ops, allow: [telemetry] }, { from: zone-b, to: ops, allow: [telemetry] }]
sources:
${['a', 'b'].map((z) => `  - { id: push-${z}, kind: http-push, zone: zone-${z}, config: { token: "push-token-of-zone-${z}-0123456789" }, tags: [{ id: level, unit: "%" }] }`).join('\n')}
templates:
  - id: Tank
    attributes:
      - name: level
        type: number
        unit: "%"
        alarms:
          hi: { setpoint: 80, priority: high, correctiveAction: Open the drain valve. }
          deadband: 2
          area: tanks
          cause: Inflow above outflow.
          timeToRespond: 10m
assets:
${['a', 'b'].map((z) => `  - { path: ${TANK(z)}, template: Tank, bindings: { level: push-${z}/level } }`).join('\n')}
historian: { flushInterval: 100ms }
`;

const T0 = Date.parse('2026-12-07T08:00:00Z');
let dir: string;
let hub: Hub;
let url: string;
const tokens = {} as Record<'operatorA' | 'engineer' | 'admin', string>;

async function startHub(): Promise<void> {
  const { config, problems } = loadCheckedText(CONFIG, 'alarms.yaml');
  expect(problems).toEqual([]);
  hub = await Hub.create({ config: config!, dataDir: dir, logger: pino({ level: 'silent' }), port: 0, env: { CAUSEWAY_ADMIN_PASSWORD: 'alarm keeper night shift 2026' }, announce: () => {} });
  url = await hub.start();
  for (let i = 0; i < 100 && !hub.services.sources().every((s) => s.state === 'connected'); i++) await new Promise((r) => setTimeout(r, 50));
}

async function push(z: string, value: number, ts: number): Promise<void> {
  const r = await fetch(`${url}/ingest/push-${z}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer push-token-of-zone-${z}-0123456789` }, body: JSON.stringify({ ts, values: { level: value } }) });
  expect(r.status).toBe(200);
}

const as = (who: keyof typeof tokens) => asToken(tokens[who], url);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'causeway-alarms-'));
  await startHub();
  tokens.operatorA = await apiToken(hub, [{ role: 'operator', zones: ['zone-a'] }], 'operator-a');
  tokens.engineer = await apiToken(hub, 'ot-engineer', 'engineer');
  tokens.admin = await apiToken(hub, 'admin', 'admin');
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe('alarms in a running hub', () => {
  it('raises a limit alarm at the source timestamp of the sample, lists it with its rationalization and sends it live', async () => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/api/v1/live?path=${TANK('a')}`, { headers: { authorization: `Bearer ${tokens.admin}` } });
    const events: Array<{ event: string; id: string; at: number }> = [];
    ws.on('message', (d) => {
      const m = JSON.parse(String(d)) as { type: string; events?: typeof events };
      if (m.type === 'alarms') events.push(...m.events!);
    });
    await new Promise((r) => ws.once('open', r));
    await new Promise((r) => setTimeout(r, 100));
    await push('a', 70, T0);
    await push('a', 85, T0 + 1000);
    await push('b', 90, T0 + 2000);
    const list = await as('admin')('/api/v1/alarms');
    expect(list.status).toBe(200);
    expect(list.body.alarms.map((a: { id: string; state: string; activeAt: number }) => [a.id, a.state, a.activeAt])).toEqual([
      [HI('b'), 'UNACK_ACTIVE', T0 + 2000],
      [HI('a'), 'UNACK_ACTIVE', T0 + 1000],
    ]);
    expect(list.body.alarms[1]).toMatchObject({ priority: 'high', area: 'tanks', value: 85, setpoint: 80, unit: '%', message: `${TANK('a')}/level high: 85 % (limit 80)`, rationalization: { cause: 'Inflow above outflow.', correctiveAction: 'Open the drain valve.', timeToRespondMs: 600_000 } });
    await expect.poll(() => events.map((e) => `${e.event} ${e.id} ${e.at}`), { timeout: 5000 }).toEqual([`activate ${HI('a')} ${T0 + 1000}`]);
    ws.close();
  });

  it('lets an operator acknowledge and shelve in their zone only, and not take an alarm out of service; all audited', async () => {
    const ack = await as('operatorA')(`/api/v1/alarms/${enc(HI('a'))}/ack`, 'POST', { comment: 'drain valve opened' });
    expect(ack).toMatchObject({ status: 200, body: { state: 'ACKED_ACTIVE', acked: { comment: 'drain valve opened' } } });
    expect((await as('operatorA')(`/api/v1/alarms/${enc(HI('b'))}/ack`, 'POST', {})).body.code).toBe('CW_ALARM_NOT_FOUND');
    expect((await as('operatorA')(`/api/v1/alarms/${enc(HI('a'))}/out-of-service`, 'POST', { reason: 'x' })).status).toBe(403);
    // Only the zone's alarm is listed for the zone-limited operator.
    expect((await as('operatorA')('/api/v1/alarms')).body.alarms.map((a: { id: string }) => a.id)).toEqual([HI('a')]);
    const shelve = await as('operatorA')(`/api/v1/alarms/${enc(HI('a'))}/shelve`, 'POST', { duration: '30m', reason: 'level transmitter being checked' });
    expect(shelve).toMatchObject({ status: 200, body: { state: 'SHELVED', shelved: { reason: 'level transmitter being checked' } } });
    expect(shelve.body.shelved.until - shelve.body.shelved.at).toBe(1_800_000);
    expect((await as('operatorA')(`/api/v1/alarms/${enc(HI('a'))}/shelve`, 'POST', { duration: '2d', reason: 'r' })).body.code).toBe('CW_ALARM_SHELVE_TOO_LONG');
    const unshelved = await as('operatorA')(`/api/v1/alarms/${enc(HI('a'))}/unshelve`, 'POST');
    expect(unshelved.body, JSON.stringify(unshelved.body)).toMatchObject({ state: 'UNACK_ACTIVE' });
    const oos = await as('engineer')(`/api/v1/alarms/${enc(HI('a'))}/out-of-service`, 'POST', { reason: 'transmitter removed for calibration' });
    expect(oos).toMatchObject({ status: 200, body: { state: 'OUT_OF_SERVICE', outOfService: { reason: 'transmitter removed for calibration' } } });
    expect((await as('operatorA')(`/api/v1/alarms/${enc(HI('a'))}/shelve`, 'POST', { duration: '5m', reason: 'r' })).body.code).toBe('CW_ALARM_STATE');
    expect((await as('engineer')(`/api/v1/alarms/${enc(HI('a'))}/in-service`, 'POST')).body.state).toBe('UNACK_ACTIVE');
    const audit = hub.security.audit.query({ limit: 100 }).filter((r) => r.action.startsWith('alarm.')).reverse().map((r) => `${r.action} ${r.outcome}`);
    expect(audit).toEqual(['alarm.ack success', 'alarm.shelve success', 'alarm.shelve failure', 'alarm.unshelve success', 'alarm.out-of-service success', 'alarm.shelve failure', 'alarm.in-service success']);
    const journal = await as('admin')(`/api/v1/alarm-journal?path=${TANK('a')}&from=${T0}`);
    expect(journal.body.entries.map((e: { event: string; to: string }) => `${e.event}:${e.to}`).reverse()).toEqual([
      'activate:UNACK_ACTIVE', 'ack:ACKED_ACTIVE', 'shelve:SHELVED', 'unshelve:UNACK_ACTIVE', 'out-of-service:OUT_OF_SERVICE', 'in-service:UNACK_ACTIVE',
    ]);
  });

  it('keeps an active alarm over a restart: still active and unacknowledged, not raised twice', async () => {
    await hub.stop();
    await startHub();
    expect((await as('admin')(`/api/v1/alarms?path=${TANK('b')}`)).body.alarms).toMatchObject([{ id: HI('b'), state: 'UNACK_ACTIVE', activeAt: T0 + 2000 }]);
    await push('b', 95, T0 + 60_000);
    await push('b', 79, T0 + 61_000); // inside the deadband: still active
    const count = async () => (await as('admin')(`/api/v1/alarm-journal?path=${TANK('b')}&from=${T0}&state=UNACK_ACTIVE`)).body.entries.length;
    expect(await count()).toBe(1);
    await push('b', 70, T0 + 62_000);
    expect((await as('admin')(`/api/v1/alarms?path=${TANK('b')}`)).body.alarms).toMatchObject([{ state: 'RTN_UNACK', value: 70 }]);
    expect(await count()).toBe(1);
  });
});
