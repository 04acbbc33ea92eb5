/**
 * Child processes of the ingest benchmark: every one is tracked and killed when the benchmark
 * ends — normally, on an error, on Ctrl-C or SIGTERM — so no broker, Node-RED, hub or load
 * generator outlives it. Also free ports, waiting, and CPU/RSS from /proc.
 */
import { setTimeout, clearTimeout, setInterval, clearInterval } from 'node:timers';
import { performance } from 'node:perf_hooks';
import { fork, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import net from 'node:net';

const running = new Set();

/** Start `command` (or, with `opts.fork`, a Node module with an IPC channel) and track it; output goes to `opts.logFile`. */
export function startProcess(command, args, opts = {}) {
  const { logFile, fork: isFork, ...spawnOpts } = opts;
  const child = isFork
    ? fork(command, args, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], ...spawnOpts })
    : spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...spawnOpts });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  running.add(child);
  const log = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
  const lines = [];
  const watchers = [];
  const keep = (chunk) => {
    log?.write(chunk);
    for (const l of chunk.toString().split('\n')) {
      if (!l.trim()) continue;
      lines.push(l.length > 400 ? `${l.slice(0, 400)}…` : l);
      for (const w of watchers) w(l);
    }
    if (lines.length > 400) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let done = false;
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      done = true;
      running.delete(child);
      log?.end();
      resolve(code ?? signal ?? 'unknown');
    });
  });
  return {
    child,
    pid: child.pid,
    exited,
    alive: () => !done,
    tail: (n = 20) => lines.slice(-n).join('\n'),
    /** Resolves when a line of output matches `re` (lines already printed count too). */
    waitForLine: (re) => (lines.some((l) => re.test(l)) ? Promise.resolve() : new Promise((resolve) => watchers.push((l) => re.test(l) && resolve()))),
  };
}

/** Send `signal`, wait at most `ms` for the exit, then SIGKILL. The exit code or signal name. */
export async function stopProcess(p, signal = 'SIGTERM', ms = 30_000) {
  if (!p.alive()) return p.exited;
  p.child.kill(signal);
  let timer;
  const timeout = new Promise((r) => (timer = setTimeout(() => r('timeout'), ms)));
  const first = await Promise.race([p.exited, timeout]);
  clearTimeout(timer);
  if (first !== 'timeout') return first;
  p.child.kill('SIGKILL');
  await p.exited;
  return `no exit within ${ms} ms after ${signal}; killed`;
}

/** SIGKILL every tracked process that still runs (synchronous, so it also works in an exit handler). */
export function killAll() {
  for (const c of running) {
    try {
      c.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

const cleanups = [];
/** Run `fn` (synchronous) when the benchmark is interrupted, after the children are killed. */
export function onInterrupt(fn) {
  cleanups.push(fn);
}

let guarded = false;
/** Kill every child when this process ends: normal exit, uncaught error, Ctrl-C or SIGTERM. */
export function guardExit() {
  if (guarded) return;
  guarded = true;
  process.on('exit', killAll);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      process.stderr.write(`\n${sig}: stopping every process the benchmark started.\n`);
      killAll();
      for (const fn of cleanups) {
        try {
          fn();
        } catch {
          // best effort: the process is leaving
        }
      }
      process.exit(130);
    });
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Poll `ok` every `everyMs` until it holds or `ms` passed; whether it held. */
export async function until(ok, ms, everyMs = 100) {
  const end = Date.now() + ms;
  for (;;) {
    if (await Promise.resolve().then(ok).catch(() => false)) return true;
    if (Date.now() > end) return false;
    await sleep(everyMs);
  }
}

/** `promise`, or a rejection with `message()` after `ms`. */
export async function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(message())), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A free TCP port on loopback. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Whether something accepts TCP connections on host:port. */
export function canConnect(host, port, ms = 300) {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    const done = (ok) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(ms, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

const CLK_TCK = 100; // Linux's USER_HZ on every common platform (getconf CLK_TCK)

/** CPU seconds (user + system, all threads) the process has used so far; undefined once it is gone. */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / CLK_TCK; // utime, stime: fields 14 and 15
  } catch {
    return undefined;
  }
}

/** Resident memory in bytes (VmRSS); undefined once the process is gone. */
export function rssBytes(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Watches processes during a load phase: CPU used between start() and stop() as a percentage of
 * one core, and the highest RSS seen (sampled every 250 ms).
 */
export class ProcWatch {
  #pids;
  #cpu0 = new Map();
  #t0 = 0;
  #peak = new Map();
  #timer;
  constructor(pids) {
    this.#pids = pids;
  }
  start() {
    this.#t0 = performance.now();
    for (const pid of this.#pids) this.#cpu0.set(pid, cpuSeconds(pid) ?? 0);
    const sample = () => {
      for (const pid of this.#pids) this.#peak.set(pid, Math.max(this.#peak.get(pid) ?? 0, rssBytes(pid) ?? 0));
    };
    sample();
    this.#timer = setInterval(sample, 250);
  }
  /** Per pid: { cpuPct (of one core), peakRss (bytes) }. */
  stop() {
    clearInterval(this.#timer);
    const wall = (performance.now() - this.#t0) / 1000;
    const out = new Map();
    for (const pid of this.#pids) {
      const used = (cpuSeconds(pid) ?? this.#cpu0.get(pid)) - this.#cpu0.get(pid);
      out.set(pid, { cpuPct: (used / wall) * 100, peakRss: Math.max(this.#peak.get(pid) ?? 0, rssBytes(pid) ?? 0) });
    }
    return out;
  }
}
