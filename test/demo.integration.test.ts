/**
 * The demo plant end to end, as `causeway demo` runs it: the four simulated devices as separate
 * Node.js processes (an OPC UA server with SignAndEncrypt, a Modbus TCP PLC, a Sparkplug B edge
 * node on the embedded broker, an HTTP-pushing energy meter) and a hub collecting from them over
 * loopback. Then a device is killed: its source shows it, and recovers when the launcher brings the
 * device back.
 *
 * The device processes need compiled JavaScript (there is no TypeScript loader at run time), so
 * beforeAll compiles the project once with tsc into a scratch folder inside node_modules/.cache,
 * where package imports still resolve. The hub itself runs here, from the sources.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBanner, startDemo, type RunningDemo } from '../src/cli/demo.js';
import { COMPRESSOR_PATH, DEMO_ROOT, ENERGY_METER_PATH } from '../src/demo/config.js';
import { adminFetch } from '../src/test-support/auth.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WAIT_MS = 60_000;
const RESTART_DELAY_MS = 3000;
const SOURCES = ['packaging-opcua', 'packaging-modbus', 'utilities-sparkplug', 'energy-meter'];
const ASSETS = [`${DEMO_ROOT}/packaging/line1/filler`, `${DEMO_ROOT}/packaging/line2/capper`, `${DEMO_ROOT}/packaging/line1/labeler`, `${DEMO_ROOT}/packaging/line2/palletizer`, COMPRESSOR_PATH, ENERGY_METER_PATH];

interface Status { id: string; state: string; lastError?: { code: string; message: string } }
interface Value { path: string; value: unknown; ts: number; quality: string }

/** Compile the project into `outDir` (type errors elsewhere in the tree do not stop the emit). */
function compile(outDir: string): Promise<string> {
  return new Promise((resolve) => {
    const tsc = spawn(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', outDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    tsc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    tsc.stderr.on('data', (d: Buffer) => (out += d.toString()));
    tsc.on('close', () => resolve(out));
  });
}

/** fetch as an admin of the demo hub. */
let api: typeof fetch = fetch;

async function get<T>(url: string): Promise<T> {
  const res = await api(url);
  return (await res.json()) as T;
}

/** Poll until `ok` holds, at most `ms`; returns the last value either way (the assertion follows). */
async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, ms = WAIT_MS): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what().catch(() => undefined as T);
    if ((v !== undefined && ok(v)) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the demo plant over real protocols', () => {
  const logs: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(line) });
  let buildDir: string;
  let dataDir: string;
  let demo: RunningDemo;
  let startedAt: number;
  const pids = new Set<number>();

  const sources = () => get<{ sources: Status[] }>(`${demo.url}/api/v1/sources`).then((r) => r.sources);
  const source = async (id: string) => (await sources()).find((s) => s.id === id);
  const values = (path: string) => get<{ values: Value[] }>(`${demo.url}/api/v1/values?path=${path}`).then((r) => r.values ?? []);
  const pidOf = (kind: string) => demo.devices().find((d) => d.kind === kind)?.pid;

  beforeAll(async () => {
    mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
    buildDir = mkdtempSync(join(ROOT, 'node_modules/.cache/causeway-demo-test-'));
    const output = await compile(buildDir);
    const entry = join(buildDir, 'demo/devices/main.js');
    if (!existsSync(entry)) throw new Error(`tsc did not produce ${entry}:\n${output}`);
    dataDir = mkdtempSync(join(tmpdir(), 'causeway-demo-'));
    startedAt = Date.now();
    demo = await startDemo({ dataDir, seed: 42, port: 0, logger, mode: 'process', deviceEntry: entry, restartDelayMs: RESTART_DELAY_MS });
    api = await adminFetch(demo.hub);
    for (const d of demo.devices()) if (d.pid) pids.add(d.pid);
  }, 120_000);

  afterAll(async () => {
    await demo?.stop();
    for (const d of demo?.devices() ?? []) if (d.pid) pids.add(d.pid);
    const leftover = [...pids].filter(alive);
    rmSync(buildDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
    expect(leftover, 'device processes left running').toEqual([]);
  }, 60_000);

  it('runs each device in its own process and collects from all four', async () => {
    expect(demo.devices().map((d) => d.kind)).toEqual(['opcua', 'modbus', 'sparkplug', 'meter']);
    for (const d of demo.devices()) {
      expect(d.pid).toBeGreaterThan(0);
      expect(d.pid).not.toBe(process.pid);
      expect(alive(d.pid!)).toBe(true);
    }
    const banner = demoBanner(demo.url, demo.devices());
    for (const d of demo.devices()) expect(banner).toContain(`pid ${d.pid}`);
    for (const d of demo.devices()) expect(banner).toContain(d.endpoint);
    const all = await until(sources, (list) => SOURCES.every((id) => list.find((s) => s.id === id)?.state === 'connected'));
    expect(Object.fromEntries(all.map((s) => [s.id, s.state]))).toEqual(Object.fromEntries(SOURCES.map((id) => [id, 'connected'])));
    for (const path of ASSETS) {
      const got = await until(() => values(path), (v) => v.length > 0 && v.every((x) => x.quality === 'good'));
      expect(got.length, path).toBeGreaterThan(0);
      expect(got.every((x) => x.quality === 'good'), path).toBe(true);
    }
    console.info(`demo: all four sources connected with values at every asset ${((Date.now() - startedAt) / 1000).toFixed(1)} s after start`);
  });

  it('reads the devices\' identity: OPC UA BuildInfo and Modbus device identification', async () => {
    expect(await get(`${demo.url}/api/v1/sources/packaging-opcua/device`)).toMatchObject({ manufacturer: 'Siemens AG', product: 'SIMATIC S7-1500 CPU 1516-3 PN/DP', softwareVersion: 'V2.9.4', buildNumber: '2417' });
    expect(await get(`${demo.url}/api/v1/sources/packaging-modbus/device`)).toMatchObject({ manufacturer: 'Schneider Electric', product: 'BMXP342020', softwareVersion: 'SV3.40' });
  });

  it('lists the four devices in the asset inventory, with their vendors, products and firmware', async () => {
    type Listed = { assets: Array<{ vendor?: string; product?: string; version?: string; protocols: string[] }> };
    const listed = await until(() => get<Listed>(`${demo.url}/api/v1/assets`), (r) => r.assets.filter((a) => a.vendor).length >= 4);
    const seen = listed.assets.filter((a) => a.vendor).map((a) => [a.protocols[0], a.vendor, a.product, a.version]);
    expect(seen).toEqual(expect.arrayContaining([
      ['opcua', 'Siemens AG', 'SIMATIC S7-1500 CPU 1516-3 PN/DP', 'V2.9.4'],
      ['modbus', 'Schneider Electric', 'Modicon M340 CPU', 'SV3.40'],
      ['sparkplug', 'WAGO', 'PFC200', 'FW22'],
      ['http-push', 'Schneider Electric', 'PowerLogic PM5560', '2.7.4'],
    ]));
  });

  it('matches them against the real advisories it ships, with reasons and the vendor fix', async () => {
    type Found = { items: Array<{ advisoryId: string; verdict: string; priority: string; reasons: string[]; remediations: Array<{ category: string }> }>; open: Record<string, number> };
    const want = ['ICSA-23-201-01', 'ICSA-23-325-01', 'ICSA-23-348-09'];
    const found = await until(() => get<Found>(`${demo.url}/api/v1/vulnerabilities?limit=1000`), (r) => want.every((id) => r.items.some((f) => f.advisoryId === id)));
    for (const id of want) {
      const f = found.items.find((x) => x.advisoryId === id)!;
      expect(f.verdict).toBe('affected');
      expect(f.reasons.join(' ')).toMatch(/Vendor: .* Product/);
      expect(f.remediations.length).toBeGreaterThan(0);
    }
    expect(Object.values(found.open).reduce((a, b) => a + b, 0)).toBe(found.items.length);
  });

  it('trusts exactly the demo server, by copying certificates, with nothing rejected', () => {
    const pki = join(dataDir, 'pki/opcua');
    expect(readdirSync(join(pki, 'trusted/certs'))).toHaveLength(1);
    expect(existsSync(join(pki, 'rejected')) ? readdirSync(join(pki, 'rejected')) : []).toEqual([]);
    expect(logs.join('\n')).toContain("demo: trusting the simulated OPC UA server's certificate");
  });

  it('shows a killed device in the connection status and recovers when the launcher restarts it', async () => {
    const before = pidOf('modbus')!;
    const killedAt = Date.now();
    process.kill(before, 'SIGKILL');
    const down = await until(() => source('packaging-modbus'), (s) => s?.state === 'backoff');
    expect(down?.state).toBe('backoff');
    expect(down?.lastError?.code).toMatch(/^CW_SOURCE_/);
    expect(logs.join('\n')).toContain(`device modbus stopped (signal SIGKILL); restarting it in ${RESTART_DELAY_MS / 1000} s`);

    const back = await until(() => source('packaging-modbus'), (s) => s?.state === 'connected');
    expect(back?.state).toBe('connected');
    const after = pidOf('modbus');
    if (after) pids.add(after);
    expect(after).not.toBe(before);
    const labeler = `${DEMO_ROOT}/packaging/line1/labeler`;
    const fresh = await until(() => values(labeler), (v) => v.length > 0 && v.every((x) => x.ts > killedAt && x.quality === 'good'));
    expect(fresh.every((x) => x.ts > killedAt), 'values after the restart').toBe(true);
    // The other devices never noticed.
    expect((await source('packaging-opcua'))?.state).toBe('connected');
  });

  it('never writes a generated secret into the log', () => {
    const text = logs.join('\n');
    for (const secret of Object.values(demo.setup!.secrets)) expect(text).not.toContain(secret);
  });
});
