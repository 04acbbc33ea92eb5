/**
 * The hub's ingest rate with and without alarms, side by side in one run (issue #15: with alarms at
 * least 90 % of without; 50,000 alarm definitions on 10,000 attributes at 20,000 samples/s).
 *
 * The same config twice — an http-push source with BENCH_ATTRS tags (default 10,000), each bound to
 * the attribute `v` of its own asset, DuckDB historian — once without alarms and once with HI, HIHI,
 * LO, LOLO (deadband 1) and a quality alarm on every attribute. Rounds alternate the order
 * (without, with; with, without; …) so a machine that gets busier mid-run skews both alike. In each
 * run, BENCH_HTTP_CLIENTS devices (default 4) POST batches of BENCH_HTTP_BATCH samples (1,000) as fast
 * as the hub answers (closed loop, bench/ingest/http-load.js) for BENCH_SECONDS (10); each sample's
 * value is its tag's sequence number, so every attribute crosses HI (3) at its fourth sample and
 * stays there (BENCH_ATTRS activations per run, journaled in a burst: a flood) and none crosses
 * HIHI, LO or LOLO; BENCH_HI moves the HI setpoint (1e6: evaluation without any transition).
 * After the load the hub drains and stops, and its historian is counted by (tag, seq): a run counts
 * only when accepted = stored.
 *
 * Prints per run and per variant (best run): accepted samples/s, stored, hub CPU (% of one core)
 * and CPU µs per sample; the ratio with / without; whether 20,000 samples/s was sustained with
 * alarms; and the load average. `npm run bench:alarms:hub` (builds the hub first).
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { PUSH_TOKEN, readStored, spooled, startHub, tagName, waitCaughtUp } from '../ingest/hub.js';
import { ProcWatch } from '../ingest/procs.js';
import { startGenerators } from '../ingest/rig.js';
import { Tally } from '../ingest/tally.js';

const num = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const ATTRS = num('BENCH_ATTRS', 10_000);
const SECONDS = num('BENCH_SECONDS', 10);
const CLIENTS = num('BENCH_HTTP_CLIENTS', 4);
const BATCH = num('BENCH_HTTP_BATCH', 1000);
const ROUNDS = num('BENCH_ROUNDS', 2);
const DRAIN_SECONDS = num('BENCH_DRAIN_SECONDS', 120);
const HI = num('BENCH_HI', 3);
const TARGET = 20_000;
const say = (m) => process.stderr.write(`${m}\n`);
const attrPath = (i) => `bench/ingest/probes/p${String(i).padStart(5, '0')}/v`;

/** The config of both variants; `alarms` adds HI/HIHI/LO/LOLO and a quality alarm to the one attribute. */
function config(alarms) {
  const attribute = { name: 'v', type: 'number', ...(alarms ? { alarms: { lolo: -20, lo: -10, hi: HI, hihi: 1_000_000_000, deadband: 1, area: 'bench', rules: [{ name: 'sensor', type: 'quality', quality: 'bad' }] } } : {}) };
  return {
    site: { enterprise: 'Bench', name: 'Ingest', hubZone: 'ops' },
    zones: [{ id: 'cell', level: 1 }, { id: 'ops', level: 3 }],
    conduits: [{ from: 'cell', to: 'ops', allow: ['telemetry'] }],
    sources: [{
      id: 'push', kind: 'http-push', zone: 'cell',
      config: { token: PUSH_TOKEN, requestsPerSecond: 1_000_000, burst: 1_000_000, maxSamples: 10_000, maxBodyBytes: 4 * 1024 * 1024 },
      tags: Array.from({ length: ATTRS }, (_, i) => ({ id: tagName(i) })),
    }],
    templates: [{ id: 'Probe', attributes: [attribute] }],
    assets: Array.from({ length: ATTRS }, (_, i) => ({ path: attrPath(i).slice(0, -2), template: 'Probe', bindings: { v: `push/${tagName(i)}` } })),
  };
}

async function runOne(dir, alarms) {
  const hub = await startHub(dir, config(alarms));
  let gens;
  try {
    gens = await startGenerators('http-load.js', 1, () => ({ url: hub.url, source: 'push', token: PUSH_TOKEN, clients: CLIENTS, batch: BATCH, seconds: SECONDS, tags: ATTRS }));
    const watch = new ProcWatch([hub.pid]);
    const t0 = Date.now();
    watch.start();
    const [done] = await gens.run(SECONDS);
    const usage = watch.stop().get(hub.pid);
    const caughtUp = await waitCaughtUp(hub, DRAIN_SECONDS * 1000);
    const inSpool = await spooled(hub).catch(() => undefined);
    const annunciated = alarms ? (await hub.getJson(`/api/v1/alarm-kpis?from=${t0 - 10_000}&to=${Date.now() + 1000}`)).site.annunciated : 0;
    await hub.stop();
    const stored = new Tally();
    await readStored(hub.dataDir, Array.from({ length: ATTRS }, (_, i) => attrPath(i)), t0 - 10_000, Date.now() + 10_000, stored);
    const rate = done.accepted / done.seconds;
    return {
      alarms, accepted: done.accepted, rate, stored: stored.distinct, duplicates: stored.duplicates, busy: done.busy, other: done.other, lastOther: done.lastOther,
      caughtUp, inSpool, cpuPct: usage.cpuPct, cpuUsPerSample: (usage.cpuPct / 100) * done.seconds * 1e6 / Math.max(1, done.accepted), peakRss: usage.peakRss, annunciated, p99: done.p99,
    };
  } finally {
    await gens?.stop();
    await hub.stop();
  }
}

const f0 = (n) => Math.round(n).toLocaleString('en-US');
const held = (r) => !r.error && r.accepted === r.stored && r.other === 0;

async function main() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'causeway-bench-alarms-hub-'));
  const runs = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const alarms of round % 2 === 0 ? [false, true] : [true, false]) {
        say(`round ${round + 1}: ${alarms ? `${ATTRS * 5} alarms` : 'no alarms'}, ${CLIENTS} clients × batches of ${BATCH}, ${SECONDS} s…`);
        const r = await runOne(path.join(root, `r${round}-${alarms ? 'alarms' : 'plain'}`), alarms).catch((e) => ({ alarms, error: String(e?.message ?? e).split('\n')[0] }));
        say(r.error ? `  failed: ${r.error}` : `  ${f0(r.rate)} samples/s accepted, stored ${r.accepted === r.stored ? '= accepted' : `${f0(r.stored)} of ${f0(r.accepted)}`}, CPU ${r.cpuPct.toFixed(0)} %`);
        runs.push(r);
      }
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  const lines = ['| run | alarms | accepted samples/s | accepted = stored | hub CPU (% of one core) | CPU µs / sample | request p99 ms | peak RSS MiB | alarms raised |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |'];
  runs.forEach((r, i) => lines.push(r.error
    ? `| ${i + 1} | ${r.alarms ? ATTRS * 5 : 0} | failed: ${r.error} | | | | | | |`
    : `| ${i + 1} | ${r.alarms ? f0(ATTRS * 5) : 0} | ${f0(r.rate)} | ${r.accepted === r.stored ? 'yes' : `no (${f0(r.stored)} of ${f0(r.accepted)}${r.inSpool ? `, ${f0(r.inSpool)} in spool` : ''})`} | ${r.cpuPct.toFixed(0)} | ${r.cpuUsPerSample.toFixed(1)} | ${r.p99.toFixed(0)} | ${(r.peakRss / 2 ** 20).toFixed(0)} | ${f0(r.annunciated)} |`));
  const best = (alarms) => runs.filter((r) => r.alarms === alarms && held(r)).sort((a, b) => b.rate - a.rate)[0];
  const plain = best(false);
  const with_ = best(true);
  console.log(`## The hub's ingest rate with and without alarms (${f0(ATTRS)} attributes, ${f0(ATTRS * 5)} alarms, HI at ${HI}, HTTP push)\n`);
  console.log(lines.join('\n'));
  console.log('');
  console.log(`- best without alarms: ${plain ? `${f0(plain.rate)} samples/s, ${plain.cpuUsPerSample.toFixed(1)} µs CPU per sample` : 'no run held (accepted = stored)'}`);
  console.log(`- best with alarms: ${with_ ? `${f0(with_.rate)} samples/s, ${with_.cpuUsPerSample.toFixed(1)} µs CPU per sample` : 'no run held (accepted = stored)'}`);
  if (plain && with_) console.log(`- with / without: **${((with_.rate / plain.rate) * 100).toFixed(0)} %** (target ≥ 90 %); CPU per sample with / without: ${((with_.cpuUsPerSample / plain.cpuUsPerSample) * 100).toFixed(0)} %`);
  console.log(`- ${f0(TARGET)} samples/s sustained with alarms: ${with_ && with_.rate >= TARGET ? 'yes' : 'no'}`);
  console.log(`\n${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
