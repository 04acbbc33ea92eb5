import { describe, expect, it } from 'vitest';
import { COMMON_UNITS, convertUnit, isKnownUnit, libraryKnows, unitConversion } from './units.js';

function convert(value: number, from: string, to: string): number {
  const c = unitConversion(from, to);
  if (c.kind !== 'linear') throw new Error(`${from} -> ${to} is ${c.kind}`);
  return convertUnit(value, c);
}

describe('unit conversion', () => {
  it.each([
    [20, 'degC', 'degF', 68],
    [-40, 'degC', 'degF', -40],
    [212, 'degF', 'degC', 100],
    [0, 'degC', 'K', 273.15],
    [300, 'K', 'degC', 26.85],
    [1, 'bar', 'psi', 14.5037737738703],
    [100, 'psi', 'bar', 6.89475729316836],
    [1, 'l/min', 'm3/h', 0.06],
    [600, 'l/min', 'm3/h', 36],
    [2500, 'mbar', 'kPa', 250],
    [1500, 'W', 'kW', 1.5],
  ])('%d %s is %d %s', (value, from, to, expected) => {
    expect(convert(value, from, to)).toBeCloseTo(expected, 9);
  });

  it('keeps values exact where the factors are (no 0.060000000000000005)', () => {
    expect(convert(1, 'l/min', 'm3/h')).toBe(0.06);
    expect(convert(25, 'degC', 'degF')).toBe(77);
  });

  it('needs no conversion when either unit is absent or both are the same text', () => {
    expect(unitConversion(undefined, 'degC')).toEqual({ kind: 'none' });
    expect(unitConversion('bpm', undefined)).toEqual({ kind: 'none' });
    expect(unitConversion('bottles/min', 'bottles/min')).toEqual({ kind: 'none' });
  });

  it('says why units are incompatible', () => {
    expect(unitConversion('bar', 'degC')).toEqual({ kind: 'incompatible', from: 'bar', to: 'degC', problem: 'bar and degC measure different quantities' });
    expect(unitConversion('l/min', 'kg')).toMatchObject({ kind: 'incompatible' });
    expect(unitConversion('bpm', 'bottles/min')).toEqual({ kind: 'incompatible', from: 'bpm', to: 'bottles/min', problem: '"bpm" and "bottles/min" are not units the hub can convert' });
    expect(unitConversion('bpm', 'Hz')).toMatchObject({ problem: '"bpm" is not a unit the hub can convert' });
  });

  it('knows common plant units', () => {
    for (const u of ['degC', 'degF', 'K', 'bar', 'psi', 'Pa', 'l/min', 'm3/h', 'kW', 'A', 'V', 'Hz', 'h', 'ml']) expect(isKnownUnit(u)).toBe(true);
    for (const u of ['bpm', 'bottles', '%', '']) expect(isKnownUnit(u)).toBe(false);
  });
});

describe('the common units accepted without loading the library', () => {
  it('are each a unit the library knows', () => {
    expect(COMMON_UNITS.filter((u) => !libraryKnows(u))).toEqual([]);
  });

  it('are no shortcut for a unit the library does not know', () => {
    expect(libraryKnows('kWhh')).toBe(false);
    expect(isKnownUnit('kWhh')).toBe(false);
  });
});
