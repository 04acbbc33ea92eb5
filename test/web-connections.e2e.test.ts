/**
 * The Connections page in Debian's Chromium (playwright-core) against one hub with real peers: an
 * MQTT device on Mosquitto whose messages the hub sets aside, a Sparkplug edge node whose births the
 * hub missed (no commands conduit), an HTTP push meter sending now and then, a simulator, and the
 * demo's OPC UA server. The cards warn while values are lost, rates read right for slow sources,
 * Identify is offered only where the device can answer, the detail page shows the quarantine, and
 * the OPC UA browse shows data type, value and access with unique tag ids.
 *
 * Skips with a message when /usr/bin/chromium or Mosquitto is missing, unless
 * CAUSEWAY_REQUIRE_SERVICES=1, which turns the skip into a failure.
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
import { startOpcuaServer, OPCUA_SERVER_NAME, OPCUA_SERVER_URI } from '../src/demo/devices/opcua-server.js';
import type { RunningDevice } from '../src/demo/devices/types.js';
import { exchangeOpcuaTrust } from '../src/demo/pki-exchange.js';
import { Hub } from '../src/runtime/hub.js';
import type { SparkplugEdgeNode } from '../src/sources/sparkplug/edge-node.js';
import { canConnect, freePort, SERVICES, servicesRequired } from '../src/test-support/services.js';
import { METER_TOKEN, plantConfig, plantIds, publishEdgeData, publishTelemetry, pushMeter, startEdge, telemetryTopic } from './support/source-status-plant.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test/screenshots');
const PASSWORD = 'springfield night shift 2026';
const PATIENT = { timeout: 30_000 };
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const chromiumThere = existsSync(CHROMIUM);
const brokerThere = await canConnect(SERVICES.mosquitto.host, SERVICES.mosquitto.port);
const missing = [...(chromiumThere ? [] : [`Chromium at ${CHROMIUM} (apt-get install chromium)`]), ...(brokerThere ? [] : [`Mosquitto at 127.0.0.1:${SERVICES.mosquitto.port}`])];
if (missing.length > 0 && servicesRequired()) throw new Error(`${missing.join(' and ')} missing, and CAUSEWAY_REQUIRE_SERVICES=1 requires it.`);
if (missing.length > 0) console.warn(`skipping the Connections page test: ${missing.join(' and ')} missing.`);

describe.skipIf(missing.length > 0)('the Connections page in Chromium', () => {
  const ids = plantIds();
  let dir: string;
  let opcua: RunningDevice;
  let edge: SparkplugEdgeNode;
  let hub: Hub;
  let url: string;
  let context: BrowserContext;
  let page: Page;
  let pushing: ReturnType<typeof setInterval> | undefined;

  beforeAll(async () => {
    const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
    const built = spawnSync(process.execPath, [vite, 'build', join(ROOT, 'web'), '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`vite build failed:\n${built.stdout}\n${built.stderr}`);
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'causeway-web-connections-'));
    const hubPki = join(dir, 'hub-pki');
    await exchangeOpcuaTrust({ hubPkiDir: hubPki, serverPkiDir: join(dir, 'server-pki'), serverApplicationUri: OPCUA_SERVER_URI, serverName: OPCUA_SERVER_NAME });
    opcua = await startOpcuaServer({ port: await freePort(), pkiDir: join(dir, 'server-pki'), seed: 42, epochMs: Date.now(), logger: pino({ level: 'silent' }) });
    // The edge node is born before the hub runs: the hub never sees its births.
    edge = await startEdge(ids);
    const line = `  - { id: line-opcua, kind: opcua, zone: cell, config: { endpointUrl: '${opcua.endpoint}', pkiDir: '${hubPki}' }, tags: [] }`;
    process.env.METER_TOKEN = METER_TOKEN;
    const { config, problems } = await loadCheckedText(plantConfig(ids, line), 'plant.yaml');
    expect(problems).toEqual([]);
    hub = await Hub.create({ config: config!, dataDir: join(dir, 'data'), logger: pino({ level: 'silent' }), port: 0, env: { CAUSEWAY_ADMIN_PASSWORD: PASSWORD } });
    url = await hub.start();
    // The meter pushes one value every 2 s, as a slow device does.
    let k = 0;
    await pushMeter(url, k++);
    pushing = setInterval(() => void pushMeter(url, k++).catch(() => undefined), 2000);
    await publishTelemetry(ids, 30);
    await publishEdgeData(edge, 12);
    context = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 860 } });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${url}/login`);
    await page.getByLabel('User name').fill('admin');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
  }, 120_000);

  afterAll(async () => {
    if (pushing) clearInterval(pushing);
    await context?.close();
    await hub?.stop();
    await edge?.close();
    await opcua?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    delete process.env.METER_TOKEN;
  }, 60_000);

  it('warns on the cards of sources that lose values while connected, and says how to fix it', async () => {
    await page.goto(`${url}/connections`);
    const mqttCard = page.getByTestId('source-plant-mqtt');
    await expect.poll(() => mqttCard.getByTestId('source-state').textContent(), PATIENT).toBe('connected, but 30 messages quarantined');
    expect(await mqttCard.getByTestId('source-state').getAttribute('data-warning')).toBe('true');
    const mqttProblems = await mqttCard.getByTestId('source-problems').textContent();
    expect(mqttProblems).toContain('set aside 30 of the 31 messages');
    expect(mqttProblems).toContain(telemetryTopic(ids));
    expect(mqttProblems).toContain('Check that the device sends JSON on this topic');

    const spb = page.getByTestId('source-spb');
    const node = `${ids.group}/Edge 1`;
    await expect.poll(() => spb.getByTestId('source-state').textContent(), PATIENT).toBe(`connected, but 24 values of ${node} dropped`);
    const spbProblems = await spb.getByTestId('source-problems').textContent();
    expect(spbProblems).toContain(`cannot read Sparkplug edge node ${node}`);
    expect(spbProblems).toContain('Add a conduit with allow: [commands]');
    expect(spbProblems).toContain(`spBv1.0/STATE/${ids.hostId}`);
    // A source without trouble keeps its plain state.
    await expect.poll(() => page.getByTestId('source-sim').locator('.badge').first().textContent(), PATIENT).toBe('connected');
    expect(await page.getByTestId('source-sim').getByTestId('source-problems').count()).toBe(0);
    await page.getByRole('heading', { name: 'Connections' }).click();
    await page.screenshot({ path: join(SHOTS, 'connections-problems.png'), fullPage: true });
  });

  it('offers Identify device only where the device can say who it is, and Browse only where it can be browsed', async () => {
    await page.goto(`${url}/connections`);
    await expect.poll(() => page.getByTestId('source-line-opcua').textContent(), PATIENT).toContain('connected');
    for (const id of ['meter', 'plant-mqtt', 'spb']) {
      await page.getByTestId(`source-${id}`).waitFor();
      expect(await page.getByTestId(`source-${id}`).getByRole('button', { name: 'Identify device' }).count()).toBe(0);
      expect(await page.getByTestId(`source-${id}`).getByRole('button', { name: 'Browse address space' }).count()).toBe(0);
    }
    expect(await page.getByTestId('source-sim').getByRole('button', { name: 'Identify device' }).count()).toBe(1);
    const opcuaCard = page.getByTestId('source-line-opcua');
    await opcuaCard.getByRole('button', { name: 'Identify device' }).click();
    await expect.poll(() => opcuaCard.getByRole('definition').first().textContent(), PATIENT).toMatch(/\S/);
  });

  it('shows a slow push source as values per minute with its cadence, not 0 values/s', async () => {
    await page.goto(`${url}/connections`);
    const meter = page.getByTestId('source-meter').getByTestId('throughput');
    await expect.poll(() => meter.textContent(), PATIENT).toMatch(/^[\d.]+ values\/min · last value \d+ s ago, every ~2 s · \d+ batches$/);
    expect(await meter.textContent()).not.toContain('values/s');
  });

  it('shows one source in full: the quarantine by topic with the latest payload set aside', async () => {
    await page.goto(`${url}/connections`);
    await page.getByRole('link', { name: 'Details of source plant-mqtt' }).click();
    await page.getByRole('heading', { name: /^Source plant-mqtt/ }).waitFor();
    const q = page.getByTestId('quarantine');
    await expect.poll(() => q.locator(`[data-topic="${telemetryTopic(ids)}"]`).textContent(), PATIENT).toMatch(/30.*not_json: the payload is not JSON/);
    expect(await q.getByTestId('quarantine-payload').textContent()).toBe('{"temp": 4.29');
    expect(await page.getByTestId('capabilities').textContent()).toBe('identify itself: no · be browsed: no · be written to: no');
    await page.screenshot({ path: join(SHOTS, 'connections-source-detail.png'), fullPage: true });
    await page.goto(`${url}/connections/spb`);
    await expect.poll(() => page.getByTestId('edge-nodes').textContent(), PATIENT).toContain(`${ids.group}/Edge 1`);
  });

  it('browses the OPC UA server with data type, value and access, and makes unique tag ids', async () => {
    await page.goto(`${url}/connections`);
    const card = page.getByTestId('source-line-opcua');
    await card.getByRole('button', { name: 'Browse address space' }).click();
    for (const name of ['AcmeBeverages', 'Springfield', 'Packaging', 'Line1', 'Filler', 'Capper']) await card.getByRole('button', { name: `Open ${name}`, exact: true }).first().click();
    const filler = 'ns=1;s=AcmeBeverages.Springfield.Packaging.Line1.Filler';
    const capper = 'ns=1;s=AcmeBeverages.Springfield.Packaging.Line1.Capper';
    const setpoint = card.locator(`[data-address="${filler}.SpeedSetpoint"]`);
    await expect.poll(() => setpoint.getByTestId('variable-facts').textContent(), PATIENT).toBe('Double · 600 · read/write');
    expect(await card.locator(`[data-address="${filler}.State"]`).getByTestId('variable-facts').textContent()).toMatch(/^UInt16 · \d+ · read$/);
    await card.locator(`[data-address="${filler}.State"]`).getByRole('checkbox').check();
    await card.locator(`[data-address="${capper}.State"]`).getByRole('checkbox').check();
    const lines = await card.getByTestId('tag-lines').textContent();
    expect(lines).toContain(`- { id: filler_state, nodeId: '${filler}.State' }`);
    expect(lines).toContain(`- { id: capper_state, nodeId: '${capper}.State' }`);
    await page.screenshot({ path: join(SHOTS, 'connections-browse.png'), fullPage: true });
  });
});
