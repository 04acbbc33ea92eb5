/**
 * One run of a simulated device, either as a separate Node.js process (what `causeway demo` does)
 * or inside this process (tests, or where spawning is not possible). The launcher treats both
 * alike: it waits for `ready`, watches `exited`, and calls `stop()`.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Logger } from 'pino';
import { relayLine } from './child-log.js';
import { deviceEnv, startDevice, type DeviceSettings } from './devices/index.js';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface DeviceInstance {
  /** The process id (process mode only). */
  readonly pid: number | undefined;
  /** Resolves with the device's endpoint once it serves; rejects when it fails first. */
  readonly ready: Promise<string>;
  /** Resolves when it has ended, however. */
  readonly exited: Promise<Exit>;
  /** End it now, without a clean stop: what a power cut or `kill -9` does. */
  kill(): void;
  /** Stop it cleanly; forcefully after `timeoutMs`. */
  stop(timeoutMs: number): Promise<void>;
}

/** Environment variables of ours that a device process must not inherit from the launcher. */
const PRIVATE_ENV = /^CAUSEWAY_(DEMO|DEVICE)_/;

function relay(stream: Readable, logger: Logger, plainLevel: 'info' | 'warn'): void {
  createInterface({ input: stream }).on('line', (line) => relayLine(logger, line, plainLevel));
}

/** Start a device as a child process: `node <entry> <kind>`, settings in its environment. */
export function spawnDevice(entry: string, settings: DeviceSettings, logger: Logger): DeviceInstance {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !PRIVATE_ENV.test(k)));
  // Its own process group: a Ctrl-C in the terminal reaches the launcher, which stops devices after the hub.
  const child = spawn(process.execPath, [entry, settings.kind], { env: { ...inherited, ...deviceEnv(settings) }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], detached: true });
  relay(child.stdout!, logger, 'info');
  relay(child.stderr!, logger, 'warn');
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise<string>((resolve, reject) => {
    child.on('message', (m: { type?: string; endpoint?: string }) => {
      if (m?.type === 'ready') resolve(m.endpoint ?? '');
    });
    child.once('error', reject);
    void exited.then((e) => reject(new Error(`it exited (${describeExit(e)}) before it was ready`)));
  });
  ready.catch(() => undefined);
  return {
    pid: child.pid,
    ready,
    exited,
    kill: () => void child.kill('SIGKILL'),
    async stop(timeoutMs) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Start a device inside this process, over the same real sockets. */
export function inProcessDevice(settings: DeviceSettings, logger: Logger): DeviceInstance {
  let end!: (e: Exit) => void;
  const exited = new Promise<Exit>((resolve) => (end = resolve));
  const running = startDevice(settings, logger);
  const ready = running.then((d) => d.endpoint);
  ready.catch((e: unknown) => {
    logger.error({ err: e }, `The simulated ${settings.kind} device could not start: ${(e as Error).message}`);
    end({ code: 1, signal: null });
  });
  const halt = async (signal: NodeJS.Signals | null) => {
    const device = await running.catch(() => undefined);
    await device?.stop();
    end({ code: signal ? null : 0, signal });
  };
  return {
    pid: undefined,
    ready,
    exited,
    kill: () => void halt('SIGKILL'),
    stop: () => halt(null),
  };
}

/** "exit code 1" or "signal SIGKILL". */
export function describeExit(e: Exit): string {
  return e.signal ? `signal ${e.signal}` : `exit code ${e.code ?? 'unknown'}`;
}
