/**
 * The demo plant's config: Acme Beverages, site Springfield — packaging lines 1 and 2 (filler,
 * capper, labeler, palletizer each), a compressor and an energy meter in Utilities.
 *
 * With `devices` (what `causeway demo` runs): four sources over real protocols on loopback — the
 * fillers and cappers on an OPC UA server, the labelers and palletizers on a Modbus TCP PLC, the
 * compressor as a Sparkplug B edge node on the embedded broker, the energy meter pushing over
 * HTTP. Without (`causeway demo --simulated`): the same machines from in-hub simulator sources,
 * for machines where sockets are restricted. Either way it is checked like any user's config.
 */
import type { AssetConfig, AttributeConfig, ConduitConfig, HubConfig, SiteConfig, SourceConfig, TemplateConfig, ZoneConfig } from '../config/schema.js';
import type { DemoMachine } from '../sources/simulator/index.js';
import type { DemoTag } from '../sources/simulator/demo-tags.js';
import { attributeOf, compressorTags, DEMO_LINES, DEMO_ROOT, DEVICE_MACHINES, energyMeterTags, FILLER_SPEED_RANGE, isInternalTag, LINE_MACHINES, lineMachineTags, machinePrefix } from './plant.js';
import { demoTemplateAlarms } from './alarms.js';
import { demoProduction, type DemoErp } from './production.js';
import { DEMO_SOURCE_IDS, demoBroker, demoUnsSink, protocolSources, type DemoEndpoints } from './protocol-sources.js';

export { DEMO_ENTERPRISE, DEMO_ROOT, DEMO_SITE } from './plant.js';
export type { DemoEndpoints } from './protocol-sources.js';

const MACHINE_ATTRS = ['state', 'running', 'down_reason'];
const STATE_LABELS = { '1': 'running', '2': 'idle', '3': 'down' };
const TEMPLATE_OF: Record<DemoMachine, string> = { filler: 'Filler', capper: 'Capper', labeler: 'Labeler', palletizer: 'Palletizer', compressor: 'Compressor' };
/** The demo plant's site; its OPC UA certificate is made for it too. */
export const DEMO_SITE_CONFIG: Readonly<SiteConfig> = { enterprise: 'Acme Beverages', name: 'Springfield', timezone: 'America/Chicago', hubZone: 'site-ops' };

export const ENERGY_METER_PATH = `${DEMO_ROOT}/utilities/energy-meter`;
export const COMPRESSOR_PATH = `${DEMO_ROOT}/utilities/compressor`;

/**
 * A counter tag is a counter attribute wrapping where the PLC's does (in the attribute's unit, after
 * the tag's scale). The demo's machines start counting from 0 each time the demo starts, while the
 * data directory keeps the history: a counter that starts at 0 declares a drop a reset, else a
 * restart above half the range would be read as a wrap, adding up to 32768 bottles that were never
 * made. The price is at a real wrap: the few units between the last reading and the range (at most
 * one poll's worth, a second of filling) are not counted.
 */
function counterOf(t: DemoTag): Partial<AttributeConfig> {
  if (t.signal.kind !== 'counter') return {};
  const wrap = t.signal.rolloverAt === undefined ? undefined : t.signal.rolloverAt * (t.scale ?? 1);
  const ranged = wrap !== undefined && Number.isSafeInteger(wrap) && wrap >= 2;
  const fromZero = (t.signal.start ?? 0) === 0;
  return { type: 'counter', ...(ranged ? { rolloverAt: wrap, ...(fromZero ? { onDrop: 'reset' as const } : {}) } : {}) };
}

/** Template attributes from demo tags named `<prefix>_<attribute>`. */
function attributesOf(tags: readonly DemoTag[], prefix: string, only: (name: string) => boolean): AttributeConfig[] {
  return tags
    .filter((t) => !isInternalTag(t.id))
    .map((t) => ({ name: attributeOf(t.id, prefix), t }))
    .filter(({ name }) => only(name))
    .map(({ name, t }) => ({
      name,
      type: t.type ?? 'number',
      ...(t.unit && t.unit !== 'state' ? { unit: t.unit } : {}),
      ...(t.description ? { description: t.description } : {}),
      ...(name === 'state' ? { states: STATE_LABELS } : {}),
      ...counterOf(t),
      // Setpoints (the fillers' speed) are written by dispatch when an order starts, and by
      // operators through the write gate; the gate refuses values outside the device's range.
      ...(t.signal.kind === 'setpoint' ? { writable: true, min: FILLER_SPEED_RANGE.low, max: FILLER_SPEED_RANGE.high } : {}),
    }));
}

/** The tags a machine template is made from: line 1's (the filler's include its speed setpoint). */
function templateTags(machine: DemoMachine): { tags: DemoTag[]; prefix: string } {
  if (machine === 'compressor') return { tags: compressorTags(), prefix: 'compressor' };
  return { tags: lineMachineTags(1, machine), prefix: machinePrefix(1, machine) };
}

/** Machine (state, running, down reason), one template per machine type extending it, and the energy meter; with the demo's alarms. */
export function demoTemplates(alarmTimeScale = 1): TemplateConfig[] {
  const alarms = demoTemplateAlarms(alarmTimeScale);
  const base = templateTags('filler');
  const machine: TemplateConfig = { id: 'Machine', description: 'Any packaging or utility machine with a state and down reasons.', attributes: attributesOf(base.tags, base.prefix, (n) => MACHINE_ATTRS.includes(n)) };
  const kinds = (Object.keys(TEMPLATE_OF) as DemoMachine[]).map((m) => {
    const { tags, prefix } = templateTags(m);
    const own = alarms[TEMPLATE_OF[m]];
    return { id: TEMPLATE_OF[m], extends: 'Machine', attributes: attributesOf(tags, prefix, (n) => !MACHINE_ATTRS.includes(n)), ...(own ? { alarms: own } : {}) };
  });
  const meter: TemplateConfig = { id: 'EnergyMeter', description: 'A three-phase energy meter.', attributes: attributesOf(energyMeterTags(), '', () => true) };
  return [machine, ...kinds, lineTemplate(), ...productionTemplates(), meter];
}

/** A packaging line: its four machines as children, and two figures calculated from them. */
function lineTemplate(): TemplateConfig {
  const down = LINE_MACHINES.map((m) => `(attr('${m}/state') == 3 ? 1 : 0)`).join(' + ');
  return {
    id: 'Line',
    description: 'A packaging line: filler → capper → labeler → palletizer.',
    // oee and order are published by the hub's production application; modelled, they reach the UNS like any attribute.
    children: [...LINE_MACHINES.map((m) => ({ name: m, template: TEMPLATE_OF[m] })), { name: 'oee', template: 'LineOee' }, { name: 'order', template: 'LineOrder' }],
    attributes: [
      { name: 'speed', type: 'number', unit: 'bottles/min', description: "The line's output speed: its filler's", calc: "attr('filler/speed')" },
      { name: 'machines_down', type: 'number', description: 'Machines of the line that are down now', calc: down },
    ],
  };
}

/** The figures the production application publishes under each line: OEE of the current shift, and the running order. */
function productionTemplates(): TemplateConfig[] {
  const ratio = (name: string, what: string): AttributeConfig => ({ name, type: 'number', min: 0, description: `${what} of the current shift, 0…1 (src/production/README.md)` });
  return [
    { id: 'LineOee', description: 'OEE of a line, calculated by the hub.', attributes: [ratio('availability', 'Availability'), ratio('performance', 'Performance'), ratio('quality', 'Quality'), ratio('oee', 'OEE = availability × performance × quality')] },
    { id: 'LineOrder', description: 'The work order a line runs ("" when none).', attributes: [{ name: 'id', type: 'string' }, { name: 'product', type: 'string' }, { name: 'quantity', type: 'number' }] },
  ];
}

/** The two lines as assets of template Line (their machines are declared below, to bind their tags). */
function lineAssets(): AssetConfig[] {
  return DEMO_LINES.map((n) => ({ path: `${DEMO_ROOT}/packaging/line${n}`, template: 'Line' }));
}

/** An asset whose attributes bind to `<source>/<tag>` for each of `tags` (named `<prefix>_<attribute>`). */
function asset(path: string, template: string, source: string, tags: readonly DemoTag[], prefix: string): AssetConfig {
  const bound = tags.filter((t) => !isInternalTag(t.id));
  return { path, template, bindings: Object.fromEntries(bound.map((t) => [attributeOf(t.id, prefix), `${source}/${t.id}`])) };
}

function zones(): ZoneConfig[] {
  return [
    { id: 'packaging', level: 1, description: 'Packaging lines 1 and 2: PLCs, machine controllers and HMIs' },
    { id: 'utilities', level: 1, description: 'Compressed air and energy' },
    { id: 'site-ops', level: 3, description: 'Site operations: the Causeway hub, historian, MES' },
    { id: 'enterprise', level: 4, description: 'Business systems: ERP, analytics' },
  ];
}

function conduits(): ConduitConfig[] {
  return [
    { from: 'packaging', to: 'site-ops', allow: ['telemetry'] },
    { from: 'utilities', to: 'site-ops', allow: ['telemetry'] },
    { from: 'site-ops', to: 'enterprise', allow: ['telemetry'] },
    // Every write into packaging needs a second person's approval: an operator's (the fillers' speed
    // setpoints) and a work order's (starting one writes the product's speed to the filler, which
    // then waits for the approval and starts by itself). Utilities has no such conduit: nothing is
    // written there.
    { from: 'site-ops', to: 'packaging', allow: ['commands', 'orders'], require: { approval: true }, description: 'Writes to packaging machines, by operators and by work orders, each approved by a second person' },
  ];
}

/**
 * The all-simulator plant (`--simulated`): one simulator source per line and one for the compressor.
 * The fillers have the same writable speed setpoint as on the OPC UA server (the simulator takes
 * writes to setpoint tags); their internal `filler_speed_target` is a raw tag bound to no attribute.
 */
function simulatedPlant(seed: number, alarmTimeScale: number): { sources: SourceConfig[]; assets: AssetConfig[] } {
  const lineTags = (n: number, m: DemoMachine) => lineMachineTags(n, m, m, alarmTimeScale);
  const sources = [
    ...DEMO_LINES.map((n) => ({
      id: `line${n}-plc`, kind: 'simulator', zone: 'packaging', description: `Simulated PLC of packaging line ${n}`,
      pollInterval: '1s', config: { seed: seed + n, period: '1s' },
      tags: LINE_MACHINES.flatMap((m) => lineTags(n, m)),
    })),
    { id: 'utilities-plc', kind: 'simulator', zone: 'utilities', description: 'Simulated compressor controller', pollInterval: '1s', config: { seed: seed + 100, period: '1s' }, tags: compressorTags(alarmTimeScale) },
  ] as SourceConfig[];
  const assets = [
    ...DEMO_LINES.flatMap((n) => LINE_MACHINES.map((m) => asset(`${DEMO_ROOT}/packaging/line${n}/${m}`, TEMPLATE_OF[m], `line${n}-plc`, lineTags(n, m), m))),
    asset(COMPRESSOR_PATH, 'Compressor', 'utilities-plc', compressorTags(alarmTimeScale), 'compressor'),
  ];
  return { sources, assets };
}

/** The protocol plant: machines bound to the raw tags of the four device sources. */
function protocolAssets(): AssetConfig[] {
  const sourceOf = (m: DemoMachine) => (DEVICE_MACHINES.opcua.includes(m) ? DEMO_SOURCE_IDS.opcua : DEMO_SOURCE_IDS.modbus);
  return [
    ...DEMO_LINES.flatMap((n) => LINE_MACHINES.map((m) => asset(`${DEMO_ROOT}/packaging/line${n}/${m}`, TEMPLATE_OF[m], sourceOf(m), lineMachineTags(n, m), machinePrefix(n, m)))),
    asset(COMPRESSOR_PATH, 'Compressor', DEMO_SOURCE_IDS.sparkplug, compressorTags(), 'compressor'),
    asset(ENERGY_METER_PATH, 'EnergyMeter', DEMO_SOURCE_IDS.meter, energyMeterTags(), ''),
  ];
}

export interface DemoConfigOptions {
  seed: number;
  /** The API port (default 8080). */
  port?: number;
  /** Where the simulated devices listen; without it, the all-simulator plant. */
  devices?: DemoEndpoints;
  /** How the demo ERP handed over today's orders, for the all-simulator plant (the devices' endpoints carry it otherwise). */
  erp?: DemoErp;
  /**
   * Tests only, and only for the all-simulator plant: the scripted upsets that raise the demo's
   * alarms (alarm-episodes.ts) and the alarms' delays run this many times faster (default 1).
   */
  alarmTimeScale?: number;
}

/** The whole demo config. */
export function demoConfig(opts: DemoConfigOptions): HubConfig {
  const plant = opts.devices
    ? { sources: protocolSources(opts.devices), assets: protocolAssets(), broker: demoBroker(opts.devices), sinks: [demoUnsSink(opts.devices)] }
    : simulatedPlant(opts.seed, opts.alarmTimeScale ?? 1);
  return {
    site: { ...DEMO_SITE_CONFIG },
    zones: zones(),
    conduits: conduits(),
    sources: plant.sources,
    templates: demoTemplates(opts.devices ? 1 : (opts.alarmTimeScale ?? 1)),
    assets: [...lineAssets(), ...plant.assets],
    historian: { flushInterval: '1s' },
    ...('broker' in plant ? { broker: plant.broker, sinks: plant.sinks } : {}),
    api: { host: '127.0.0.1', port: opts.port ?? 8080 },
    production: demoProduction(opts.devices?.erp ?? opts.erp),
  } as HubConfig;
}
