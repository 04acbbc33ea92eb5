/**
 * `causeway demo`: the demo plant's simulated devices (an OPC UA server, a Modbus TCP PLC, a
 * Sparkplug B edge node and an HTTP-pushing energy meter, each its own process on loopback) and a
 * hub collecting from them; or, with `--simulated`, the same plant from in-hub simulators.
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import { stringify } from 'yaml';
import { formatProblems, loadConfigText } from '../config/index.js';
import type { HubConfig } from '../config/schema.js';
import { isCausewayError } from '../core/errors.js';
import { demoConfig } from '../demo/config.js';
import { DeviceLauncher, type DeviceStatus, type LaunchMode } from '../demo/launcher.js';
import { prepareDemoErp } from '../demo/production.js';
import { DEMO_MQTT_USERS } from '../demo/protocol-sources.js';
import { prepareDemo, type DemoSetup } from '../demo/setup.js';
import { Hub } from '../runtime/hub.js';
import { loadOptions } from './config-io.js';
import { demoBanner, type DemoAccount, type UnsReader } from './demo-banner.js';
import { reportFatal, stopOnSignal } from './run.js';

export { demoConfig } from '../demo/config.js';
export { demoBanner, DEMO_WRITE_PATH, type BannerAccounts, type DemoAccount, type UnsReader } from './demo-banner.js';

export interface DemoOptions {
  dataDir: string;
  seed: number;
  /** The API port; 0 picks a free one. */
  port: number;
  logger: Logger;
  /** The all-simulator plant: no device processes, no sockets but the API. */
  simulated?: boolean;
  /** How devices run (default: separate processes). */
  mode?: LaunchMode;
  /** The compiled device entry, for process mode (default: dist/demo/devices/main.js). */
  deviceEntry?: string;
  /** Wait before restarting a stopped device (default 10 s). */
  restartDelayMs?: number;
}

export interface RunningDemo {
  hub: Hub;
  url: string;
  /** The simulated devices (none with --simulated). */
  devices(): DeviceStatus[];
  launcher: DeviceLauncher | undefined;
  /** Ports, secrets and device settings the demo chose (none with --simulated). */
  setup: DemoSetup | undefined;
  /**
   * The demo accounts (admin, operator, approver, auditor) made on this start, with their
   * passwords, for the banner to show once; empty when they existed already.
   */
  accounts: DemoAccount[];
  /** Stop the hub (flushing the historian), then the devices. */
  stop(): Promise<void>;
}

/** Check the generated config like any user's; `env` fills its `${…}` secrets. */
function checked(config: HubConfig, env: Record<string, string | undefined>): HubConfig {
  const { config: ok, problems } = loadConfigText(stringify(config), 'demo.yaml', loadOptions(env));
  if (!ok) throw new Error(`the built-in demo config is invalid:\n${formatProblems(problems)}`);
  return ok;
}

interface StartedHub {
  hub: Hub;
  url: string;
  accounts: DemoAccount[];
}

/** Real CISA advisories for the demo devices' products (src/demo/advisories/README.md). */
const DEMO_ADVISORIES = fileURLToPath(new URL('../../src/demo/advisories/', import.meta.url));

/** Import the demo's advisories (again: a re-import of unchanged files changes nothing), so the first match has them. */
async function importDemoAdvisories(hub: Hub, logger: DemoOptions['logger']): Promise<void> {
  if (!hub.advisories) return;
  const r = await hub.advisories.importFolder(DEMO_ADVISORIES, { actor: 'demo', requireChecksums: true });
  if (r.rejected > 0) logger.warn({ rejected: r.rejections }, `demo: ${r.rejected} of the demo's advisories were not imported.`);
}

/** Create the hub, make the demo accounts that do not exist yet (so no setup token is needed), start it. */
async function startHub(config: HubConfig, o: DemoOptions, port: number): Promise<StartedHub> {
  const hub = await Hub.create({ config, dataDir: resolve(o.dataDir), logger: o.logger, port });
  let accounts: DemoAccount[];
  try {
    // Before start: with an admin in place, the first run prints no setup token.
    accounts = await hub.security.ensureDemoAccounts(process.env);
  } catch (e) {
    await hub.stop();
    throw e;
  }
  if (accounts.length > 0) o.logger.info({ accounts: accounts.map((a) => a.username) }, `demo: created the accounts ${accounts.map((a) => `${a.username} (${a.role})`).join(', ')}; their passwords are on the terminal, once.`);
  await importDemoAdvisories(hub, o.logger);
  return { hub, accounts, url: await hub.start() };
}

/** Start the simulated devices, wait until each serves, then start the hub. */
async function startProtocolDemo(o: DemoOptions): Promise<RunningDemo> {
  const dataDir = resolve(o.dataDir);
  const setup: DemoSetup = await prepareDemo({ dataDir, seed: o.seed, apiPort: o.port, logger: o.logger });
  const config = checked(demoConfig({ seed: o.seed, port: setup.apiPort, devices: setup.endpoints }), { ...process.env, ...setup.secretEnv });
  const launcher = new DeviceLauncher({ mode: o.mode ?? 'process', logger: o.logger, ...(o.deviceEntry ? { entry: o.deviceEntry } : {}), ...(o.restartDelayMs !== undefined ? { restartDelayMs: o.restartDelayMs } : {}) });
  await launcher.start(setup.devices);
  let started: StartedHub;
  try {
    started = await startHub(config, o, setup.apiPort);
  } catch (e) {
    await launcher.stop();
    throw e;
  }
  return {
    ...started,
    launcher,
    setup,
    devices: () => launcher.status(),
    async stop() {
      await started.hub.stop();
      o.logger.info('Stopping the simulated devices…');
      await launcher.stop();
    },
  };
}

/** Start the demo: devices and hub, or the all-simulator hub. */
export async function startDemo(o: DemoOptions): Promise<RunningDemo> {
  if (!o.simulated) return startProtocolDemo(o);
  // Today's work orders from the demo ERP, as in the protocol plant.
  const erp = await prepareDemoErp(resolve(o.dataDir), Date.now());
  const started = await startHub(checked(demoConfig({ seed: o.seed, port: o.port, erp }), process.env), o, o.port);
  return { ...started, launcher: undefined, setup: undefined, devices: () => [], stop: async () => void (await started.hub.stop()) };
}

/** Run the demo in the foreground until Ctrl-C; returns the exit code. */
export async function runDemo(o: DemoOptions): Promise<number> {
  let demo: RunningDemo;
  try {
    demo = await startDemo(o);
  } catch (e) {
    if (isCausewayError(e)) return reportFatal(o.logger, e);
    o.logger.debug({ err: e }, 'The demo did not start.');
    o.logger.fatal(`${(e as Error).message} The device's own log lines above say why. Where sockets or child processes are not allowed, try \`causeway demo --simulated\`.`);
    return 1;
  }
  o.logger.info({ url: demo.url, dataDir: resolve(o.dataDir) }, `Causeway demo is running at ${demo.url}. Data in ${resolve(o.dataDir)}.`);
  // The banner holds passwords: the terminal only, never the logger. They are not kept after.
  process.stdout.write(demoBanner(demo.url, demo.devices(), demo.setup && unsReader(demo.setup), { created: demo.accounts, dataDir: o.dataDir }));
  demo.accounts.length = 0;
  return stopOnSignal(o.logger, async () => {
    o.logger.info('Stopping the hub (flushing the historian)…');
    await demo.stop(); // the hub logs what is left in its ingest spool
  });
}

/** The demo's UNS subscriber login. Printed on the terminal (not logged): it exists only for this run on loopback. */
function unsReader(setup: DemoSetup): UnsReader {
  return { port: setup.endpoints.broker.port, username: DEMO_MQTT_USERS.reader, password: setup.secrets.unsReaderPassword };
}
