/**
 * A known alarm history for the KPI tests (integration and console): two tanks in two zones, each
 * with a level (area tanks, high priority) and a temperature (area heating, low priority) alarm,
 * pushed over HTTP with the devices' timestamps relative to T0:
 * - zone A level: 3 activations within 20 s at T0 + 60..85 s (chattering);
 * - zone B temperature: 11 activations 50 s apart from T0 + 20 min (a flood);
 * - zone A temperature: raised at T0 + 30 min;
 * - zone B level: raised 25 h before T0 and still active (stale).
 */
import { expect } from 'vitest';

export const TANK = (z: string) => `acme/springfield/zone-${z}/tank`;

export function alarmKpiConfig(extra = ''): string {
  return `
site: { enterprise: Acme, name: Springfield, hubZone: ops }
zones: [{ id: zone-a, level: 1 }, { id: zone-b, level: 1 }, { id: ops, level: 3 }]
conduits: [{ from: zone-a, to: ops, allow: [telemetry] }, { from: zone-b, to: ops, allow: [telemetry] }]
sources:
${['a', 'b'].map((z) => `  - { id: push-${z}, kind: http-push, zone: zone-${z}, config: { token: "push-token-of-zone-${z}-0123456789", requestsPerSecond: 1000 }, tags: [{ id: level, unit: "%" }, { id: temp, unit: degC }] }`).join('\n')}
templates:
  - id: Tank
    attributes:
      - name: level
        type: number
        unit: "%"
        alarms: { hi: 80, deadband: 2, priority: high, area: tanks }
      - name: temp
        type: number
        unit: degC
        alarms: { hi: 50, deadband: 1, priority: low, area: heating }
assets:
${['a', 'b'].map((z) => `  - { path: ${TANK(z)}, template: Tank, bindings: { level: push-${z}/level, temp: push-${z}/temp } }`).join('\n')}
historian: { flushInterval: 100ms }
${extra}`;
}

async function push(url: string, z: string, values: Record<string, number>, ts: number): Promise<void> {
  const r = await fetch(`${url}/ingest/push-${z}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer push-token-of-zone-${z}-0123456789` }, body: JSON.stringify({ ts, values }) });
  expect(r.status).toBe(200);
}

export async function pushHistory(url: string, t0: number): Promise<void> {
  const M = 60_000;
  await push(url, 'b', { level: 90 }, t0 - 25 * 60 * M);
  await push(url, 'a', { level: 70 }, t0 + 50_000);
  for (const [i, v] of [85, 70, 85, 70, 85, 70].entries()) await push(url, 'a', { level: v }, t0 + 60_000 + i * 5000);
  for (let k = 0; k < 11; k++) {
    await push(url, 'b', { temp: 60 }, t0 + 20 * M + k * 50_000);
    await push(url, 'b', { temp: 40 }, t0 + 20 * M + k * 50_000 + 20_000);
  }
  await push(url, 'a', { temp: 60 }, t0 + 30 * M);
}
