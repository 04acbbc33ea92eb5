import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { msgIdFor, payloadFor, streamSubject, subjectFor } from './payload.js';
import { NatsSinkConfigSchema } from './schema.js';

describe('NATS subjects, message ids and payloads', () => {
  it.each([
    ['causeway', 'acme/springfield/packaging/line1/filler/speed', 'causeway.acme.springfield.packaging.line1.filler.speed'],
    ['plant.site1', 'plc1/temp_C', 'plant.site1.plc1.temp_C'],
    ['causeway', 'line-1/filler', 'causeway.line-1.filler'],
  ])('prefix %s and path %s give subject %s', (prefix, path, subject) => {
    expect(subjectFor(prefix, path)).toBe(subject);
  });

  it('captures every path below the prefix in the stream', () => {
    expect(streamSubject('causeway')).toBe('causeway.>');
  });

  it('derives the message id from path and source timestamp, so a re-sent sample has the same id', () => {
    const s = { path: 'acme/line1/filler/speed', value: 600, ts: 1_700_000_000_123, quality: 'good' as const };
    expect(msgIdFor(s)).toBe('acme/line1/filler/speed:1700000000123');
    expect(msgIdFor({ ...s })).toBe(msgIdFor(s));
    expect(msgIdFor({ ...s, ts: s.ts + 1 })).not.toBe(msgIdFor(s));
  });

  it('writes the §8 payload with the path first, and the unit only when known', () => {
    const s = { path: 'a/b/temp', value: 21.5, ts: 7, quality: 'good' as const };
    expect(payloadFor(s, { unit: 'degC' })).toBe('{"path":"a/b/temp","value":21.5,"timestamp":7,"quality":"good","unit":"degC"}');
    expect(payloadFor({ ...s, value: false }, undefined)).toBe('{"path":"a/b/temp","value":false,"timestamp":7,"quality":"good"}');
    expect(payloadFor({ ...s, value: 'Running' }, {})).toBe('{"path":"a/b/temp","value":"Running","timestamp":7,"quality":"good"}');
  });
});

describe('NATS sink config', () => {
  const ok = (c: object) => Value.Check(NatsSinkConfigSchema, c);

  it.each([
    {}, { servers: 'nats://10.0.0.4:4222' }, { servers: ['nats://a:4222', 'nats://b:4222'] }, { stream: 'PLANT_1' },
    { subjectPrefix: 'acme.site1' }, { maxAge: '7d' }, { maxAge: 0 }, { replicas: 3 }, { duplicateWindow: '10m' }, { token: 't' },
  ])('accepts %j', (c) => {
    expect(ok(c)).toBe(true);
  });

  it.each([
    { stream: 'a.b' }, { stream: 'has space' }, { subjectPrefix: 'a.>' }, { subjectPrefix: 'a..b' }, { subjectPrefix: 'a/b' },
    { subjectPrefix: '' }, { replicas: 6 }, { maxAge: '7 days' }, { servers: [] }, { url: 'nats://x' },
  ])('refuses %j', (c) => {
    expect(ok(c)).toBe(false);
  });
});
