/**
 * Runs the demo's simulated devices: each as a separate process (or in this process, for tests
 * and restricted machines), waits until each serves, restarts one that stops unexpectedly after a
 * delay — long enough to watch the hub's connection status go to backoff and come back — and
 * stops them all when the demo stops. Children also stop on their own when the launcher dies.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { DeviceSettings } from './devices/index.js';
import { describeExit, inProcessDevice, spawnDevice, type DeviceInstance, type Exit } from './instances.js';
import type { DeviceKind } from './plant.js';

export type LaunchMode = 'process' | 'in-process';

export interface LauncherOptions {
  mode: LaunchMode;
  logger: Logger;
  /** The compiled device entry for process mode; default `devices/main.js` beside this file. */
  entry?: string;
  /** Wait before restarting a device that stopped (default 10 s). */
  restartDelayMs?: number;
  /** Longest wait for a device to serve (default 30 s). */
  readyTimeoutMs?: number;
  /** Longest wait for a device to stop before it is killed (default 5 s). */
  stopTimeoutMs?: number;
}

export interface DeviceStatus {
  kind: DeviceKind;
  state: 'starting' | 'running' | 'restarting' | 'stopped';
  endpoint: string | undefined;
  pid: number | undefined;
  /** Starts after the first. */
  restarts: number;
}

/** The compiled device entry beside this module (dist/demo/devices/main.js). */
export function defaultDeviceEntry(): string {
  return fileURLToPath(new URL('./devices/main.js', import.meta.url));
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s`)), ms)));
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

type ResolvedOptions = Required<LauncherOptions>;

/** What a user sees on the hub while a device is away. */
const WATCH: Record<DeviceKind, string> = {
  opcua: "watch the hub's connection status",
  modbus: "watch the hub's connection status",
  sparkplug: "the hub marks the compressor's values bad until the node births again",
  meter: 'the hub simply gets no readings meanwhile (a push device has no connection to lose)',
};

/** One device under supervision. */
class ManagedDevice {
  readonly status: DeviceStatus;
  readonly #settings: DeviceSettings;
  readonly #o: ResolvedOptions;
  readonly #log: Logger;
  #instance: DeviceInstance | undefined;
  #timer: NodeJS.Timeout | undefined;
  #stopping = false;
  #supervised = false;

  constructor(settings: DeviceSettings, o: ResolvedOptions) {
    this.#settings = settings;
    this.#o = o;
    this.#log = o.logger.child({ device: settings.kind });
    this.status = { kind: settings.kind, state: 'starting', endpoint: undefined, pid: undefined, restarts: 0 };
  }

  /** Start it and wait until it serves; only from then on is a stop unexpected (and restarted). */
  async start(): Promise<void> {
    const instance = this.#launch();
    try {
      await withTimeout(instance.ready, this.#o.readyTimeoutMs, 'it did not serve');
    } catch (e) {
      throw new Error(`the simulated ${this.status.kind} device failed: ${(e as Error).message}`);
    }
    this.#supervised = true;
  }

  /** End it abruptly, as a crash would; it is restarted after the delay. */
  interrupt(): void {
    this.#instance?.kill();
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    clearTimeout(this.#timer);
    await this.#instance?.stop(this.#o.stopTimeoutMs);
    this.status.state = 'stopped';
  }

  #launch(): DeviceInstance {
    const { mode, entry } = this.#o;
    const instance = mode === 'process' ? spawnDevice(entry, this.#settings, this.#log) : inProcessDevice(this.#settings, this.#log);
    this.#instance = instance;
    Object.assign(this.status, { state: 'starting', pid: instance.pid });
    instance.ready.then(
      (endpoint) => {
        Object.assign(this.status, { state: 'running', endpoint });
        if (this.status.restarts > 0) this.#log.info(`device ${this.status.kind} is back${instance.pid ? ` (pid ${instance.pid})` : ''}.`);
      },
      () => undefined,
    );
    void instance.exited.then((e) => this.#onExit(instance, e));
    return instance;
  }

  #onExit(instance: DeviceInstance, e: Exit): void {
    if (this.#stopping || !this.#supervised || instance !== this.#instance) return;
    const seconds = this.#o.restartDelayMs / 1000;
    this.status.state = 'restarting';
    this.#log.warn({ exit: describeExit(e) }, `device ${this.status.kind} stopped (${describeExit(e)}); restarting it in ${seconds} s — ${WATCH[this.status.kind]}`);
    this.#timer = setTimeout(() => {
      if (this.#stopping) return;
      this.status.restarts++;
      this.#launch();
    }, this.#o.restartDelayMs);
  }
}

/** The demo's simulated devices. */
export class DeviceLauncher {
  readonly #o: ResolvedOptions;
  readonly #devices: ManagedDevice[] = [];
  #stopped = false;

  constructor(o: LauncherOptions) {
    this.#o = {
      mode: o.mode,
      logger: o.logger,
      entry: o.entry ?? defaultDeviceEntry(),
      restartDelayMs: o.restartDelayMs ?? 10_000,
      readyTimeoutMs: o.readyTimeoutMs ?? 30_000,
      stopTimeoutMs: o.stopTimeoutMs ?? 5000,
    };
  }

  /** Start every device and wait until each serves; if one cannot, stop them all and throw. */
  async start(devices: readonly DeviceSettings[]): Promise<void> {
    if (this.#o.mode === 'process' && !existsSync(this.#o.entry)) {
      throw new Error(`The demo's device program ${this.#o.entry} is missing: run \`npm run build\` first (\`npm start\` does it for you).`);
    }
    const managed = devices.map((s) => new ManagedDevice(s, this.#o));
    this.#devices.push(...managed);
    try {
      await Promise.all(managed.map((d) => d.start()));
    } catch (e) {
      await this.stop();
      throw new Error(`The demo could not start its simulated devices: ${(e as Error).message}.`);
    }
  }

  /** Each device's state, endpoint and process id. */
  status(): DeviceStatus[] {
    return this.#devices.map((d) => ({ ...d.status }));
  }

  /** End one device abruptly (as a crash would); the launcher restarts it after the delay. */
  interrupt(kind: DeviceKind): void {
    this.#devices.find((d) => d.status.kind === kind)?.interrupt();
  }

  /** Stop every device (no restarts from now on). */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    await Promise.all(this.#devices.map((d) => d.stop()));
  }
}
