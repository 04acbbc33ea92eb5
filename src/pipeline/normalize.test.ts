import { describe, expect, it } from 'vitest';
import type { TagConfig } from '../config/schema.js';
import type { Sample } from '../core/sample.js';
import { DEFAULT_MAX_INTERVAL_MS, normalize, rulesFor, type RejectReason } from './normalize.js';

const NOW = Date.UTC(2026, 10, 23, 8, 0, 0);

/** Normalize one sample of tag `t` on source `plc` configured as `tag`. */
function one(tag: Omit<TagConfig, 'id'>, value: unknown, extra: Partial<Sample> = {}) {
  const rules = rulesFor('plc', [{ id: 't', ...tag }]);
  const sample = { path: 'plc/t', value, ts: NOW - 1000, quality: 'good', ...extra } as Sample;
  return normalize([sample], rules, { now: NOW });
}

describe('rulesFor', () => {
  it('keys rules by raw path and fills defaults', () => {
    const rules = rulesFor('filler-plc', [
      { id: 'speed', scale: 0.1, deadband: { absolute: 0.5 } },
      { id: 'state', type: 'string' },
      { id: 'temp', deadband: { percent: 1, span: 150, maxInterval: '30s' }, clamp: { min: 0 } },
    ]);
    expect([...rules.keys()]).toEqual(['filler-plc/speed', 'filler-plc/state', 'filler-plc/temp']);
    expect(rules.get('filler-plc/speed')).toMatchObject({ sourceId: 'filler-plc', type: 'number', scale: 0.1, offset: 0, deadband: { absolute: 0.5, maxIntervalMs: DEFAULT_MAX_INTERVAL_MS } });
    expect(rules.get('filler-plc/state')).toMatchObject({ type: 'string', scale: 1, offset: 0 });
    expect(rules.get('filler-plc/state')?.deadband).toBeUndefined();
    expect(rules.get('filler-plc/temp')).toMatchObject({ type: 'number', clamp: { min: 0, quality: 'uncertain' }, deadband: { percent: 1, span: 150, maxIntervalMs: 30_000 } });
  });
});

describe('normalize', () => {
  it.each([
    ['scale', { scale: 0.1 }, 1234, 123.4, 'good'],
    ['offset', { offset: -273.15 }, 300, 300 - 273.15, 'good'],
    ['scale then offset', { scale: 2, offset: 5 }, 10, 25, 'good'],
    ['numeric string coerced, then scaled', { type: 'number', scale: 10 }, '1.5', 15, 'good'],
    ['boolean coerced to number', { type: 'number' }, true, 1, 'good'],
    ['number coerced to boolean', { type: 'boolean' }, 0, false, 'good'],
    ['"ON" coerced to boolean', { type: 'boolean' }, 'ON', true, 'good'],
    ['number coerced to string', { type: 'string' }, 42, '42', 'good'],
    ['no type: the device value is kept', {}, 'RUNNING', 'RUNNING', 'good'],
    ['clamp below min, default quality', { clamp: { min: 0, max: 100 } }, -5, 0, 'uncertain'],
    ['clamp above max to bad', { clamp: { max: 100, quality: 'bad' } }, 120, 100, 'bad'],
    ['clamp keeping quality', { clamp: { min: 0, max: 100, quality: 'keep' } }, 130, 100, 'good'],
    ['clamp after scaling', { scale: 10, clamp: { max: 100 } }, 11, 100, 'uncertain'],
    ['inside the clamp range: untouched', { clamp: { min: 0, max: 100 } }, 100, 100, 'good'],
  ] as const)('%s', (_name, tag, raw, value, quality) => {
    const { passed, rejected } = one(tag as Omit<TagConfig, 'id'>, raw);
    expect(rejected).toEqual([]);
    expect(passed).toHaveLength(1);
    if (typeof value === 'number') expect(passed[0]!.value as number).toBeCloseTo(value, 9);
    else expect(passed[0]!.value).toBe(value);
    expect(passed[0]!.quality).toBe(quality);
  });

  it('never improves the quality of a clamped sample', () => {
    const { passed } = one({ clamp: { max: 1, quality: 'uncertain' } }, 5, { quality: 'bad' });
    expect(passed[0]).toMatchObject({ value: 1, quality: 'bad' });
  });

  it('keeps the status code and timestamp, and does not touch the input', () => {
    const input: Sample = { path: 'plc/t', value: 2, ts: NOW, quality: 'good', statusCode: 0x40000000 };
    const { passed } = normalize([input], rulesFor('plc', [{ id: 't', scale: 3 }]), { now: NOW });
    expect(passed[0]).toEqual({ path: 'plc/t', value: 6, ts: NOW, quality: 'good', statusCode: 0x40000000 });
    expect(input.value).toBe(2);
  });

  it.each<[string, Omit<TagConfig, 'id'>, unknown, Partial<Sample>, RejectReason, RegExp]>([
    ['NaN', {}, Number.NaN, {}, 'not_finite', /NaN is not a finite number/],
    ['Infinity', { type: 'number' }, Number.POSITIVE_INFINITY, {}, 'not_finite', /not a finite number/],
    ['scaling overflows', { scale: 1e308 }, 1e10, {}, 'not_finite', /scaled by/],
    ['text for a number', { type: 'number' }, 'abc', {}, 'type_mismatch', /"abc" cannot be read as a number/],
    ['text for a boolean', { type: 'boolean' }, 'maybe', {}, 'type_mismatch', /as a boolean/],
    ['null value', {}, null, {}, 'type_mismatch', /not a number, boolean or string/],
    ['object value', { type: 'string' }, { a: 1 }, {}, 'type_mismatch', /\{"a":1\}/],
    ['fractional timestamp', {}, 1, { ts: NOW + 0.5 }, 'bad_timestamp', /not a whole number/],
    ['timestamp as text', {}, 1, { ts: '2026-11-23' as unknown as number }, 'bad_timestamp', /not a whole number/],
    ['NaN timestamp', {}, 1, { ts: Number.NaN }, 'bad_timestamp', /not a whole number/],
    ['negative timestamp', {}, 1, { ts: -1 }, 'bad_timestamp', /before 1970/],
    ['two days ahead', {}, 1, { ts: NOW + 48 * 3_600_000 }, 'bad_timestamp', /48 h ahead of the hub clock/],
    ['unknown quality', {}, 1, { quality: 'GOOD' as never }, 'bad_quality', /"GOOD" is not good, uncertain or bad/],
    ['missing quality', {}, 1, { quality: undefined as never }, 'bad_quality', /undefined is not good/],
    ['unknown tag', {}, 1, { path: 'plc/other' }, 'unknown_tag', /not configured/],
    ['tag of another source', {}, 1, { path: 'other/t' }, 'unknown_tag', /not configured/],
  ])('rejects %s', (_name, tag, value, extra, reason, problem) => {
    const { passed, rejected } = one(tag, value, extra);
    expect(passed).toEqual([]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBe(reason);
    expect(rejected[0]!.problem).toMatch(problem);
  });

  it('accepts a timestamp up to a day ahead, and a configurable limit', () => {
    expect(one({}, 1, { ts: NOW + 23 * 3_600_000 }).passed).toHaveLength(1);
    const rules = rulesFor('plc', [{ id: 't' }]);
    const sample: Sample = { path: 'plc/t', value: 1, ts: NOW + 2000, quality: 'good' };
    expect(normalize([sample], rules, { now: NOW, maxFutureMs: 1000 }).rejected[0]?.reason).toBe('bad_timestamp');
  });

  it('splits a mixed batch and keeps the order of what passes', () => {
    const rules = rulesFor('plc', [{ id: 'a', scale: 2 }, { id: 'b', type: 'boolean' }]);
    const batch: Sample[] = [
      { path: 'plc/a', value: 1, ts: NOW, quality: 'good' },
      { path: 'plc/x', value: 1, ts: NOW, quality: 'good' },
      { path: 'plc/b', value: 'on', ts: NOW, quality: 'good' },
      { path: 'plc/a', value: Number.NaN, ts: NOW, quality: 'good' },
      { path: 'plc/a', value: 3, ts: NOW, quality: 'uncertain' },
    ];
    const { passed, rejected } = normalize(batch, rules, { now: NOW });
    expect(passed.map((s) => [s.path, s.value, s.quality])).toEqual([['plc/a', 2, 'good'], ['plc/b', true, 'good'], ['plc/a', 6, 'uncertain']]);
    expect(rejected.map((r) => r.reason)).toEqual(['unknown_tag', 'not_finite']);
  });
});
