/**
 * Engineering units: whether a source tag's unit converts to an attribute's unit, and how. Backed by
 * mathjs's unit table (offsets of degC, degF and K included); a conversion is reduced once to
 * `value * factor + offset`, so converting a sample is plain arithmetic.
 */
import { create, unitDependencies, type FactoryFunctionMap } from 'mathjs';

const math = create({ unitDependencies } as FactoryFunctionMap);

/** How a value in one unit becomes a value in another. */
export type UnitConversion =
  | { kind: 'none' }
  | { kind: 'linear'; from: string; to: string; factor: number; offset: number }
  | { kind: 'incompatible'; from: string; to: string; problem: string };

/** Significant digits kept after a conversion: drops binary artefacts such as 0.060000000000000005. */
const DIGITS = 15;

/** True when the units library knows `unit` (e.g. degC, bar, l/min, m3/h; not bpm or bottles). */
export function isKnownUnit(unit: string): boolean {
  try {
    math.unit(1, unit);
    return true;
  } catch {
    return false;
  }
}

function convert(value: number, from: string, to: string): number {
  return math.unit(value, from).toNumber(to);
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
  if (!math.unit(1, from).equalBase(math.unit(1, to))) {
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
