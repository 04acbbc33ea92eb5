/**
 * Chaos 2: kill -9 of the hub during MQTT QoS 1 ingest. A publisher sends one QoS 1 message per
 * seq to a private Mosquitto; the hub's MQTT source subscribes with QoS 1 in a persistent session
 * (clean: false), so the broker keeps every message the hub has not PUBACKed and redelivers it after
 * the restart. Every seq the broker PUBACKed to the publisher must therefore end up stored. On both
 * historian backends.
 */
import { describe, expect, it } from 'vitest';
import type { HistorianConfig } from '../../src/config/schema.js';
import { describeWithService } from '../../src/test-support/services.js';
import { MOSQUITTO_BIN, PrivateMosquitto } from './harness/brokers.js';
import { lostMessage, readStored, report, Tally } from './harness/count.js';
import { baseConfig, currentValue, HubProcess } from './harness/hub.js';
import { MqttPublisher } from './harness/mqtt-publisher.js';
import { sleep, until } from './harness/procs.js';
import { describeWithBinary, FULL, onCleanup, randomMs, scenarioDir, sharedPostgresSchema } from './harness/scenario.js';

const RATE = 500;
const KILLS = FULL ? 5 : 1;
const TOPIC = 'chaos/device/seq';

async function killDuringMqtt(name: string, historian: HistorianConfig | undefined): Promise<void> {
  const dir = scenarioDir(name);
  const broker = await PrivateMosquitto.create(`${dir}/mosquitto`);
  const hub = await HubProcess.create(dir, {
    ...baseConfig(),
    sources: [{
      id: 'broker', kind: 'mqtt', zone: 'cell',
      config: { url: broker.url, clientId: 'causeway-chaos', clean: false, qos: 1, subscriptions: [{ topic: TOPIC, tag: 'seq', value: '/seq', timestamp: '/ts' }] },
      tags: [],
    }],
    ...(historian ? { historian } : {}),
  });
  await hub.start();
  // The hub's session must exist on the broker before the first publish, or the broker keeps nothing for it.
  expect(await until(async () => (await hub.sourceState('broker')) === 'connected', 30_000), `the MQTT source did not connect:\n${hub.tail()}`).toBe(true);
  const tally = new Tally();
  const base = Date.now() - 3_600_000;
  const publisher = await MqttPublisher.connect(broker.url, tally);
  onCleanup(() => publisher.close());
  const load = publisher.run(TOPIC, RATE, base, 60 * 60_000);
  try {
    await sleep(3_000);
    for (let k = 0; k < KILLS; k++) {
      await sleep(randomMs(0, 3_000));
      await hub.kill();
      await hub.start();
      await sleep(randomMs(500, 2_000));
    }
    await sleep(3_000);
  } finally {
    publisher.stop();
    await load;
    await publisher.close();
  }
  // Let the hub take what the broker still holds for it: the last seq shows up in /values.
  const last = publisher.count - 1;
  const caughtUp = await until(async () => (await currentValue(hub, 'broker/seq')) === last, 60_000, 200);
  const exit = await hub.stop();
  await readStored(historian, hub.dataDir, 'broker/seq', { from: base, to: base + publisher.count + 1 }, tally);
  const s = tally.summary();
  report(`kill -9 during MQTT QoS 1 ingest (${historian?.kind ?? 'duckdb'})`, s, { kills: KILLS, 'caught up': String(caughtUp), 'clean exit': String(exit) });
  expect(s.acknowledged).toBeGreaterThan(0);
  // Until the hub has taken the broker's backlog, a missing seq may still be waiting on the broker.
  expect(caughtUp, `the hub did not get to seq ${last} within 60 s of the last publish:\n${hub.tail()}`).toBe(true);
  expect(s.lost, lostMessage(tally)).toBe(0);
}

const TIMEOUT = (FULL ? 10 : 3) * 60_000;

describeWithBinary(MOSQUITTO_BIN, 'mosquitto', 'chaos: kill -9 of the hub during MQTT QoS 1 ingest', () => {
  it('stores every message the broker took for the hub (DuckDB)', () => killDuringMqtt('mqtt-duckdb', undefined), TIMEOUT);
});

await describeWithService('postgres', 'chaos: kill -9 of the hub during MQTT QoS 1 ingest, PostgreSQL historian', () => {
  const historian = sharedPostgresSchema();
  describe.runIf(MOSQUITTO_BIN)('with a private Mosquitto', () => {
    it('stores every message the broker took for the hub (PostgreSQL)', () => killDuringMqtt('mqtt-postgres', historian), TIMEOUT);
  });
});
