/**
 * Child processes of a chaos scenario: every one is tracked and killed in afterAll (killAll), even
 * when a test fails half-way; output is kept (the tail goes into failure messages) and written to a
 * log file in the scenario's temp dir.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';

const running = new Set<ChildProcess>();

export interface Proc {
  readonly child: ChildProcess;
  readonly pid: number;
  /** The last lines of stdout and stderr, interleaved. */
  tail(lines?: number): string;
  /** Resolves with the exit code (or the signal's name) once the process has exited. */
  readonly exited: Promise<number | string>;
  alive(): boolean;
}

/** Start `command` and track it; `logFile` receives everything it prints. */
export function startProcess(command: string, args: string[], opts: SpawnOptions & { logFile?: string } = {}): Proc {
  const { logFile, ...spawnOpts } = opts;
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...spawnOpts });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  running.add(child);
  const log = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    log?.write(chunk);
    for (const l of chunk.toString().split('\n')) if (l.trim()) lines.push(l.length > 600 ? `${l.slice(0, 600)}…` : l);
    if (lines.length > 400) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let done = false;
  const exited = new Promise<number | string>((resolve) => {
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
    tail: (n = 20) => lines.slice(-n).join('\n'),
    exited,
    alive: () => !done,
  };
}

/** Send `signal` and wait (at most `ms`) for the exit; SIGKILL after that. Returns the exit code or signal. */
export async function stopProcess(p: Proc, signal: NodeJS.Signals = 'SIGTERM', ms = 30_000): Promise<number | string> {
  if (!p.alive()) return p.exited;
  p.child.kill(signal);
  const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms).unref());
  const first = await Promise.race([p.exited, timer]);
  if (first !== 'timeout') return first;
  p.child.kill('SIGKILL');
  await p.exited;
  return `no exit within ${ms} ms after ${signal}; killed`;
}

/** Kill every tracked process that is still running (afterAll). */
export async function killAll(): Promise<void> {
  const all = [...running];
  for (const c of all) c.kill('SIGKILL');
  await Promise.all(all.map((c) => new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(undefined) : c.once('exit', r)))));
}

/** The first of `candidates` that exists (e.g. a binary under several install paths). */
export function firstExisting(candidates: string[]): string | undefined {
  return candidates.find((c) => existsSync(c));
}

/** Wait `ms`. */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Poll `ok` every `everyMs` until it holds or `ms` passed; returns whether it held. */
export async function until(ok: () => boolean | Promise<boolean>, ms: number, everyMs = 100): Promise<boolean> {
  const end = Date.now() + ms;
  for (;;) {
    if (await Promise.resolve(ok()).catch(() => false)) return true;
    if (Date.now() > end) return false;
    await sleep(everyMs);
  }
}
