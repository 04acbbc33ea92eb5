/**
 * A load generator, run as a child process (`fork`) so it has a core's worth of event loop of its
 * own: MQTT JSON messages, or Sparkplug B NDATA with many metrics each, paced to a rate (or as
 * fast as the link takes them: rate Infinity, to measure the generator's own ceiling).
 *
 * IPC: the parent passes the options as JSON in argv[2]; the child connects and answers
 * { type: 'ready' }; the parent sends { type: 'go', at } (an epoch ms, so that several generators
 * start together); the child publishes for `seconds`, waits for its QoS 1 acknowledgements and
 * answers { type: 'done', sent, acked, seconds } (Sparkplug: `sent` counts NDATA messages).
 */
import { setTimeout, setImmediate } from 'node:timers';
import { performance } from 'node:perf_hooks';
import { Buffer } from 'node:buffer';
import mqtt from 'mqtt';
import { get as getCodec } from 'sparkplug-payload';

const opts = JSON.parse(process.argv[2]);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const turn = () => new Promise((r) => setImmediate(r));
const rate = opts.rate === null || opts.rate === undefined ? Infinity : opts.rate;

/** QoS 1 messages published and not yet PUBACKed, at most. */
const WINDOW = 10_000;
/** Bytes waiting in the socket's buffer before the generator waits (QoS 0 has no PUBACK to wait for). */
const MAX_BUFFERED = 1 << 20;

function sparkplugCodec() {
  const codec = getCodec('spBv1.0');
  const group = opts.group;
  const node = opts.node;
  const names = Array.from({ length: opts.metrics }, (_, i) => `m${String(i).padStart(3, '0')}`);
  const enc = (payload) => Buffer.from(codec.encodePayload(payload));
  const bdSeq = { name: 'bdSeq', type: 'UInt64', value: 0 };
  return {
    will: { topic: `spBv1.0/${group}/NDEATH/${node}`, payload: enc({ timestamp: Date.now(), metrics: [bdSeq] }), qos: 1, retain: false },
    // Births carry -1: the counted values (NDATA message numbers) start at 0.
    birth: () => ({
      topic: `spBv1.0/${group}/NBIRTH/${node}`,
      payload: enc({ timestamp: Date.now(), seq: 0, metrics: [bdSeq, { name: 'Node Control/Rebirth', type: 'Boolean', value: false }, ...names.map((name, alias) => ({ name, alias, type: 'Int32', value: -1 }))] }),
    }),
    /** NDATA number n: every metric by alias only, value n; seq continues after the birth's 0. */
    data: (n) => {
      const metrics = new Array(names.length);
      for (let alias = 0; alias < names.length; alias++) metrics[alias] = { alias, type: 'Int32', value: n };
      return enc({ timestamp: Date.now(), seq: (n + 1) % 256, metrics });
    },
    topic: `spBv1.0/${group}/NDATA/${node}`,
  };
}

async function main() {
  const spb = opts.mode === 'sparkplug' ? sparkplugCodec() : undefined;
  const client = await mqtt.connectAsync(opts.url, { clientId: opts.clientId, clean: true, reconnectPeriod: 0, keepalive: 60, ...(spb ? { will: spb.will } : {}) });
  client.on('error', (e) => process.stderr.write(`load generator: ${e.message}\n`));
  if (spb) {
    const b = spb.birth();
    await client.publishAsync(b.topic, b.payload, { qos: 0 });
  }
  const qos = spb ? 0 : opts.qos;
  const topics = opts.topics ?? [];
  const seqs = new Array(topics.length).fill(0);
  let outstanding = 0;
  let acked = 0;
  const done = (err) => {
    outstanding--;
    if (!err) acked++;
  };
  process.send({ type: 'ready' });
  const go = await new Promise((resolve) => process.on('message', (m) => m.type === 'go' && resolve(m)));
  if (go.at > Date.now()) await sleep(go.at - Date.now());

  const t0 = performance.now();
  const end = t0 + opts.seconds * 1000;
  let n = 0;
  let ti = 0;
  for (;;) {
    const now = performance.now();
    if (now >= end) break;
    const due = rate === Infinity ? n + 1000 : Math.floor(((now - t0) / 1000) * rate);
    let burst = 0;
    // One write of the whole burst instead of several small writes per packet.
    client.stream.cork();
    while (n < due && burst < 1000 && outstanding < WINDOW && client.stream.writableLength < MAX_BUFFERED) {
      if (spb) {
        client.publish(spb.topic, spb.data(n), { qos: 0 });
      } else {
        const seq = seqs[ti]++;
        const payload = `{"seq":${seq},"value":${seq},"timestamp":${Date.now()}}`;
        // QoS 0: no callback (MQTT.js would add a 'drain' listener per message once the socket is
        // busy); the socket's buffered bytes hold the generator back instead.
        if (qos === 0) client.publish(topics[ti], payload, { qos: 0 });
        else {
          outstanding++;
          client.publish(topics[ti], payload, { qos }, done);
        }
        ti = ti + 1 === topics.length ? 0 : ti + 1;
      }
      n++;
      burst++;
    }
    client.stream.uncork();
    // Caught up (or held back by the link): wait a millisecond; otherwise let I/O run and go on.
    if (n >= due || outstanding >= WINDOW || client.stream.writableLength >= MAX_BUFFERED) await sleep(1);
    else await turn();
  }
  const seconds = (performance.now() - t0) / 1000;
  const settleBy = Date.now() + 15_000;
  while ((outstanding > 0 || client.stream.writableLength > 0) && Date.now() < settleBy) await sleep(5);
  process.send({ type: 'done', sent: n, acked: qos === 0 ? n : acked, seconds });
  await client.endAsync().catch(() => undefined);
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`load generator failed: ${e?.stack ?? e}\n`);
  process.exit(1);
});
