/** The NATS sink against a real JetStream server: stream creation, order, deduplication, conflicts, lost links. */
import net, { type Socket } from 'node:net';
import { connect, nanos, type JetStreamManager, type NatsConnection } from 'nats';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isCausewayError } from '../../core/errors.js';
import type { Sample } from '../../core/sample.js';
import { describeWithService, freePort } from '../../test-support/services.js';
import { rejectionOf, testSinkContext, uniqueName } from '../shared/test-kit.js';
import { natsSink, type NatsSinkConfig } from './index.js';

const SERVER = 'nats://127.0.0.1:4222';
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

function samples(path: string, n: number, t0 = 1_700_000_000_000): Sample[] {
  return Array.from({ length: n }, (_, i) => ({ path, value: i * 1.5, ts: t0 + i * 1000, quality: 'good' as const }));
}

await describeWithService('nats', 'NATS sink on JetStream', () => {
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  beforeAll(async () => {
    nc = await connect({ servers: SERVER, reconnect: false });
    jsm = await nc.jetstreamManager();
  });
  afterAll(async () => {
    await nc?.close();
  });

  /** A unique stream and subject prefix for one test, deleted afterwards. */
  function names(): { stream: string; subjectPrefix: string } {
    const stream = uniqueName('CW_TEST');
    cleanups.push(() => jsm.streams.delete(stream));
    return { stream, subjectPrefix: `cwtest.${uniqueName('p')}` };
  }

  async function connected(config: NatsSinkConfig, units: Record<string, string> = {}) {
    const { ctx, logs } = testSinkContext({ id: 'js', units });
    const sink = natsSink.create({ servers: SERVER, ...config }, ctx);
    cleanups.push(() => sink.close());
    await sink.connect(new AbortController().signal);
    return { sink, logs };
  }

  it('creates the stream and stores every sample in order, with subject, payload and message id', async () => {
    const n = names();
    const { sink } = await connected({ ...n, maxInFlight: 5 }, { 'acme/line1/filler/speed': 'bpm' });
    const info = await jsm.streams.info(n.stream);
    expect(info.config.subjects).toEqual([`${n.subjectPrefix}.>`]);
    expect(info.config.storage).toBe('file');

    const batch = [...samples('acme/line1/filler/speed', 20), { path: 'plc1/running', value: true, ts: 1_700_000_100_000, quality: 'uncertain' as const }];
    await sink.send(batch);

    const consumer = await nc.jetstream().consumers.get(n.stream);
    const got: Array<{ subject: string; msgId: string | undefined; body: unknown }> = [];
    const messages = await consumer.fetch({ max_messages: batch.length, expires: 5000 });
    for await (const m of messages) got.push({ subject: m.subject, msgId: m.headers?.get('Nats-Msg-Id'), body: m.json() });
    expect(got).toHaveLength(batch.length);
    expect(got.map((g) => (g.body as { value: unknown }).value)).toEqual(batch.map((s) => s.value));
    expect(got[0]).toEqual({
      subject: `${n.subjectPrefix}.acme.line1.filler.speed`,
      msgId: 'acme/line1/filler/speed:1700000000000',
      body: { path: 'acme/line1/filler/speed', value: 0, timestamp: 1_700_000_000_000, quality: 'good', unit: 'bpm' },
    });
    expect(got.at(-1)!.body).toEqual({ path: 'plc1/running', value: true, timestamp: 1_700_000_100_000, quality: 'uncertain' });
  });

  it('stores a batch sent twice (a retry) once, by message id', async () => {
    const n = names();
    const { sink } = await connected(n);
    const batch = samples('acme/line1/capper/torque', 12);
    await sink.send(batch);
    await sink.send(batch);
    expect((await jsm.streams.info(n.stream)).state.messages).toBe(12);
    await sink.send(samples('acme/line1/capper/torque', 3, 1_800_000_000_000));
    expect((await jsm.streams.info(n.stream)).state.messages).toBe(15);
  });

  it('leaves an existing stream that captures the subjects as it is', async () => {
    const n = names();
    await jsm.streams.add({ name: n.stream, subjects: [`${n.subjectPrefix}.>`, 'cwtest.audit'], max_age: nanos(3_600_000) });
    const { sink, logs } = await connected({ ...n, maxAge: '7d' });
    await sink.send(samples('a/b', 2));
    const info = await jsm.streams.info(n.stream);
    expect(info.config.max_age).toBe(nanos(3_600_000));
    expect(info.config.subjects).toEqual([`${n.subjectPrefix}.>`, 'cwtest.audit']);
    expect(info.state.messages).toBe(2);
    expect(logs.some((l) => l.msg.includes('max age 3600000 ms instead of 604800000 ms'))).toBe(true);
  });

  it('refuses an existing stream of that name whose subjects do not include the sink subjects', async () => {
    const n = names();
    await jsm.streams.add({ name: n.stream, subjects: [`cwtest.${uniqueName('other')}.>`] });
    const { ctx } = testSinkContext({ id: 'js' });
    const sink = natsSink.create({ servers: SERVER, ...n }, ctx);
    cleanups.push(() => sink.close());
    const e = await rejectionOf(sink.connect(new AbortController().signal));
    expect(isCausewayError(e, 'CW_SINK_STREAM_CONFLICT')).toBe(true);
    expect((e as Error).message).toMatch(new RegExp(`^The JetStream stream ${n.stream} cannot take the data of sink js: its subjects \\(cwtest\\..*\\) do not include ${n.subjectPrefix.replace('.', '\\.')}\\.>\\.$`));
    expect((e as { retryable: boolean }).retryable).toBe(false);
  });

  it('refuses to create a stream whose subjects another stream already captures', async () => {
    const n = names();
    const other = uniqueName('CW_TEST_OTHER');
    await jsm.streams.add({ name: other, subjects: [`${n.subjectPrefix}.>`] });
    cleanups.push(() => jsm.streams.delete(other));
    const { ctx } = testSinkContext({ id: 'js' });
    const sink = natsSink.create({ servers: SERVER, ...n }, ctx);
    const e = await rejectionOf(sink.connect(new AbortController().signal));
    expect(isCausewayError(e, 'CW_SINK_STREAM_CONFLICT')).toBe(true);
    expect((e as Error).message).toContain(`another stream already captures subjects that overlap ${n.subjectPrefix}.>`);
  });

  it('fails the send with a retryable error when the connection breaks', async () => {
    // A TCP relay in front of the server, so the test can cut the link.
    const sockets = new Set<Socket>();
    const relay = net.createServer((client) => {
      const upstream = net.connect(4222, '127.0.0.1');
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => relay.close(() => resolve())));
    const port = (relay.address() as net.AddressInfo).port;
    const n = names();
    const { sink } = await connected({ ...n, servers: `nats://127.0.0.1:${port}` });
    await sink.send(samples('a/b', 2));

    for (const s of sockets) s.destroy();
    const e = await rejectionOf(sink.send(samples('a/b', 2, 1_900_000_000_000)));
    expect(isCausewayError(e, 'CW_SINK_SEND_FAILED') && e.retryable).toBe(true);
    // Reconnecting (as the supervisor does) makes it work again, through the server directly.
    const again = await connected({ ...n });
    await again.sink.send(samples('a/b', 2, 1_900_000_000_000));
    expect((await jsm.streams.info(n.stream)).state.messages).toBe(4);
  });
});

describe('NATS sink when the server is not there', () => {
  it('fails to connect with a retryable error that names the server', async () => {
    const port = await freePort();
    const { ctx } = testSinkContext({ id: 'js' });
    const sink = natsSink.create({ servers: `nats://127.0.0.1:${port}` }, ctx);
    const e = await rejectionOf(sink.connect(new AbortController().signal));
    expect(isCausewayError(e, 'CW_SINK_CONNECT_FAILED') && e.retryable).toBe(true);
    expect((e as Error).message).toBe(`Sink js cannot connect to nats://127.0.0.1:${port}: the connection was refused.`);
    const s = await rejectionOf(sink.send(samples('a/b', 1)));
    expect(isCausewayError(s, 'CW_SINK_SEND_FAILED') && s.retryable).toBe(true);
  });
});
