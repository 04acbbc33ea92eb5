/**
 * The web console in a real browser: Debian's Chromium driven by playwright-core against the demo
 * plant (the four protocol devices in-process, a real hub serving the built UI), signed in as its
 * admin (the Security page with users, zones, certificates and a new API token among them); then
 * against a small hub whose conduit into the line requires approval, for the first-run setup, a
 * write by an operator approved by an OT engineer, and the audit log. Each page is opened,
 * its real content asserted, and a screenshot saved to test/screenshots/. Every request the
 * browser makes must go to a hub: no fonts, CDNs or anything else from outside.
 *
 * Skips with a message when /usr/bin/chromium is missing (apt-get install chromium), unless
 * CAUSEWAY_REQUIRE_SERVICES=1, which turns the skip into a failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckedText } from '../src/cli/config-io.js';
import { startDemo, type RunningDemo } from '../src/cli/demo.js';
import { COMPRESSOR_PATH, DEMO_ROOT } from '../src/demo/config.js';
import { Hub } from '../src/runtime/hub.js';
import { adminFetch } from '../src/test-support/auth.js';
import { servicesRequired } from '../src/test-support/services.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SETPOINT = 'acme/springfield/packaging/line1/filler/speed_sp';
/** A line whose conduit from the hub allows commands, with a second person's approval. */
const WRITES_CONFIG = `
site: { enterprise: Acme, name: Springfield, hubZone: site-ops }
zones:
  - { id: line1-ot, level: 1 }
  - { id: site-ops, level: 3 }
conduits:
  - { from: line1-ot, to: site-ops, allow: [telemetry] }
  - { from: site-ops, to: line1-ot, allow: [commands], require: { approval: true } }
sources:
  - id: plc1
    kind: simulator
    zone: line1-ot
    pollInterval: 200ms
    config: { seed: 7, period: 200ms }
    tags:
      - { id: speed_sp, signal: { kind: setpoint, value: 600 } }
      - { id: speed, signal: { kind: follow, tag: speed_sp, gain: 1, offset: 0 } }
templates:
  - id: Filler
    attributes:
      - { name: speed_sp, type: number, unit: bpm, min: 0, max: 900, writable: true }
      - { name: speed, type: number, unit: bpm }
assets:
  - { path: acme/springfield/packaging/line1/filler, template: Filler, bindings: { speed_sp: plc1/speed_sp, speed: plc1/speed } }
historian: { flushInterval: 200ms }
`;
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test/screenshots');
const LINE1 = `${DEMO_ROOT}/packaging/line1`;
const FILLER_SPEED = `${LINE1}/filler/speed`;
const PRESSURE = `${COMPRESSOR_PATH}/discharge_pressure`;
/** Live pages update every second or two: give them time, as a user would. */
const PATIENT = { timeout: 15_000 };
const SOURCES = ['packaging-opcua', 'packaging-modbus', 'utilities-sparkplug', 'energy-meter'];
const ADMIN_PASSWORD = 'springfield night shift 2026';
const PASSWORD = 'a long plant passphrase';
// As the probe of this machine class starts it: no background traffic to Google's hosts.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** How many buttons, links and form controls of the page have no accessible name. */
function unnamedControls(page: Page): Promise<number> {
  return page.evaluate(() =>
    [...document.querySelectorAll('button, a[href], input, select')].filter((el) => {
      const label = el.getAttribute('aria-label') || el.textContent?.trim() || (el.id && document.querySelector(`label[for="${el.id}"]`)) || el.closest('label');
      return !label;
    }).length,
  );
}

/** Build web/dist as `npm run build:web` does. */
function buildUi(): void {
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', join(ROOT, 'web'), '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
}

const available = existsSync(CHROMIUM);
if (!available && servicesRequired()) throw new Error(`Chromium is not installed at ${CHROMIUM}, and CAUSEWAY_REQUIRE_SERVICES=1 requires it. Install it with apt-get install chromium.`);
if (!available) console.warn(`skipping the web console tests: Chromium is not installed at ${CHROMIUM} (apt-get install chromium).`);

describe.skipIf(!available)('the web console in Chromium', () => {
  let demo: RunningDemo;
  let dataDir: string;
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  const hubs = new Set<string>();
  const outside: string[] = [];
  const timings: Record<string, number> = {};

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    buildUi();
    dataDir = mkdtempSync(join(tmpdir(), 'causeway-web-'));
    profile = mkdtempSync(join(tmpdir(), 'causeway-chromium-'));
    // The demo's first start makes its admin from CAUSEWAY_ADMIN_PASSWORD (instead of printing a setup token).
    process.env.CAUSEWAY_ADMIN_PASSWORD = ADMIN_PASSWORD;
    try {
      demo = await startDemo({ dataDir, seed: 42, port: 0, logger: pino({ level: 'silent' }), mode: 'in-process' });
    } finally {
      delete process.env.CAUSEWAY_ADMIN_PASSWORD;
    }
    hubs.add(new URL(demo.url).origin);
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 860 } });
    context.on('request', (r) => {
      const url = r.url();
      if (![...hubs].some((o) => url.startsWith(`${o}/`)) && !url.startsWith('data:') && !url.startsWith('blob:')) outside.push(url);
    });
    page = context.pages()[0] ?? (await context.newPage());
    // Let the sources connect and the historian gather a little history for the trend.
    const api = await adminFetch(demo.hub);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const r = (await (await api(`${demo.url}/api/v1/sources`)).json()) as { sources: Array<{ state: string }> };
      if (r.sources.every((s) => s.state === 'connected')) break;
      await new Promise((res) => setTimeout(res, 250));
    }
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await demo?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
    writeFileSync(join(SHOTS, 'timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
  }, 60_000);

  it('asks for a sign-in first, and signs in', async () => {
    await page.goto(`${demo.url}/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1);
    timings.firstContentfulPaintMs = Math.round(paint);
    console.info(`web console: first contentful paint of the first screen (sign-in) ${Math.round(paint)} ms`);
    expect(paint).toBeGreaterThan(0);
    await page.getByLabel('User name').fill('admin');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), PATIENT).toMatch(/\S/);
    await shot('login');
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    expect(await page.locator('.topbar').textContent()).toContain('admin (admin)');
  });

  it('shows the plant at a glance: sources up, values per second, sinks, OEE, security', async () => {
    const start = Date.now();
    await page.goto(`${demo.url}/`);
    await page.getByTestId('tile-sources').getByText(`${SOURCES.length} / ${SOURCES.length}`).waitFor();
    timings.overviewWithDataMs = Date.now() - start;
    await expect.poll(() => page.getByTestId('tile-sources').textContent(), PATIENT).toContain(`${SOURCES.length} / ${SOURCES.length}`);
    for (const id of SOURCES) await expect.poll(() => page.getByTestId(`overview-source-${id}`).textContent(), PATIENT).toContain('connected');
    // Values per second comes from two reads of /metrics, two seconds apart.
    await expect.poll(async () => Number((await page.getByTestId('tile-rate').locator('.figure').textContent())?.replace(/[^\d.]/g, '')), PATIENT).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('region', { name: 'Sinks and buffers' }).textContent(), PATIENT).toContain('historian');
    await expect.poll(() => page.getByRole('region', { name: 'Sinks and buffers' }).textContent(), PATIENT).toMatch(/uns\s*mqtt\s*connected/);
    await expect.poll(() => page.getByTestId('oee').textContent(), PATIENT).toMatch(/line1\s*[\d.]+ %/);
    await expect.poll(() => page.getByTestId('audit-chain').textContent(), PATIENT).toContain('chain intact');
    await expect.poll(() => page.getByTestId('accounts-summary').textContent(), PATIENT).toMatch(/\d users? \(\d admins?\) · 1 signed-in session · 1 API token/);
    // Security posture: Modbus TCP and plain MQTT carry data in the clear; the one conduit for commands needs approval.
    await expect.poll(() => page.getByTestId('posture-unencrypted').textContent(), PATIENT).toContain('packaging-modbus');
    expect(await page.getByTestId('posture-commands').textContent()).toContain('site-ops → packaging (approval)');
    await expect.poll(() => page.getByTestId('posture-certificates').textContent(), PATIENT).toMatch(/^Certificates rejected or expired\s*0/);
    // The demo's other accounts have not signed in yet.
    await expect.poll(() => page.getByTestId('posture-stale-accounts').textContent(), PATIENT).toContain('approver');
    await shot('overview');
  });

  it('is usable on a tablet: the navigation becomes a bar above the page', async () => {
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.goto(`${demo.url}/`);
    await expect.poll(() => page.getByTestId('tile-sources').textContent(), PATIENT).toContain('/');
    await expect.poll(async () => Number((await page.getByTestId('tile-rate').locator('.figure').textContent())?.replace(/[^\d.]/g, '')), PATIENT).toBeGreaterThan(0);
    const nav = await page.getByRole('navigation', { name: 'Console' }).boundingBox();
    const main = await page.locator('main').boundingBox();
    expect(nav!.y + nav!.height).toBeLessThanOrEqual(main!.y + 1);
    await shot('overview-tablet');
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('can be used with the keyboard: a skip link first, every control named', async () => {
    await page.goto(`${demo.url}/connections`);
    await page.getByRole('heading', { name: 'Connections' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    expect(await unnamedControls(page)).toBe(0);
  });

  it('explores the namespace: the tree shows the plant, search finds an asset, values update live', async () => {
    await page.goto(`${demo.url}/namespace`);
    const tree = page.getByRole('list', { name: 'Plant namespace' });
    await tree.getByRole('button', { name: DEMO_ROOT.split('/')[0], exact: true }).waitFor();
    for (const segment of DEMO_ROOT.split('/').concat(['packaging', 'line1'])) await page.getByRole('button', { name: `Open ${segment}`, exact: true }).click();
    await page.locator(`[data-path="${LINE1}/filler"]`).click();
    await expect.poll(() => page.getByRole('region', { name: 'Details' }).textContent(), PATIENT).toContain('Filler asset');
    await expect.poll(() => page.getByTestId('attr-speed').locator('td').nth(1).textContent(), PATIENT).toMatch(/\d/);

    await page.getByLabel('Search the namespace').fill('compressor');
    await page.getByRole('list', { name: 'Search results' }).getByRole('button').first().waitFor();
    expect(await page.getByRole('list', { name: 'Search results' }).textContent()).toContain('utilities/compressor');
    await page.getByLabel('Search the namespace').fill('');
    await page.getByLabel('Template', { exact: true }).fill('Filler');
    await expect.poll(() => page.getByRole('list', { name: 'Search results' }).textContent(), PATIENT).toContain('packaging/line2/filler');
    await page.getByLabel('Template', { exact: true }).fill('');

    await page.goto(`${demo.url}/namespace?path=${FILLER_SPEED}`);
    const value = page.getByTestId('live-value');
    await value.waitFor();
    await expect.poll(() => page.getByTestId('live-status').getAttribute('data-status'), PATIENT).toBe('live');
    const first = Number(await value.getAttribute('data-ts'));
    await expect.poll(async () => Number(await value.getAttribute('data-ts')), PATIENT).toBeGreaterThan(first);
    expect(await page.getByTestId('lineage').textContent()).toContain('packaging-opcua');
    await expect.poll(() => page.getByRole('region', { name: 'Details' }).textContent(), PATIENT).toContain('bottles/min');
    await shot('namespace');
  });

  it('draws a trend of two pens and zooms into a dragged span', async () => {
    await page.goto(`${demo.url}/trends?path=${FILLER_SPEED},${PRESSURE}&from=-5m`);
    const chart = page.getByTestId('trend-chart');
    await chart.locator('canvas').waitFor();
    await expect.poll(async () => Number(await page.getByTestId('trend-stats').locator('tbody tr').first().locator('td').nth(1).textContent()), PATIENT).toBeGreaterThan(0);
    const before = { from: Number(await chart.getAttribute('data-from')), to: Number(await chart.getAttribute('data-to')) };
    const over = (await chart.locator('.u-over').boundingBox())!;
    await page.mouse.move(over.x + over.width * 0.6, over.y + over.height / 2);
    await page.mouse.down();
    await page.mouse.move(over.x + over.width * 0.8, over.y + over.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => Number(await chart.getAttribute('data-to')) - Number(await chart.getAttribute('data-from')), PATIENT).toBeLessThan((before.to - before.from) / 3);
    const after = { from: Number(await chart.getAttribute('data-from')), to: Number(await chart.getAttribute('data-to')) };
    expect(after.from).toBeGreaterThan(before.from);
    expect(new URL(page.url()).searchParams.get('from')).toBe(String(after.from));
    const exportHref = await page.getByRole('link', { name: 'Export visible range (CSV)' }).getAttribute('href');
    expect(exportHref).toContain(`from=${after.from}`);
    // As the browser downloads it, with the session's cookie.
    const csv = await (await page.request.get(`${demo.url}${exportHref}`)).text();
    expect(csv.split('\r\n')[0]).toBe('time,path,value,quality');
    // The demo has run for seconds only: show the last minute for the picture.
    await page.goto(`${demo.url}/trends?path=${FILLER_SPEED},${PRESSURE}&from=-1m`);
    await expect.poll(async () => Number(await page.getByTestId('trend-stats').locator('tbody tr').nth(1).locator('td').nth(1).textContent()), PATIENT).toBeGreaterThan(0);
    await shot('trends');
  });

  it('shows each connection with its state and browses the OPC UA server for tags', async () => {
    await page.goto(`${demo.url}/connections`);
    for (const id of SOURCES) await expect.poll(() => page.getByTestId(`source-${id}`).textContent(), PATIENT).toContain('connected');
    expect(await page.getByTestId('source-packaging-modbus').textContent()).toContain('Last success');
    await expect.poll(() => page.getByTestId('source-packaging-modbus').textContent(), PATIENT).toMatch(/[\d.]+ values\/s/);
    const opcua = page.getByTestId('source-packaging-opcua');
    await opcua.getByRole('button', { name: 'Browse address space' }).click();
    // Objects/AcmeBeverages/Springfield/Packaging/Line1/Filler/<variables>, one level at a time.
    for (const name of ['AcmeBeverages', 'Springfield', 'Packaging', 'Line1', 'Filler']) await opcua.getByRole('button', { name: `Open ${name}`, exact: true }).click();
    await opcua.getByRole('checkbox').first().check();
    expect(await opcua.getByTestId('tag-lines').textContent()).toMatch(/nodeId: 'ns=\d+;s=[^']*Filler[^']*'/);
    // Sinks sit under the sources, with their backlog; "Reconnect now" reopens the link, and the audit log has it.
    const uns = page.getByTestId('sink-uns');
    await expect.poll(() => uns.textContent(), PATIENT).toContain('connected');
    expect(await uns.getByTestId('backlog').textContent()).toMatch(/^[\d,]+ samples waiting/);
    await uns.getByRole('button', { name: 'Reconnect sink uns now' }).click();
    await expect.poll(() => demo.hub.security.audit.query({ action: 'sink.reconnect', limit: 10 }).map((r) => r.target), PATIENT).toEqual(['uns']);
    await expect.poll(() => uns.textContent(), PATIENT).toContain('connected');
    await shot('connections');
  });

  it('starts a work order on line 1 and shows its count and the line\'s OEE updating', async () => {
    await page.goto(`${demo.url}/production`);
    const oee = page.getByTestId('oee-line1');
    await expect.poll(() => oee.textContent(), PATIENT).toMatch(/\d+\.\d %/);
    const counts = () => oee.locator('td').nth(5).textContent();
    const before = await counts();
    const row = page.locator('[data-testid^="order-"]').filter({ hasText: 'line1' }).filter({ hasText: 'released' }).first();
    const id = (await row.getAttribute('data-testid'))!.slice('order-'.length);
    await row.getByRole('button', { name: `Start order ${id}` }).click();
    const order = page.getByTestId(`order-${id}`);
    // Its speed write into packaging waits for a second person, as every write there does.
    await expect.poll(() => order.textContent(), PATIENT).toContain('waiting for approval');
    const held = demo.hub.production!.order(id);
    const approver = demo.hub.security.users.byName('approver')!;
    for (const w of held.dispatch?.state === 'awaiting-approval' ? held.dispatch.writes : []) {
      await demo.hub.services.security.writes.approve({ id: approver.id, name: approver.username, subject: { grants: approver.grants } }, w);
    }
    await expect.poll(() => order.textContent(), PATIENT).toContain('running');
    const good = async () => Number((await order.locator('td').nth(4).textContent())?.split('/')[0]?.replace(/[^\d]/g, ''));
    await expect.poll(good, { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(counts, { timeout: 30_000 }).not.toBe(before);
    // The line's stops with their reasons, and a picker to explain one.
    const stops = page.getByRole('region', { name: 'Stops and their reasons, last 24 hours' });
    await stops.getByLabel('Line').waitFor();
    expect(await stops.getByLabel('Line').locator('option').allTextContents()).toContain('line1');
    await expect.poll(async () => (await stops.getByTestId('stops').count()) + (await stops.getByText(/No stops on line1/).count()), PATIENT).toBe(1);
    await shot('production');
  });

  it('shows security: users and roles, the zones diagram, the certificates, and a new token\'s secret once', async () => {
    await page.goto(`${demo.url}/security`);
    await page.getByRole('heading', { name: 'Security', level: 1 }).waitFor();
    for (const name of ['admin', 'operator', 'approver', 'auditor']) await page.getByTestId(`user-${name}`).waitFor();
    expect(await page.getByTestId('user-admin').textContent()).toContain('admin everywhere');
    expect(await page.getByTestId('user-approver').textContent()).toContain('ot-engineer everywhere');

    const diagram = page.getByTestId('zones-diagram');
    for (const zone of ['packaging', 'utilities', 'site-ops', 'enterprise']) expect(await diagram.locator(`[data-zone="${zone}"]`).count()).toBe(1);
    expect(await diagram.locator('[data-conduit="site-ops->packaging"]').textContent()).toContain('commands (approval)');
    expect(await diagram.locator('[data-link="packaging-modbus"]').getAttribute('data-encrypted')).toBe('false');
    expect(await diagram.locator('[data-zone="site-ops"]').textContent()).toContain('Causeway hub');
    await diagram.screenshot({ path: join(SHOTS, 'security-zones.png') });
    expect(await unnamedControls(page)).toBe(0);

    // The demo trusted its own simulated server; the hub's own certificate is there too.
    const certs = page.getByTestId('certificates');
    await expect.poll(() => certs.textContent(), PATIENT).toContain("hub's own");
    expect(await certs.textContent()).toContain('trusted');
    expect(await certs.textContent()).toContain('packaging-opcua');
    // Deciding asks first, with the thumbprint to compare; cancelling leaves the certificate alone.
    await certs.getByRole('button', { name: /^Reject the certificate of / }).click();
    await certs.getByRole('button', { name: 'Yes, reject it' }).waitFor();
    await certs.getByRole('button', { name: 'Cancel' }).click();
    expect(await certs.textContent()).toContain('trusted');

    // An admin's lock: the badge names who locked the account; unlocking restores it.
    const auditor = page.getByTestId('user-auditor');
    await auditor.getByRole('button', { name: 'Lock auditor' }).click();
    await expect.poll(() => auditor.textContent(), PATIENT).toContain('locked by admin');
    await auditor.getByRole('button', { name: 'Unlock auditor' }).click();
    await expect.poll(() => auditor.textContent(), PATIENT).toContain('active');

    await page.getByLabel('Token name').fill('e2e-robot');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secretBox = page.getByLabel('Secret of token e2e-robot');
    await secretBox.waitFor();
    const secret = await secretBox.inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await page.getByTestId('token-e2e-robot').waitFor();
    expect(await page.getByTestId('token-e2e-robot').textContent()).toContain('read');
    const me = await page.request.get(`${demo.url}/api/v1/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(((await me.json()) as { via: string }).via).toBe('token');
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await page.getByLabel('Token name').waitFor();
    expect(await page.content()).not.toContain(secret);
    await page.getByRole('heading', { name: 'Security', level: 1 }).click();
    // The first screen (zones diagram) for the README, and the whole page.
    await page.screenshot({ path: join(SHOTS, 'security.png') });
    await shot('security-full');
  });

  describe('on a hub whose conduit into the line requires approval', () => {
    let hub: Hub;
    let url: string;
    const notices: string[] = [];

    const signIn = async (username: string, password = PASSWORD) => {
      await page.goto(`${url}/login`);
      await page.getByLabel('User name').fill(username);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Overview' }).waitFor();
    };
    const signOut = async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    };

    beforeAll(async () => {
      const { config, problems } = loadCheckedText(WRITES_CONFIG, 'writes.yaml');
      expect(problems).toEqual([]);
      hub = await Hub.create({ config: config!, dataDir: join(dataDir, 'writes-hub'), logger: pino({ level: 'silent' }), port: 0, env: {}, announce: (t) => void notices.push(t) });
      url = await hub.start();
      hubs.add(new URL(url).origin);
    }, 60_000);
    afterAll(async () => {
      await hub?.stop();
    });

    it('creates the first administrator on the setup page with the token the hub printed', async () => {
      const token = /valid 24 h, printed only now\):\n\s+(\S+)/.exec(notices.join(''))?.[1];
      expect(token).toBeTruthy();
      await page.goto(`${url}/`);
      await page.getByRole('status').getByText('This hub has no administrator yet.').waitFor();
      await page.getByRole('link', { name: 'Create one' }).click();
      await page.getByLabel('Setup token').fill(token!);
      await page.getByLabel('Administrator user name').fill('ada');
      await page.getByLabel('Password').fill(PASSWORD);
      await shot('setup');
      await page.getByRole('button', { name: 'Create administrator' }).click();
      // It says who was made and what comes next.
      expect(await page.getByTestId('setup-done').getByRole('status').textContent()).toContain('The administrator ada was created.');
      await page.getByRole('link', { name: 'Sign in as ada' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await signIn('ada');
      for (const [username, role] of [['olga', 'operator'], ['ed', 'ot-engineer'], ['audrey', 'auditor']] as const) {
        await hub.security.users.create({ username, password: PASSWORD, grants: [{ role }] });
      }
      await signOut();
    });

    it('lets an operator request a write that waits for a second person, who approves it', async () => {
      await signIn('olga');
      const nav = await page.getByRole('navigation', { name: 'Console' }).textContent();
      expect(nav).toContain('Writes');
      expect(nav).not.toContain('Security');
      await page.goto(`${url}/writes?path=${SETPOINT}`);
      await page.getByLabel('New value').fill('640');
      await page.getByLabel('Reason (for the approver and the audit log)').fill('new product');
      await page.getByRole('button', { name: 'Request write' }).click();
      await expect.poll(() => page.getByTestId('write-outcome').textContent(), PATIENT).toContain('Waiting for approval');
      await expect.poll(() => page.getByRole('region', { name: 'Waiting for approval' }).textContent(), PATIENT).toContain('olga');
      await shot('writes');
      await signOut();

      await signIn('ed');
      await page.goto(`${url}/writes`);
      await page.getByRole('button', { name: `Approve writing 640 to ${SETPOINT}` }).click();
      const history = page.getByTestId('write-history');
      await expect.poll(() => history.locator('tbody tr').first().textContent(), PATIENT).toMatch(/done.*olga \/ ed.*→ 640, verified/);
      await page.goto(`${url}/namespace?path=${SETPOINT}`);
      await expect.poll(() => page.getByTestId('live-value').textContent(), PATIENT).toContain('640');
      await shot('writes-approved');
      await signOut();
    });

    it('shows an auditor the audit log with the write, its approval, and an intact chain', async () => {
      await signIn('audrey');
      const nav = await page.getByRole('navigation', { name: 'Console' }).textContent();
      expect(nav).toContain('Security');
      expect(nav).not.toContain('Writes');
      await page.goto(`${url}/security`);
      await expect.poll(() => page.getByTestId('audit-chain').textContent(), PATIENT).toContain('chain intact');
      const log = page.getByTestId('audit-log');
      await expect.poll(() => log.textContent(), PATIENT).toContain('write.approve');
      expect(await log.textContent()).toContain('olga');
      await page.getByLabel('Action').fill('write');
      await expect.poll(async () => (await log.locator('tbody tr').allTextContents()).every((t) => t.includes('write')), PATIENT).toBe(true);
      await page.getByLabel('Action').fill('');
      await expect.poll(() => log.locator('tbody tr').count(), PATIENT).toBeGreaterThan(8);
      await page.getByRole('heading', { name: 'Audit log' }).click();
      await shot('audit');
    });
  });

  it('asks nothing of any host but the hub', () => {
    expect(outside).toEqual([]);
  });
});
