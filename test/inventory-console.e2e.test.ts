/**
 * The inventory in the console, in Debian's Chromium (playwright-core), against a hub whose press
 * PLC pushes its values over HTTP and declares who it is (a `device:` block, then its firmware in
 * the request body):
 * - an OT engineer sees the discovered PLC on the Assets page, adds a machine controller by hand,
 *   imports a CSV with one bad row and reads the per-row report, and opens the PLC's detail with
 *   its firmware change in the history;
 * - the engineer uploads a real CISA CSAF advisory (ICSA-23-348-11, Siemens SINUMERIK ONE) on the
 *   Vulnerabilities page, presses "Match now", and reads the finding on the hand-added controller
 *   with why it matched; a file that is not CSAF and an upload by an engineer of one zone are
 *   refused, with the hub's problem shown;
 * - an auditor reads the inventory but gets no form to change it; a viewer has neither the Assets nor the Vulnerabilities entry, and is refused the page.
 * Screenshots to docs/screenshots/assets.png and vulnerabilities.png. Serves the built console
 * (web/dist: `npm run build:web` first). Skips without /usr/bin/chromium unless CAUSEWAY_REQUIRE_SERVICES=1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckedText } from '../src/cli/config-io.js';
import { Hub } from '../src/runtime/hub.js';
import { signedInContext, watchPage } from './browser-kit.js';
import { DOCS_SHOTS, launchChromium, PASSWORD, requireChromium, ROOT } from './console-fixture.js';

const PATIENT = { timeout: 15_000 };
const PUSH_TOKEN = 'push-token-of-the-press-line-0123456789';
const ADVISORY = join(ROOT, 'src/inventory/advisories/__fixtures__/flat/icsa-23-348-11.json');

const CONFIG = `
site: { enterprise: Acme, name: Springfield, hubZone: ops }
zones: [{ id: cell, level: 1 }, { id: ops, level: 3 }]
conduits: [{ from: cell, to: ops, allow: [telemetry] }]
sources:
  - id: press-plc
    kind: http-push
    zone: cell
    config: { token: "${PUSH_TOKEN}" }
    device:
      name: Press line PLC
      vendor: Siemens
      product: SIMATIC S7-1500
      owner: { team: OT Press, person: Sam Ortiz }
      criticality: high
    tags: [{ id: force, unit: kN }]
security: { login: { perMinute: 600 } }
`;

let dir: string;
let hub: Hub;
let url: string;
let browser: Browser | undefined;
const run = requireChromium('the inventory console test');

async function push(firmware: string, value: number): Promise<void> {
  const body = { device: { vendor: 'Siemens', product: 'SIMATIC S7-1500', model: 'CPU 1516-3 PN/DP', firmware, serial: 'S C-X4U123456' }, ts: Date.now(), values: { force: value } };
  const r = await fetch(`${url}/ingest/press-plc`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${PUSH_TOKEN}` }, body: JSON.stringify(body) });
  expect(r.status, await r.text()).toBe(200);
}

const signedIn = (username: string) => signedInContext(browser!, url, username, PASSWORD);
const watch = watchPage;

beforeAll(async () => {
  if (!run) return;
  dir = mkdtempSync(join(tmpdir(), 'causeway-inventory-console-'));
  const { config, problems } = loadCheckedText(CONFIG, 'inventory-console.yaml');
  expect(problems).toEqual([]);
  hub = await Hub.create({ config: config!, dataDir: join(dir, 'data'), logger: pino({ level: 'silent' }), port: 0, env: { CAUSEWAY_ADMIN_PASSWORD: PASSWORD }, announce: () => {} });
  for (const [username, role] of [['ed', 'ot-engineer'], ['vic', 'viewer'], ['audrey', 'auditor']] as const) await hub.security.users.create({ username, password: PASSWORD, grants: [{ role }] });
  // An engineer of the cell only: uploads need configure site-wide.
  await hub.security.users.create({ username: 'cora', password: PASSWORD, grants: [{ role: 'ot-engineer', zones: ['cell'] }] });
  url = await hub.start();
  browser = await launchChromium();
  // The PLC says who it is, then comes back after a firmware update: an identity change in its history.
  await push('V2.9.4', 812);
  await push('V3.0.1', 815);
}, 60_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await hub?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe.runIf(run)('the inventory console', () => {
  it('lists discovered assets, adds one by hand, imports a CSV with a per-row report, and shows an asset with its history', async () => {
    const { context, page } = await signedIn('ed');
    const problems = watch(page);
    try {
      await page.goto(`${url}/assets`);
      await page.getByRole('heading', { name: 'Assets', level: 1 }).waitFor(PATIENT);
      const plc = page.getByTestId('asset-press-plc');
      await plc.waitFor(PATIENT);
      expect(await plc.innerText()).toMatch(/Press line PLC\s+Siemens\s+SIMATIC S7-1500\s+CPU 1516-3 PN\/DP\s+V3\.0\.1\s+cell L1/);
      expect(await plc.innerText()).toContain('discovered');

      // By hand: the machine controller the hub does not talk to.
      const add = page.getByRole('region', { name: 'Add asset' });
      await add.getByLabel('Name').fill('Cell 2 machine controller');
      await add.getByLabel('Zone').selectOption('cell');
      await add.getByLabel('Vendor').fill('Siemens');
      await add.getByLabel('Product').fill('SINUMERIK ONE');
      await add.getByLabel('Version').fill('6.20');
      await add.getByLabel('Protocols').fill('profinet; opcua');
      await add.getByLabel('Criticality').selectOption('critical');
      await add.getByRole('button', { name: 'Add' }).click();
      await add.getByRole('status').filter({ hasText: 'Added Cell 2 machine controller' }).waitFor(PATIENT);
      const cnc = page.locator('[data-testid^="asset-asset-"]').filter({ hasText: 'Cell 2 machine controller' });
      await cnc.waitFor(PATIENT);
      expect(await cnc.innerText()).toContain('manual');

      // A CSV: one good row, one for a zone the config does not have.
      const imp = page.getByRole('region', { name: 'Import CSV' });
      await imp.getByLabel('CSV text').fill('id,name,zone,vendor,product,version,protocols,encrypted\nsw-1,Cell switch,cell,Hirschmann,RSP35,09.4.04,snmp;https,yes\nhmi-9,Press HMI,cell-z,Siemens,Comfort Panel,17,profinet,no\n');
      await imp.getByRole('button', { name: 'Import' }).click();
      const report = page.getByTestId('import-report');
      await report.waitFor(PATIENT);
      expect(await report.innerText()).toContain('2 rows: 1 created, 0 updated, 1 rejected.');
      const rejected = report.locator('tbody tr');
      expect(await rejected.count()).toBe(1);
      expect(await rejected.innerText()).toMatch(/^3\s+hmi-9\s+.*cell-z/);
      const sw = page.getByTestId('asset-sw-1');
      await sw.waitFor(PATIENT);
      expect(await sw.innerText()).toMatch(/csv[\s\S]*encrypted/);

      // The filters: by vendor, then by text.
      const inventory = page.getByRole('region', { name: 'Inventory' });
      await inventory.getByLabel('Vendor').fill('hirschmann');
      await expect.poll(() => page.getByTestId('assets').locator('tbody tr').count(), PATIENT).toBe(1);
      await inventory.getByLabel('Vendor').fill('');
      await inventory.getByLabel('Text').fill('press');
      await expect.poll(() => page.getByTestId('assets').locator('tbody tr').count(), PATIENT).toBe(1);
      await inventory.getByLabel('Text').fill('');
      await expect.poll(() => page.getByTestId('assets').locator('tbody tr').count(), PATIENT).toBe(3);

      // The PLC's detail: identity, owner, posture, and the firmware change.
      await plc.getByRole('button', { name: 'Press line PLC' }).click();
      const detail = page.getByTestId('asset-detail');
      await detail.waitFor(PATIENT);
      const text = await detail.innerText();
      expect(text).toContain('S C-X4U123456');
      expect(text).toMatch(/OT Press, Sam Ortiz/);
      expect(text).toMatch(/Criticality\s+high/);
      expect(text).toMatch(/cell \(Purdue level 1\)/);
      const history = await detail.getByTestId('asset-history').innerText();
      expect(history).toMatch(/identity-changed[\s\S]*version: V2\.9\.4 → V3\.0\.1/);
      expect(history).toContain('connection:press-plc');
      await page.screenshot({ path: join(DOCS_SHOTS, 'assets.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('uploads a CSAF advisory, matches it and shows the finding with its reasons', async () => {
    const { context, page } = await signedIn('ed');
    try {
      await page.goto(`${url}/vulnerabilities`);
      const panel = page.getByTestId('advisories-panel');
      await panel.waitFor(PATIENT);
      expect(await panel.getByTestId('advisory-counts').innerText()).toContain('0 advisories');
      await panel.getByLabel('CSAF advisory (JSON)').setInputFiles(ADVISORY);
      await panel.getByRole('button', { name: 'Upload' }).click();
      expect(await panel.getByTestId('advisory-upload').innerText({ timeout: 15_000 })).toContain('ICSA-23-348-11 added');
      await expect.poll(() => panel.getByTestId('advisory-counts').innerText(), PATIENT).toContain('1 advisories');

      await page.getByRole('button', { name: 'Match now' }).click();
      const row = page.getByTestId('finding-CVE-2023-46156');
      await row.waitFor(PATIENT);
      expect(await row.innerText()).toMatch(/asset-[0-9a-f]+\s+cell/);
      await row.getByRole('button', { name: 'CVE-2023-46156' }).click();
      const detail = page.getByTestId('finding-detail');
      await detail.waitFor(PATIENT);
      const why = await detail.getByRole('heading', { name: 'Why it matched' }).locator('xpath=following-sibling::ul[1]').innerText();
      expect(why).toMatch(/SINUMERIK ONE/i);
      await page.screenshot({ path: join(DOCS_SHOTS, 'vulnerabilities.png'), fullPage: true });

      // The asset's detail lists the open finding.
      await page.goto(`${url}/assets`);
      const cnc = page.locator('[data-testid^="asset-asset-"]').filter({ hasText: 'Cell 2 machine controller' });
      await cnc.getByRole('button').click();
      await expect.poll(() => page.getByTestId('asset-findings').innerText(), PATIENT).toContain('CVE-2023-46156');
    } finally {
      await context.close();
    }
  }, 60_000);

  it('shows why an advisory upload is refused: a file that is not CSAF, a grant limited to a zone', async () => {
    const attempt = async (username: string, file: string) => {
      const { context, page } = await signedIn(username);
      try {
        await page.goto(`${url}/vulnerabilities`);
        const panel = page.getByTestId('advisories-panel');
        await panel.getByLabel('CSAF advisory (JSON)').setInputFiles(join(ROOT, 'src/inventory/advisories/__fixtures__/flat', file));
        await panel.getByRole('button', { name: 'Upload' }).click();
        const alert = panel.getByRole('alert');
        await alert.waitFor(PATIENT);
        return await alert.innerText();
      } finally {
        await context.close();
      }
    };
    expect(await attempt('ed', 'tool-settings.json')).toMatch(/^The advisory was not imported: [\s\S]*CW_ADVISORY/);
    expect(await attempt('cora', 'icsa-23-131-02.json')).toMatch(/^The advisory was not imported: [\s\S]*CW_AUTH_FORBIDDEN/);
  }, 60_000);

  it('shows an auditor the inventory without the forms that change it', async () => {
    const { context, page } = await signedIn('audrey');
    try {
      await page.goto(`${url}/assets`);
      await page.getByTestId('asset-press-plc').waitFor(PATIENT);
      expect(await page.getByRole('region', { name: 'Add asset' }).count()).toBe(0);
      expect(await page.getByRole('region', { name: 'Import CSV' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('offers a viewer neither the Assets nor the Vulnerabilities page', async () => {
    const { context, page } = await signedIn('vic');
    try {
      await page.goto(`${url}/`);
      const nav = page.getByRole('navigation', { name: 'Console' });
      await nav.getByRole('link', { name: 'Overview' }).waitFor(PATIENT);
      const labels = await nav.getByRole('link').allInnerTexts();
      expect(labels).not.toContain('Assets');
      expect(labels).not.toContain('Vulnerabilities');
      await page.goto(`${url}/assets`);
      await page.getByText('Your role does not include Assets.').waitFor(PATIENT);
      const r = await context.request.get(`${url}/api/v1/assets`);
      expect(r.status()).toBe(403);
    } finally {
      await context.close();
    }
  }, 60_000);
});
