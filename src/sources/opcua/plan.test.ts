import { describe, expect, it } from 'vitest';
import { durationMs } from '../../core/time.js';
import { callSize, MAX_ITEMS_PER_CALL, monitoringSpecOf, planSubscriptions, type PlanOptions } from './plan.js';
import type { OpcuaTag } from './schema.js';

const base: PlanOptions = { publishingIntervalMs: 1000, samplingIntervalMs: 1000, maxItemsPerSubscription: 1000, durationMs };
const tag = (id: string, extra: Partial<OpcuaTag> = {}): OpcuaTag => ({ id, nodeId: `ns=1;s=${id}`, ...extra });
const tags = (n: number, extra: Partial<OpcuaTag> = {}) => Array.from({ length: n }, (_, i) => tag(`t${i}`, extra));

describe('monitoringSpecOf', () => {
  it.each([
    ['defaults', tag('a'), base, { samplingInterval: 1000, queueSize: 1 }],
    ['fast sampling queues what one publish spans', tag('a', { samplingInterval: '100ms' }), base, { samplingInterval: 100, queueSize: 10 }],
    ['explicit queue size wins', tag('a', { samplingInterval: 100, queueSize: 3 }), base, { samplingInterval: 100, queueSize: 3 }],
    ['source queue size applies to tags without one', tag('a', { samplingInterval: 100 }), { ...base, queueSize: 5 }, { samplingInterval: 100, queueSize: 5 }],
    ['sampling 0 (exception based) queues one', tag('a', { samplingInterval: 0 }), base, { samplingInterval: 0, queueSize: 1 }],
    ['derived queue is capped', tag('a', { samplingInterval: 1 }), { ...base, publishingIntervalMs: 60_000 }, { samplingInterval: 1, queueSize: 1000 }],
    ['server deadband is carried', tag('a', { serverDeadband: { type: 'percent', value: 2 } }), base, { samplingInterval: 1000, queueSize: 1, deadband: { type: 'percent', value: 2 } }],
  ] as const)('%s', (_name, t, o, expected) => {
    expect(monitoringSpecOf(t, o)).toEqual(expected);
  });
});

describe('callSize', () => {
  it.each([
    [undefined, MAX_ITEMS_PER_CALL],
    [0, MAX_ITEMS_PER_CALL],
    [50, 50],
    [100_000, MAX_ITEMS_PER_CALL],
  ])('server limit %s → %s items per call', (limit, size) => {
    expect(callSize(limit)).toBe(size);
  });
});

describe('planSubscriptions', () => {
  const shape = (plan: ReturnType<typeof planSubscriptions>) => plan.map((s) => s.calls.map((c) => c.tags.length));

  it.each([
    ['no tags, no subscriptions', tags(0), base, []],
    ['one call when everything fits', tags(5), base, [[5]]],
    ['calls chunked by the server limit', tags(7), { ...base, maxItemsPerCall: 3 }, [[3, 3, 1]]],
    ['subscriptions split by the item limit', tags(7), { ...base, maxItemsPerSubscription: 3 }, [[3], [3], [1]]],
    ['both limits', tags(10), { ...base, maxItemsPerSubscription: 4, maxItemsPerCall: 3 }, [[3, 1], [3, 1], [2]]],
    ['large source: 2500 tags, no server limit', tags(2500), { ...base, maxItemsPerSubscription: 5000 }, [[1000, 1000, 500]]],
  ] as const)('%s', (_name, t, o, expected) => {
    expect(shape(planSubscriptions(t, o))).toEqual(expected);
  });

  it('groups tags with equal parameters into shared calls, keeping their order', () => {
    const mixed = [tag('a'), tag('fast1', { samplingInterval: 100 }), tag('b'), tag('fast2', { samplingInterval: 100 }), tag('db', { serverDeadband: { type: 'absolute', value: 0.5 } })];
    const plan = planSubscriptions(mixed, base);
    expect(plan).toHaveLength(1);
    expect(plan[0]!.calls.map((c) => c.tags.map((t) => t.id))).toEqual([['a', 'b'], ['fast1', 'fast2'], ['db']]);
    expect(plan[0]!.calls.map((c) => c.spec)).toEqual([
      { samplingInterval: 1000, queueSize: 1 },
      { samplingInterval: 100, queueSize: 10 },
      { samplingInterval: 1000, queueSize: 1, deadband: { type: 'absolute', value: 0.5 } },
    ]);
  });

  it('plans every tag exactly once', () => {
    const t = [...tags(37), ...tags(23, { samplingInterval: 250 }).map((x) => ({ ...x, id: `f${x.id}` }))];
    const plan = planSubscriptions(t, { ...base, maxItemsPerSubscription: 8, maxItemsPerCall: 5 });
    const ids = plan.flatMap((s) => s.calls.flatMap((c) => c.tags.map((x) => x.id)));
    expect(ids.sort()).toEqual(t.map((x) => x.id).sort());
    expect(plan.every((s) => s.itemCount <= 8 && s.calls.every((c) => c.tags.length <= 5))).toBe(true);
  });
});
