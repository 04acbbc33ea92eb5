/**
 * The data sets of the historian benchmark, generated the same way on every run: a synthetic
 * plant of random-walk tags (ingest), the demo plant's simulated machines (size), the SKAB pump
 * recordings quantized to sensor resolution (size) and one long slowly varying tag (queries).
 */
import fs from 'node:fs';
import path from 'node:path';
import { demoMachineTags } from '../../dist/sources/simulator/demo-tags.js';
import { Simulation } from '../../dist/sources/simulator/engine.js';
import { readTags } from '../../dist/sources/simulator/tags.js';

/** 2026-01-01T00:00:00Z: every data set starts here. */
export const T0 = Date.UTC(2026, 0, 1);

/** A small deterministic generator (mulberry32), so every run writes the same values. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Round to a resolution given in decimals, as a sensor's reported value is. */
export function quantize(x, decimals) {
  return Number(x.toFixed(decimals));
}

/**
 * The ingest set: `tags` random walks with two decimals at 1 s from `start`, arriving as the
 * pipeline hands them over (every tag each second), `rows` samples in batches of about `batch`.
 */
export function plantBatches(rows, tags, { batch = 10_000, start = T0 } = {}) {
  const rnd = random(7);
  const paths = Array.from({ length: tags }, (_, i) => `acme/springfield/packaging/line${1 + (i % 4)}/m${String(i).padStart(4, '0')}/value`);
  const level = paths.map(() => 50 + rnd() * 50);
  const batches = [];
  let current = [];
  for (let n = 0, step = 0; n < rows; step++) {
    const ts = start + step * 1000 + Math.floor(rnd() * 20);
    for (let i = 0; i < tags && n < rows; i++, n++) {
      level[i] += (rnd() - 0.5) * 0.2;
      current.push({ path: paths[i], ts, value: quantize(level[i], 2), quality: 'good' });
    }
    if (current.length >= batch) {
      batches.push(current);
      current = [];
    }
  }
  if (current.length > 0) batches.push(current);
  return { batches, paths };
}

/** The demo plant's tags: lines 1 and 2 (filler, capper, labeler, palletizer) and the compressor. */
export function demoPlant(seed = 42) {
  const tags = [
    ...[1, 2].flatMap((line) => ['filler', 'capper', 'labeler', 'palletizer'].flatMap((m) => demoMachineTags(m, { line }))),
    ...demoMachineTags('compressor'),
  ];
  const { ordered, problems } = readTags(tags);
  if (problems.length > 0) throw new Error(`demo tags: ${problems.join('; ')}`);
  return { sim: new Simulation(ordered, { seed, periodMs: 1000 }), tags: ordered.length };
}

/** `steps` seconds of the demo plant as batches of one minute, every tag every second. */
export function* demoBatches(sim, steps) {
  for (let k = 0; k < steps; k += 60) {
    const batch = [];
    for (let j = k; j < Math.min(steps, k + 60); j++) {
      const ts = T0 + j * 1000;
      for (const v of sim.step(j)) batch.push({ path: `sim/${v.id}`, ts, value: v.value, quality: v.quality });
    }
    yield batch;
  }
}

/** SKAB signals and the resolution (decimals) each is reported with: see README.md. */
export const SKAB_SIGNALS = [
  ['Accelerometer1RMS', 'vibration_1', 3], ['Accelerometer2RMS', 'vibration_2', 3], ['Current', 'current', 2], ['Pressure', 'pressure', 3],
  ['Temperature', 'motor_temperature', 2], ['Thermocouple', 'fluid_temperature', 2], ['Voltage', 'voltage', 1], ['Volume Flow RateRMS', 'flow', 1],
];

/**
 * Every SKAB recording, in folder and file order, joined into one timeline: per row the seconds
 * since the previous row (as recorded, 1 s or more; 1 s between files) and the eight values.
 */
export function loadSkab(dir) {
  const files = ['anomaly-free', 'valve1', 'valve2', 'other'].flatMap((d) => {
    const sub = path.join(dir, d);
    if (!fs.existsSync(sub)) return [];
    return fs.readdirSync(sub).filter((f) => f.endsWith('.csv')).sort((a, b) => parseFloat(a) - parseFloat(b) || a.localeCompare(b)).map((f) => path.join(sub, f));
  });
  const gaps = [];
  const values = SKAB_SIGNALS.map(() => []);
  for (const file of files) {
    const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
    const header = lines[0].split(';');
    const cols = SKAB_SIGNALS.map(([name]) => header.indexOf(name));
    let prev;
    for (const line of lines.slice(1)) {
      const cells = line.split(';');
      const t = Date.parse(`${cells[0].replace(' ', 'T')}Z`);
      gaps.push(prev === undefined ? 1 : Math.max(1, Math.round((t - prev) / 1000)));
      prev = t;
      cols.forEach((c, i) => values[i].push(Number(cells[c])));
    }
  }
  return { files: files.length, rows: gaps.length, gaps, values };
}

/**
 * `pumps` copies of the SKAB timeline as a plant of pumps running side by side: pump p starts
 * its copy of the joined recording p/pumps of the way in (wrapping round), so no two pumps show
 * the same values at the same time. Values are quantized to each signal's resolution.
 */
export function* skabBatches(skab, pumps) {
  const n = skab.rows;
  const offsets = Array.from({ length: pumps }, (_, p) => Math.floor((p * n) / pumps));
  const paths = Array.from({ length: pumps }, (_, p) => SKAB_SIGNALS.map(([, id]) => `skab/pump${String(p + 1).padStart(2, '0')}/${id}`));
  const clock = offsets.map(() => T0);
  for (let start = 0; start < n; start += 600) {
    const batch = [];
    for (let p = 0; p < pumps; p++) {
      for (let j = start; j < Math.min(n, start + 600); j++) {
        const row = (j + offsets[p]) % n;
        clock[p] += skab.gaps[row] * 1000;
        SKAB_SIGNALS.forEach(([, , decimals], i) => batch.push({ path: paths[p][i], ts: clock[p], value: quantize(skab.values[i][row], decimals), quality: 'good' }));
      }
    }
    yield batch;
  }
}

/**
 * One tag at 1 s for `days`: a slow daily swing plus a random walk, reported with two decimals
 * (a process temperature), in batches of an hour.
 */
export function* longTagBatches(pathName, days) {
  const rnd = random(11);
  let walk = 0;
  for (let h = 0; h < days * 24; h++) {
    const batch = [];
    for (let s = 0; s < 3600; s++) {
      const i = h * 3600 + s;
      walk += (rnd() - 0.5) * 0.05;
      const value = 70 + 5 * Math.sin((2 * Math.PI * i) / 86_400) + walk;
      batch.push({ path: pathName, ts: T0 + i * 1000, value: quantize(value, 2), quality: 'good' });
    }
    yield batch;
  }
}
