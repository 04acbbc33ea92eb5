/**
 * The hub under test as a real process: `node bin/causeway.js start -c <config> -d <data> -p <port>`
 * with a generated config, killed with SIGKILL and started again on the same data dir. Needs the
 * compiled CLI (`npm run build:hub`; `npm run test:chaos` builds it first).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../../src/test-support/services.js';
import { signIn } from '../../../src/test-support/http.js';
import { startProcess, stopProcess, until, type Proc } from './procs.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CLI = join(ROOT, 'bin/causeway.js');
const ADMIN_PASSWORD = 'chaos-hub-passphrase-0123456789';

/** Zones and conduits every scenario uses: devices in `cell` (level 1), the hub in `ops`, sinks in `it`. */
export function baseConfig(): Record<string, unknown> {
  return {
    site: { enterprise: 'Acme', name: 'Chaos', hubZone: 'ops' },
    zones: [{ id: 'cell', level: 1 }, { id: 'ops', level: 3 }, { id: 'it', level: 4 }],
    conduits: [{ from: 'cell', to: 'ops', allow: ['telemetry'] }, { from: 'cell', to: 'it', allow: ['telemetry'] }, { from: 'ops', to: 'it', allow: ['telemetry'] }],
  };
}

export class HubProcess {
  readonly dir: string;
  readonly dataDir: string;
  readonly configFile: string;
  readonly config: Record<string, unknown>;
  readonly port: number;
  /** How many times the hub was started. */
  starts = 0;
  #proc: Proc | undefined;
  #cookie = '';

  private constructor(dir: string, config: Record<string, unknown>, port: number) {
    this.dir = dir;
    this.dataDir = join(dir, 'data');
    this.configFile = join(dir, 'hub.yaml');
    this.config = config;
    this.port = port;
  }

  /** Write the config (JSON is YAML) into `dir`; the hub is not started yet. */
  static async create(dir: string, config: Record<string, unknown>): Promise<HubProcess> {
    if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('the compiled CLI is missing: run `npm run build:hub` (npm run test:chaos does it) before the chaos suite');
    mkdirSync(dir, { recursive: true });
    const hub = new HubProcess(dir, config, await freePort());
    writeFileSync(hub.configFile, JSON.stringify(config, null, 2));
    return hub;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.#proc?.alive() ? this.#proc.pid : undefined;
  }

  /** Start the hub and wait until its API answers and the admin is signed in. */
  async start(): Promise<void> {
    this.starts++;
    const t0 = Date.now();
    const p = (this.#proc = startProcess(process.execPath, [CLI, 'start', '-c', this.configFile, '-d', this.dataDir, '-p', String(this.port), '--log-level', 'info'], {
      cwd: this.dir,
      env: { ...process.env, CAUSEWAY_ADMIN_PASSWORD: ADMIN_PASSWORD, CAUSEWAY_LOG_LEVEL: 'info' },
      logFile: join(this.dir, 'hub.log'),
    }));
    const up = await until(async () => !p.alive() || (await fetch(`${this.url}/api/v1/health`)).status > 0, 60_000, 100);
    if (!p.alive()) throw new Error(`the hub exited (${String(await p.exited)}) instead of starting:\n${p.tail(30)}`);
    if (!up) throw new Error(`the hub did not answer on ${this.url} within 60 s:\n${p.tail(30)}`);
    this.#cookie = (await signIn(this.url, 'admin', ADMIN_PASSWORD)).cookie;
    this.startMs.push(Date.now() - t0);
  }

  /** How long each start took until the API answered and the admin was signed in (ms). */
  readonly startMs: number[] = [];

  /** kill -9, and wait until the process is gone. */
  async kill(): Promise<void> {
    if (!this.#proc?.alive()) throw new Error('the hub is not running, so it cannot be killed');
    process.kill(this.#proc.pid, 'SIGKILL');
    await this.#proc.exited;
  }

  /** SIGTERM (a clean stop: sources stop, the historian flushes); returns the exit code. */
  async stop(ms = 180_000): Promise<number | string> {
    if (!this.#proc) return 'never started';
    return stopProcess(this.#proc, 'SIGTERM', ms);
  }

  /** The hub's last lines of output. */
  tail(n = 30): string {
    return this.#proc?.tail(n) ?? '';
  }

  /** GET an API path as the admin; the parsed JSON. */
  async get<T = any>(path: string): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const res = await fetch(`${this.url}${path}`, { headers: { cookie: this.#cookie } });
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  /** The state of a source as /api/v1/sources shows it. */
  async sourceState(id: string): Promise<string | undefined> {
    const r = await this.get<{ sources: Array<{ id: string; state: string }> }>('/api/v1/sources');
    return r.sources.find((s) => s.id === id)?.state;
  }
}

/** The current value of `path` in /api/v1/values, or undefined (not there yet, or the hub is down). */
export async function currentValue(hub: HubProcess, path: string): Promise<unknown> {
  try {
    const r = await hub.get<{ values: Array<{ path: string; value: unknown }> }>(`/api/v1/values?path=${encodeURIComponent(path)}`);
    return r.values.find((v) => v.path === path)?.value;
  } catch {
    return undefined;
  }
}
