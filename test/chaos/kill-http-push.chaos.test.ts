/**
 * Chaos 1: kill -9 of the hub while a device pushes over HTTP. The device retries each request
 * until it gets 200; every sample it got a 200 for must be stored after the hub was started again
 * on the same data dir. On both historian backends (DuckDB in the data dir, PostgreSQL).
 */
import { describe, expect, it } from 'vitest';
import type { HistorianConfig } from '../../src/config/schema.js';
import { describeWithService } from '../../src/test-support/services.js';
import { lostMessage, readStored, report, Tally } from './harness/count.js';
import { PushDevice } from './harness/device.js';
import { baseConfig, HubProcess } from './harness/hub.js';
import { sleep } from './harness/procs.js';
import { FULL, randomMs, scenarioDir, sharedPostgresSchema } from './harness/scenario.js';

const TOKEN = 'chaos-device-token-0123456789';
const RATE = 500;
const KILLS = FULL ? 5 : 1;
/** Load before the first kill and after the last restart. */
const LEAD_MS = 3_000;
const TAIL_MS = 3_000;

/** The device pushes; the hub is killed at random moments and started again; returns the tally. */
async function killDuringPush(name: string, historian: HistorianConfig | undefined): Promise<void> {
  const hub = await HubProcess.create(scenarioDir(name), {
    ...baseConfig(),
    sources: [{ id: 'device', kind: 'http-push', zone: 'cell', config: { token: TOKEN, requestsPerSecond: 1000, burst: 1000 }, tags: [{ id: 'seq' }] }],
    ...(historian ? { historian } : {}),
  });
  await hub.start();
  const tally = new Tally();
  const base = Date.now() - 3_600_000;
  const device = new PushDevice({ url: () => hub.url, sourceId: 'device', token: TOKEN, tag: 'seq', rate: RATE, batch: 25, base }, tally);
  const load = device.run(60 * 60_000);
  const killedAt: number[] = [];
  try {
    await sleep(LEAD_MS);
    for (let k = 0; k < KILLS; k++) {
      await sleep(randomMs(0, 3_000));
      killedAt.push(tally.summary().acknowledged);
      await hub.kill();
      await hub.start();
      await sleep(randomMs(500, 2_000));
    }
    await sleep(TAIL_MS);
  } finally {
    device.stop();
    await load;
  }
  const t1 = Date.now();
  const exit = await hub.stop();
  const stopMs = Date.now() - t1;
  await readStored(historian, hub.dataDir, 'device/seq', { from: base, to: base + tally.summary().sent + 1 }, tally);
  const s = tally.summary();
  report(`kill -9 during HTTP push (${historian?.kind ?? 'duckdb'})`, s, { kills: KILLS, 'acknowledged when killed': killedAt.join(','), 'clean exit': String(exit), 'start ms': hub.startMs.join(','), 'stop ms': stopMs });
  expect(s.acknowledged).toBeGreaterThan(0);
  expect(s.lost, lostMessage(tally)).toBe(0);
}

const TIMEOUT = (FULL ? 10 : 2) * 60_000;

describe('chaos: kill -9 of the hub during HTTP push', () => {
  it('stores every acknowledged sample (DuckDB)', () => killDuringPush('push-duckdb', undefined), TIMEOUT);
});

await describeWithService('postgres', 'chaos: kill -9 of the hub during HTTP push, PostgreSQL historian', () => {
  const historian = sharedPostgresSchema();
  it('stores every acknowledged sample (PostgreSQL)', () => killDuringPush('push-postgres', historian), TIMEOUT);
});
