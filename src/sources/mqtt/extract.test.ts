import { describe, expect, it } from 'vitest';
import type { TagConfig } from '../../config/schema.js';
import type { Sample } from '../../core/sample.js';
import { extractMessage, QUARANTINE_REASONS, type Extraction, type QuarantineReason } from './extract.js';
import { compileRoutes } from './routes.js';
import type { MqttConfig, SubscriptionConfig } from './schema.js';

const NOW = Date.UTC(2026, 10, 23, 8, 0, 0);
const TS = NOW - 5000;

function run(sub: Omit<SubscriptionConfig, 'topic'> & { topic?: string }, topic: string, payload: string | Buffer, extra: Partial<MqttConfig> = {}): Extraction {
  const config: MqttConfig = { url: 'mqtt://x', subscriptions: [{ topic: 'plant/+line/+machine/telemetry', ...sub } as SubscriptionConfig], ...extra };
  const { routes, problems } = compileRoutes(config, []);
  expect(problems).toEqual([]);
  const bytes = typeof payload === 'string' ? Buffer.from(payload) : payload;
  return extractMessage(routes, topic, bytes, { sourceId: 'mq', maxPayloadBytes: extra.maxPayloadBytes ?? 262_144, receivedAt: NOW });
}

const T = 'plant/L1/filler/telemetry';
const good = (path: string, value: Sample['value'], ts = NOW, quality: Sample['quality'] = 'good'): Sample => ({ path: `mq/${path}`, value, ts, quality });

describe('extracting samples', () => {
  it.each<[string, Omit<SubscriptionConfig, 'topic'>, string, Sample[]]>([
    ['a pointer and a tag template', { tag: '{line}_{machine}_temp', value: '/temp' }, '{"temp": 21.5}', [good('L1_filler_temp', 21.5)]],
    ['a nested pointer', { tag: 't', value: '/d/0/v' }, '{"d": [{"v": "on"}]}', [good('t', 'on')]],
    ['a timestamp in ms', { tag: 't', value: '/v', timestamp: '/ts' }, `{"v": 1, "ts": ${TS}}`, [good('t', 1, TS)]],
    ['a timestamp in s', { tag: 't', value: '/v', timestamp: '/ts' }, `{"v": 1, "ts": ${TS / 1000}}`, [good('t', 1, TS)]],
    ['an ISO timestamp', { tag: 't', value: '/v', timestamp: '/ts' }, `{"v": 1, "ts": "${new Date(TS).toISOString()}"}`, [good('t', 1, TS)]],
    ['a quality', { tag: 't', value: '/v', quality: '/q' }, '{"v": 1, "q": "uncertain"}', [good('t', 1, NOW, 'uncertain')]],
    ['an expression on value', { tag: 't', value: '/raw', expression: 'value * 0.1' }, '{"raw": 215}', [good('t', 21.5)]],
    ['an expression on payload and captures', { tag: 't', expression: 'line + ":" + payload.a[1]' }, '{"a": [1, 2]}', [good('t', 'L1:2')]],
    ['an expression on the topic', { tag: 't', expression: 'topic' }, '1', [good('t', T)]],
    ['a plain number', { tag: '{machine}' }, ' 42.5\n', [good('filler', 42.5)]],
    ['a plain string', { tag: '{machine}' }, 'running\n', [good('filler', 'running')]],
    ['a plain JSON string', { tag: '{machine}' }, '"stopped"', [good('filler', 'stopped')]],
    ['a plain boolean', { tag: '{machine}' }, 'true', [good('filler', true)]],
    [
      'several values with shared timestamp',
      { timestamp: '/ts', values: [{ tag: '{machine}_temp', value: '/t' }, { tag: '{machine}_speed', value: '/s', expression: 'round(value, 1)' }] },
      `{"t": 80, "s": 12.345, "ts": ${TS}}`,
      [good('filler_temp', 80, TS), good('filler_speed', 12.3, TS)],
    ],
  ])('reads %s', (_name, sub, payload, samples) => {
    expect(run(sub, T, payload)).toEqual({ samples, problems: [] });
  });

  it('keeps an OPC UA status code given as quality', () => {
    const { samples } = run({ tag: 't', value: '/v', quality: '/q' }, T, `{"v": 1, "q": ${0x80340000}}`);
    expect(samples).toEqual([{ ...good('t', 1, NOW, 'bad'), statusCode: 0x80340000 }]);
  });

  it('ignores topics no route matches, and empty payloads', () => {
    expect(run({ tag: 't' }, 'plant/L1/filler/status', '1')).toEqual({ samples: [], problems: [] });
    expect(run({ tag: 't' }, T, '')).toEqual({ samples: [], problems: [] });
  });
});

describe('quarantine reasons', () => {
  const cases: Array<[QuarantineReason, Omit<SubscriptionConfig, 'topic'>, string, RegExp, string?]> = [
    ['not_json', { tag: 't', value: '/v' }, '{"v": 1', /not JSON/],
    ['pointer_missing', { tag: 't', value: '/v' }, '{"w": 1}', /no value at \/v/],
    ['pointer_missing', { tag: 't', value: '/v', timestamp: '/ts' }, '{"v": 1}', /no timestamp at \/ts/],
    ['pointer_missing', { tag: 't', value: '/v', quality: '/q' }, '{"v": 1}', /no quality at \/q/],
    ['not_a_value', { tag: 't', value: '/v' }, '{"v": {"x": 1}}', /is an object, not a finite number/],
    ['not_a_value', { tag: 't', value: '/v' }, '{"v": null}', /is null/],
    ['not_a_value', { tag: 't', value: '/v' }, '{"v": 1e400}', /the number Infinity/],
    ['not_a_value', { tag: 't' }, '[1, 2]', /an array/],
    ['bad_timestamp', { tag: 't', value: '/v', timestamp: '/ts' }, '{"v": 1, "ts": "yesterday"}', /timestamp "yesterday" is not/],
    ['bad_quality', { tag: 't', value: '/v', quality: '/q' }, '{"v": 1, "q": "fine"}', /quality "fine" is not/],
    ['expression_failed', { tag: 't', value: '/v', expression: 'value / 0' }, '{"v": 1}', /division by zero/],
    ['expression_failed', { tag: 't', value: '/v', expression: 'value * 2' }, '{"v": "x"}', /needs two numbers/],
    ['too_large', { tag: 't', value: '/v' }, `{"v": "${'x'.repeat(100)}"}`, /at most 64 are accepted/],
    ['bad_tag', { tag: '{line}' }, '1', /empty tag id/, 'plant//filler/telemetry'],
  ];

  it('covers every reason', () => {
    expect(new Set(cases.map((c) => c[0]))).toEqual(new Set(QUARANTINE_REASONS));
  });

  it.each(cases)('%s: %j on %s', (reason, sub, payload, problem, topic) => {
    const r = run(sub, topic ?? T, payload, { maxPayloadBytes: 64 });
    expect(r.samples).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.reason).toBe(reason);
    expect(r.problems[0]!.problem).toMatch(problem);
  });

  it('delivers the good values of a message whose other values fail', () => {
    const sub = { values: [{ tag: 'a', value: '/a' }, { tag: 'b', value: '/b' }, { tag: 'c', value: '/c', expression: 'value * 2' }] };
    const r = run(sub, T, '{"a": 1, "c": 2}');
    expect(r.samples).toEqual([good('a', 1), good('c', 4)]);
    expect(r.problems).toEqual([{ reason: 'pointer_missing', problem: 'the payload has no value at /b', rule: 'subscriptions[0].values[1]' }]);
  });
});

describe('static tags', () => {
  it('read a topic into a fixed tag id; a tag without a topic only describes', () => {
    const tags = [
      { id: 'boiler_temp', unit: 'degC', scale: 0.1, topic: 'boiler/1/temp', value: '/t' },
      { id: 'boiler_state', topic: 'boiler/1/state' },
      { id: 'L1_filler_temp', unit: 'degC' },
    ] as unknown as TagConfig[];
    const { routes, problems } = compileRoutes({ url: 'mqtt://x' }, tags);
    expect(problems).toEqual([]);
    expect(routes.map((r) => r.filter.mqtt)).toEqual(['boiler/1/temp', 'boiler/1/state']);
    const opts = { sourceId: 'mq', maxPayloadBytes: 1000, receivedAt: NOW };
    expect(extractMessage(routes, 'boiler/1/temp', Buffer.from('{"t": 815}'), opts).samples).toEqual([good('boiler_temp', 815)]);
    expect(extractMessage(routes, 'boiler/1/state', Buffer.from('heating'), opts).samples).toEqual([good('boiler_state', 'heating')]);
  });
});
