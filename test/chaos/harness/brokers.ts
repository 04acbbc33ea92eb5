/**
 * Private message servers on free ports, started and stopped by PID: `mosquitto -c <conf>` and
 * `nats-server -p N -js -sd DIR`. Never the machine's shared Mosquitto (1883) or NATS (4222).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canConnect, freePort } from '../../../src/test-support/services.js';
import { firstExisting, startProcess, stopProcess, until, type Proc } from './procs.js';

export const MOSQUITTO_BIN = firstExisting(['/usr/sbin/mosquitto', '/usr/bin/mosquitto', '/usr/local/sbin/mosquitto', '/usr/local/bin/mosquitto']);
export const NATS_BIN = firstExisting(['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server']);

/** A server process that can be stopped and started again on the same port and data. */
abstract class PrivateServer {
  readonly port: number;
  protected proc: Proc | undefined;
  protected constructor(port: number) {
    this.port = port;
  }
  protected abstract spawn(): Proc;
  abstract get name(): string;

  /** Start (again); resolves once the port accepts connections. */
  async start(): Promise<void> {
    if (this.proc?.alive()) return;
    const p = (this.proc = this.spawn());
    const up = await until(async () => !p.alive() || (await canConnect('127.0.0.1', this.port, 300)), 20_000, 50);
    if (!up || !p.alive()) throw new Error(`the private ${this.name} did not start on port ${this.port}:\n${p.tail()}`);
  }

  /** Stop with SIGTERM (a clean shutdown; persistent data is written) and wait for the exit. */
  async stop(): Promise<void> {
    if (this.proc) await stopProcess(this.proc, 'SIGTERM', 20_000);
  }

  get url(): string {
    return `127.0.0.1:${this.port}`;
  }
}

/**
 * Mosquitto with no limit on queued QoS 1 messages (the default 1,000 per offline client would drop
 * messages the scenario counts), and with `persistence` the sessions survive a restart.
 */
export class PrivateMosquitto extends PrivateServer {
  readonly #conf: string;
  readonly #dir: string;
  private constructor(port: number, dir: string, conf: string) {
    super(port);
    this.#dir = dir;
    this.#conf = conf;
  }
  get name(): string {
    return 'Mosquitto';
  }

  static async create(dir: string, opts: { persistence?: boolean } = {}): Promise<PrivateMosquitto> {
    if (!MOSQUITTO_BIN) throw new Error('mosquitto is not installed (apt-get install mosquitto)');
    const port = await freePort();
    mkdirSync(dir, { recursive: true });
    const conf = join(dir, 'mosquitto.conf');
    const lines = [`listener ${port} 127.0.0.1`, 'allow_anonymous true', 'max_queued_messages 0', 'max_inflight_messages 100'];
    // As root mosquitto would switch to the "mosquitto" user, who cannot write our temp dir.
    if (process.getuid?.() === 0) lines.push('user root');
    if (opts.persistence) lines.push('persistence true', `persistence_location ${dir}/`, 'autosave_interval 1');
    writeFileSync(conf, `${lines.join('\n')}\n`);
    const m = new PrivateMosquitto(port, dir, conf);
    await m.start();
    return m;
  }

  protected spawn(): Proc {
    return startProcess(MOSQUITTO_BIN!, ['-c', this.#conf], { logFile: join(this.#dir, 'mosquitto.log') });
  }

  override get url(): string {
    return `mqtt://127.0.0.1:${this.port}`;
  }
}

/** nats-server with JetStream, its store in `dir` (kept across restarts). */
export class PrivateNats extends PrivateServer {
  readonly #dir: string;
  private constructor(port: number, dir: string) {
    super(port);
    this.#dir = dir;
  }
  get name(): string {
    return 'NATS server';
  }

  static async create(dir: string): Promise<PrivateNats> {
    if (!NATS_BIN) throw new Error('nats-server is not installed (apt-get install nats-server)');
    mkdirSync(join(dir, 'js'), { recursive: true });
    const n = new PrivateNats(await freePort(), dir);
    await n.start();
    return n;
  }

  protected spawn(): Proc {
    return startProcess(NATS_BIN!, ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', join(this.#dir, 'js')], { logFile: join(this.#dir, 'nats.log') });
  }

  override get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }
}
