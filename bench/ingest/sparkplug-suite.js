/**
 * Sparkplug B batched: edge nodes (one per generator process) publish an NBIRTH, then NDATA with
 * `spbMetrics` metrics each (by alias, value = the message's number), paced to a rate in values/s,
 * to a hub whose Sparkplug host source follows group `bench`. Historian only (no UNS sink): what
 * is measured is ingest. Stored values are counted by (metric, message number) after the hub stopped.
 */
import path from 'node:path';
import { metricSum, readStored, sparkplugHubConfig, spooled, startHub, waitCaughtUp } from './hub.js';
import { ProcWatch, until } from './procs.js';
import { startGenerators } from './rig.js';
import { Tally } from './tally.js';

const metricName = (i) => `m${String(i).padStart(3, '0')}`;

async function runOne(dir, broker, cfg, rate) {
  const hub = await startHub(path.join(dir, 'hub'), sparkplugHubConfig(broker.url));
  let gens;
  try {
    if (!(await until(async () => (await hub.sourceState('spb')) === 'connected', 30_000))) throw new Error(`the Sparkplug source did not connect:\n${hub.tail(10)}`);
    const P = cfg.publishers;
    const M = cfg.spbMetrics;
    gens = await startGenerators('load.js', P, (i) => ({ mode: 'sparkplug', url: broker.url, clientId: `bench-spb-${i}`, group: 'bench', node: `node${i}`, metrics: M, rate: rate / M / P, seconds: cfg.seconds }));
    // Each generator published its NBIRTH before saying it was ready: wait until the hub has every birth value.
    if (!(await until(async () => metricSum(await hub.metrics(), 'causeway_samples_received_total') >= P * M, 30_000, 200))) throw new Error(`the hub did not take the NBIRTHs:\n${hub.tail(10)}`);
    const watch = new ProcWatch([hub.pid, broker.pid]);
    const t0 = Date.now();
    watch.start();
    const done = await gens.run(cfg.seconds);
    const usage = watch.stop();
    const loadEnd = Date.now();
    const caught = await waitCaughtUp(hub, cfg.drainSeconds * 1000);
    const caughtUpS = caught ? (Date.now() - loadEnd) / 1000 : undefined;
    const inSpool = await spooled(hub).catch(() => undefined);
    await hub.stop();
    const paths = [];
    for (let p = 0; p < P; p++) for (let m = 0; m < M; m++) paths.push(`spb/bench/node${p}/${metricName(m)}`);
    const stored = new Tally();
    await readStored(hub.dataDir, paths, t0 - 60_000, Date.now() + 60_000, stored);
    const messages = done.reduce((s, d) => s + d.sent, 0);
    const seconds = Math.max(...done.map((d) => d.seconds));
    return {
      rate, expected: messages * M, achieved: (messages * M) / seconds, stored: stored.distinct, storedDuplicates: stored.duplicates,
      caughtUpS, drainS: cfg.drainSeconds, inSpool, duplicateExamples: stored.duplicateExamples.map(([t, s]) => `(${paths[t]}, ${s})`), cpuPct: usage.get(hub.pid).cpuPct, peakRss: usage.get(hub.pid).peakRss, brokerCpuPct: usage.get(broker.pid).cpuPct,
    };
  } finally {
    await gens?.stop();
    await hub.stop();
  }
}

/** Every rate of `cfg.spbRates` (values/s); a row each. */
export async function sparkplugSuite(root, broker, cfg, say) {
  const rows = [];
  for (const rate of cfg.spbRates) {
    say(`Sparkplug B: ${rate.toLocaleString('en-US')} values/s…`);
    rows.push(await runOne(path.join(root, `spb-${rate}`), broker, cfg, rate).catch((e) => ({ rate, error: String(e?.message ?? e).split('\n')[0] })));
  }
  return rows;
}
