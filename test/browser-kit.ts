/** What the console's browser tests share: a signed-in browser context, and a page's problems. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

/** A fresh context signed in as `username` (1440 × 900), its page, and the session's CSRF token. */
export async function signedInContext(browser: Browser, url: string, username: string, password: string): Promise<{ context: BrowserContext; page: Page; csrf: string }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const r = await context.request.post(`${url}/api/v1/login`, { data: { username, password } });
  expect(r.ok(), await r.text()).toBe(true);
  return { context, page: await context.newPage(), csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
}

/** Console errors, script errors and failed API answers of a page, from now on. */
export function watchPage(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && new URL(r.url()).pathname.startsWith('/api/')) problems.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
  });
  return problems;
}
