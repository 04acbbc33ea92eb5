/**
 * The ingest benchmark: MQTT throughput of Causeway side by side with Mosquitto alone (the rig's
 * ceiling) and Node-RED on the same paced load and the same private broker, counted by sequence
 * number; plus Sparkplug B batched and HTTP push into the historian. Markdown tables on stdout,
 * progress on stderr. `npm run bench:ingest` builds the hub first; knobs are environment
 * variables (README.md beside this file). Every process it starts is killed when it ends.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { phase, si } from '../historian/report.js';
import { mosquittoBinary, startMosquitto } from './broker.js';
import { httpSuite } from './http-suite.js';
import { generatorCeiling, mqttSuite, SYSTEMS } from './mqtt-suite.js';
import { ensureNodeRed } from './nodered.js';
import { guardExit, killAll, onInterrupt } from './procs.js';
import { httpTable, mqttSummary, mqttTable, sparkplugTable } from './report.js';
import { sparkplugSuite } from './sparkplug-suite.js';

const env = process.env;
const list = (name, fallback) => (env[name] ? env[name].split(',').map((x) => Number(x.trim())).filter((x) => Number.isFinite(x)) : fallback);
const num = (name, fallback) => (env[name] ? Number(env[name]) : fallback);
const cfg = {
  only: env.BENCH_ONLY ? env.BENCH_ONLY.split(',') : ['mqtt', 'sparkplug', 'http'],
  rates: list('BENCH_RATES', [10_000, 20_000, 30_000, 40_000, 60_000, 80_000]),
  seconds: num('BENCH_SECONDS', 10),
  qos: list('BENCH_QOS', [0, 1]),
  publishers: num('BENCH_PUBLISHERS', 2),
  drainSeconds: num('BENCH_DRAIN_SECONDS', 30),
  quietSeconds: num('BENCH_QUIET_SECONDS', 10),
  ceilingSeconds: num('BENCH_CEILING_SECONDS', 3),
  nodeRed: env.BENCH_NODE_RED !== 'off',
  spbRates: list('BENCH_SPB_RATES', [100_000, 250_000, 500_000, 1_000_000]),
  spbMetrics: num('BENCH_SPB_METRICS', 100),
  httpClients: list('BENCH_HTTP_CLIENTS', [1, 4, 16]),
  httpBatch: num('BENCH_HTTP_BATCH', 1000),
};

function machine() {
  return `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
}

async function mqttPart(root, broker, out) {
  let nodeRedVersion = 'off (BENCH_NODE_RED=off)';
  if (cfg.nodeRed) nodeRedVersion = ensureNodeRed(phase);
  const systems = SYSTEMS.filter((s) => s !== 'nodered' || cfg.nodeRed);
  for (const qos of cfg.qos) {
    phase(`MQTT, QoS ${qos}: the generator's own ceiling (${cfg.publishers} processes, ${cfg.ceilingSeconds} s, nobody subscribed)`);
    const ceiling = await generatorCeiling(broker, cfg, qos);
    const rows = await mqttSuite(root, broker, cfg, qos, phase);
    const uns = rows.map((r) => r.results.causeway?.unsQos).find((q) => q !== undefined);
    out.push(`### MQTT, QoS ${qos}\n`);
    out.push(`${cfg.seconds} s per run, ${100} topics, ${cfg.publishers} generator processes (their ceiling at QoS ${qos}: ${si(ceiling)} msg/s). Node-RED ${nodeRedVersion}. Causeway's UNS sink published at QoS ${uns ?? '—'}${uns !== undefined && uns !== qos ? ' (this build\'s sink offers no QoS 0)' : ''}. Columns with three figures read Mosquitto alone · Node-RED · Causeway.\n`);
    out.push(mqttTable(rows, systems));
    out.push('');
    out.push(mqttSummary(rows, systems, qos));
    out.push('');
  }
}

async function main() {
  guardExit();
  if (!mosquittoBinary()) throw new Error('mosquitto is not installed (apt-get install mosquitto): the benchmark runs its own private broker');
  const started = Date.now();
  const loadBefore = os.loadavg()[0].toFixed(1);
  const root = fs.mkdtempSync(path.join(env.BENCH_DIR ?? os.tmpdir(), 'causeway-bench-ingest-'));
  if (!env.BENCH_KEEP) onInterrupt(() => fs.rmSync(root, { recursive: true, force: true }));
  const out = [];
  let broker;
  try {
    broker = await startMosquitto(path.join(root, 'mosquitto'));
    phase(`Private Mosquitto on port ${broker.port} (pid ${broker.pid}); work in ${root}`);
    if (cfg.only.includes('mqtt')) await mqttPart(root, broker, out);
    if (cfg.only.includes('sparkplug')) {
      out.push(`### Sparkplug B, NDATA of ${cfg.spbMetrics} metrics, into the historian\n`);
      out.push(sparkplugTable(await sparkplugSuite(root, broker, cfg, phase)));
      out.push('');
    }
    if (cfg.only.includes('http')) {
      out.push(`### HTTP push, batches of ${cfg.httpBatch}, into the historian\n`);
      out.push(httpTable(await httpSuite(root, cfg, phase)));
      out.push('');
    }
  } finally {
    await broker?.stop();
    killAll();
    if (!env.BENCH_KEEP) fs.rmSync(root, { recursive: true, force: true });
  }
  phase('Done.\n');
  process.stdout.write(`${out.join('\n')}\n`);
  process.stdout.write(`${machine()}; load average ${loadBefore} at the start, ${os.loadavg()[0].toFixed(1)} at the end; ${Math.round((Date.now() - started) / 1000)} s in all.\n`);
}

main().catch((e) => {
  process.stderr.write(`The ingest benchmark failed: ${e?.stack ?? e}\n`);
  killAll();
  process.exitCode = 1;
});
