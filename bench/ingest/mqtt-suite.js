/**
 * The side-by-side MQTT run: for each QoS and each paced rate, one after the other on the same
 * private broker and the same load, (a) Mosquitto alone (generator → broker → counter on `in/#`:
 * the rig's ceiling), (b) Node-RED in → function → out, (c) Causeway MQTT source → pipeline →
 * DuckDB historian + UNS sink. Node-RED and the hub are started fresh for each run and stopped
 * after it, so only one system is ever subscribed.
 */
import path from 'node:path';
import { mqttHubConfig, readStored, sinkQos, spooled, startHub, tagName, TAGS, waitCaughtUp } from './hub.js';
import { startNodeRed } from './nodered.js';
import { ProcWatch, rssBytes, sleep } from './procs.js';
import { forkHelper, probe, startGenerators } from './rig.js';
import { Tally } from './tally.js';

export const SYSTEMS = ['mosquitto', 'nodered', 'causeway'];

/** Topics of generator `i` of `n`: every n-th of in/t000 … in/t099. */
function topicsOf(i, n) {
  return Array.from({ length: TAGS }, (_, t) => t).filter((t) => t % n === i).map((t) => `in/${tagName(t)}`);
}

/** The generators' ceiling at `qos`: as fast as the broker takes them, nobody subscribed. Messages/s. */
export async function generatorCeiling(broker, cfg, qos) {
  const gens = await startGenerators('load.js', cfg.publishers, (i) => ({ mode: 'mqtt', url: broker.url, clientId: `bench-ceiling-${i}`, qos, rate: null, seconds: cfg.ceilingSeconds, topics: topicsOf(i, cfg.publishers) }));
  const done = await gens.run(cfg.ceilingSeconds);
  return done.reduce((s, d) => s + d.sent / d.seconds, 0);
}

/** `step`, but stop `sys` when it fails: a system left running would take part in the next runs. */
async function stopOnFailure(step, sys) {
  try {
    return await step;
  } catch (e) {
    await sys.stop();
    throw e;
  }
}

/** Start the system under test; { pid, idleRss, stop(), stored?() }. */
async function startSystem(system, dir, broker, qos) {
  if (system === 'mosquitto') return { pid: broker.pid, idleRss: rssBytes(broker.pid), stop: async () => undefined };
  if (system === 'nodered') {
    const nr = await startNodeRed(path.join(dir, 'node-red'), broker.port, qos);
    await stopOnFailure(probe(broker.url), nr);
    await sleep(500);
    return { pid: nr.pid, idleRss: rssBytes(nr.pid), stop: nr.stop };
  }
  const unsQos = await sinkQos(qos);
  const hub = await startHub(path.join(dir, 'hub'), mqttHubConfig(broker.url, qos, unsQos));
  await stopOnFailure(probe(broker.url), hub);
  await sleep(500);
  return { pid: hub.pid, idleRss: rssBytes(hub.pid), stop: hub.stop, hub, unsQos };
}

/** One run of `system` at `rate` msg/s and `qos`: what the counter saw, CPU and memory, and (Causeway) what is stored. */
export async function runOne(system, dir, broker, cfg, qos, rate, say) {
  const sys = await startSystem(system, dir, broker, qos);
  let counter;
  let gens;
  try {
    counter = forkHelper('counter.js', { url: broker.url, qos, filter: system === 'mosquitto' ? 'in/#' : 'out/#', lateMs: 1000, maxDrainMs: cfg.drainSeconds * 1000, quietMs: Math.min(cfg.quietSeconds, cfg.drainSeconds) * 1000 });
    await counter.next('ready', 30_000);
    const P = cfg.publishers;
    gens = await startGenerators('load.js', P, (i) => ({ mode: 'mqtt', url: broker.url, clientId: `bench-load-${i}`, qos, rate: rate / P, seconds: cfg.seconds, topics: topicsOf(i, P) }));
    const watch = new ProcWatch([sys.pid, broker.pid]);
    const t0 = Date.now();
    watch.start();
    const done = await gens.run(cfg.seconds);
    const usage = watch.stop();
    const sent = done.reduce((s, d) => s + d.sent, 0);
    const seconds = Math.max(...done.map((d) => d.seconds));
    counter.send({ type: 'finish', expected: sent });
    const seen = await counter.next('result', (cfg.drainSeconds + 60) * 1000);
    const out = {
      sent, achieved: sent / seconds, ...seen,
      cpuPct: usage.get(sys.pid).cpuPct, peakRss: usage.get(sys.pid).peakRss, idleRss: sys.idleRss,
      brokerCpuPct: usage.get(broker.pid).cpuPct,
    };
    if (sys.hub) {
      out.unsQos = sys.unsQos;
      out.caughtUp = await waitCaughtUp(sys.hub, cfg.drainSeconds * 1000).catch(() => false);
      out.spooled = await spooled(sys.hub).catch(() => undefined);
      out.exit = await sys.hub.stop();
      const stored = new Tally();
      await readStored(sys.hub.dataDir, Array.from({ length: TAGS }, (_, t) => `bench/${tagName(t)}`), t0 - 60_000, Date.now() + 60_000, stored);
      out.stored = stored.distinct;
      out.storedDuplicates = stored.duplicates;
      if (stored.duplicates) say(`  Causeway stored some seqs twice, e.g. (tag, seq) ${stored.duplicateExamples.map(([t, s]) => `(${tagName(t)}, ${s})`).join(', ')}`);
    }
    return out;
  } finally {
    await gens?.stop();
    await counter?.stop();
    await sys.stop();
  }
}

/** Every rate at `qos`, the three systems interleaved per rate; rows for the report. */
export async function mqttSuite(root, broker, cfg, qos, say) {
  const rows = [];
  for (const rate of cfg.rates) {
    const row = { rate, results: {} };
    for (const system of SYSTEMS) {
      if (system === 'nodered' && !cfg.nodeRed) continue;
      say(`QoS ${qos}, ${rate.toLocaleString('en-US')} msg/s: ${system}…`);
      const dir = path.join(root, `mqtt-q${qos}-${rate}-${system}`);
      row.results[system] = await runOne(system, dir, broker, cfg, qos, rate, say).catch((e) => ({ error: String(e?.message ?? e).split('\n')[0] }));
    }
    rows.push(row);
  }
  return rows;
}
