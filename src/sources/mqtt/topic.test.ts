import { describe, expect, it } from 'vitest';
import { brokerFilters, covers, matchTopic, parseFilter, type TopicFilter } from './topic.js';

function filter(text: string): TopicFilter {
  const f = parseFilter(text);
  if (typeof f === 'string') throw new Error(f);
  return f;
}

describe('topic filters with named captures', () => {
  it.each<[string, string, string[]]>([
    ['plant/+line/+machine/telemetry', 'plant/+/+/telemetry', ['line', 'machine']],
    ['plant/+/status', 'plant/+/status', []],
    ['plant/#', 'plant/#', []],
    ['plant/+site/#rest', 'plant/+/#', ['site', 'rest']],
    ['#', '#', []],
    ['a//b', 'a//b', []],
  ])('%s subscribes as %s capturing %j', (text, mqtt, captures) => {
    const f = filter(text);
    expect(f.mqtt).toBe(mqtt);
    expect(f.captures).toEqual(captures);
  });

  it.each<[string, RegExp]>([
    ['', /empty/],
    ['a/#/b', /must be the last level/],
    ['a/b#', /fill a whole level/],
    ['a/x+/b', /fill a whole level/],
    ['a/+1x', /capture name/],
    ['a/+x/+x', /used twice/],
    ['$share/g/a/+', /shared subscriptions/],
    ['a/\u0000', /NUL/],
  ])('%j is refused', (text, problem) => {
    expect(parseFilter(text)).toMatch(problem);
  });

  it.each<[string, string, Record<string, string> | undefined]>([
    ['plant/+line/+machine/telemetry', 'plant/L1/filler/telemetry', { line: 'L1', machine: 'filler' }],
    ['plant/+line/+machine/telemetry', 'plant/L1/filler/status', undefined],
    ['plant/+line/+machine/telemetry', 'plant/L1/telemetry', undefined],
    ['plant/+line/+machine/telemetry', 'plant/L1/filler/telemetry/x', undefined],
    ['plant/+line', 'plant/', { line: '' }],
    ['plant/#rest', 'plant/a/b/c', { rest: 'a/b/c' }],
    ['plant/#rest', 'plant', { rest: '' }],
    ['plant/#', 'plantx/a', undefined],
    ['#', '$SYS/broker/uptime', undefined],
    ['+x/uptime', '$SYS/uptime', undefined],
    ['$SYS/#', '$SYS/broker/uptime', {}],
    ['a/b', 'a/b', {}],
  ])('%s on %s captures %j', (f, topic, expected) => {
    expect(matchTopic(filter(f), topic)).toEqual(expected);
  });
});

describe('overlapping filters', () => {
  it.each<[string, string, boolean]>([
    ['a/#', 'a/+/b', true],
    ['a/#', 'a', true],
    ['a/+', 'a/b', true],
    ['a/+', 'a/#', false],
    ['a/+/c', 'a/b/+', false],
    ['#', '$SYS/x', false],
    ['+/x', '$SYS/x', false],
    ['a/b', 'a/b', true],
    ['a/b', 'a/b/c', false],
    ['a/b/c', 'a/b', false],
  ])('%s covers %s: %s', (a, b, expected) => {
    expect(covers(filter(a).levels, filter(b).levels)).toBe(expected);
  });

  it('subscribes once to a filter that covers others, with the highest QoS among them', () => {
    const subs = [
      { filter: filter('plant/+line/+m/telemetry'), qos: 1 as const },
      { filter: filter('plant/L1/+m/telemetry'), qos: 2 as const },
      { filter: filter('plant/#'), qos: 0 as const },
      { filter: filter('other/x'), qos: 1 as const },
      { filter: filter('other/x'), qos: 0 as const },
    ];
    expect(brokerFilters(subs)).toEqual([
      { topic: 'plant/#', qos: 2 },
      { topic: 'other/x', qos: 1 },
    ]);
  });
});
