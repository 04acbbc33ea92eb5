/**
 * The alarm engine's cost on the ingest path, side by side in one run: the same batches of samples
 * (1) with no alarm defined (what the hub does then: nothing — shown as the cost of an empty loop),
 * (2) through the engine of the alarms application with BENCH_ALARMS alarms on BENCH_ATTRS
 * attributes (HI, HIHI, LO, LOLO with deadband and a quality alarm each), transitions journaled in
 * SQLite (alarms.sqlite in a temporary folder). About 1 sample in 200 crosses a limit, so alarms
 * raise and clear as they would in a plant. Samples per second, best of BENCH_RUNS runs.
 * This measures the engine, not the whole hub: the pipeline and spool figures are bench/spool's.
 * `node bench/alarms/index.js` after `npx tsc -p tsconfig.build.json`; BENCH_SAMPLES (default 2,000,000).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { alarmsOfAttribute } from '../../dist/alarms/definitions.js';
import { Alarms } from '../../dist/alarms/index.js';

const num = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const ATTRS = num('BENCH_ATTRS', 10_000);
const SAMPLES = num('BENCH_SAMPLES', 2_000_000);
const BATCH = num('BENCH_BATCH', 1000);
const RUNS = num('BENCH_RUNS', 3);

function definitions() {
  const defs = [];
  const has = () => true;
  for (let i = 0; i < ATTRS; i++) {
    const asset = `acme/site/area/line${i % 50}/machine${Math.floor(i / 50)}`;
    const node = { path: `${asset}/pv${i}`, asset, name: `pv${i}`, type: 'number', valueType: 'number', writable: false, interpolation: 'linear', unit: 'bar' };
    defs.push(...alarmsOfAttribute(node, [{ lolo: 5, lo: 10, hi: 90, hihi: 95, deadband: 1, rules: [{ name: 'quality', type: 'quality', quality: 'bad' }] }], has));
  }
  return defs;
}

/** Batches of samples over the attributes; values around 50, one in 200 beyond a limit. */
function batches(paths) {
  const out = [];
  let ts = Date.parse('2026-12-07T00:00:00Z');
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let n = 0; n < SAMPLES; n += BATCH) {
    const batch = [];
    for (let j = 0; j < BATCH; j++) {
      const r = rnd();
      const value = r < 0.0025 ? 97 : r < 0.005 ? 3 : 40 + rnd() * 20;
      batch.push({ path: paths[(n + j) % paths.length], value, ts: ts++, quality: 'good' });
    }
    out.push(batch);
  }
  return out;
}

/** One run on a fresh engine and journal (timestamps must move forward): seconds, and transitions journaled. */
function once(defs, data) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'causeway-bench-alarms-'));
  try {
    const alarms = new Alarms({ defs, dir });
    let transitions = 0;
    alarms.subscribe((e) => { transitions += e.length; });
    const t0 = performance.now();
    for (const b of data) alarms.evaluate(b);
    const seconds = (performance.now() - t0) / 1000;
    alarms.close();
    return { seconds, transitions };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const defs = definitions();
const paths = [...new Set(defs.map((d) => d.path))];
const data = batches(paths);
console.log(`${defs.length.toLocaleString('en')} alarms on ${paths.length.toLocaleString('en')} attributes, ${SAMPLES.toLocaleString('en')} samples in batches of ${BATCH}, node ${process.version}, ${os.cpus().length} cores`);
console.log('no alarm defined: the hub hands accepted batches to the live feed only; the engine is not built and costs nothing');
let best;
for (let r = 0; r < RUNS; r++) {
  const got = once(defs, data);
  if (!best || got.seconds < best.seconds) best = got;
}
const rate = SAMPLES / best.seconds;
console.log(`with ${defs.length.toLocaleString('en')} alarms: ${(rate / 1e6).toFixed(2)} M samples/s (best of ${RUNS}: ${best.seconds.toFixed(3)} s), ${best.transitions.toLocaleString('en')} transitions journaled in SQLite`);
console.log(`at 20,000 samples/s the engine uses about ${(100 * 20_000 / rate).toFixed(1)} % of one core`);
