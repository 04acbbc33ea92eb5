/**
 * A private PostgreSQL for scenarios that stop the database: initdb in a temp dir and `postgres -p N`
 * as a tracked child process, never the machine's shared instance. Running as root (CI), the
 * server runs as the `postgres` system user, since PostgreSQL refuses to run as root.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { freePort } from '../../../src/test-support/services.js';
import { firstExisting, startProcess, stopProcess, until, type Proc } from './procs.js';
import { canConnect } from '../../../src/test-support/services.js';

/** The newest PostgreSQL server binaries on this machine, or undefined. */
export function postgresBin(): string | undefined {
  let versions: string[] = [];
  try {
    versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  } catch {
    return undefined;
  }
  const dir = versions.map((v) => `/usr/lib/postgresql/${v}/bin`).find((d) => firstExisting([join(d, 'initdb')]));
  return dir;
}

/** uid and gid of a system user, from /etc/passwd. */
function userIds(name: string): { uid: number; gid: number } | undefined {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith(`${name}:`));
  if (!line) return undefined;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

export class PrivatePostgres {
  readonly port: number;
  readonly #bin: string;
  readonly #data: string;
  readonly #sock: string;
  readonly #log: string;
  readonly #ids: { uid: number; gid: number } | undefined;
  #proc: Proc | undefined;

  private constructor(bin: string, dir: string, port: number) {
    this.#bin = bin;
    this.port = port;
    this.#data = join(dir, 'pgdata');
    this.#sock = join(dir, 'pgsock');
    this.#log = join(dir, 'postgres.log');
    this.#ids = process.getuid?.() === 0 ? userIds('postgres') : undefined;
    if (process.getuid?.() === 0 && !this.#ids) throw new Error('running as root, but there is no "postgres" user to run the private PostgreSQL as');
  }

  /** initdb in `dir` (which is made) and start the server on a free port. */
  static async create(dir: string): Promise<PrivatePostgres> {
    const bin = postgresBin();
    if (!bin) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)');
    const pg = new PrivatePostgres(bin, dir, await freePort());
    pg.#init(dir);
    await pg.start();
    return pg;
  }

  #init(dir: string): void {
    mkdirSync(this.#sock, { recursive: true });
    if (this.#ids) {
      // mkdtemp makes the scenario dir 0700 for root: let the postgres user through to its own folder.
      chmodSync(dirname(dir), 0o711);
      chownSync(dir, this.#ids.uid, this.#ids.gid);
      chownSync(this.#sock, this.#ids.uid, this.#ids.gid);
    }
    const r = spawnSync(join(this.#bin, 'initdb'), ['-D', this.#data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8'], { encoding: 'utf8', ...this.#ids });
    if (r.status !== 0) throw new Error(`initdb failed: ${r.stderr || r.stdout}`);
  }

  /** Start the server (again) on the same port and data; resolves once it accepts connections. */
  async start(): Promise<void> {
    if (this.#proc?.alive()) return;
    // fsync off: the database is stopped cleanly in these scenarios, never crashed, and the
    // machine's disk is shared with the hub under test.
    const args = ['-D', this.#data, '-p', String(this.port), '-k', this.#sock, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=50'];
    this.#proc = startProcess(join(this.#bin, 'postgres'), args, { logFile: this.#log, ...this.#ids });
    const up = await until(async () => (await canConnect('127.0.0.1', this.port, 500)) && this.#accepting(), 30_000, 100);
    if (!up) throw new Error(`the private PostgreSQL did not start on port ${this.port}:\n${this.#proc.tail()}`);
  }

  #accepting(): boolean {
    const r = spawnSync(join(this.#bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(this.port)], { encoding: 'utf8' });
    return r.status === 0;
  }

  /** Stop the server as an operator would (fast shutdown: clients are disconnected at once). */
  async stop(): Promise<void> {
    if (this.#proc) await stopProcess(this.#proc, 'SIGINT', 30_000);
  }

  /** Historian config keys that reach this server. */
  historian(schema = 'causeway'): { kind: 'postgres'; host: string; port: number; user: string; database: string; schema: string } {
    return { kind: 'postgres', host: '127.0.0.1', port: this.port, user: 'postgres', database: 'postgres', schema };
  }
}
