/**
 * Tag lists of the demo plant's machines (Acme Beverages, Springfield): the objects a hub config
 * carries under a simulator source's `tags:`. Line 1 uses the base figures below; other lines
 * differ slightly, by seeded amounts, so two lines never draw identical charts.
 */
import { streamSeed, uniformAt } from './rng.js';
import type { DropoutConfig, SignalConfig } from './schema.js';

export type DemoMachine = 'filler' | 'capper' | 'labeler' | 'palletizer' | 'compressor';

/** A simulator tag as it appears in a config. */
export interface DemoTag {
  id: string;
  type?: 'number' | 'boolean' | 'string';
  unit?: string;
  description?: string;
  scale?: number;
  signal: SignalConfig;
  badQualityRate?: number;
  dropouts?: DropoutConfig;
}

type Reason = { code: number; label: string; weight: number };
type Vary = (key: string, base: number, spread?: number) => number;

/** Base figures varied per line: line 1 keeps them, others move by up to ±spread (default 5 %). */
function varier(machine: DemoMachine, line: number | undefined): Vary {
  return (key, base, spread = 0.05) => {
    if (line === undefined || line === 1) return base;
    const u = uniformAt(streamSeed(0, 'demo', machine, line, key), 0);
    return Number((base * (1 + spread * (2 * u - 1))).toPrecision(4));
  };
}

/** state (code), running (boolean) and down_reason tags of one machine. */
function stateTags(p: string, v: Vary, means: [running: number, idle: number, down: number], downReasons: Reason[]): DemoTag[] {
  return [
    {
      id: `${p}_state`, unit: 'state', description: 'Machine state: 1 running, 2 idle, 3 down',
      signal: {
        kind: 'machine-state',
        states: {
          running: { meanSeconds: v('running', means[0], 0.2) },
          idle: { meanSeconds: v('idle', means[1], 0.2), weight: 2 },
          down: { meanSeconds: v('down', means[2], 0.2), weight: 1 },
        },
        downReasons,
      },
    },
    { id: `${p}_running`, type: 'boolean', description: 'True while the machine runs', signal: { kind: 'state-is', tag: `${p}_state`, state: 'running' } },
    { id: `${p}_down_reason`, description: 'Code of the current down reason, 0 when not down', signal: { kind: 'reason', tag: `${p}_state` } },
  ];
}

function filler(p: string, v: Vary): DemoTag[] {
  const bpm = v('speed', 600);
  return [
    ...stateTags(p, v, [1500, 120, 300], [
      { code: 101, label: 'Bottle jam at infeed', weight: 5 },
      { code: 102, label: 'Low product level in bowl', weight: 2 },
      { code: 103, label: 'Blocked by capper', weight: 4 },
      { code: 104, label: 'Product changeover', weight: 1 },
      { code: 105, label: 'Fill valve fault', weight: 1 },
    ]),
    { id: `${p}_speed`, unit: 'bottles/min', description: 'Filling speed', signal: { kind: 'follow', tag: `${p}_running`, gain: bpm, offset: 0, lagSeconds: 4, noise: { stddev: 3 }, quantize: { step: 1 }, whileRunning: `${p}_state` } },
    { id: `${p}_good_count`, unit: 'bottles', description: 'Good bottles (16-bit PLC counter)', signal: { kind: 'counter', ratePerSecond: (bpm / 60) * 0.992, rolloverAt: 65536, whileRunning: `${p}_state` } },
    { id: `${p}_reject_count`, unit: 'bottles', description: 'Rejected bottles (16-bit PLC counter)', signal: { kind: 'counter', ratePerSecond: (bpm / 60) * 0.008, rolloverAt: 65536, whileRunning: `${p}_state` } },
    { id: `${p}_fill_level`, unit: 'ml', description: 'Fill level of the last bottle', signal: { kind: 'random-walk', start: v('fill', 500, 0.002), step: 0.02, min: 497, max: 503, meanReversion: 0.01, noise: { stddev: 0.4 }, quantize: { step: 0.1 } } },
    { id: `${p}_product_temp`, unit: 'degC', description: 'Product temperature at the filler bowl', signal: { kind: 'random-walk', start: v('temp', 4, 0.1), step: 0.005, min: 2.5, max: 7, meanReversion: 0.0005, noise: { stddev: 0.03 }, quantize: { step: 0.1 } } },
  ];
}

function capper(p: string, v: Vary): DemoTag[] {
  return [
    ...stateTags(p, v, [1800, 120, 240], [
      { code: 201, label: 'Cap hopper empty', weight: 3 },
      { code: 202, label: 'Cap chute jam', weight: 4 },
      { code: 203, label: 'Torque out of range', weight: 2 },
      { code: 204, label: 'Starved by filler', weight: 3 },
    ]),
    { id: `${p}_torque`, unit: 'Ncm', description: 'Application torque', signal: { kind: 'random-walk', start: v('torque', 180), step: 0.2, min: 165, max: 195, meanReversion: 0.02, noise: { stddev: 2 }, quantize: { step: 0.1 }, whileRunning: `${p}_state` } },
    { id: `${p}_count`, unit: 'bottles', description: 'Capped bottles (16-bit PLC counter)', signal: { kind: 'counter', ratePerSecond: v('speed', 600) / 60, rolloverAt: 65536, whileRunning: `${p}_state` } },
  ];
}

function labeler(p: string, v: Vary): DemoTag[] {
  return [
    ...stateTags(p, v, [2100, 90, 300], [
      { code: 301, label: 'Label web break', weight: 3 },
      { code: 302, label: 'Glue level low', weight: 2 },
      { code: 303, label: 'Label roll change', weight: 4 },
      { code: 304, label: 'Bottle misaligned', weight: 2 },
    ]),
    { id: `${p}_count`, unit: 'bottles', description: 'Labelled bottles (16-bit PLC counter)', signal: { kind: 'counter', ratePerSecond: v('speed', 600) / 60, rolloverAt: 65536, whileRunning: `${p}_state` } },
    { id: `${p}_glue_temp`, unit: 'degC', description: 'Hot-melt glue temperature', signal: { kind: 'random-walk', start: v('glue', 165, 0.02), step: 0.05, min: 155, max: 175, meanReversion: 0.005, noise: { stddev: 0.3 }, quantize: { step: 0.1 } } },
  ];
}

function palletizer(p: string, v: Vary): DemoTag[] {
  // 24 bottles a case, 16 cases a layer, 5 layers a pallet: 1920 bottles a pallet.
  const palletsPerSecond = v('speed', 600) / 60 / 1920;
  return [
    ...stateTags(p, v, [2400, 300, 420], [
      { code: 401, label: 'Pallet dispenser empty', weight: 2 },
      { code: 402, label: 'Layer not formed', weight: 3 },
      { code: 403, label: 'Stretch wrapper fault', weight: 2 },
      { code: 404, label: 'Safety gate open', weight: 1 },
    ]),
    { id: `${p}_pallets`, unit: 'pallets', description: 'Finished pallets', signal: { kind: 'counter', ratePerSecond: palletsPerSecond, rolloverAt: 65536, whileRunning: `${p}_state` } },
    { id: `${p}_layers`, unit: 'layers', description: 'Layers on the pallet being built (0-4)', signal: { kind: 'counter', ratePerSecond: palletsPerSecond * 5, rolloverAt: 5, whileRunning: `${p}_state` } },
  ];
}

function compressor(p: string, v: Vary): DemoTag[] {
  const running = `${p}_state`;
  return [
    ...stateTags(p, v, [10800, 600, 1800], [
      { code: 501, label: 'High discharge temperature', weight: 2 },
      { code: 502, label: 'Motor overload', weight: 1 },
      { code: 503, label: 'Oil pressure low', weight: 1 },
      { code: 504, label: 'Planned maintenance', weight: 2 },
    ]),
    { id: `${p}_load`, unit: '%', description: 'Compressor load', signal: { kind: 'random-walk', start: v('load', 72), step: 0.5, min: 40, max: 100, meanReversion: 0.005, quantize: { step: 0.1 }, whileRunning: running } },
    { id: `${p}_discharge_pressure`, unit: 'bar', description: 'Discharge pressure', signal: { kind: 'sine', amplitude: 0.25, periodSeconds: v('cycle', 420, 0.1), offset: v('pressure', 7, 0.02), noise: { stddev: 0.03 }, quantize: { step: 0.01 }, whileRunning: running, stoppedValue: 6.2 } },
    { id: `${p}_motor_current`, unit: 'A', description: 'Motor current, following load', signal: { kind: 'follow', tag: `${p}_load`, gain: 1.4, offset: v('idle_current', 35), lagSeconds: 2, noise: { stddev: 0.8 }, quantize: { step: 0.1 }, whileRunning: running } },
    { id: `${p}_running_hours`, unit: 'h', scale: 1 / 3600, description: 'Running hours (counted in seconds, scaled)', signal: { kind: 'counter', ratePerSecond: 1, start: Math.round(v('hours', 42137, 0.3)) * 3600, whileRunning: running } },
    { id: `${p}_outlet_temp`, unit: 'degC', description: 'Air outlet temperature, following load slowly', signal: { kind: 'follow', tag: `${p}_load`, gain: 0.7, offset: 30, lagSeconds: 90, noise: { stddev: 0.2 }, quantize: { step: 0.1 } } },
  ];
}

const BUILDERS: Record<DemoMachine, (prefix: string, vary: Vary) => DemoTag[]> = { filler, capper, labeler, palletizer, compressor };

/**
 * The simulator tags of one demo machine, ids prefixed `line<N>_<machine>_` (or `<machine>_`
 * without a line, or `<prefix>_` when given) so several machines can share one source.
 */
export function demoMachineTags(machine: DemoMachine, opts: { line?: number; prefix?: string } = {}): DemoTag[] {
  const prefix = opts.prefix ?? (opts.line === undefined ? machine : `line${opts.line}_${machine}`);
  return BUILDERS[machine](prefix, varier(machine, opts.line));
}
