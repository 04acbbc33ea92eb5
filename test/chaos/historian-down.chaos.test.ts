/**
 * Chaos 4: the PostgreSQL historian goes down while a device pushes 2,000 samples/s over HTTP —
 * 60 s in CI, 10 minutes with CHAOS_FULL=1 — and comes back. The database is a private instance
 * started by the test. Every sample acknowledged with 200 must be stored once the database is back
 * (or, if the hub cannot hold them, it must have refused them with 503, never acknowledged and dropped).
 */
import { expect, it } from 'vitest';
import { lostMessage, readStored, report, Tally } from './harness/count.js';
import { PushDevice } from './harness/device.js';
import { baseConfig, HubProcess } from './harness/hub.js';
import { PrivatePostgres, postgresBin } from './harness/postgres.js';
import { sleep } from './harness/procs.js';
import { describeWithBinary, FULL, scenarioDir } from './harness/scenario.js';

const TOKEN = 'chaos-device-token-0123456789';
const RATE = 2_000;
const OUTAGE_MS = FULL ? 10 * 60_000 : 60_000;

describeWithBinary(postgresBin(), 'PostgreSQL (server binaries under /usr/lib/postgresql)', 'chaos: historian PostgreSQL down during ingest', () => {
  it(`stores every acknowledged sample after a ${OUTAGE_MS / 1000} s outage at ${RATE} samples/s (PostgreSQL)`, async () => {
    const dir = scenarioDir('pg-down');
    const pg = await PrivatePostgres.create(`${dir}/pg`);
    const historian = pg.historian();
    const hub = await HubProcess.create(dir, {
      ...baseConfig(),
      sources: [{ id: 'device', kind: 'http-push', zone: 'cell', config: { token: TOKEN, requestsPerSecond: 1000, burst: 1000 }, tags: [{ id: 'seq' }] }],
      historian,
    });
    await hub.start();
    const tally = new Tally();
    const base = Date.now() - 3_600_000;
    const device = new PushDevice({ url: () => hub.url, sourceId: 'device', token: TOKEN, tag: 'seq', rate: RATE, batch: 100, base, maxRetryMs: OUTAGE_MS + 5 * 60_000 }, tally);
    const load = device.run(60 * 60_000);
    try {
      await sleep(3_000);
      await pg.stop();
      await sleep(OUTAGE_MS);
      await pg.start();
      await sleep(3_000);
    } finally {
      device.stop();
      await load;
    }
    const exit = await hub.stop(300_000);
    await readStored(historian, hub.dataDir, 'device/seq', { from: base, to: base + tally.summary().sent + 1 }, tally);
    const s = tally.summary();
    const overloaded = device.refusals.filter((r) => r.code === 'CW_PIPELINE_OVERLOADED').length;
    report(`historian PostgreSQL down ${OUTAGE_MS / 1000} s at ${RATE}/s (postgres)`, s, { '503 overloaded': overloaded, 'clean exit': String(exit) });
    expect(s.acknowledged).toBeGreaterThan(0);
    expect(s.lost, lostMessage(tally)).toBe(0);
  }, OUTAGE_MS + 8 * 60_000);
});

