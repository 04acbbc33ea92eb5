/**
 * Engineering units: whether a source tag's unit converts to an attribute's unit, and how. Backed by
 * mathjs's unit table (offsets of degC, degF and K included); a conversion is reduced once to
 * `value * factor + offset`, so converting a sample is plain arithmetic.
 *
 * The library is loaded on first need, not on import: `causeway check` of a config whose units are
 * all common ones (COMMON_UNITS, each checked against the library by a test) never loads it.
 */
import { createRequire } from 'node:module';
import type * as MathJs from 'mathjs';
import { closest } from './suggest.js';

let library: MathJs.MathJsInstance | undefined;

/**
 * mathjs with its units only. Loaded from the package's single-file build: one file instead of the
 * 1,262 modules of its ESM build, about 5 times less CPU to load here (see bench/startup/README.md).
 */
function units(): MathJs.MathJsInstance {
  if (!library) {
    const m = createRequire(import.meta.url)('mathjs/lib/browser/math.js') as typeof MathJs;
    library = m.create({ unitDependencies: m.unitDependencies } as MathJs.FactoryFunctionMap);
  }
  return library;
}

/** How a value in one unit becomes a value in another. */
export type UnitConversion =
  | { kind: 'none' }
  | { kind: 'linear'; from: string; to: string; factor: number; offset: number }
  | { kind: 'incompatible'; from: string; to: string; problem: string };

/** Significant digits kept after a conversion: drops binary artefacts such as 0.060000000000000005. */
const DIGITS = 15;

/** Torque as plants write it; the library needs the product spelt out (N m), and then converts it. */
const ENGINEERING_SPELLINGS: Readonly<Record<string, string>> = { Nm: 'N m', Ncm: 'N cm', kNm: 'kN m', Nmm: 'N mm' };

function libraryName(unit: string): string {
  return ENGINEERING_SPELLINGS[unit] ?? unit;
}

/** True when the units library knows `unit` (e.g. degC, bar, l/min, m3/h, Nm; not bpm or bottles). */
export function isKnownUnit(unit: string): boolean {
  return COMMON_UNIT_SET.has(unit) || libraryKnows(unit);
}

/** Ask the library itself (loading it): what isKnownUnit answers for units outside COMMON_UNITS. */
export function libraryKnows(unit: string): boolean {
  try {
    units().unit(1, libraryName(unit));
    return true;
  } catch {
    return false;
  }
}

function convert(value: number, from: string, to: string): number {
  return units().unit(value, libraryName(from)).toNumber(libraryName(to));
}

/**
 * The conversion from `from` to `to`: none when either is absent or both are written the same,
 * linear when both are known units of the same dimension, incompatible otherwise (with why).
 */
export function unitConversion(from: string | undefined, to: string | undefined): UnitConversion {
  if (from === undefined || to === undefined || from === to) return { kind: 'none' };
  const unknown = [from, to].filter((u) => !isKnownUnit(u));
  if (unknown.length > 0) {
    return { kind: 'incompatible', from, to, problem: `${unknown.map((u) => `"${u}"`).join(' and ')} ${unknown.length > 1 ? 'are not units' : 'is not a unit'} the hub can convert` };
  }
  if (!units().unit(1, libraryName(from)).equalBase(units().unit(1, libraryName(to)))) {
    return { kind: 'incompatible', from, to, problem: `${from} and ${to} measure different quantities` };
  }
  const offset = convert(0, from, to);
  const factor = convert(1, from, to) - offset;
  return { kind: 'linear', from, to, factor: round(factor), offset: round(offset) };
}

function round(x: number): number {
  return Number(x.toPrecision(DIGITS));
}

/** Apply a linear conversion to a value. */
export function convertUnit(value: number, c: { factor: number; offset: number }): number {
  return round(value * c.factor + c.offset);
}

/**
 * Count, ratio and reference units plants use that the units library does not know. They are
 * accepted as they are (and per time: bottles/min, Nm3/h) but never converted. `state` marks a
 * state code. A plant adds its own under site.units.
 */
export const PLANT_UNITS: readonly string[] = [
  '%', 'ppm', 'ppb', 'bpm', 'rpm', 'pcs', 'bottles', 'cans', 'cases', 'pallets', 'layers', 'packs',
  'units', 'parts', 'items', 'count', 'cycles', 'strokes', 'batches', 'state', 'Nm3', 'Nl',
];

/** Spellings of common units that the library writes differently. */
const ALIASES: Readonly<Record<string, string>> = { '°C': 'degC', '°F': 'degF', degreeC: 'degC', degreeF: 'degF', 'deg C': 'degC', 'deg F': 'degF', percent: '%' };

/** True when `unit` is a library unit, a plant unit, or a plant unit per library unit (bottles/min). */
export function isAcceptedUnit(unit: string, extra: readonly string[] = []): boolean {
  if (PLANT_UNITS.includes(unit) || extra.includes(unit) || isKnownUnit(unit)) return true;
  const slash = unit.indexOf('/');
  if (slash <= 0) return false;
  const count = unit.slice(0, slash);
  return (PLANT_UNITS.includes(count) || extra.includes(count)) && isKnownUnit(unit.slice(slash + 1));
}

/**
 * The units plants write most, tried first for "did you mean" so KWh gives kWh and l/mn gives l/min.
 * All are library units (a test asks the library), so they are accepted without loading it.
 */
export const COMMON_UNITS: readonly string[] = [
  'degC', 'degF', 'K', 'bar', 'mbar', 'psi', 'Pa', 'kPa', 'MPa', 'Wh', 'kWh', 'MWh', 'W', 'kW', 'MW', 'VA', 'kVA', 'A', 'mA', 'V', 'kV', 'Hz',
  'l', 'ml', 'm3', 'l/min', 'l/h', 'm3/h', 'kg', 'g', 't', 'kg/h', 't/h', 'm', 'mm', 'cm', 'km', 'm/s', 'm/min', 's', 'ms', 'min', 'h', 'Nm', 'Ncm',
];

const COMMON_UNIT_SET: ReadonlySet<string> = new Set(COMMON_UNITS);

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Every spelling one edit away from `word`: deletions and swaps first, as typos are most often those. */
function oneEditAway(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  for (let i = 0; i + 1 < word.length; i++) out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  for (let i = 0; i < word.length; i++) for (const c of LETTERS) out.push(word.slice(0, i) + c + word.slice(i + 1));
  for (let i = 0; i <= word.length; i++) for (const c of LETTERS) out.push(word.slice(0, i) + c + word.slice(i));
  return out;
}

/** The accepted unit an unknown one was most likely meant to be (kWhh → kWh, barr → bar, °C → degC), if any. */
export function suggestUnit(unit: string, extra: readonly string[] = []): string | undefined {
  if (ALIASES[unit] !== undefined) return ALIASES[unit];
  if (unit.length > 24) return undefined;
  const trimmed = unit.trim();
  if (trimmed !== unit && isAcceptedUnit(trimmed, extra)) return trimmed;
  const near = closest(unit, [...COMMON_UNITS, ...PLANT_UNITS, ...extra]);
  if (near !== undefined) return near;
  return oneEditAway(unit).find((u) => u !== '' && u !== unit && isAcceptedUnit(u, extra));
}
