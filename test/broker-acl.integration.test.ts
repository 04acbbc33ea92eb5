/**
 * The embedded broker's ACLs with the demo's own logins, over real MQTT connections: what each
 * login may subscribe to and publish, that a refused publish (plain, retained or a Will) never
 * reaches a subscriber, and that denials are counted and reported, throttled.
 *
 * A refused publish closes the publisher's connection (MQTT 3.1.1 has no negative PUBACK). To know
 * that a refused message was not delivered without waiting an arbitrary time, the hub publishes a
 * sentinel afterwards: a privileged watcher that has seen the sentinel would have seen the message.
 */
import { randomBytes } from 'node:crypto';
import { connectAsync, ErrorWithSubackPacket, type IClientOptions, type MqttClient } from 'mqtt';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedBroker, type BrokerUserConfig, type DenialReport, type EmbeddedBroker } from '../src/broker/index.js';
import { DEMO_MQTT_USERS, demoBroker } from '../src/demo/protocol-sources.js';
import { SPARKPLUG_GROUP, SPARKPLUG_NODE } from '../src/demo/sparkplug-model.js';
import { freePort } from '../src/test-support/services.js';

const silent = pino({ level: 'silent' });
const ADMIN = 'broker-admin';
const { hub: HUB, edge: EDGE, uns: UNS, reader: READER } = DEMO_MQTT_USERS;
const LOGINS = [READER, EDGE, UNS, HUB, ADMIN] as const;
type Login = (typeof LOGINS)[number];
const password = Object.fromEntries(LOGINS.map((l) => [l, randomBytes(12).toString('hex')])) as Record<Login, string>;

const sp = (type: string, node: string, device?: string) => `spBv1.0/${SPARKPLUG_GROUP}/${type}/${node}${device ? `/${device}` : ''}`;
const OWN_NDATA = sp('NDATA', SPARKPLUG_NODE);
const OTHER_NDATA = sp('NDATA', 'Other-Edge');
const NCMD = sp('NCMD', SPARKPLUG_NODE);
const DCMD = sp('DCMD', 'Other-Edge', 'Dev1');

/** The demo's broker users with test passwords, and an admin the demo does not have. */
function users(): BrokerUserConfig[] {
  const demo = demoBroker({ opcua: { port: 0 }, modbus: { port: 0 }, broker: { port: 0 } }).users ?? [];
  return [...demo.map((u) => ({ ...u, password: password[u.username as Login] })), { username: ADMIN, password: password[ADMIN], role: 'admin' }];
}

const clients: MqttClient[] = [];
let seq = 0;

async function connect(login: Login, extra: IClientOptions = {}): Promise<MqttClient> {
  const c = await connectAsync(broker.url, { username: login, password: password[login], reconnectPeriod: 0, clientId: `${login}-${++seq}`, ...extra });
  c.on('error', () => undefined);
  clients.push(c);
  return c;
}

/** SUBACK return codes: the granted QoS, or 128 where the broker refused the filter. */
async function granted(c: MqttClient, topics: string[]): Promise<number[]> {
  try {
    return (await c.subscribeAsync(topics, { qos: 1 })).map((g) => g.qos);
  } catch (e) {
    if (e instanceof ErrorWithSubackPacket && 'granted' in e.packet) return e.packet.granted as number[];
    throw e;
  }
}

type Message = { topic: string; payload: string; retain: boolean };

/** Things that arrive (messages, denial reports), and a way to wait for one. */
class Arrivals<T> {
  readonly seen: T[] = [];
  #waiters: Array<() => void> = [];

  push(item: T): void {
    this.seen.push(item);
    for (const w of this.#waiters.splice(0)) w();
  }

  /** Resolves with everything from `from` up to and including the first item that passes `test`. */
  async until(test: (item: T) => boolean, from = 0): Promise<T[]> {
    for (;;) {
      const i = this.seen.findIndex((m, j) => j >= from && test(m));
      if (i >= 0) return this.seen.slice(from, i + 1);
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }
}

/** The messages a client receives. */
function inbox(c: MqttClient): Arrivals<Message> {
  const a = new Arrivals<Message>();
  c.on('message', (topic, payload, packet) => a.push({ topic, payload: payload.toString(), retain: packet.retain }));
  return a;
}

let broker: EmbeddedBroker;
let hub: MqttClient;
let watch: Arrivals<Message>;
const reports = new Arrivals<DenialReport>();

/** Publish a sentinel as the hub and wait until the watcher (admin, reading #) has it: everything before it has arrived. */
async function sentinel(): Promise<Array<{ topic: string; payload: string }>> {
  const mark = `sentinel-${++seq}`;
  await hub.publishAsync('sentinel/x', mark, { qos: 1 });
  return watch.until((m) => m.payload === mark);
}

/** Publish once as `login`: allowed (PUBACK) or denied (the broker closed the connection). */
async function publishAs(login: Login, topic: string, payload: string, retain = false): Promise<'allowed' | 'denied'> {
  const c = await connect(login);
  const closed = new Promise<'denied'>((resolve) => c.once('close', () => resolve('denied')));
  const outcome = await Promise.race([c.publishAsync(topic, payload, { qos: 1, retain }).then(() => 'allowed' as const), closed]);
  c.end(true);
  return outcome;
}

beforeAll(async () => {
  broker = await startEmbeddedBroker({ host: '127.0.0.1', port: await freePort(), users: users(), logger: silent, denialWindowMs: 0, onDenied: (d) => reports.push(d) });
  hub = await connect(HUB);
  const watcher = await connect(ADMIN);
  watch = inbox(watcher);
  expect(await granted(watcher, ['#'])).toEqual([1]);
});

afterAll(async () => {
  for (const c of clients) c.end(true);
  await broker?.close();
});

describe('broker ACLs for the demo logins', () => {
  const Y = 'allowed';
  const N = 'denied';

  it('lets each login subscribe only where its ACL lets it read', async () => {
    const table = [
      // login     #  uns/#  $SYS/#  spBv1.0/#  the compressor's NCMD
      [READER, [N, Y, N, N, N]],
      [EDGE, [N, N, N, N, Y]],
      [UNS, [N, N, N, N, N]],
      [HUB, [Y, Y, N, Y, Y]],
      [ADMIN, [Y, Y, Y, Y, Y]],
    ] as const;
    for (const [login, expected] of table) {
      const codes = await granted(await connect(login), ['#', 'uns/#', '$SYS/#', 'spBv1.0/#', NCMD]);
      expect(codes.map((q) => (q === 128 ? N : Y)), login).toEqual(expected);
    }
  });

  const ACTIONS = [
    ['uns/x', false],
    ['uns/x', true],
    [NCMD, false],
    [DCMD, false],
    [OWN_NDATA, false],
    [OTHER_NDATA, false],
  ] as const;

  it('lets each login publish only where its ACL lets it write; a refused message reaches nobody', async () => {
    const table = [
      // login     uns/x  retained uns/x  NCMD  DCMD  NDATA (compressor's node)  NDATA (another node)
      [READER, [N, N, N, N, N, N]],
      [EDGE, [N, N, N, N, Y, N]],
      [UNS, [Y, Y, N, N, N, N]],
      [HUB, [Y, Y, Y, Y, Y, Y]],
      [ADMIN, [N, N, N, N, N, N]],
    ] as const;
    for (const [login, expected] of table) {
      const outcomes: string[] = [];
      const marks: string[] = [];
      for (const [topic, retain] of ACTIONS) {
        const mark = `${login}|${topic}|${retain}|${++seq}`;
        marks.push(mark);
        outcomes.push(await publishAs(login, topic, mark, retain));
      }
      expect(outcomes, `${login}: what the broker answered`).toEqual(expected);
      const delivered = new Set((await sentinel()).map((m) => m.payload));
      expect(marks.map((m) => (delivered.has(m) ? Y : N)), `${login}: what reached the watcher`).toEqual(expected);
    }
  });

  it("keeps a retained UNS value from being overwritten by anyone but the hub, Wills included; an edge node's own Will goes out", async () => {
    await hub.publishAsync('uns/line1/speed', '500', { qos: 1, retain: true });
    for (const login of [READER, EDGE, ADMIN] as const) expect(await publishAs(login, 'uns/line1/speed', `9999 from ${login}`, true)).toBe('denied');
    const from = reports.seen.length;
    const liar = await connect(READER, { will: { topic: 'uns/line1/speed', payload: Buffer.from('will-fake'), qos: 1, retain: true } });
    liar.end(true); // no DISCONNECT: the broker publishes the Will, or here refuses it
    expect((await reports.until((r) => r.will === true, from)).at(-1)).toMatchObject({ action: 'publish', username: READER, topic: 'uns/line1/speed', retain: true, will: true });
    expect((await sentinel()).map((m) => m.payload)).not.toContain('will-fake');
    const fresh = await connect(READER);
    const got = inbox(fresh);
    await fresh.subscribeAsync('uns/line1/speed', { qos: 1 });
    expect((await got.until(() => true))[0]).toEqual({ topic: 'uns/line1/speed', payload: '500', retain: true });
    const edge = await connect(EDGE, { will: { topic: sp('NDEATH', SPARKPLUG_NODE), payload: Buffer.from('ndeath-will'), qos: 1, retain: false } });
    edge.end(true);
    expect((await watch.until((m) => m.payload === 'ndeath-will')).at(-1)).toMatchObject({ topic: sp('NDEATH', SPARKPLUG_NODE) });
  });

  it('never delivers through a refused subscription', async () => {
    const reader = await connect(READER);
    const got = inbox(reader);
    expect(await granted(reader, ['#', 'uns/#'])).toEqual([128, 1]);
    await hub.publishAsync('plant/secret', 'secret', { qos: 1 });
    await hub.publishAsync('uns/done', 'uns-sentinel', { qos: 1 });
    // Retained UNS values from the tests above come first; nothing from outside uns/ ever does.
    const topics = (await got.until((m) => m.payload === 'uns-sentinel')).map((m) => m.topic);
    expect(topics.at(-1)).toBe('uns/done');
    expect(topics.filter((t) => !t.startsWith('uns/'))).toEqual([]);
  });

  it('counts each denial and reports it with who, what and where', async () => {
    const before = broker.denials();
    const from = reports.seen.length;
    const reader = await connect(READER);
    expect(await granted(reader, ['#'])).toEqual([128]);
    expect(await publishAs(READER, NCMD, 'rebirth?')).toBe('denied');
    expect(await reports.until((r) => r.action === 'publish', from)).toEqual([
      { action: 'subscribe', username: READER, clientId: reader.options.clientId, address: '127.0.0.1', topic: '#', suppressed: 0 },
      { action: 'publish', username: READER, clientId: expect.stringMatching(/^uns-reader-/), address: '127.0.0.1', topic: NCMD, retain: false, will: false, suppressed: 0 },
    ]);
    expect(broker.denials()).toEqual({ publish: before.publish + 1, subscribe: before.subscribe + 1 });
  });
});

describe('broker denials under a flood', () => {
  it('counts every denial and reports the first at once, the rest as one summary', async () => {
    const flood: DenialReport[] = [];
    const b = await startEmbeddedBroker({ host: '127.0.0.1', port: await freePort(), users: users(), logger: silent, onDenied: (d) => flood.push(d) });
    try {
      const c = await connectAsync(b.url, { username: READER, password: password[READER], reconnectPeriod: 0 });
      const filters = Array.from({ length: 50 }, (_, i) => `plant/${i}/#`);
      expect(await granted(c, filters)).toEqual(filters.map(() => 128));
      await c.endAsync();
      expect(b.denials()).toEqual({ publish: 0, subscribe: 50 });
      expect(flood.map((r) => [r.topic, r.suppressed])).toEqual([['plant/0/#', 0]]);
    } finally {
      await b.close();
    }
    expect(flood.map((r) => [r.topic, r.suppressed])).toEqual([['plant/0/#', 0], ['plant/49/#', 49]]);
  });
});
