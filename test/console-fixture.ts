/**
 * A hub and a browser for the console's browser tests: the all-simulator demo plant (every page has
 * its data: production, writes, security) plus a dosing skid whose writable attribute sits on a
 * long path, one user per role (and one reader limited to a zone), and Debian's Chromium.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { stringify } from 'yaml';
import { kindSchemas } from '../src/cli/config-io.js';
import { formatProblems, loadConfigText } from '../src/config/index.js';
import type { HubConfig } from '../src/config/schema.js';
import { demoConfig, DEMO_ROOT } from '../src/demo/config.js';
import { prepareDemoErp } from '../src/demo/production.js';
import { Hub } from '../src/runtime/hub.js';
import type { Grant } from '../src/security/index.js';
import { servicesRequired } from '../src/test-support/services.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';
export const DOCS_SHOTS = join(ROOT, 'docs/screenshots');
export const PASSWORD = 'a long plant passphrase';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A writable attribute on a path as long as real plants make them. */
export const LONG_ASSET = `${DEMO_ROOT}/packaging/line1/syrup_room_dosing_skid_with_redundant_pumps/secondary_circuit_dosing_pump_b`;
export const LONG_PATH = `${LONG_ASSET}/flow_setpoint_litres_per_hour`;

/** Every role of the hub, and a reader limited to one zone. */
export const ACCOUNTS: ReadonlyArray<{ username: string; grants: Grant[] }> = [
  { username: 'ada', grants: [{ role: 'admin' }] },
  { username: 'olga', grants: [{ role: 'operator' }] },
  { username: 'ed', grants: [{ role: 'ot-engineer' }] },
  { username: 'ian', grants: [{ role: 'it-engineer' }] },
  { username: 'audrey', grants: [{ role: 'auditor' }] },
  { username: 'vic', grants: [{ role: 'viewer' }] },
  { username: 'zoe', grants: [{ role: 'viewer', zones: ['utilities'] }] },
];

export const chromiumAvailable = existsSync(CHROMIUM);

/** Skip (with the reason) or fail under CAUSEWAY_REQUIRE_SERVICES=1 when Chromium is missing. */
export function requireChromium(what: string): boolean {
  if (!chromiumAvailable && servicesRequired()) throw new Error(`Chromium is not installed at ${CHROMIUM}, and CAUSEWAY_REQUIRE_SERVICES=1 requires it. Install it with apt-get install chromium.`);
  if (!chromiumAvailable) console.warn(`skipping ${what}: Chromium is not installed at ${CHROMIUM} (apt-get install chromium).`);
  return chromiumAvailable;
}

/** Debian's Chromium, headless, as the probe of this machine class starts it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/** Build web/dist as `npm run build:web` does. */
export function buildUi(): void {
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', join(ROOT, 'web'), '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
}

function plantConfig(config: HubConfig): HubConfig {
  const c = structuredClone(config) as HubConfig & { sources: unknown[]; templates: unknown[]; assets: unknown[] };
  c.sources.push({
    id: 'dosing-plc', kind: 'simulator', zone: 'packaging', pollInterval: '1s', config: { seed: 9, period: '1s' },
    tags: [{ id: 'flow_sp', signal: { kind: 'setpoint', value: 300 } }],
  });
  c.templates.push({ id: 'DosingPump', attributes: [{ name: 'flow_setpoint_litres_per_hour', type: 'number', unit: 'L/h', min: 0, max: 900, writable: true }] });
  c.assets.push({ path: LONG_ASSET, template: 'DosingPump', bindings: { flow_setpoint_litres_per_hour: 'dosing-plc/flow_sp' } });
  // Every test here signs in through the API, a dozen users within a minute from one address: more
  // than the default 10 sign-ins per minute allow (a fast machine would get 429s, a slow one not).
  const sec = ((c as { security?: Record<string, unknown> }).security ??= {});
  sec.login = { ...(sec.login as object | undefined), perMinute: 600 };
  const { config: ok, problems } = loadConfigText(stringify(c), 'console-test.yaml', { kinds: kindSchemas(), env: {} });
  if (!ok) throw new Error(`the console test's config is invalid:\n${formatProblems(problems)}`);
  return ok;
}

export interface ConsoleHub {
  hub: Hub;
  url: string;
  browser: Browser;
  dir: string;
  /** A fresh browser context (its own cookies) at the given viewport. */
  context(width?: number, height?: number): Promise<BrowserContext>;
  /** A page of a new context, signed in as `username` (through the API, as the login form does). */
  signedIn(username: string, width?: number, height?: number): Promise<{ context: BrowserContext; page: Page }>;
  stop(): Promise<void>;
}

/** Start the hub with every account, and the browser. */
export async function startConsoleHub(): Promise<ConsoleHub> {
  buildUi();
  mkdirSync(DOCS_SHOTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'causeway-console-'));
  const erp = await prepareDemoErp(dir, Date.now(), { CAUSEWAY_DEMO_ERP: 'folder' });
  const config = plantConfig(demoConfig({ seed: 42, port: 0, erp }));
  const hub = await Hub.create({ config, dataDir: join(dir, 'data'), logger: pino({ level: 'silent' }), port: 0, env: { CAUSEWAY_ADMIN_PASSWORD: PASSWORD } });
  for (const a of ACCOUNTS) if (!hub.security.users.byName(a.username)) await hub.security.users.create({ username: a.username, password: PASSWORD, grants: a.grants });
  const url = await hub.start();
  const browser = await launchChromium();
  const context = (width = 1280, height = 860) => browser.newContext({ viewport: { width, height } });
  return {
    hub,
    url,
    browser,
    dir,
    context,
    async signedIn(username, width, height) {
      const ctx = await context(width, height);
      const r = await ctx.request.post(`${url}/api/v1/login`, { data: { username, password: PASSWORD } });
      if (!r.ok()) throw new Error(`signing in ${username} failed: ${r.status()} ${await r.text()}`);
      return { context: ctx, page: await ctx.newPage() };
    },
    async stop() {
      await browser.close().catch(() => undefined);
      await hub.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
