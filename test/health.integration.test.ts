/**
 * /api/v1/health across a historian outage: a private PostgreSQL (initdb + pg_ctl on a free port,
 * never the machine's shared one) is stopped under a running hub and started again. Health goes
 * degraded naming the historian while its flushes fail, and back to ok by itself once a flush
 * succeeds, although failed flushes happened (they are history, shown as a counter).
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckedText } from '../src/cli/config-io.js';
import { Hub } from '../src/runtime/hub.js';
import { freePort, servicesRequired } from '../src/test-support/services.js';

/** The PostgreSQL server binaries of this machine, if any. */
function pgBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const version = readdirSync(root).sort().at(-1);
  return version && existsSync(join(root, version, 'bin/pg_ctl')) ? join(root, version, 'bin') : undefined;
}

/** A throw-away PostgreSQL cluster; as root, its tools run as the postgres user (initdb refuses root). */
class PrivatePostgres {
  readonly dir = mkdtempSync(join(tmpdir(), 'causeway-health-pg-'));
  running = false;
  constructor(readonly bin: string, readonly port: number) {
    if (process.getuid?.() === 0) chownSync(this.dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  }
  #run(tool: string, args: string[]): void {
    const cmd = join(this.bin, tool);
    if (process.getuid?.() === 0) execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'ignore' });
    else execFileSync(cmd, args, { stdio: 'ignore' });
  }
  init(): void {
    this.#run('initdb', ['-D', join(this.dir, 'data'), '-A', 'trust', '-U', 'postgres']);
  }
  start(): void {
    if (this.running) return;
    this.#run('pg_ctl', ['-D', join(this.dir, 'data'), '-o', `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1`, '-l', join(this.dir, 'log'), '-w', 'start']);
    this.running = true;
  }
  stop(): void {
    if (!this.running) return;
    this.#run('pg_ctl', ['-D', join(this.dir, 'data'), '-m', 'immediate', '-w', 'stop']);
    this.running = false;
  }
  remove(): void {
    this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function config(pgPort: number): string {
  return `
site: { enterprise: Acme, name: Springfield, hubZone: site-ops }
zones:
  - { id: line1-ot, level: 1 }
  - { id: site-ops, level: 3 }
conduits:
  - { from: line1-ot, to: site-ops, allow: [telemetry] }
sources:
  - id: plc1
    kind: simulator
    zone: line1-ot
    pollInterval: 100ms
    config: { seed: 9, period: 100ms }
    tags:
      - { id: count, signal: { kind: counter, ratePerSecond: 10, rolloverAt: 1000000 } }
historian: { kind: postgres, connectionString: "postgres://postgres@127.0.0.1:${pgPort}/postgres", flushInterval: 200ms }
api: { port: 0 }
`;
}

interface Health { status: string; problems: Array<{ component: string; problem: string }>; historian: { failing: boolean; failedFlushes: number; pending: number } }

const bin = pgBin();
const describeIf = bin || servicesRequired() ? describe : describe.skip;
if (!bin) console.warn('health.integration: skipped, PostgreSQL server binaries (/usr/lib/postgresql/*/bin) are not installed');

describeIf('health across a historian outage', () => {
  let pg: PrivatePostgres;
  let hub: Hub;
  let url: string;
  const dir = mkdtempSync(join(tmpdir(), 'causeway-health-'));

  beforeAll(async () => {
    pg = new PrivatePostgres(bin!, await freePort());
    pg.init();
    pg.start();
    const { config: checked, problems } = loadCheckedText(config(pg.port), 'health.yaml');
    expect(problems).toEqual([]);
    hub = await Hub.create({ config: checked!, dataDir: dir, logger: pino({ level: 'silent' }), port: 0, env: { CAUSEWAY_ADMIN_PASSWORD: 'health-test-pw-4711' }, announce: () => undefined });
    url = await hub.start();
  }, 60_000);
  afterAll(async () => {
    // Up again so the hub's last flush succeeds and it stops cleanly.
    pg?.start();
    await hub?.stop();
    pg?.remove();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const health = async (): Promise<Health> => (await fetch(`${url}/api/v1/health`)).json() as Promise<Health>;
  async function until(ok: (h: Health) => boolean): Promise<Health> {
    for (let i = 0; i < 300; i++) {
      const h = await health();
      if (ok(h)) return h;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('health did not reach the expected state within 30 s');
  }

  it('is degraded naming the historian while flushes fail, and ok again by itself after recovery', async () => {
    await until((h) => h.status === 'ok');
    pg.stop();
    const down = await until((h) => h.status === 'degraded');
    expect(down.historian.failing).toBe(true);
    expect(down.problems).toEqual([{ component: 'historian', problem: expect.stringContaining('the latest flush failed') }]);
    expect(JSON.stringify(down)).not.toContain(String(pg.port));

    pg.start();
    const back = await until((h) => h.status === 'ok');
    expect(back.problems).toEqual([]);
    expect(back.historian.failing).toBe(false);
    // The failures happened and are counted; health only says what is wrong now.
    expect(back.historian.failedFlushes).toBeGreaterThan(0);
  }, 60_000);
});
