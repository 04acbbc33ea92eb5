/**
 * The parent's side of the forked helpers: load generators (load.js, http-load.js) and the
 * counting subscriber (counter.js), driven by IPC messages, plus the probe that waits until a
 * system under test forwards messages.
 */
import { setTimeout } from 'node:timers';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mqtt from 'mqtt';
import { startProcess, stopProcess, withTimeout } from './procs.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Fork `file` (beside this one) with `opts`; `next(type)` resolves with the next IPC message of that type. */
export function forkHelper(file, opts, logFile) {
  const proc = startProcess(path.join(here, file), [JSON.stringify(opts)], { fork: true, ...(logFile ? { logFile } : {}) });
  const queue = [];
  const waiting = [];
  proc.child.on('message', (m) => {
    const w = waiting.findIndex((x) => x.type === m.type);
    if (w >= 0) waiting.splice(w, 1)[0].resolve(m);
    else queue.push(m);
  });
  const died = proc.exited.then((code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`${file} exited (${code}):\n${proc.tail()}`));
  });
  return {
    pid: proc.pid,
    send: (m) => proc.child.send(m),
    /** Wait at most `ms` for the helper to end by itself (a generator disconnects cleanly after 'done'). */
    ended: (ms) => withTimeout(proc.exited, ms, () => '').catch(() => undefined),
    next(type, ms = 120_000) {
      const i = queue.findIndex((m) => m.type === type);
      if (i >= 0) return Promise.resolve(queue.splice(i, 1)[0]);
      if (!proc.alive()) return Promise.reject(new Error(`${file} exited:\n${proc.tail()}`));
      const p = new Promise((resolve, reject) => waiting.push({ type, resolve, reject }));
      return withTimeout(p, ms, () => `${file} sent no "${type}" within ${ms / 1000} s:\n${proc.tail()}`);
    },
    stop: () => stopProcess(proc, 'SIGKILL', 5000).then(() => died),
  };
}

/** Start `n` generators with per-generator options from `optsOf(i)`; resolves once all are connected. */
export async function startGenerators(file, n, optsOf) {
  const gens = Array.from({ length: n }, (_, i) => forkHelper(file, optsOf(i)));
  try {
    await Promise.all(gens.map((g) => g.next('ready', 60_000)));
  } catch (e) {
    await Promise.all(gens.map((g) => g.stop()));
    throw e;
  }
  return {
    pids: gens.map((g) => g.pid),
    /** Start all at the same instant; resolves with every generator's 'done' message. */
    async run(seconds) {
      const at = Date.now() + 200;
      for (const g of gens) g.send({ type: 'go', at });
      const done = await Promise.all(gens.map((g) => g.next('done', (seconds + 60) * 1000)));
      await Promise.all(gens.map((g) => g.ended(5000)));
      await Promise.all(gens.map((g) => g.stop()));
      return done;
    },
    stop: () => Promise.all(gens.map((g) => g.stop())),
  };
}

/**
 * Wait until a system forwards: publish `in/probe` until `out/…/probe` comes back (the counter
 * ignores both). Throws after `ms`.
 */
export async function probe(url, ms = 60_000) {
  const client = await mqtt.connectAsync(url, { clientId: `bench-probe-${process.pid}`, clean: true, reconnectPeriod: 0 });
  try {
    let seen = false;
    client.on('message', (topic) => {
      if (topic.endsWith('/probe')) seen = true;
    });
    await client.subscribeAsync('out/#', { qos: 0 });
    const end = Date.now() + ms;
    while (!seen) {
      if (Date.now() > end) throw new Error(`nothing came back on out/…/probe within ${ms / 1000} s`);
      await client.publishAsync('in/probe', JSON.stringify({ seq: 0, value: 0, timestamp: Date.now() }), { qos: 0 });
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await client.endAsync().catch(() => undefined);
  }
}
