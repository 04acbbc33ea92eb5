import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { payloadFor, topicFor, TopicCache } from './payload.js';
import { unsPayload } from '../shared/payload.js';
import type { Sample } from '../../core/sample.js';
import { MqttSinkConfigSchema } from './schema.js';

describe('MQTT topics and payloads', () => {
  it.each([
    ['uns', 'acme/springfield/packaging/line1/filler/speed', 'uns/acme/springfield/packaging/line1/filler/speed'],
    ['plant/uns', 'plc1/temp', 'plant/uns/plc1/temp'],
    ['', 'acme/springfield/line1/filler/speed', 'acme/springfield/line1/filler/speed'],
  ])('prefix %j and path %s give topic %s', (prefix, path, topic) => {
    expect(topicFor(prefix, path)).toBe(topic);
  });

  it('writes the §8 payload with the unit when the namespace has one', () => {
    const s = { path: 'a/b/speed', value: 612.5, ts: 1_700_000_000_123, quality: 'good' as const };
    expect(JSON.parse(payloadFor(s, { unit: 'bpm' }))).toEqual({ value: 612.5, timestamp: 1_700_000_000_123, quality: 'good', unit: 'bpm' });
    expect(JSON.parse(payloadFor(s, undefined))).toEqual({ value: 612.5, timestamp: 1_700_000_000_123, quality: 'good' });
  });

  it('publishes booleans and strings as JSON values', () => {
    expect(payloadFor({ path: 'a/run', value: true, ts: 1, quality: 'good' }, undefined)).toBe('{"value":true,"timestamp":1,"quality":"good"}');
    expect(payloadFor({ path: 'a/state', value: 'Idle', ts: 1, quality: 'bad' }, undefined)).toBe('{"value":"Idle","timestamp":1,"quality":"bad"}');
  });
});

describe('MQTT payload text', () => {
  const samples: Array<[Sample, { unit: string; type: 'number' } | undefined]> = [
    [{ path: 'a/b', value: 21.5, ts: 1_700_000_000_000, quality: 'good' }, { unit: 'degC', type: 'number' }],
    [{ path: 'a/b', value: -0.000_001, ts: 1, quality: 'uncertain', qualityReason: 'stale' }, undefined],
    [{ path: 'a/b', value: 'say "hi"\n\u0001é', ts: 2, quality: 'bad', qualityReason: 'link_lost' }, { unit: 'm³/h', type: 'number' }],
    [{ path: 'a/b', value: false, ts: 3, quality: 'good' }, undefined],
    [{ path: 'a/b', value: 1e21, ts: 4, quality: 'good' }, undefined],
  ];
  it.each(samples)('is exactly what JSON.stringify of the shared payload gives for %j', (s, info) => {
    expect(payloadFor(s, info)).toBe(JSON.stringify(unsPayload(s, info)));
  });

  it('caches topics per path and stays bounded', () => {
    const cache = new TopicCache('uns', 2);
    expect(cache.topic('a/b')).toBe('uns/a/b');
    expect(cache.topic('a/c')).toBe('uns/a/c');
    expect(cache.topic('a/d')).toBe('uns/a/d');
    expect(cache.topic('a/b')).toBe('uns/a/b');
    expect(new TopicCache('').topic('x/y')).toBe('x/y');
  });
});

describe('MQTT sink config', () => {
  const ok = (config: object) => Value.Check(MqttSinkConfigSchema, { url: 'mqtt://127.0.0.1:1883', ...config });

  it.each([{}, { prefix: 'uns' }, { prefix: 'acme/uns' }, { prefix: '' }, { qos: 0 }, { qos: 2 }, { retain: false }, { maxInFlight: 1 }])('accepts %j', (c) => {
    expect(ok(c)).toBe(true);
  });

  it.each([
    { prefix: 'uns/#' }, { prefix: 'uns/+/x' }, { prefix: '$SYS' }, { prefix: '/uns' }, { prefix: 'uns/' }, { prefix: 'a//b' },
    { qos: 3 }, { retain: 'yes' }, { maxInFlight: 0 }, { topic: 'x' },
  ])('refuses %j', (c) => {
    expect(ok(c)).toBe(false);
  });

  it('refuses a URL that is not an MQTT broker', () => {
    expect(Value.Check(MqttSinkConfigSchema, { url: 'http://broker' })).toBe(false);
    expect(Value.Check(MqttSinkConfigSchema, {})).toBe(false);
  });
});
