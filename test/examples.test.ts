/**
 * The configs in examples/ are what examples/README.md says: every one passes `causeway check`
 * with no problems, each source example carries its kind's sample.yaml unchanged, and the first
 * plant, started with `causeway start` as the README says, collects its simulated filler's values
 * and publishes them to the unified namespace on its own broker.
 */
import { spawn, execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCheck } from '../src/cli/commands/check.js';
import { sourceDefinitions } from '../src/sources/index.js';
import { freePort } from '../src/test-support/services.js';
import { asSession, signIn } from '../src/test-support/http.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLES = join(ROOT, 'examples');
const BIN = join(ROOT, 'bin/causeway.js');
const FILLER = 'acme-beverages/springfield/packaging/line1/filler';

/** The secrets examples/README.md tells the user to set. */
const SECRETS: Record<string, string> = Object.fromEntries(
  ['UNS_MQTT_PASSWORD', 'READER_MQTT_PASSWORD', 'OPCUA_PASSWORD', 'MQTT_PASSWORD', 'SPARKPLUG_PASSWORD', 'ENERGY_METER_TOKEN'].map((k) => [k, randomBytes(24).toString('base64url')]),
);

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []));
}

const files = yamlFiles(EXAMPLES);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('examples/', () => {
  const saved: Record<string, string | undefined> = {};
  beforeAll(() => {
    for (const [k, v] of Object.entries(SECRETS)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
  });
  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('holds the first plant and one config per source kind', () => {
    expect(files.map((f) => relative(EXAMPLES, f)).sort()).toEqual(['first-plant.yaml', ...sourceDefinitions.map((d) => `sources/${d.kind}.yaml`)].sort());
    expect(readFileSync(join(EXAMPLES, 'first-plant.yaml'), 'utf8').trimEnd().split('\n').length).toBeLessThan(60);
  });

  it.each(files.map((f) => [relative(EXAMPLES, f), f]))('%s passes causeway check with no problems', async (_name, file) => {
    let out = '';
    const code = await runCheck(file, { write: (t: string) => (out += t) });
    expect(out).toContain(`${file}: no problems.`);
    expect(code).toBe(0);
  });

  it.each(sourceDefinitions.map((d) => [d.kind]))("sources/%s.yaml carries the kind's sample.yaml unchanged", (kind) => {
    const example = parse(readFileSync(join(EXAMPLES, `sources/${kind}.yaml`), 'utf8')) as { sources: unknown[] };
    const sample = parse(readFileSync(join(ROOT, `src/sources/${kind}/sample.yaml`), 'utf8')) as { sources: unknown[] };
    expect(example.sources).toEqual(sample.sources);
  });
});

describe('examples/first-plant.yaml, started as examples/README.md says', () => {
  let dir: string;
  let hub: ReturnType<typeof spawn> | undefined;
  let output = '';
  let api: string;
  let brokerPort: number;
  const adminPassword = randomBytes(18).toString('base64url');
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CAUSEWAY_'))), ...SECRETS };

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` (CI does) before this test.');
    dir = mkdtempSync(join(tmpdir(), 'causeway-first-plant-'));
    // The same file on free ports: the broker's 1884 (listener and the sink's URL) and the API's.
    const text = readFileSync(join(EXAMPLES, 'first-plant.yaml'), 'utf8');
    expect(text.match(/\b1884\b/g)).toHaveLength(2);
    brokerPort = await freePort();
    writeFileSync(join(dir, 'first-plant.yaml'), text.replace(/\b1884\b/g, String(brokerPort)));
    const port = await freePort();
    api = `http://127.0.0.1:${port}`;
    hub = spawn(process.execPath, [BIN, 'start', '-c', 'first-plant.yaml', '--data-dir', './first-plant-data', '--port', String(port)], { cwd: dir, env: { ...env, CAUSEWAY_ADMIN_PASSWORD: adminPassword }, stdio: ['ignore', 'pipe', 'pipe'] });
    hub.stdout!.on('data', (d: Buffer) => void (output += d.toString()));
    hub.stderr!.on('data', (d: Buffer) => void (output += d.toString()));
  }, 30_000);

  afterAll(async () => {
    if (hub && hub.exitCode === null) {
      const exited = new Promise((r) => hub!.once('exit', r));
      hub.kill('SIGINT');
      await Promise.race([exited, sleep(60_000)]);
      if (hub.exitCode === null) hub.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  }, 90_000);

  it('passes `npx causeway check examples/first-plant.yaml` (the command line, as the README runs it)', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, 'check', 'examples/first-plant.yaml'], { cwd: ROOT, env });
    expect(stdout).toMatch(/^examples\/first-plant\.yaml: no problems\./);
    expect(stdout).toContain('line1 (L1) → site-ops (L3)  telemetry');
  }, 60_000);

  it('collects the filler\'s values and publishes them to the unified namespace', async () => {
    const end = Date.now() + 90_000;
    let values: Array<{ path: string; value: unknown; quality: string }> = [];
    while (Date.now() < end) {
      const s = await signIn(api, 'admin', adminPassword).catch(() => undefined);
      if (s) {
        values = (await asSession(s, api)(`/api/v1/values?path=${FILLER}`)).body.values ?? [];
        if (values.length === 3) break;
      }
      if (hub!.exitCode !== null) break;
      await sleep(500);
    }
    expect(values.map((v) => v.path).sort(), output.slice(-3000)).toEqual([`${FILLER}/good_count`, `${FILLER}/speed`, `${FILLER}/state`]);
    expect(values.every((v) => v.quality === 'good')).toBe(true);

    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${brokerPort}`, { username: 'uns-reader', password: SECRETS.READER_MQTT_PASSWORD, reconnectPeriod: 0 });
    try {
      const got = new Promise<{ topic: string; payload: { value: unknown; quality: string } }>((resolve) => {
        client.on('message', (topic, payload) => {
          if (topic === `uns/${FILLER}/speed`) resolve({ topic, payload: JSON.parse(payload.toString()) as { value: unknown; quality: string } });
        });
      });
      await client.subscribeAsync('uns/#');
      const msg = await Promise.race([got, sleep(30_000).then(() => undefined)]);
      expect(msg?.payload).toMatchObject({ quality: 'good', value: expect.any(Number) });
    } finally {
      await client.endAsync();
    }
  }, 150_000);

  it('stops cleanly on Ctrl-C', async () => {
    const exited = new Promise<number | null>((r) => hub!.once('exit', (code) => r(code)));
    hub!.kill('SIGINT');
    expect(await Promise.race([exited, sleep(60_000).then(() => 'still running')])).toBe(0);
    expect(output).toContain('Stopped cleanly');
  }, 70_000);
});
