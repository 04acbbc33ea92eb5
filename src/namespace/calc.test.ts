import { describe, expect, it } from 'vitest';
import type { AssetConfig, TemplateConfig } from '../config/schema.js';
import type { Quality, Sample } from '../core/sample.js';
import { evaluationOrder } from './calc-engine.js';
import { timeWeightedAverage } from './history.js';
import { Namespace } from './index.js';
import { buildModel } from './model.js';

const t0 = 1_700_000_000_000;
const A = 'acme/spr/packaging/line1/filler';
const templates: TemplateConfig[] = [
  {
    id: 'Filler',
    attributes: [
      { name: 'good', type: 'counter' },
      { name: 'reject', type: 'counter' },
      { name: 'state', type: 'state', states: { '1': 'running', '2': 'stopped' } },
      { name: 'temp', type: 'number', unit: 'degC' },
      { name: 'yield_pct', type: 'number', unit: '%', calc: 'good / (good + reject) * 100' },
      { name: 'good_rate', type: 'number', calc: 'rate(good)' },
      { name: 'state_age', type: 'number', unit: 's', calc: 'since_change(state)' },
      { name: 'temp_avg', type: 'number', unit: 'degC', calc: "avg(temp, '10s')" },
      { name: 'broken', type: 'number', calc: 'good / (reject - reject)' },
      { name: 'double_yield', type: 'number', calc: 'yield_pct * 2' },
      { name: 'running', type: 'boolean', calc: 'state == 1' },
    ],
  },
];
const assets: AssetConfig[] = [{ path: A, template: 'Filler', bindings: { good: 'plc/good', reject: 'plc/reject', state: 'plc/state', temp: 'plc/temp' } }];

function setup(): { ns: Namespace; warnings: string[]; feed: (ms: number, values: Record<string, number>, quality?: Quality) => Map<string, Sample> } {
  const warnings: string[] = [];
  const ns = new Namespace(templates, assets, { log: { warn: (_f, m) => warnings.push(m) }, now: () => t0 });
  const feed = (ms: number, values: Record<string, number>, quality: Quality = 'good'): Map<string, Sample> => {
    const out = ns.map(Object.entries(values).map(([tag, value]) => ({ path: `plc/${tag}`, value, ts: t0 + ms, quality })));
    return new Map(out.map((s) => [s.path.slice(A.length + 1), s]));
  };
  return { ns, warnings, feed };
}

describe('calculated attributes', () => {
  it('evaluate when an input changes, with the newest input time, in dependency order', () => {
    const { feed } = setup();
    const first = feed(0, { good: 100, reject: 0, state: 1, temp: 20 });
    expect(first.get('yield_pct')).toEqual({ path: `${A}/yield_pct`, value: 100, ts: t0, quality: 'good' });
    expect(first.get('double_yield')?.value).toBe(200);
    expect(first.get('running')?.value).toBe(true);
    expect(first.has('good_rate')).toBe(false); // one value is not enough for a rate
    const second = feed(2000, { reject: 25 });
    expect(second.get('yield_pct')).toMatchObject({ value: 80, ts: t0 + 2000 });
    expect(second.get('double_yield')?.value).toBe(160);
    expect(second.has('state_age')).toBe(false); // state did not arrive
  });

  it('rate() is per second from the last two values; a counter that went down was reset', () => {
    const { feed } = setup();
    feed(0, { good: 100, reject: 0 });
    expect(feed(2000, { good: 110 }).get('good_rate')?.value).toBe(5);
    expect(feed(4000, { good: 5 }).get('good_rate')?.value).toBe(2.5);
  });

  it('rate() of a counter that declares 16 bits counts a wrap as counting on, as history delta does', () => {
    const wrapping: TemplateConfig[] = [{ id: 'Filler', attributes: [{ name: 'good', type: 'counter', bits: 16 }, { name: 'good_rate', type: 'number', calc: 'rate(good)' }] }];
    const ns = new Namespace(wrapping, [{ path: A, template: 'Filler', bindings: { good: 'plc/good' } }], { now: () => t0 });
    const rate = (ms: number, value: number) => ns.map([{ path: 'plc/good', value, ts: t0 + ms, quality: 'good' }]).find((x) => x.path.endsWith('good_rate'))?.value;
    rate(0, 65_530);
    // 65530 → 10 in 2 s: 65536 − 65530 + 10 = 16 bottles, 8/s (without the range: 10 in 2 s, 5/s).
    expect(rate(2000, 10)).toBe(8);
  });

  it('since_change() counts seconds since the value last changed', () => {
    const { feed } = setup();
    expect(feed(0, { state: 1 }).get('state_age')?.value).toBe(0);
    expect(feed(4000, { state: 1 }).get('state_age')?.value).toBe(4);
    expect(feed(5000, { state: 2 }).get('state_age')?.value).toBe(0);
    expect(feed(6500, { state: 2 }).get('state_age')?.value).toBe(1.5);
  });

  it("avg(x, '10s') is the time-weighted average over the window", () => {
    const { feed } = setup();
    expect(feed(0, { temp: 20 }).get('temp_avg')?.value).toBe(20);
    expect(feed(4000, { temp: 30 }).get('temp_avg')?.value).toBe(20); // 20 held for 4 s, 30 for 0 s
    expect(feed(10_000, { temp: 30 }).get('temp_avg')?.value).toBe(26); // (20*4 + 30*6) / 10
    expect(feed(12_000, { temp: 30 }).get('temp_avg')?.value).toBe(28); // window from 2 s: (20*2 + 30*8) / 10
  });

  it('takes the worst input quality', () => {
    const { feed } = setup();
    feed(0, { good: 100, reject: 0 });
    expect(feed(1000, { reject: 10 }, 'uncertain').get('yield_pct')?.quality).toBe('uncertain');
  });

  it('turns an evaluation error into a bad sample and one counted, rate-limited warning', () => {
    const { ns, feed, warnings } = setup();
    const out = feed(0, { good: 100, reject: 3 });
    expect(out.get('broken')).toEqual({ path: `${A}/broken`, value: 0, ts: t0, quality: 'bad' });
    feed(1000, { good: 101 });
    expect(ns.calcStats(`${A}/broken`)).toMatchObject({ evaluations: 2, errors: 2, lastError: 'The expression failed at column 6: division by zero' });
    expect(warnings).toEqual([`The calculated attribute ${A}/broken could not be evaluated: The expression failed at column 6: division by zero.`]);
    expect(ns.live.get(`${A}/yield_pct`)?.quality).toBe('good');
  });
});

describe('evaluation order', () => {
  it('puts inputs first and leaves a cycle out rather than looping', () => {
    const tpl: TemplateConfig[] = [{ id: 'T', attributes: [{ name: 'x', type: 'number' }, { name: 'c', type: 'number', calc: 'b + 1' }, { name: 'b', type: 'number', calc: 'x * 2' }, { name: 'p', type: 'number', calc: 'q' }, { name: 'q', type: 'number', calc: 'p' }] }];
    const model = buildModel(tpl, [{ path: 'a/b', template: 'T' }]);
    expect(evaluationOrder(model.calcs).map((c) => c.path)).toEqual(['a/b/b', 'a/b/c']);
  });
});

describe('time-weighted average', () => {
  const s = (ms: number, value: number, quality: Quality = 'good'): Sample => ({ path: 'x', value, ts: ms, quality });
  it('weights each value by how long it held', () => {
    expect(timeWeightedAverage([s(0, 10), s(1000, 20), s(4000, 0)], 0, 5000)).toBe((10 * 1 + 20 * 3 + 0 * 1) / 5);
  });
  it('takes the value in force at the window start, and leaves out the time of bad values', () => {
    expect(timeWeightedAverage([s(0, 10), s(10_000, 40)], 5000, 15_000)).toBe(25);
    expect(timeWeightedAverage([s(0, 10), s(1000, 999, 'bad'), s(3000, 10)], 0, 4000)).toBe(10);
  });
});
