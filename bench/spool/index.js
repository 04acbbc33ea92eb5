/**
 * The ingest spool's cost: the same batches stored in a DuckDB historian (1) through the pipeline
 * with batches handed over in memory, as before the spool, (2) through the pipeline with the spool
 * (every batch on disk — one write and fdatasync per group commit — before ingest() answers, then
 * handed to the historian by its reader), with fsync on and off, and (3) written straight into the
 * historian with no pipeline at all (the engine's ceiling). Samples per second until every
 * sample is committed in the historian, best of BENCH_RUNS runs, side by side in one run.
 * `npm run bench:spool`; BENCH_ROWS (default 1,000,000), BENCH_BATCH (1,000), BENCH_INFLIGHT (8).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { DuckDbHistorian } from '../../dist/historian/duckdb/index.js';
import { Pipeline } from '../../dist/pipeline/index.js';
import { IngestLog } from '../../dist/state/ingest-log/index.js';
import { plantBatches } from '../historian/data.js';
import { throughHistorian } from '../historian/ingest.js';
import { phase, progress, si } from '../historian/report.js';

const num = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const ROWS = num('BENCH_ROWS', 1_000_000);
const BATCH = num('BENCH_BATCH', 1000);
const INFLIGHT = num('BENCH_INFLIGHT', 8);
const RUNS = num('BENCH_RUNS', 3);
const TAGS = 1000;

/** Straight into the historian, one batch after the other, then the last flush. Seconds. */
function direct(dir, batches, label) {
  return throughHistorian(new DuckDbHistorian({ file: path.join(dir, 'direct.duckdb'), flushIntervalMs: 1000 }), batches, label);
}

/**
 * The pipeline's hand-over as it was before the spool: batches kept in memory in order for the
 * consumer (no disk, no encoding), at most 100 batches not yet handed over (the old queue's
 * capacity: an ingest waited for room). The spool's interface, so the same pipeline runs on it.
 */
class MemoryLog {
  #records = [];
  #handed = 0;
  #room = [];
  #first = 1;
  #waiters = [];
  head = 0;
  released = 0;
  checkRoom() {}
  async append(samples) {
    while (this.head - this.#handed >= 100) await new Promise((resolve) => this.#room.push(resolve));
    this.#records.push({ seq: ++this.head, samples });
    for (const w of this.#waiters.splice(0)) w();
    return this.head;
  }
  async read(after, maxSamples) {
    this.#handed = Math.max(this.#handed, after);
    for (const r of this.#room.splice(0)) r();
    const out = [];
    let n = 0;
    for (let i = Math.max(0, after + 1 - this.#first); i < this.#records.length; i++) {
      const r = this.#records[i];
      if (out.length > 0 && n + r.samples.length > maxSamples) break;
      out.push(r);
      n += r.samples.length;
    }
    return out;
  }
  waitFor(after, signal) {
    if (this.head > after || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      this.#waiters.push(resolve);
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
  }
  release(through) {
    if (through <= this.released) return;
    const drop = Math.min(this.#records.length, through + 1 - this.#first);
    if (drop > 1024) {
      this.#records = this.#records.slice(drop);
      this.#first += drop;
    }
    this.released = through;
  }
}

/** Through the pipeline and the spool (or `memory`: no spool), INFLIGHT ingests at a time (devices in parallel), until the historian holds all. Seconds. */
async function spooled(dir, batches, fsync, label, memory = false) {
  const h = new DuckDbHistorian({ file: path.join(dir, 'spooled.duckdb'), flushIntervalMs: 1000 });
  await h.open();
  const log = memory ? new MemoryLog() : await IngestLog.open(path.join(dir, 'spool'), { maxBytes: 8 * 1024 ** 3, fsync });
  const pipeline = new Pipeline({ log, dynamicSources: ['acme'], consumers: [{ name: 'historian', handle: (b, m) => h.write(b, m), durableMark: () => h.durableMark(), startMark: h.durableMark() }] });
  pipeline.start();
  const t0 = performance.now();
  let next = 0;
  let n = 0;
  let last = 0;
  async function device() {
    while (next < batches.length) {
      const b = batches[next++];
      const r = await pipeline.ingest('acme', b);
      last = Math.max(last, r.seq ?? 0);
      n += b.length;
      progress(`${label}: ${n.toLocaleString('en-US')} rows accepted`);
    }
  }
  await Promise.all(Array.from({ length: INFLIGHT }, device));
  const accepted = (performance.now() - t0) / 1000;
  while (pipeline.readers()[0].cursor < last) await sleep(5);
  await h.flush();
  const stored = (performance.now() - t0) / 1000;
  if (h.durableMark() !== last) throw new Error(`the historian holds up to ${h.durableMark()}, not ${last}`);
  await pipeline.close();
  await log.close?.();
  await h.close();
  return { accepted, stored };
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-bench-spool-'));
try {
  const start = Math.floor(Date.now() / 1000) * 1000 - Math.ceil(ROWS / TAGS) * 1000;
  const { batches } = plantBatches(ROWS, TAGS, { batch: BATCH, start });
  phase(`Spool benchmark: ${ROWS.toLocaleString('en-US')} samples of ${TAGS} tags in batches of ${BATCH}, ${INFLIGHT} ingests in flight, best of ${RUNS}, on ${os.cpus().length} cores`);
  const best = { direct: Infinity, memory: Infinity, fsync: Infinity, fsyncAccepted: Infinity, nofsync: Infinity };
  for (let r = 0; r < RUNS; r++) {
    const fresh = () => fs.mkdtempSync(path.join(root, 'run-'));
    best.direct = Math.min(best.direct, await direct(fresh(), batches, `historian directly, run ${r + 1}`));
    best.memory = Math.min(best.memory, (await spooled(fresh(), batches, false, `pipeline, hand-over in memory, run ${r + 1}`, true)).stored);
    const f = await spooled(fresh(), batches, true, `pipeline + spool (fsync), run ${r + 1}`);
    best.fsync = Math.min(best.fsync, f.stored);
    best.fsyncAccepted = Math.min(best.fsyncAccepted, f.accepted);
    best.nofsync = Math.min(best.nofsync, (await spooled(fresh(), batches, false, `pipeline + spool (no fsync), run ${r + 1}`)).stored);
  }
  const rate = (s) => ROWS / s;
  phase('');
  const pct = (s) => `${Math.round((best.memory / s) * 100)} %`;
  const lines = [
    '| path | stored samples/s | vs. the pipeline before the spool | target |',
    '| --- | --- | --- | --- |',
    `| pipeline, batches handed over in memory (as before the spool) | ${si(rate(best.memory))} | 100 % | |`,
    `| pipeline + spool, fsync per group commit (default) | ${si(rate(best.fsync))} (accepted ${si(rate(best.fsyncAccepted))}/s) | ${pct(best.fsync)} | ≥ 80 %: ${best.memory / best.fsync >= 0.8 ? 'PASS' : 'MISS'} |`,
    `| pipeline + spool, fsync off | ${si(rate(best.nofsync))} | ${pct(best.nofsync)} | |`,
    `| historian write() + flush alone, no pipeline (the engine's ceiling) | ${si(rate(best.direct))} | ${pct(best.direct)} | |`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
