import { describe, expect, it } from 'vitest';
import { unsPayload, unsRecord } from './payload.js';

describe('the unified-namespace payload (ARCHITECTURE §8)', () => {
  const sample = { path: 'acme/springfield/packaging/line1/filler/temperature', value: 21.5, ts: 1_700_000_000_000, quality: 'good' as const };

  it('carries value, timestamp, quality and the unit the namespace gives, in that order', () => {
    expect(JSON.stringify(unsPayload(sample, { unit: 'degC', type: 'number' }))).toBe('{"value":21.5,"timestamp":1700000000000,"quality":"good","unit":"degC"}');
  });

  it.each([
    ['no namespace entry', undefined],
    ['an attribute without a unit', { type: 'number' as const }],
    ['an empty unit', { unit: '' }],
  ])('leaves the unit out for %s', (_what, info) => {
    expect(unsPayload(sample, info)).toEqual({ value: 21.5, timestamp: 1_700_000_000_000, quality: 'good' });
    expect(JSON.stringify(unsPayload(sample, info))).not.toContain('unit');
  });

  it.each([
    [true, '{"value":true,"timestamp":5,"quality":"uncertain"}'],
    [false, '{"value":false,"timestamp":5,"quality":"uncertain"}'],
    ['Running "fast"', '{"value":"Running \\"fast\\"","timestamp":5,"quality":"uncertain"}'],
    [0, '{"value":0,"timestamp":5,"quality":"uncertain"}'],
  ])('keeps the type of the value %j', (value, json) => {
    expect(JSON.stringify(unsPayload({ path: 'a/b', value, ts: 5, quality: 'uncertain' }, undefined))).toBe(json);
  });

  it('keeps the quality of bad samples and does not leak the protocol status code', () => {
    expect(unsPayload({ ...sample, quality: 'bad', statusCode: 0x80000000 }, undefined)).toEqual({ value: 21.5, timestamp: 1_700_000_000_000, quality: 'bad' });
  });

  it.each([
    ['link_lost', 'bad'],
    ['stale', 'uncertain'],
  ] as const)('says why the hub marked a value (%s), after the quality', (reason, quality) => {
    const marked = { ...sample, quality, qualityReason: reason };
    expect(JSON.stringify(unsPayload(marked, { unit: 'degC' }))).toBe(`{"value":21.5,"timestamp":1700000000000,"quality":"${quality}","reason":"${reason}","unit":"degC"}`);
    expect(unsRecord(marked, undefined)).toEqual({ path: sample.path, value: 21.5, timestamp: 1_700_000_000_000, quality, reason });
  });

  it('puts the path first in a record', () => {
    expect(JSON.stringify(unsRecord(sample, { unit: 'degC' }))).toBe(`{"path":"${sample.path}","value":21.5,"timestamp":1700000000000,"quality":"good","unit":"degC"}`);
  });
});
