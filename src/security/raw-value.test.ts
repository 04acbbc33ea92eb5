import { describe, expect, it } from 'vitest';
import { sameValue, toRawValue, type RawTransform } from './raw-value.js';

describe('toRawValue undoes the upward transforms', () => {
  const cases: Array<[string, number | boolean | string, RawTransform[], unknown]> = [
    ['no transforms', 65, [], { value: 65 }],
    ['tag scale 0.1', 21.5, [{ stage: 'normalize', scale: 0.1, offset: 0 }], { value: 215 }],
    ['tag scale and offset, then binding scale', 50, [{ stage: 'normalize', scale: 2, offset: 10 }, { stage: 'scale', scale: 0.5, offset: 0 }], { value: 45 }],
    ['unit conversion degF to degC', 100, [{ stage: 'normalize', scale: 1, offset: 0 }, { stage: 'unit-conversion', factor: 0.555555555556, offset: -17.7777777778 }], { value: 212 }],
    ['deadband is ignored', 7, [{ stage: 'normalize', scale: 1, offset: 0 }, { stage: 'deadband' }], { value: 7 }],
    ['value map back to the device code', 2, [{ stage: 'value-map', map: { '3': 1, '4': 2 } }], { value: 4 }],
    ['value map with no device value', 9, [{ stage: 'value-map', map: { '3': 1 } }], { problem: 'no device value maps to 9' }],
    ['value map ambiguous', 1, [{ stage: 'value-map', map: { '3': 1, '5': 1 } }], { problem: 'device values 3, 5 all map to 1' }],
    ['scale 0 cannot be undone', 1, [{ stage: 'scale', scale: 0, offset: 1 }], { problem: "the binding's scale multiplies by 0, so no device value gives 1" }],
    ['booleans pass linear stages', true, [{ stage: 'normalize', scale: 1, offset: 0 }], { value: true }],
  ];
  it.each(cases)('%s', (_n, v, t, expected) => expect(toRawValue(v, t)).toEqual(expected));
});

describe('sameValue', () => {
  it('accepts float noise, not real differences', () => {
    expect(sameValue(0.1 + 0.2, 0.3)).toBe(true);
    expect(sameValue(65, 65.01)).toBe(false);
    expect(sameValue(true, true)).toBe(true);
    expect(sameValue('1', 1)).toBe(false);
  });
});
