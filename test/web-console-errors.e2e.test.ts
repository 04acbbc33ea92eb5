/**
 * A clean browser console for every role on every page: Debian's Chromium (playwright-core) does a
 * full load of each console route as each role of the hub (and a reader limited to one zone), and
 * fails on any console error or any API answer of 400 or more — the console waits for the session
 * before it asks for anything, and asks only for what the role may see. Signed out, every route
 * lands on the sign-in page, again without an error.
 *
 * Skips with a message when /usr/bin/chromium is missing, unless CAUSEWAY_REQUIRE_SERVICES=1.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, requireChromium, startConsoleHub, type ConsoleHub } from './console-fixture.js';

const ROUTES = ['/', '/namespace', '/trends', '/connections', '/production', '/writes', '/security', '/login', '/setup', '/no-such-page'];

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

/** Load `route` afresh and let the page settle: its first requests answered, the live socket open. */
async function load(page: Page, url: string, route: string): Promise<void> {
  await page.goto(`${url}${route}`);
  await page.waitForLoadState('networkidle');
}

describe.skipIf(!requireChromium('the console-errors test'))('a clean browser console for every role on every page', () => {
  let c: ConsoleHub;

  beforeAll(async () => {
    c = await startConsoleHub();
  }, 120_000);

  afterAll(async () => {
    await c?.stop();
  }, 60_000);

  it.each(ACCOUNTS.map((a) => [a.username, a.grants.map((g) => g.role + (g.zones ? ` in ${g.zones.join(', ')}` : '')).join(', ')]))(
    '%s (%s): no console error and no failed API answer on a full load of any route',
    async (username) => {
      const { context, page } = await c.signedIn(username);
      const problems = watch(page);
      const seen: string[] = [];
      try {
        for (const route of ROUTES) {
          const before = problems.length;
          await load(page, c.url, route);
          seen.push(`${route}: ${await page.locator('h1').first().textContent()}`);
          problems.splice(before, problems.length - before, ...problems.slice(before).map((p) => `${route}: ${p}`));
        }
      } finally {
        await context.close();
      }
      expect(problems).toEqual([]);
      expect(seen.length).toBe(ROUTES.length);
    },
    60_000,
  );

  it('signed out, every route lands on the sign-in page without a console error', async () => {
    const context = await c.context();
    const page = await context.newPage();
    const problems = watch(page);
    try {
      for (const route of ROUTES.filter((r) => r !== '/setup')) {
        await load(page, c.url, route);
        await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      }
    } finally {
      await context.close();
    }
    expect(problems).toEqual([]);
  });
});
