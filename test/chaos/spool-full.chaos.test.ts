/**
 * Chaos 6: the ingest spool fills up. The hub caps its spool at 256 KiB
 * (`pipeline: { spool: { maxBytes } }`) while its PostgreSQL historian is down, so the spool cannot
 * drain: once it is full the device must be told — 503 with code CW_PIPELINE_OVERLOADED and a
 * Retry-After header — instead of being acknowledged and dropped. After the database returns, every
 * acknowledged sample must be stored.
 */
import { expect, it } from 'vitest';
import { lostMessage, readStored, report, Tally } from './harness/count.js';
import { PushDevice, type Refusal } from './harness/device.js';
import { baseConfig, HubProcess } from './harness/hub.js';
import { PrivatePostgres, postgresBin } from './harness/postgres.js';
import { sleep, until } from './harness/procs.js';
import { describeWithBinary, FULL, scenarioDir } from './harness/scenario.js';

const TOKEN = 'chaos-device-token-0123456789';
const RATE = 2_000;
const SPOOL_BYTES = 256 * 1024;
/** How long the device may push into a stopped historian before the spool must have said "full". */
const FILL_MS = FULL ? 5 * 60_000 : 60_000;

const isOverloaded = (r: Refusal) => r.status === 503 && r.code === 'CW_PIPELINE_OVERLOADED';

/** Start the hub; a config refused because of pipeline.spool becomes a clear failure. */
async function startWithSpoolCap(hub: HubProcess): Promise<void> {
  try {
    await hub.start();
  } catch (e) {
    const text = String((e as Error).message);
    if (/pipeline/.test(text) && /spool/.test(text)) {
      const problem = text.split('\n').find((l) => /spool/.test(l))?.trim() ?? text;
      throw new Error(`This hub does not know the ingest spool: its config schema refuses pipeline.spool.maxBytes, so the spool cannot be capped and this scenario cannot run. The hub said: ${problem}`);
    }
    throw e;
  }
}

describeWithBinary(postgresBin(), 'PostgreSQL (server binaries under /usr/lib/postgresql)', 'chaos: the ingest spool is full', () => {
  it('answers 503 CW_PIPELINE_OVERLOADED with Retry-After when full, and loses nothing it acknowledged (PostgreSQL)', async () => {
    const dir = scenarioDir('spool-full');
    const pg = await PrivatePostgres.create(`${dir}/pg`);
    const historian = pg.historian();
    const hub = await HubProcess.create(dir, {
      ...baseConfig(),
      sources: [{ id: 'device', kind: 'http-push', zone: 'cell', config: { token: TOKEN, requestsPerSecond: 1000, burst: 1000 }, tags: [{ id: 'seq' }] }],
      historian,
      pipeline: { spool: { maxBytes: SPOOL_BYTES } },
    });
    await startWithSpoolCap(hub);
    const tally = new Tally();
    const base = Date.now() - 3_600_000;
    const device = new PushDevice({ url: () => hub.url, sourceId: 'device', token: TOKEN, tag: 'seq', rate: RATE, batch: 100, base }, tally);
    const load = device.run(60 * 60_000);
    let full = false;
    try {
      await sleep(3_000);
      await pg.stop();
      full = await until(() => device.refusals.some(isOverloaded), FILL_MS, 100);
      await sleep(3_000); // stay full a while: the device keeps being refused, nothing is taken
      await pg.start();
      const acked = tally.summary().acknowledged;
      // The spool drains and takes samples again.
      await until(() => tally.summary().acknowledged > acked + RATE, 120_000, 200);
      await sleep(2_000);
    } finally {
      device.stop();
      await load;
    }
    const exit = await hub.stop(300_000);
    await readStored(historian, hub.dataDir, 'device/seq', { from: base, to: base + tally.summary().sent + 1 }, tally);
    const s = tally.summary();
    const overloaded = device.refusals.filter(isOverloaded);
    const withoutRetryAfter = overloaded.filter((r) => !(Number(r.retryAfter) >= 1));
    report('ingest spool full, historian down (postgres)', s, { '503 CW_PIPELINE_OVERLOADED': overloaded.length, 'of them without Retry-After': withoutRetryAfter.length, 'clean exit': String(exit) });
    expect(full, 'the device was never answered 503 CW_PIPELINE_OVERLOADED while the spool could not drain').toBe(true);
    expect(withoutRetryAfter, 'every 503 CW_PIPELINE_OVERLOADED carries a Retry-After of at least 1 s').toEqual([]);
    expect(s.lost, lostMessage(tally)).toBe(0);
  }, FILL_MS + 8 * 60_000);
});
