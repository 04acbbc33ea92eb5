import { describe, expect, it } from 'vitest';
import type { TagConfig } from '../../config/schema.js';
import { compileRoutes } from './routes.js';
import type { MqttConfig, SubscriptionConfig } from './schema.js';

function problemsOf(subscriptions: SubscriptionConfig[], tags: Array<Record<string, unknown>> = []): string[] {
  const config: MqttConfig = { url: 'mqtt://x', subscriptions };
  return compileRoutes(config, tags as unknown as TagConfig[]).problems;
}

describe('compiling routes', () => {
  it('compiles subscriptions with the default QoS 1 and their own', () => {
    const { routes, problems } = compileRoutes({ url: 'mqtt://x', qos: 0, subscriptions: [{ topic: 'a/+x', tag: '{x}' }, { topic: 'b', tag: 'b', qos: 2 }] }, []);
    expect(problems).toEqual([]);
    expect(routes.map((r) => [r.filter.mqtt, r.qos])).toEqual([['a/+', 0], ['b', 2]]);
    expect(compileRoutes({ url: 'mqtt://x', subscriptions: [{ topic: 'a', tag: 'a' }] }, []).routes[0]!.qos).toBe(1);
  });

  it.each<[string, SubscriptionConfig[], Array<Record<string, unknown>>, RegExp]>([
    ['a bad filter', [{ topic: 'a/#/b', tag: 'x' }], [], /subscriptions\[0\]\.topic: "#" must be the last level/],
    ['an unknown capture', [{ topic: 'a/+x', tag: '{y}' }], [], /subscriptions\[0\]: the tag template "\{y\}" uses \{y\}/],
    ['neither tag nor values', [{ topic: 'a' }], [], /needs either tag \(one value\) or values \(several\), not neither/],
    ['both tag and values', [{ topic: 'a', tag: 'a', values: [{ tag: 'b' }] }], [], /not both/],
    ['value beside values', [{ topic: 'a', value: '/v', values: [{ tag: 'b' }] }], [], /put value and expression inside each entry/],
    ['a bad pointer', [{ topic: 'a', tag: 'a', value: 'temp' }], [], /subscriptions\[0\]\.value: "temp" is not a JSON pointer/],
    ['a bad expression', [{ topic: 'a', tag: 'a', expression: 'value *' }], [], /subscriptions\[0\]\.expression: The expression is not valid at column 8/],
    ['an unknown variable', [{ topic: 'a/+line', tag: 'a', expression: 'machine + 1' }], [], /reads machine; it may read value, payload, topic, line/],
    ['a reserved capture name', [{ topic: 'a/+value', tag: 'a' }], [], /capture name value is reserved/],
    ['a bad values entry', [{ topic: 'a', values: [{ tag: 'ok' }, { tag: 'x', timestamp: 'ts' }] }], [], /subscriptions\[0\]\.values\[1\]\.timestamp: "ts" is not a JSON pointer/],
    ['an unknown tag key', [], [{ id: 't', topic: 'a', pointer: '/v' }], /tag t has unknown key "pointer"/],
    ['a bad tag topic', [], [{ id: 't', topic: 'a/+/#/x' }], /tag t\.topic: "#" must be the last level/],
    ['nothing to receive', [], [{ id: 't', unit: 'degC' }], /has no subscriptions and no tags with a topic/],
  ])('reports %s', (_name, subs, tags, problem) => {
    expect(problemsOf(subs, tags).join('\n')).toMatch(problem);
  });
});
