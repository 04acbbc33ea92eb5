import { describe, expect, it } from 'vitest';
import { coerceValue, isQuality, isValue, valueTypeOf } from './sample.js';

describe('values', () => {
  it.each([
    [42, 'number', 42], [true, 'number', 1], ['3.5', 'number', 3.5], ['abc', 'number', undefined], ['', 'number', undefined], [Number.NaN, 'number', undefined],
    [0, 'boolean', false], [2, 'boolean', true], ['ON', 'boolean', true], ['off', 'boolean', false], ['maybe', 'boolean', undefined],
    [1.5, 'string', '1.5'], [false, 'string', 'false'],
  ] as const)('coerce %s to %s', (v, t, expected) => {
    expect(coerceValue(v, t)).toBe(expected);
  });

  it('recognises values and qualities', () => {
    expect(isValue(1)).toBe(true);
    expect(isValue(Number.POSITIVE_INFINITY)).toBe(false);
    expect(isValue(null)).toBe(false);
    expect(isValue({})).toBe(false);
    expect(isQuality('good')).toBe(true);
    expect(isQuality('GOOD')).toBe(false);
    expect(valueTypeOf('x')).toBe('string');
  });
});
