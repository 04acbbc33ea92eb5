/**
 * The alarm console in Debian's Chromium (playwright-core) against a hub whose tanks and pump push
 * their values over HTTP (with their own timestamps):
 * - values raise alarms in two areas (one of them twice): the banner appears on an open page
 *   without a reload, from the WebSocket's alarm events, with the counts by priority and the newest;
 * - the list groups the repeat into one row with its count, marks the area's first out, shows the
 *   rationalization; an operator acknowledges one with a comment and shelves another with a reason;
 * - the journal shows those transitions with the user and the comment or reason;
 * - a viewer sees the alarms but no action, and the hub refuses the action when forced; an OT
 *   engineer takes an alarm out of service with a reason and returns it; an operator acting outside
 *   the zones they operate gets the hub's refusal, shown with what to do.
 * Screenshots to docs/screenshots/alarm-banner.png, alarm-list.png, alarm-journal.png. Serves the
 * built console (web/dist: `npm run build:web` first). Skips without /usr/bin/chromium unless
 * CAUSEWAY_REQUIRE_SERVICES=1.
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
import { DOCS_SHOTS, launchChromium, PASSWORD, requireChromium } from './console-fixture.js';

const PATIENT = { timeout: 15_000 };
const TANK = (n: number) => `acme/springfield/tankfarm/tank${n}/level`;
const PUMP = 'acme/springfield/transfer/pump1/discharge_pressure';
const PUSH_TOKEN = 'push-token-of-the-tank-farm-0123456789';

const CONFIG = `
site: { enterprise: Acme, name: Springfield, hubZone: ops }
zones: [{ id: plant, level: 1 }, { id: yard, level: 1 }, { id: ops, level: 3 }]
conduits: [{ from: plant, to: ops, allow: [telemetry] }, { from: yard, to: ops, allow: [telemetry] }]
sources:
  - { id: farm, kind: http-push, zone: plant, config: { token: "${PUSH_TOKEN}" }, tags: [{ id: t1, unit: "%" }, { id: t2, unit: "%" }] }
  - { id: yard, kind: http-push, zone: yard, config: { token: "${PUSH_TOKEN}-yard" }, tags: [{ id: p1, unit: bar }] }
templates:
  - id: Tank
    attributes:
      - name: level
        type: number
        unit: "%"
        alarms:
          hi: { setpoint: 80, priority: high }
          deadband: 2
          area: tanks
          owner: tank-farm operators
          cause: Inflow above outflow.
          consequence: The tank overflows into the bund at 100 %.
          correctiveAction: Open the drain valve and stop the feed pump.
          timeToRespond: 10m
  - id: Pump
    attributes:
      - name: discharge_pressure
        type: number
        unit: bar
        alarms:
          hihi: { setpoint: 10, priority: urgent, correctiveAction: Stop the pump. }
          area: transfer
assets:
  - { path: acme/springfield/tankfarm/tank1, template: Tank, bindings: { level: farm/t1 } }
  - { path: acme/springfield/tankfarm/tank2, template: Tank, bindings: { level: farm/t2 } }
  - { path: acme/springfield/transfer/pump1, template: Pump, bindings: { discharge_pressure: yard/p1 } }
security: { login: { perMinute: 600 } }
`;

let dir: string;
let hub: Hub;
let url: string;
let browser: Browser | undefined;
const run = requireChromium('the alarm console test');

async function push(values: Record<string, number>, ts: number, source: 'farm' | 'yard' = 'farm'): Promise<void> {
  const token = source === 'farm' ? PUSH_TOKEN : `${PUSH_TOKEN}-yard`;
  const r = await fetch(`${url}/ingest/${source}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ ts, values }) });
  expect(r.status, await r.text()).toBe(200);
}

const signedIn = (username: string) => signedInContext(browser!, url, username, PASSWORD);
const watch = watchPage;

beforeAll(async () => {
  if (!run) return;
  dir = mkdtempSync(join(tmpdir(), 'causeway-alarm-console-'));
  const { config, problems } = loadCheckedText(CONFIG, 'alarm-console.yaml');
  expect(problems).toEqual([]);
  hub = await Hub.create({ config: config!, dataDir: join(dir, 'data'), logger: pino({ level: 'silent' }), port: 0, env: { CAUSEWAY_ADMIN_PASSWORD: PASSWORD }, announce: () => {} });
  for (const [username, role] of [['olga', 'operator'], ['vic', 'viewer'], ['ed', 'ot-engineer']] as const) await hub.security.users.create({ username, password: PASSWORD, grants: [{ role }] });
  // An operator of the tank farm who only reads the yard: the console offers actions, the hub decides per zone.
  await hub.security.users.create({ username: 'otto', password: PASSWORD, grants: [{ role: 'operator', zones: ['plant'] }, { role: 'viewer' }] });
  url = await hub.start();
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await hub?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe.runIf(run)('the alarm console', () => {
  it('shows raised alarms live in the banner, lets an operator acknowledge and shelve, and journals who did it', async () => {
    const { context, page } = await signedIn('olga');
    const problems = watch(page);
    const alarmFrames: string[] = [];
    page.on('websocket', (ws) => ws.on('framereceived', (f) => typeof f.payload === 'string' && f.payload.startsWith('{"type":"alarms"') && alarmFrames.push(f.payload)));
    try {
      await page.goto(`${url}/namespace`);
      await page.getByRole('heading', { name: 'Namespace' }).waitFor(PATIENT);
      await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/api/v1/alarms'))), PATIENT).toBe(true);
      expect(await page.getByTestId('alarm-banner').count()).toBe(0); // quiet while nothing is in alarm

      const t = Date.now() - 60_000;
      await push({ t1: 70, t2: 60 }, t);
      await push({ p1: 5 }, t, 'yard');
      await push({ t1: 85 }, t + 1000); // tank 1 first: the first out of the tank farm
      await push({ t2: 90 }, t + 2000);
      await push({ t1: 70 }, t + 3000); // cleared, unacknowledged …
      await push({ t1: 88 }, t + 4000); // … and raised again: a repeat
      await push({ p1: 12.5 }, t + 5000, 'yard');

      const banner = page.getByTestId('alarm-banner');
      await expect.poll(() => banner.textContent().catch(() => ''), PATIENT).toContain('3 unacknowledged · 3 active');
      expect(alarmFrames.length).toBeGreaterThan(0); // it came live, not from a reload
      expect(await page.getByTestId('alarm-count-urgent').textContent()).toBe('urgent: 1 unack. · 1 active');
      expect(await page.getByTestId('alarm-count-high').textContent()).toBe('high: 2 unack. · 2 active');
      expect(await page.getByTestId('alarm-banner-newest').textContent()).toContain(PUMP);
      await banner.screenshot({ path: join(DOCS_SHOTS, 'alarm-banner.png') });

      await banner.getByRole('link', { name: 'Show all alarms' }).click();
      await page.getByRole('heading', { name: 'Alarms', exact: true }).waitFor(PATIENT);
      const row1 = page.getByTestId(`alarm-row-${TANK(1)}/hi`);
      await expect.poll(() => row1.textContent(), PATIENT).toContain('×2');
      expect(await row1.textContent()).toContain('first out');
      expect(await page.getByTestId(`alarm-row-${TANK(2)}/hi`).textContent()).not.toContain('first out');
      expect(await page.getByTestId('alarm-list').locator('tbody tr').count()).toBe(3); // the repeat is one row
      expect(await page.getByTestId('alarm-list').locator('tbody tr').first().textContent()).toContain('urgent');

      await row1.getByRole('link').click();
      const detail = page.getByTestId('alarm-detail');
      await expect.poll(() => detail.getByTestId('alarm-rationalization').textContent(), PATIENT).toContain('Open the drain valve and stop the feed pump.');
      expect(await detail.textContent()).toContain('10 min');
      expect(await detail.getByRole('button', { name: 'Take out of service' }).count()).toBe(0); // operators do not
      await detail.getByLabel('Acknowledge').fill('drain valve opened, feed pump stopped');
      await detail.getByRole('button', { name: 'Acknowledge' }).click();
      await expect.poll(() => row1.textContent(), PATIENT).toContain('active, acknowledged');

      await page.getByTestId(`alarm-row-${TANK(2)}/hi`).getByRole('link').click();
      await expect.poll(() => detail.textContent(), PATIENT).toContain(TANK(2));
      await detail.getByLabel('Shelve for').selectOption('30m');
      await detail.getByPlaceholder('Reason (required)').fill('level transmitter being checked');
      await detail.getByRole('button', { name: 'Shelve' }).click();
      await expect.poll(() => page.getByTestId(`alarm-row-${TANK(2)}/hi`).textContent(), PATIENT).toContain('shelved');
      await expect.poll(() => detail.textContent(), PATIENT).toContain('olga until');
      await expect.poll(() => banner.textContent(), PATIENT).toContain('1 unacknowledged · 2 active'); // the pump; the acknowledged tank is still active
      await page.screenshot({ path: join(DOCS_SHOTS, 'alarm-list.png'), fullPage: true });

      await page.getByRole('link', { name: 'Journal of every transition' }).click();
      const journal = page.getByTestId('alarm-journal');
      await expect.poll(() => journal.textContent(), PATIENT).toContain('drain valve opened, feed pump stopped');
      const ackRow = journal.locator('tbody tr', { hasText: 'drain valve opened' });
      expect(await ackRow.textContent()).toContain('olga');
      expect(await ackRow.textContent()).toContain('ack');
      expect(await journal.locator('tbody tr', { hasText: 'level transmitter being checked' }).textContent()).toContain('olga');
      expect(await journal.locator('tbody tr', { hasText: 'activate' }).count()).toBe(4);
      await page.getByLabel('Priority', { exact: true }).selectOption('urgent');
      await expect.poll(() => journal.locator('tbody tr').count(), PATIENT).toBe(1);
      await page.getByLabel('Priority', { exact: true }).selectOption('');
      await expect.poll(() => journal.locator('tbody tr').count(), PATIENT).toBe(7);
      await page.screenshot({ path: join(DOCS_SHOTS, 'alarm-journal.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('shows a viewer the alarms without any action (the hub refuses when forced), and an engineer takes one out of service', async () => {
    const { context, page, csrf } = await signedIn('vic');
    const problems = watch(page);
    try {
      await page.goto(`${url}/alarms?id=${encodeURIComponent(`${PUMP}/hihi`)}`);
      const detail = page.getByTestId('alarm-detail');
      await expect.poll(() => detail.textContent().catch(() => ''), PATIENT).toContain('Stop the pump.');
      expect(await page.getByTestId('alarm-banner').textContent()).toContain('unacknowledged');
      expect(await page.getByRole('button', { name: /Acknowledge|Shelve|Unshelve|out of service|to service/ }).count()).toBe(0);
      expect(await detail.textContent()).toContain('may read alarms but not act on them');
      expect(problems).toEqual([]);
      const forced = await context.request.post(`${url}/api/v1/alarms/${encodeURIComponent(`${PUMP}/hihi`)}/ack`, { data: { comment: 'not mine to ack' }, headers: { 'x-csrf-token': csrf } });
      expect(forced.status()).toBe(403);
      expect(((await forced.json()) as { code: string }).code).toBe('CW_AUTH_FORBIDDEN');
    } finally {
      await context.close();
    }
    // An engineer takes an alarm out of service with a reason, and returns it to service.
    const ed = await signedIn('ed');
    try {
      await ed.page.goto(`${url}/alarms?id=${encodeURIComponent(`${PUMP}/hihi`)}`);
      const detail = ed.page.getByTestId('alarm-detail');
      await detail.getByRole('button', { name: 'Take out of service' }).waitFor(PATIENT);
      expect(await detail.getByRole('button', { name: 'Take out of service' }).isDisabled()).toBe(true); // not without a reason
      await detail.getByLabel('Out of service (engineers)').fill('pressure transmitter removed for calibration');
      await detail.getByRole('button', { name: 'Take out of service' }).click();
      await expect.poll(() => ed.page.getByTestId(`alarm-row-${PUMP}/hihi`).textContent(), PATIENT).toContain('out of service');
      await expect.poll(() => detail.textContent(), PATIENT).toContain('ed, ');
      await detail.getByRole('button', { name: 'Return to service' }).click();
      // The pressure is still high: back in service it is raised again, unacknowledged.
      await expect.poll(() => ed.page.getByTestId(`alarm-row-${PUMP}/hihi`).textContent(), PATIENT).toContain('active, unacknowledged');
    } finally {
      await ed.context.close();
    }
  }, 60_000);

  it('shows the hub\'s refusal clearly when an operator acts on an alarm outside the zones they operate', async () => {
    const { context, page } = await signedIn('otto');
    try {
      await page.goto(`${url}/alarms?id=${encodeURIComponent(`${PUMP}/hihi`)}`);
      const detail = page.getByTestId('alarm-detail');
      await detail.getByRole('button', { name: 'Acknowledge' }).waitFor(PATIENT);
      await detail.getByLabel('Acknowledge').fill('not my area');
      await detail.getByRole('button', { name: 'Acknowledge' }).click();
      const notice = detail.getByRole('alert');
      await expect.poll(() => notice.textContent().catch(() => ''), PATIENT).toContain('Not acknowledged: ');
      expect(await notice.textContent()).toContain('CW_AUTH_FORBIDDEN');
      expect(await page.getByTestId(`alarm-row-${PUMP}/hihi`).textContent()).toContain('active, unacknowledged');
    } finally {
      await context.close();
    }
  }, 60_000);
});
