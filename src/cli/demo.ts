/**
 * `causeway demo`: the demo plant's simulated devices (an OPC UA server, a Modbus TCP PLC, a
 * Sparkplug B edge node and an HTTP-pushing energy meter, each its own process on loopback) and a
 * hub collecting from them; or, with `--simulated`, the same plant from in-hub simulators.
 */
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import { stringify } from 'yaml';
import { formatProblems, loadConfigText } from '../config/index.js';
import type { HubConfig } from '../config/schema.js';
import { isCausewayError } from '../core/errors.js';
import { COMPRESSOR_PATH, DEMO_ROOT, demoConfig, ENERGY_METER_PATH } from '../demo/config.js';
import { DeviceLauncher, type DeviceStatus, type LaunchMode } from '../demo/launcher.js';
import { DEMO_MQTT_USERS, DEMO_SOURCE_IDS, DEMO_UNS_PREFIX } from '../demo/protocol-sources.js';
import { prepareDemo, type DemoSetup } from '../demo/setup.js';
import { Hub } from '../runtime/hub.js';
import { kindSchemas } from './config-io.js';
import { reportFatal, stopOnSignal } from './run.js';

export { demoConfig } from '../demo/config.js';

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
  /** Stop the hub (flushing the historian), then the devices. */
  stop(): Promise<void>;
}

/** Check the generated config like any user's; `env` fills its `${…}` secrets. */
function checked(config: HubConfig, env: Record<string, string | undefined>): HubConfig {
  const { config: ok, problems } = loadConfigText(stringify(config), 'demo.yaml', { kinds: kindSchemas(), env });
  if (!ok) throw new Error(`the built-in demo config is invalid:\n${formatProblems(problems)}`);
  return ok;
}

async function startHub(config: HubConfig, o: DemoOptions, port: number): Promise<{ hub: Hub; url: string }> {
  const hub = await Hub.create({ config, dataDir: resolve(o.dataDir), logger: o.logger, port });
  return { hub, url: await hub.start() };
}

/** Start the simulated devices, wait until each serves, then start the hub. */
async function startProtocolDemo(o: DemoOptions): Promise<RunningDemo> {
  const dataDir = resolve(o.dataDir);
  const setup: DemoSetup = await prepareDemo({ dataDir, seed: o.seed, apiPort: o.port, logger: o.logger });
  const config = checked(demoConfig({ seed: o.seed, port: setup.apiPort, devices: setup.endpoints }), { ...process.env, ...setup.secretEnv });
  const launcher = new DeviceLauncher({ mode: o.mode ?? 'process', logger: o.logger, ...(o.deviceEntry ? { entry: o.deviceEntry } : {}), ...(o.restartDelayMs !== undefined ? { restartDelayMs: o.restartDelayMs } : {}) });
  await launcher.start(setup.devices);
  let started: { hub: Hub; url: string };
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
  const started = await startHub(checked(demoConfig({ seed: o.seed, port: o.port }), process.env), o, o.port);
  return { ...started, launcher: undefined, setup: undefined, devices: () => [], stop: () => started.hub.stop() };
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
  process.stdout.write(demoBanner(demo.url, demo.devices(), demo.setup && unsReader(demo.setup)));
  return stopOnSignal(o.logger, async () => {
    o.logger.info('Stopping the hub (flushing the historian)…');
    await demo.stop();
    o.logger.info('Stopped cleanly; every accepted sample is on disk.');
  });
}

const DEVICE_LINES: Record<DeviceStatus['kind'], { name: string; serves: string; source: string }> = {
  opcua: { name: 'OPC UA server', serves: 'fillers, cappers', source: DEMO_SOURCE_IDS.opcua },
  modbus: { name: 'Modbus TCP PLC', serves: 'labelers, palletizers', source: DEMO_SOURCE_IDS.modbus },
  sparkplug: { name: 'Sparkplug B edge node', serves: 'compressor', source: DEMO_SOURCE_IDS.sparkplug },
  meter: { name: 'Energy meter (HTTP push)', serves: 'site energy', source: DEMO_SOURCE_IDS.meter },
};

/** The device table of the banner. */
function deviceLines(devices: readonly DeviceStatus[]): string[] {
  if (devices.length === 0) {
    return ['  Simulated plant (--simulated): the machines run inside the hub; no device processes, no sockets but the API.', ''];
  }
  const rows = devices.map((d) => {
    const l = DEVICE_LINES[d.kind];
    const via = d.kind === 'sparkplug' ? `${d.endpoint ?? ''} (embedded broker)` : d.kind === 'meter' ? `POST ${d.endpoint ?? ''} every 5 s` : d.endpoint ?? '';
    return `    ${l.name.padEnd(25)} pid ${String(d.pid ?? '-').padEnd(8)} ${l.serves.padEnd(22)} → ${l.source.padEnd(20)} ${via}`;
  });
  const pid = devices.find((d) => d.kind === 'modbus')?.pid ?? '<pid>';
  return [
    '  Simulated devices, each its own process on 127.0.0.1:',
    ...rows,
    '',
    `  Watch a reconnect: kill ${pid}   (the Modbus PLC) — packaging-modbus goes to backoff with the`,
    '  reason, the demo restarts the PLC 10 s later, and the source is connected again.',
    '',
  ];
}

/** How to watch the unified namespace: the embedded broker's port and the read-only demo user. */
export interface UnsReader {
  port: number;
  username: string;
  password: string;
}

/** The demo's UNS subscriber login. Printed on the terminal (not logged): it exists only for this run on loopback. */
function unsReader(setup: DemoSetup): UnsReader {
  return { port: setup.endpoints.broker.port, username: DEMO_MQTT_USERS.reader, password: setup.secrets.unsReaderPassword };
}

/** The lines that show how to subscribe to the unified namespace. */
function unsLines(uns: UnsReader | undefined): string[] {
  if (!uns) return [];
  return [
    `  Unified namespace on the embedded broker (topic ${DEMO_UNS_PREFIX}/<path>, retained, with units and quality):`,
    `    mosquitto_sub -h 127.0.0.1 -p ${uns.port} -u ${uns.username} -P '${uns.password}' -t '${DEMO_UNS_PREFIX}/#' -v`,
    '',
  ];
}

/** The banner: where the hub is, what runs, and what to try. */
export function demoBanner(url: string, devices: readonly DeviceStatus[] = [], uns?: UnsReader): string {
  const line = `${DEMO_ROOT}/packaging/line1`;
  const simulated = devices.length === 0;
  return [
    '',
    '  Causeway demo plant — Acme Beverages, Springfield',
    `  API ${url}   (Ctrl-C stops the hub and flushes everything to disk${simulated ? '' : ', then stops the devices'})`,
    '',
    ...deviceLines(devices),
    ...unsLines(uns),
    '  Try:',
    `    curl -s ${url}/api/v1/health`,
    `    curl -s ${url}/api/v1/sources`,
    `    curl -s ${url}/api/v1/sources/${simulated ? 'line1-plc' : DEMO_SOURCE_IDS.opcua}/device`,
    `    curl -s '${url}/api/v1/namespace?path=${line}'`,
    `    curl -s '${url}/api/v1/values?path=${line}/filler'`,
    `    curl -s '${url}/api/v1/lineage?path=${line}/speed'`,
    `    curl -s '${url}/api/v1/values?path=${COMPRESSOR_PATH}'`,
    ...(simulated ? [] : [`    curl -s '${url}/api/v1/values?path=${ENERGY_METER_PATH}'`]),
    `    curl -s '${url}/api/v1/history?path=${line}/filler/speed&from=-5m'`,
    `    curl -s ${url}/metrics | grep causeway_samples`,
    '',
  ].join('\n');
}
