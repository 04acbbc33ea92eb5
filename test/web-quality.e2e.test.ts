/**
 * The console shows why a value is bad: Debian's Chromium (playwright-core) on the namespace view
 * of a hub reading a real Modbus TCP device (modbus-serial). When the device goes away, the
 * attribute's quality badge turns bad with "link lost"; when it is back, good again.
 *
 * Skips with a message when /usr/bin/chromium is missing, unless CAUSEWAY_REQUIRE_SERVICES=1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckedText } from '../src/cli/config-io.js';
import { Hub } from '../src/runtime/hub.js';
import { TestDevice } from '../src/sources/modbus/__fixtures__/device.js';
import { freePort, servicesRequired } from '../src/test-support/services.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test/screenshots');
const FILLER = 'acme/springfield/packaging/line1/filler';
const PASSWORD = 'springfield night shift 2026';
const PATIENT = { timeout: 30_000 };
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const config = (port: number) => `
site: { enterprise: Acme, name: Springfield, hubZone: site-ops }
zones:
  - { id: line1-ot, level: 1 }
  - { id: site-ops, level: 3 }
conduits:
  - { from: line1-ot, to: site-ops, allow: [telemetry] }
sources:
  - id: plc
    kind: modbus
    zone: line1-ot
    pollInterval: 200ms
    config: { host: 127.0.0.1, port: ${port}, timeout: 300 }
    tags:
      - { id: rate, area: holding, address: 0 }
templates:
  - id: Filler
    attributes:
      - { name: rate, type: number, unit: bpm }
assets:
  - { path: ${FILLER}, template: Filler, bindings: { rate: plc/rate } }
historian: { flushInterval: 200ms }
`;

const available = existsSync(CHROMIUM);
if (!available && servicesRequired()) throw new Error(`Chromium is not installed at ${CHROMIUM}, and CAUSEWAY_REQUIRE_SERVICES=1 requires it. Install it with apt-get install chromium.`);
if (!available) console.warn(`skipping the console quality test: Chromium is not installed at ${CHROMIUM} (apt-get install chromium).`);

describe.skipIf(!available)('value quality in the console', () => {
  let dir: string;
  let device: TestDevice;
  let hub: Hub;
  let url: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
    const built = spawnSync(process.execPath, [vite, 'build', join(ROOT, 'web'), '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`vite build failed:\n${built.stdout}\n${built.stderr}`);
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'causeway-web-quality-'));
    device = await TestDevice.start(await freePort());
    device.setRegisters('holding', 0, [600]);
    const { config: cfg, problems } = await loadCheckedText(config(device.port), 'hub.yaml');
    expect(problems).toEqual([]);
    hub = await Hub.create({ config: cfg!, dataDir: join(dir, 'data'), logger: pino({ level: 'silent' }), port: 0, env: { CAUSEWAY_ADMIN_PASSWORD: PASSWORD } });
    url = await hub.start();
    context = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 860 } });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${url}/login`);
    await page.getByLabel('User name').fill('admin');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await hub?.stop();
    await device?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('shows a lost link on the quality badge of the asset\'s attributes and of the value, and good once back', async () => {
    await page.goto(`${url}/namespace?path=${FILLER}`);
    const quality = page.getByTestId('attr-rate').getByTestId('quality');
    await expect.poll(() => quality.getAttribute('data-quality'), PATIENT).toBe('good');
    expect(await quality.textContent()).toBe('good');

    await device.stop();
    await expect.poll(() => quality.getAttribute('data-reason'), PATIENT).toBe('link_lost');
    expect(await quality.getAttribute('data-quality')).toBe('bad');
    expect(await quality.textContent()).toBe('bad link lost');
    await page.screenshot({ path: join(SHOTS, 'quality-link-lost.png') });

    await page.goto(`${url}/namespace?path=${FILLER}/rate`);
    const value = page.getByTestId('quality');
    await expect.poll(() => value.getAttribute('data-reason'), PATIENT).toBe('link_lost');
    expect(await value.locator('[title]').getAttribute('title')).toContain('lost its link');

    await device.listen();
    await expect.poll(() => value.getAttribute('data-quality'), PATIENT).toBe('good');
    expect(await value.getAttribute('data-reason')).toBeNull();
  }, 120_000);
});
