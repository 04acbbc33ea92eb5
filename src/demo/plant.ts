/**
 * The demo plant's layout: which simulated machines exist, what tags each one simulates, and which
 * device serves them. Pure: both the simulated devices and the hub's demo config read it, so the
 * two sides cannot disagree on a tag.
 */
import { demoMachineTags, type DemoMachine } from '../sources/simulator/index.js';
import type { DemoTag } from '../sources/simulator/demo-tags.js';
import { withAlarmEpisodes } from './alarm-episodes.js';

export const DEMO_ENTERPRISE = 'acme-beverages';
export const DEMO_SITE = 'springfield';
export const DEMO_ROOT = `${DEMO_ENTERPRISE}/${DEMO_SITE}`;
export const DEMO_LINES = [1, 2] as const;
export const LINE_MACHINES: readonly DemoMachine[] = ['filler', 'capper', 'labeler', 'palletizer'];

/** The four simulated devices, by the name `causeway demo` and the device entry use. */
export const DEVICE_KINDS = ['opcua', 'modbus', 'sparkplug', 'meter'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** The filler's speed range, bottles/min: the setpoint accepts writes inside it. */
export const FILLER_SPEED_RANGE = { low: 0, high: 1200 } as const;

/** Tags a device simulates but does not expose (intermediate signals). */
const INTERNAL_SUFFIXES = ['_speed_target'];

/** True for a tag the device keeps to itself. */
export function isInternalTag(tagId: string): boolean {
  return INTERNAL_SUFFIXES.some((s) => tagId.endsWith(s));
}

/** The tag id prefix of a machine on a line: `line1_filler`. */
export function machinePrefix(line: number, machine: DemoMachine): string {
  return `line${line}_${machine}`;
}

/**
 * A filler whose speed follows a writable setpoint: the speed ramps (4 s lag) towards the
 * setpoint while the filler runs, and drops to 0 when it stops, as in the simulator's filler.
 */
function fillerWithSetpoint(line: number, p: string): DemoTag[] {
  const tags = demoMachineTags('filler', { line, prefix: p });
  const speed = tags.find((t) => t.id === `${p}_speed`);
  if (!speed || speed.signal.kind !== 'follow') throw new Error(`the simulator's filler has no follow signal ${p}_speed`);
  const nominal = speed.signal.gain;
  const setpoint: DemoTag = { id: `${p}_speed_setpoint`, unit: speed.unit ?? 'bottles/min', description: 'Speed setpoint (writable); the filler speed follows it while running', signal: { kind: 'setpoint', value: nominal } };
  // The setpoint while running, 0 otherwise: what the lagged speed follows.
  const target: DemoTag = { id: `${p}_speed_target`, signal: { kind: 'follow', tag: setpoint.id, gain: 1, offset: 0, whileRunning: `${p}_state` } };
  const followed: DemoTag = { ...speed, signal: { ...speed.signal, tag: target.id, gain: 1 } };
  return [...tags.filter((t) => t !== speed), setpoint, target, followed];
}

/**
 * The simulator tags of one machine of a packaging line, ids prefixed `line<N>_<machine>_` (the
 * devices' naming) or `prefix` (the in-hub simulators name them `<machine>_`, one source per line),
 * with the upsets that raise the demo's alarms (alarm-episodes.ts; `alarmTimeScale` for tests).
 */
export function lineMachineTags(line: number, machine: DemoMachine, prefix = machinePrefix(line, machine), alarmTimeScale = 1): DemoTag[] {
  const tags = machine === 'filler' ? fillerWithSetpoint(line, prefix) : demoMachineTags(machine, { line, prefix });
  return withAlarmEpisodes(tags, machine, line, prefix, alarmTimeScale);
}

/** The compressor in Utilities, ids prefixed `compressor_`. */
export function compressorTags(alarmTimeScale = 1): DemoTag[] {
  return withAlarmEpisodes(demoMachineTags('compressor', { prefix: 'compressor' }), 'compressor', undefined, 'compressor', alarmTimeScale);
}

/**
 * The site's main energy meter (480 V, 60 Hz, about 350 kW): its tag ids are what it sends.
 * `energy` counts Wh and is sent in kWh (scale 0.001).
 */
export function energyMeterTags(): DemoTag[] {
  const phase = (n: number): DemoTag[] => [
    { id: `voltage_l${n}`, unit: 'V', description: `Voltage L${n}-N`, signal: { kind: 'random-walk', start: 277 + n * 0.4, step: 0.15, min: 268, max: 286, meanReversion: 0.05, noise: { stddev: 0.3 }, quantize: { step: 0.1 } } },
    { id: `current_l${n}`, unit: 'A', description: `Current L${n}`, signal: { kind: 'follow', tag: 'power', gain: 1.31 + n * 0.01, offset: 0, lagSeconds: 2, noise: { stddev: 1.5 }, quantize: { step: 0.1 } } },
  ];
  return [
    { id: 'power', unit: 'kW', description: 'Active power, all phases', signal: { kind: 'random-walk', start: 350, step: 2.5, min: 150, max: 600, meanReversion: 0.01, noise: { stddev: 1.2 }, quantize: { step: 0.1 } } },
    { id: 'energy', unit: 'kWh', scale: 0.001, description: 'Active energy imported (counted in Wh, sent in kWh)', signal: { kind: 'counter', ratePerSecond: 97, start: 2_841_250_000, rolloverAt: 1e12 } },
    ...phase(1),
    ...phase(2),
    ...phase(3),
    { id: 'power_factor', description: 'Power factor', signal: { kind: 'random-walk', start: 0.92, step: 0.002, min: 0.85, max: 0.98, meanReversion: 0.02, quantize: { step: 0.01 } } },
    { id: 'frequency', unit: 'Hz', description: 'Grid frequency', signal: { kind: 'random-walk', start: 60, step: 0.004, min: 59.9, max: 60.1, meanReversion: 0.1, quantize: { step: 0.01 } } },
  ];
}

/** Which machines each line device serves. */
export const DEVICE_MACHINES: Readonly<Record<'opcua' | 'modbus', readonly DemoMachine[]>> = {
  opcua: ['filler', 'capper'],
  modbus: ['labeler', 'palletizer'],
};

/** Every tag a device simulates (internal ones included), in the device's order. */
export function deviceTags(kind: DeviceKind): DemoTag[] {
  switch (kind) {
    case 'opcua':
    case 'modbus':
      return DEMO_LINES.flatMap((line) => DEVICE_MACHINES[kind].flatMap((m) => lineMachineTags(line, m)));
    case 'sparkplug':
      return compressorTags();
    case 'meter':
      return energyMeterTags();
  }
}

/** The attribute name of a machine tag: `line1_filler_speed` → `speed`. */
export function attributeOf(tagId: string, prefix: string): string {
  return tagId.startsWith(`${prefix}_`) ? tagId.slice(prefix.length + 1) : tagId;
}

/** The device value of a tag: scaled tags (running hours, energy) are sent in their unit. */
export function engineeringValue(tag: DemoTag, value: number | boolean | string): number | boolean | string {
  if (tag.scale === undefined || typeof value !== 'number') return value;
  return Number((value * tag.scale).toFixed(3));
}
