/**
 * Chaos 3: kill -9 of the hub during OPC UA ingest. A node-opcua server counts a variable up every
 * 20 ms; the hub subscribes to it. OPC UA has no acknowledgement a device could see, so what counts
 * as acknowledged is what the hub showed: every value a client read in /api/v1/values before the
 * kill (polled every 50 ms) must be stored.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/sources/opcua/__fixtures__/server.mjs';
import { freePort } from '../../src/test-support/services.js';
import { lostMessage, readStored, report, Tally } from './harness/count.js';
import { baseConfig, currentValue, HubProcess } from './harness/hub.js';
import { sleep, until } from './harness/procs.js';
import { FULL, onCleanup, randomMs, scenarioDir } from './harness/scenario.js';

/** Two in CI: one kill loses only the values shown since the last historian flush, which can be none. */
const KILLS = FULL ? 5 : 2;
const PATH = 'plc/counter';

/** Read /values every 50 ms while `running()`; every value seen is acknowledged. */
async function watch(hub: HubProcess, tally: Tally, running: () => boolean): Promise<void> {
  while (running()) {
    const v = await currentValue(hub, PATH);
    if (typeof v === 'number') tally.acknowledged(v);
    await sleep(50);
  }
}

describe('chaos: kill -9 of the hub during OPC UA ingest', () => {
  it('stores every value the hub showed before the kill (DuckDB)', async () => {
    const dir = scenarioDir('opcua');
    const t0 = Date.now();
    const server: TestServer = await startTestServer({ port: await freePort(), pkiDir: join(dir, 'server-pki'), counterMs: 20 });
    onCleanup(() => server.stop());
    console.log(`[chaos] OPC UA test server up in ${Date.now() - t0} ms`);
    const hub = await HubProcess.create(dir, {
      ...baseConfig(),
      sources: [{
        id: 'plc', kind: 'opcua', zone: 'cell',
        config: { endpointUrl: server.url, securityMode: 'None', publishingInterval: '100ms', samplingInterval: '20ms', queueSize: 100 },
        tags: [{ id: 'counter', nodeId: 'ns=1;s=Line1.Counter' }],
      }],
    });
    const from = Date.now() - 60_000;
    await hub.start();
    const tally = new Tally();
    let watching = true;
    const watcher = watch(hub, tally, () => watching);
    const seen = () => tally.summary().acknowledged;
    try {
      expect(await until(() => seen() > 0, 30_000), `no value of ${PATH} in /values:\n${hub.tail()}`).toBe(true);
      await sleep(2_000);
      for (let k = 0; k < KILLS; k++) {
        await sleep(randomMs(0, 3_000));
        await hub.kill();
        await hub.start();
        const before = seen();
        // Values flow again before the next kill (or the end).
        await until(() => seen() > before + 20, 30_000);
      }
      await sleep(2_000);
    } finally {
      watching = false;
      await watcher;
    }
    const exit = await hub.stop();
    const counted = Number(server.get('Counter'));
    for (let i = 1; i <= counted; i++) tally.sent(i);
    await readStored(undefined, hub.dataDir, PATH, { from, to: Date.now() + 60_000 }, tally);
    const s = tally.summary();
    report('kill -9 during OPC UA ingest (duckdb)', s, { kills: KILLS, 'clean exit': String(exit) });
    expect(s.acknowledged).toBeGreaterThan(0);
    expect(s.lost, lostMessage(tally)).toBe(0);
  }, (FULL ? 10 : 2) * 60_000);
});
