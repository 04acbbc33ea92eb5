/** The MQTT source against the embedded broker (aedes): credentials, refusals, a killed broker, a flood. */
import net from 'node:net';
import { Aedes } from 'aedes';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedBroker, type EmbeddedBroker } from '../../broker/index.js';
import { isCausewayError } from '../../core/errors.js';
import { freePort } from '../../test-support/services.js';
import type { MqttConfig } from './index.js';
import { publisher, rejection, rig, uniquePrefix, waitFor, type Rig } from './test-kit.js';

const USER = { username: 'hub', password: 'line-1-secret' };
const HUB_USER = { ...USER, role: 'hub' as const };
const logger = pino({ level: 'silent' });
const cleanup: Array<() => Promise<unknown>> = [];

afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function broker(port?: number): Promise<EmbeddedBroker> {
  const b = await startEmbeddedBroker({ port: port ?? (await freePort()), users: [HUB_USER], logger });
  cleanup.push(() => b.close());
  return b;
}

function source(b: EmbeddedBroker, config: Partial<MqttConfig>, prefix: string): Rig {
  const r = rig({ url: b.url, ...USER, clientId: `cw-${prefix.slice(7)}`, subscriptions: [{ topic: `${prefix}/+line/+machine/telemetry`, tag: '{line}_{machine}_temp', value: '/temp' }], ...config });
  cleanup.push(() => r.source.close());
  return r;
}

describe('MQTT source against the embedded broker', () => {
  it('connects with credentials and names tags from the topic captures', async () => {
    const b = await broker();
    const prefix = uniquePrefix();
    const r = source(b, {}, prefix);
    await r.start();
    const pub = await publisher(b.url, USER);
    cleanup.push(() => pub.endAsync());
    await pub.publishAsync(`${prefix}/L1/filler/telemetry`, JSON.stringify({ temp: 21.5 }), { qos: 1 });
    await pub.publishAsync(`${prefix}/L2/capper/telemetry`, JSON.stringify({ temp: 19 }), { qos: 1 });
    await waitFor(() => r.samples().length === 2, 'two samples');
    expect(r.samples().map((s) => [s.path, s.value, s.quality])).toEqual([
      ['mq/L1_filler_temp', 21.5, 'good'],
      ['mq/L2_capper_temp', 19, 'good'],
    ]);
    expect(r.source.inspect()).toMatchObject({ connected: true, clientId: `cw-${prefix.slice(7)}`, messages: 2 });
  });

  it('refuses a wrong password with a non-retryable auth error', async () => {
    const b = await broker();
    const r = source(b, { password: 'wrong' }, uniquePrefix());
    const e = await rejection(r.source.connect(new AbortController().signal));
    expect(isCausewayError(e, 'CW_SOURCE_AUTH_FAILED')).toBe(true);
    expect(e.retryable).toBe(false);
    expect(e.message).toBe(`The server at 127.0.0.1:${b.port} refused the login of source mq as hub (Bad username or password, code 4).`);
    expect(e.hint).toMatch(/user name and password/);
    expect(JSON.stringify(e.toJSON())).not.toContain('wrong');
  });

  it('reports a refused connection as retryable', async () => {
    const port = await freePort();
    const r = rig({ url: `mqtt://127.0.0.1:${port}`, subscriptions: [{ topic: 'a', tag: 'a' }] });
    const e = await rejection(r.source.connect(new AbortController().signal));
    expect(isCausewayError(e, 'CW_SOURCE_CONNECT_FAILED')).toBe(true);
    expect(e.retryable).toBe(true);
    expect(e.message).toBe(`Cannot reach mq at 127.0.0.1:${port}: the connection was refused (is the broker running on that port?).`);
    await r.source.close();
  });

  it('reports a subscription the broker refuses', async () => {
    // A broker whose ACL refuses every filter under secret/.
    const aedes = await Aedes.createBroker({});
    aedes.authorizeSubscribe = (_client, sub, done) => done(null, sub.topic.startsWith('secret/') ? null : sub);
    const server = net.createServer(aedes.handle);
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    cleanup.push(() => new Promise<void>((resolve) => aedes.close(() => server.close(() => resolve()))));
    const r = rig({ url: `mqtt://127.0.0.1:${port}`, subscriptions: [{ topic: 'open/+x', tag: '{x}' }, { topic: 'secret/+x', tag: '{x}' }] });
    cleanup.push(() => r.source.close());
    const e = await rejection(r.source.connect(new AbortController().signal));
    expect(isCausewayError(e, 'CW_SOURCE_SUBSCRIBE_FAILED'), `${e.code} ${e.message} ${e.detail}`).toBe(true);
    expect(e.message).toBe(`The broker at 127.0.0.1:${port} refused the subscription of source mq to secret/+.`);
    expect(e.retryable).toBe(false);
  });

  it('reports a killed broker through reportError, and connects again once it is back', async () => {
    const first = await broker();
    const prefix = uniquePrefix();
    const r = source(first, {}, prefix);
    await r.start();
    await first.close();
    await waitFor(() => r.errors.length > 0, 'the loss to be reported');
    expect(r.errors).toHaveLength(1);
    expect(isCausewayError(r.errors[0], 'CW_SOURCE_CONNECT_FAILED')).toBe(true);
    expect(r.errors[0]!.message).toContain(`127.0.0.1:${first.port}`);
    expect(r.errors[0]!.retryable).toBe(true);
    // What the supervisor does next: close, then connect again (here once the broker is back).
    await r.source.close();
    const second = await broker(first.port);
    await r.start();
    const pub = await publisher(second.url, USER);
    cleanup.push(() => pub.endAsync());
    await pub.publishAsync(`${prefix}/L1/filler/telemetry`, '{"temp": 7}', { qos: 1 });
    await waitFor(() => r.samples().length === 1, 'a sample after the restart');
    expect(r.samples()[0]).toMatchObject({ path: 'mq/L1_filler_temp', value: 7 });
    expect(r.errors).toHaveLength(1);
  });

  it('delivers a flood of 20,000 messages, all of them, in far fewer batches', async () => {
    const b = await broker();
    const prefix = uniquePrefix();
    const r = source(b, { subscriptions: [{ topic: `${prefix}/+machine/n`, tag: '{machine}', value: '/n' }] }, prefix);
    await r.start();
    const pub = await publisher(b.url, USER);
    cleanup.push(() => pub.endAsync());
    const n = 20_000;
    await Promise.all(Array.from({ length: n }, (_, i) => pub.publishAsync(`${prefix}/m${i % 10}/n`, `{"n": ${i}}`, { qos: 1 })));
    await waitFor(() => r.samples().length >= n, `${n} samples`);
    const values = r.samples().map((s) => s.value as number).sort((x, y) => x - y);
    expect(values).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(r.batches.length).toBeLessThan(n / 10);
    expect(r.source.quarantine().total).toBe(0);
  });
});
