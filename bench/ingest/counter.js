/**
 * The counting subscriber, run as a child process (`fork`): subscribes to a filter on the private
 * broker and counts what arrives by (topic, seq) — distinct, duplicated, late (more than
 * `lateMs` after the payload's timestamp) — and the end-to-end latency of every first arrival.
 *
 * It reads the three payload shapes it meets without a JSON parser (a scan for two numbers is
 * several times cheaper, so the counter is not what limits the rig): the generator's
 * {"seq","value","timestamp"}, Node-RED's re-serialised copy of it, and Causeway's UNS payload
 * {"value","timestamp","quality"} whose value is the seq. The topic's last level names the tag
 * (`t007`); other topics (probes) are ignored.
 *
 * IPC: argv[2] holds { url, qos, filter, lateMs, maxDrainMs, quietMs }; the child answers
 * { type: 'ready' } once subscribed; the parent sends { type: 'finish', expected } when the load
 * has ended; the child waits until every expected seq arrived, nothing came for `quietMs`, or
 * `maxDrainMs` passed, then answers { type: 'result', ... } and exits.
 */
import { setTimeout } from 'node:timers';
import { performance } from 'node:perf_hooks';
import mqtt from 'mqtt';
import { Tally } from './tally.js';

const opts = JSON.parse(process.argv[2]);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The number after `"key":` in `text`, or NaN. */
function numberAfter(text, key) {
  const i = text.indexOf(key);
  if (i < 0) return NaN;
  let j = i + key.length;
  let k = j;
  while (k < text.length) {
    const c = text.charCodeAt(k);
    if (c === 44 || c === 125 || c === 32) break; // , } space
    k++;
  }
  return Number(text.slice(j, k));
}

async function main() {
  const tally = new Tally(opts.lateMs);
  let last = Date.now();
  const client = await mqtt.connectAsync(opts.url, { clientId: `bench-counter-${process.pid}`, clean: true, reconnectPeriod: 0, keepalive: 60 });
  client.on('message', (topic, payload) => {
    const now = performance.timeOrigin + performance.now();
    last = Date.now();
    const slash = topic.lastIndexOf('/');
    if (topic.charCodeAt(slash + 1) !== 116) return; // 't'
    const tag = Number(topic.slice(slash + 2));
    if (!Number.isInteger(tag)) return;
    const text = payload.toString('latin1');
    let seq = numberAfter(text, '"seq":');
    if (Number.isNaN(seq)) seq = numberAfter(text, '"value":');
    const ts = numberAfter(text, '"timestamp":');
    if (!Number.isInteger(seq) || Number.isNaN(ts)) return;
    tally.add(tag, seq, now - ts);
  });
  await client.subscribeAsync(opts.filter, { qos: opts.qos });
  process.send({ type: 'ready' });
  const finish = await new Promise((resolve) => process.on('message', (m) => m.type === 'finish' && resolve(m)));
  const stopBy = Date.now() + opts.maxDrainMs;
  while (tally.distinct < finish.expected && Date.now() < stopBy && Date.now() - last < opts.quietMs) await sleep(20);
  process.send({ type: 'result', ...tally.summary(), drainedMs: Date.now() - (stopBy - opts.maxDrainMs) });
  await client.endAsync().catch(() => undefined);
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`counter failed: ${e?.stack ?? e}\n`);
  process.exit(1);
});
