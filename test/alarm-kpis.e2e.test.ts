/**
 * The console's Alarm KPIs page in Debian's Chromium against a hub with a known alarm history
 * (test/alarm-kpi-history.ts): the tiles, the rate chart, the bad actors, chattering, stale and
 * shelved alarms show the figures worked out by hand, without a console error; the screenshot goes
 * to docs/screenshots/alarm-kpis.png. Skips with a message when /usr/bin/chromium is missing,
 * unless CAUSEWAY_REQUIRE_SERVICES=1.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckedText } from '../src/cli/config-io.js';
import { Hub } from '../src/runtime/hub.js';
import { alarmKpiConfig, pushHistory, TANK } from './alarm-kpi-history.js';
import { buildUi, DOCS_SHOTS, launchChromium, requireChromium } from './console-fixture.js';

const M = 60_000;
const T0 = Math.floor((Date.now() - 90 * M) / (10 * M)) * 10 * M;
const TO = T0 + 2 * 60 * M;
const PASSWORD = 'alarm kpis on the night shift';
const PATIENT = { timeout: 20_000 };

describe.skipIf(!requireChromium('the alarm KPI page test'))('the Alarm KPIs page', () => {
  let dir: string;
  let hub: Hub;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    buildUi();
    mkdirSync(DOCS_SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'causeway-alarm-kpis-e2e-'));
    const { config, problems } = loadCheckedText(alarmKpiConfig(), 'alarm-kpis.yaml');
    expect(problems).toEqual([]);
    hub = await Hub.create({ config: config!, dataDir: join(dir, 'data'), logger: pino({ level: 'silent' }), port: 0, env: { CAUSEWAY_ADMIN_PASSWORD: PASSWORD }, announce: () => {} });
    url = await hub.start();
    for (let i = 0; i < 100 && !hub.services.sources().every((s) => s.state === 'connected'); i++) await new Promise((r) => setTimeout(r, 50));
    await pushHistory(url, T0);
    hub.alarms!.shelve(`${TANK('a')}/temp/hi`, 'olga', Date.now(), 'sensor being replaced', 2 * 60 * M);
    hub.alarms!.outOfService(`${TANK('b')}/temp/hi`, 'ed', Date.now(), 'heater removed');
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await hub?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('shows the figures of the known history, the chart with its targets, and the lists', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const login = await context.request.post(`${url}/api/v1/login`, { data: { username: 'admin', password: PASSWORD } });
    expect(login.status()).toBe(200);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400 && new URL(r.url()).pathname.startsWith('/api/')) problems.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${url}/alarms/kpis?from=${T0}&to=${TO}`);
    await page.getByRole('heading', { name: 'Alarm KPIs' }).waitFor(PATIENT);
    const tile = (id: string) => page.getByTestId(id).locator('.figure');
    // 15 annunciated in 12 periods of 10 minutes: 1.25 per 10 min, 7.5 per hour; one period of 12 in flood.
    await expect.poll(() => tile('tile-per10').textContent(), PATIENT).toBe('1.25');
    expect(await tile('tile-perhour').textContent()).toBe('7.5');
    expect(await tile('tile-flood').textContent()).toBe('8.3 %');
    expect(await tile('tile-chattering').textContent()).toBe('1');
    expect(await tile('tile-stale').textContent()).toBe('1');
    expect(await tile('tile-standing').textContent()).toBe('1');
    expect(await tile('tile-shelved').textContent()).toBe('1');
    expect(await page.getByTestId('tile-shelved').locator('.sub').textContent()).toContain('1 out of service');
    // The chart: bars and the three target lines in the legend.
    const chart = page.getByTestId('alarm-rate-chart');
    await chart.locator('canvas').waitFor(PATIENT);
    const legend = await chart.locator('.u-legend').innerText();
    for (const label of ['Alarms per 10 min', '~1: very likely acceptable', '~2: maximum manageable', '>10: flood']) expect(legend).toContain(label);
    const rows = (id: string) => page.getByTestId(id).locator('tbody tr');
    expect(await rows('kpi-bad-actors').allInnerTexts()).toEqual([
      expect.stringMatching(/zone-b\/tank\/temp\/hi\s+heating\s+low\s+11\s+73\.3 %/),
      expect.stringMatching(/zone-a\/tank\/level\/hi\s+tanks\s+high\s+3\s+20\.0 %/),
      expect.stringMatching(/zone-a\/tank\/temp\/hi\s+heating\s+low\s+1\s+6\.7 %/),
    ]);
    expect(await rows('kpi-positions').allInnerTexts()).toEqual([expect.stringMatching(/^heating\s+12\s+1\s+6\s+11\s+8\.3 %\s+acceptable/), expect.stringMatching(/^tanks\s+3\s+0\.25\s+1\.50\s+3\s+0\.0 %\s+acceptable/)]);
    expect(await rows('kpi-chattering').allInnerTexts()).toEqual([expect.stringMatching(/zone-a\/tank\/level\/hi\s+3\s+3/)]);
    expect(await rows('kpi-stale').allInnerTexts()).toEqual([expect.stringContaining('zone-b/tank/level/hi')]);
    expect(await rows('kpi-priorities').allInnerTexts()).toEqual([
      expect.stringMatching(/^urgent\s+0\s+0\.0 %/), expect.stringMatching(/^high\s+3\s+20\.0 %/), expect.stringMatching(/^medium\s+0\s+0\.0 %/), expect.stringMatching(/^low\s+12\s+80\.0 %/),
    ]);
    // One operator position.
    await page.getByLabel('Operator position', { exact: true }).selectOption('tanks');
    await expect.poll(() => tile('tile-perhour').textContent(), PATIENT).toBe('1.5');
    await page.getByLabel('Operator position', { exact: true }).selectOption('');
    await expect.poll(() => tile('tile-perhour').textContent(), PATIENT).toBe('7.5');
    await page.screenshot({ path: join(DOCS_SHOTS, 'alarm-kpis.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
