/**
 * The console in Debian's Chromium (playwright-core), one hub (the all-simulator demo plant with a
 * dosing skid on a long path) and one browser with a context per user:
 * - a clean browser console: a full load of every route as every role of the hub (and a reader
 *   limited to one zone) fails on any console error or any API answer of 400 or more — the console
 *   waits for the session before it asks for anything, and asks only for what the role may see;
 *   signed out, every route lands on the sign-in page, again without an error;
 * - the overview with a write request on a long path, at 1280, 1440 and 1920 px: nothing overflows
 *   its card, no word is broken, the path takes at most two lines (screenshots to docs/screenshots/);
 * - a trend range without samples says so, and a path nothing is at says that;
 * - the first-run setup confirms who was made and what to do next (on a second hub, with no admin).
 *
 * Skips with a message when /usr/bin/chromium is missing, unless CAUSEWAY_REQUIRE_SERVICES=1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckedText } from '../src/cli/config-io.js';
import { COMPRESSOR_PATH } from '../src/demo/config.js';
import { Hub } from '../src/runtime/hub.js';
import { asSession, signIn } from '../src/test-support/http.js';
import { ACCOUNTS, DOCS_SHOTS, launchChromium, LONG_PATH, PASSWORD, requireChromium, startConsoleHub, type ConsoleHub } from './console-fixture.js';
import { layoutProblems, linesOf } from './console-layout.js';

const ROUTES = ['/', '/namespace', '/trends', '/connections', '/production', '/alarms', '/alarms/journal', '/alarms/kpis', '/writes', '/security', '/assets', '/vulnerabilities', '/login', '/setup', '/no-such-page'];
const PATIENT = { timeout: 15_000 };

/** The console errors and failed API answers of a page from now on. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (r.status() >= 400 && (u.pathname.startsWith('/api/') || u.pathname === '/metrics')) problems.push(`${r.status()} ${r.request().method()} ${u.pathname}${u.search}`);
  });
  return problems;
}

/** Requests of the page still waiting for an answer, and when the last one started or ended. */
function traffic(page: Page): { inFlight: number; lastAt: number } {
  const t = { inFlight: 0, lastAt: Date.now() };
  page.on('request', () => {
    t.inFlight += 1;
    t.lastAt = Date.now();
  });
  const done = () => {
    t.inFlight -= 1;
    t.lastAt = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return t;
}

/**
 * Load `route` afresh and let it settle: the page drawn (the session known), then no request in
 * flight for a moment (the page's first requests, and those they lead to, answered). Like
 * Playwright's networkidle, with a shorter quiet moment: eighty loads add up.
 */
async function load(page: Page, t: { inFlight: number; lastAt: number }, url: string, route: string): Promise<void> {
  await page.goto(`${url}${route}`);
  await page.locator('h1').first().waitFor();
  while (t.inFlight > 0 || Date.now() - t.lastAt < 150) await page.waitForTimeout(50);
}

describe.skipIf(!requireChromium('the console browser tests'))('the web console', () => {
  let c: ConsoleHub;

  beforeAll(async () => {
    c = await startConsoleHub();
  }, 120_000);

  afterAll(async () => {
    await c?.stop();
  }, 60_000);

  describe('a clean browser console for every role on every page', () => {
    /** Every route as `username`, fully loaded one after the other: the problems seen on each. */
    async function tour(username: string): Promise<string[]> {
      const { context, page } = await c.signedIn(username);
      const problems = watch(page);
      const t = traffic(page);
      try {
        for (const route of ROUTES) {
          const before = problems.length;
          await load(page, t, c.url, route);
          // Each route draws its page (or says the role does not include it), never a blank.
          if (!/\S/.test((await page.locator('h1').first().textContent()) ?? '')) problems.push('no heading');
          problems.splice(before, problems.length - before, ...problems.slice(before).map((p) => `${route}: ${p}`));
        }
      } finally {
        await context.close();
      }
      return problems;
    }

    // All the roles at once, a browser context each: the test stays short.
    it(`${ACCOUNTS.map((a) => `${a.username} (${a.grants.map((g) => g.role + (g.zones ? ` in ${g.zones.join(', ')}` : '')).join(', ')})`).join(', ')}: no console error and no failed API answer on a full load of any route`, async () => {
      const found = await Promise.all(ACCOUNTS.map(async (a) => [a.username, await tour(a.username)] as const));
      expect(Object.fromEntries(found)).toEqual(Object.fromEntries(ACCOUNTS.map((a) => [a.username, []])));
    }, 180_000);

    it('signed out, every route lands on the sign-in page without a console error', async () => {
      const context = await c.context();
      const page = await context.newPage();
      const problems = watch(page);
      const t = traffic(page);
      try {
        for (const route of ROUTES.filter((r) => r !== '/setup')) {
          await load(page, t, c.url, route);
          await page.getByRole('heading', { name: 'Sign in' }).waitFor();
          if (route !== '/login') expect(new URL(page.url()).searchParams.get('next')).toBe(route);
        }
      } finally {
        await context.close();
      }
      expect(problems).toEqual([]);
    });
  });

  describe('the overview with a write request on a long path', () => {
    beforeAll(async () => {
      const olga = await signIn(c.url, 'olga', PASSWORD);
      const asked = await asSession(olga, c.url)('/api/v1/writes', 'POST', { path: LONG_PATH, value: 450, reason: 'trial of the new syrup' });
      expect(asked.body).toMatchObject({ path: LONG_PATH, state: 'pending' });
    });

    it.each([1280, 1440, 1920])('at %i px: nothing overflows its card, no word is broken, the path takes at most two lines', async (width) => {
      const { context, page } = await c.signedIn('ada', width, 900);
      try {
        await page.goto(`${c.url}/`);
        await page.getByTestId('write-history').locator('tbody tr').first().waitFor(PATIENT);
        await expect.poll(() => page.getByTestId('posture-stale-accounts').textContent(), PATIENT).toMatch(/\d/);
        await expect.poll(() => page.getByTestId('posture-commands').textContent(), PATIENT).toContain('site-ops → packaging');
        await expect.poll(() => page.getByTestId('accounts-summary').textContent(), PATIENT).toMatch(/users/);
        await expect.poll(() => page.getByTestId('oee').textContent(), PATIENT).toMatch(/line1/);
        await expect.poll(() => page.getByTestId('audit-chain').textContent(), PATIENT).toContain('chain intact');
        await expect.poll(() => page.getByTestId('tile-rate').locator('.figure').textContent(), PATIENT).toMatch(/\d/);
        await page.screenshot({ path: join(DOCS_SHOTS, `overview-${width}.png`), fullPage: true });
        expect(await layoutProblems(page)).toEqual([]);
        const pathCell = '[data-testid="write-history"] tbody tr:first-child td:nth-child(2)';
        expect(await page.locator(pathCell).textContent()).toBe(LONG_PATH);
        expect(await linesOf(page, pathCell)).toBeLessThanOrEqual(2);
        // The whole path is one hover away.
        expect(await page.locator(pathCell).locator(`[title="${LONG_PATH}"]`).count()).toBe(1);
      } finally {
        await context.close();
      }
    });
  });

  describe('a trend without samples', () => {
    it('says which pens have no samples between which times, and that nothing is at a mistyped path', async () => {
      const { context, page } = await c.signedIn('vic');
      try {
        // A range in 2001, long before this hub started.
        await page.goto(`${c.url}/trends?path=${COMPRESSOR_PATH}/discharge_pressure&from=1000000000000&to=1000003600000`);
        const empty = page.getByTestId('trend-empty');
        await empty.waitFor(PATIENT);
        expect(await empty.textContent()).toMatch(new RegExp(`^No samples for ${COMPRESSOR_PATH}/discharge_pressure between .*2001.* and .*2001`));
        await page.goto(`${c.url}/trends?path=${COMPRESSOR_PATH}/discharge_presure&from=-15m`);
        const missing = page.getByTestId('trend-not-found');
        await missing.waitFor(PATIENT);
        expect(await missing.textContent()).toContain(`No attribute at ${COMPRESSOR_PATH}/discharge_presure`);
        expect(await page.getByTestId('trend-empty').count()).toBe(0);
      } finally {
        await context.close();
      }
    });
  });
});

describe.skipIf(!requireChromium('the console setup test'))('the first-run setup', () => {
  let hub: Hub;
  let url: string;
  let dir: string;
  const notices: string[] = [];

  beforeAll(async () => {
    const { config, problems } = loadCheckedText(`
site: { enterprise: Acme, name: Springfield, hubZone: site-ops }
zones: [{ id: site-ops, level: 3 }]
sources:
  - { id: sim, kind: simulator, zone: site-ops, config: { seed: 1 }, tags: [{ id: x, signal: { kind: constant, value: 1 } }] }
`, 'setup.yaml');
    expect(problems).toEqual([]);
    dir = mkdtempSync(join(tmpdir(), 'causeway-setup-'));
    hub = await Hub.create({ config: config!, dataDir: dir, logger: pino({ level: 'silent' }), port: 0, env: {}, announce: (t) => void notices.push(t) });
    url = await hub.start();
  }, 60_000);

  afterAll(async () => {
    await hub?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('confirms who was created and that the next step is to sign in', async () => {
    const token = /valid 24 h, printed only now\):\n\s+(\S+)/.exec(notices.join(''))?.[1];
    expect(token).toBeTruthy();
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
      const problems = watch(page);
      await page.goto(`${url}/setup`);
      await page.getByLabel('Setup token').fill(token!);
      await page.getByLabel('Administrator user name').fill('ada');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Create administrator' }).click();
      const done = page.getByTestId('setup-done');
      await done.waitFor(PATIENT);
      expect(await done.getByRole('status').textContent()).toContain('The administrator ada was created.');
      expect(await done.textContent()).toContain('Next: sign in as ada');
      await page.screenshot({ path: join(DOCS_SHOTS, 'setup-done.png') });
      await done.getByRole('link', { name: 'Sign in as ada' }).click();
      await page.getByLabel('User name').fill('ada');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Overview' }).waitFor(PATIENT);
      expect(await page.locator('.topbar').textContent()).toContain('ada (admin)');
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
