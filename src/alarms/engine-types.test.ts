/**
 * Rate-of-change and condition alarms, a discrete alarm with a long on-delay ("line stopped longer
 * than five minutes"), and designed suppression: hand-computed, on source timestamps.
 */
import { describe, expect, it } from 'vitest';
import type { AttributeAlarmsConfig } from '../config/schema-alarms.js';
import type { Quality, QualityReason, Sample, Value } from '../core/sample.js';
import type { AttributeNode } from '../namespace/index.js';
import { alarmsOfAttribute, renderMessage } from './definitions.js';
import { AlarmEngine, type AlarmChange } from './engine.js';

const ASSET = 'acme/line1/filler';
const node = (name: string, extra: Partial<AttributeNode> = {}): AttributeNode => ({ path: `${ASSET}/${name}`, asset: ASSET, name, type: 'number', valueType: 'number', writable: false, interpolation: 'linear', ...extra });
const PATHS = new Set(['level', 'speed', 'state'].map((n) => `${ASSET}/${n}`));
const STATE = node('state', { type: 'state', states: { '1': 'running', '2': 'stopped', '3': 'faulted' } });

function engine(attr: AttributeNode, block: AttributeAlarmsConfig) {
  const log: string[] = [];
  const defs = alarmsOfAttribute(attr, [block], (p) => PATHS.has(p));
  const e = new AlarmEngine(defs, (changes: AlarmChange[]) => {
    for (const { entry, transition: t } of changes) log.push(`${entry.def.name} ${t.event} ${t.to} @${t.at}${t.value !== undefined ? ` v=${t.value}` : ''}`);
  });
  const feed = (name: string, ts: number, value: Value, quality: Quality = 'good', reason?: QualityReason) => {
    const s: Sample = { path: `${ASSET}/${name}`, value, ts, quality, ...(reason ? { qualityReason: reason } : {}) };
    e.evaluate([s]);
  };
  return { e, log, feed, defs };
}

describe('rate-of-change alarms', () => {
  it('raise when the value rises faster than the limit between consecutive samples, and clear a deadband below it', () => {
    const { log, feed, defs } = engine(node('level', { unit: '%' }), { rules: [{ name: 'filling-fast', type: 'rate-of-change', limit: 0.5, direction: 'rising', deadband: 0.1 }] });
    feed('level', 0, 10); // the first sample: no rate
    feed('level', 1000, 10.4); // 0.4 %/s
    feed('level', 2000, 11); // 0.6 %/s > 0.5: in alarm at 2000
    feed('level', 3000, 11.45); // 0.45 %/s: inside the deadband (0.4 .. 0.5]
    feed('level', 4000, 11.8); // 0.35 %/s <= 0.4: clears
    feed('level', 5000, 5); // falling at 6.8 %/s: not a rising alarm
    expect(log).toEqual(['filling-fast activate UNACK_ACTIVE @2000 v=0.6', 'filling-fast clear RTN_UNACK @4000 v=0.35']);
    expect(defs[0]).toMatchObject({ type: 'rate-of-change', setpoint: 0.5, priority: 'medium' });
    expect(renderMessage(defs[0]!, 0.6)).toBe('acme/line1/filler/level rising at 0.6 % per 1s (limit 0.5)');
  });

  it('take the limit per minute and wait out the on-delay in source time', () => {
    const { e, log, feed } = engine(node('level'), { rules: [{ name: 'moving', type: 'rate-of-change', limit: 6, per: '1m', onDelay: '2s', offDelay: '1s' }] });
    feed('level', 0, 0);
    feed('level', 1000, -0.2); // -0.2 per s = -12 per min, |-12| > 6: pending from 1000
    feed('level', 2000, -0.4); // still -12
    feed('level', 3000, -0.6); // the delay ended at 3000: in alarm with the rate then
    feed('level', 4000, -0.6); // 0 per min: off-delay from 4000
    e.tick(4999);
    expect(log).toEqual(['moving activate UNACK_ACTIVE @3000 v=-12']);
    e.tick(5000); // no further sample: the timer clears it at 5000
    expect(log).toEqual(['moving activate UNACK_ACTIVE @3000 v=-12', 'moving clear RTN_UNACK @5000 v=0']);
  });

  it('start again after a sample that is not good: no rate across a bad or stale sample', () => {
    const { log, feed } = engine(node('level'), { rules: [{ name: 'ramp', type: 'rate-of-change', limit: 0.5, direction: 'rising' }] });
    feed('level', 0, 10);
    feed('level', 1000, 10.1);
    feed('level', 2000, 0, 'bad'); // breaks the series
    feed('level', 3000, 20); // first good sample after it: 9.9/s against 10.1 is not taken
    feed('level', 4000, 20.2); // 0.2/s
    feed('level', 5000, 21); // 0.8/s: in alarm
    feed('level', 6000, 21, 'uncertain', 'stale'); // breaks the series; the alarm stays
    feed('level', 7000, 21); // first again: no rate
    feed('level', 8000, 21); // 0/s: clears
    expect(log).toEqual(['ramp activate UNACK_ACTIVE @5000 v=0.8', 'ramp clear RTN_UNACK @8000 v=0']);
  });

  it('take the rate over a window so that noise between single samples does not count', () => {
    const { log, feed } = engine(node('level'), { rules: [{ name: 'ramp', type: 'rate-of-change', limit: 0.5, direction: 'rising', window: '10s' }] });
    // 0, 3, 0, 3 … each second: ±3 per second sample to sample, 0 over any 10 s.
    for (let t = 0; t <= 11; t++) feed('level', t * 1000, t % 2 === 0 ? 0 : 3);
    expect(log).toEqual([]);
    feed('level', 12_000, 8); // against 2000 (0): 8 over 10 s = 0.8/s
    feed('level', 13_000, 8); // against 3000 (3): 0.5/s, not above: clears
    expect(log).toEqual(['ramp activate UNACK_ACTIVE @12000 v=0.8', 'ramp clear RTN_UNACK @13000 v=0.5']);
  });
});

describe('condition alarms', () => {
  const OVERLOAD = { rules: [{ name: 'overload', type: 'condition' as const, when: 'speed > 500 && state == 1', onDelay: '2s', offDelay: '1s' }] };

  it('raise when the expression has held for the on-delay and clear after the off-delay, re-evaluated on every input', () => {
    const { log, feed, defs } = engine(node('speed'), OVERLOAD);
    expect(defs[0]).toMatchObject({ type: 'condition', id: `${ASSET}/speed/overload` });
    feed('speed', 1000, 550); // state not known yet: not judged
    feed('state', 2000, 1); // true: pending from 2000
    feed('speed', 3000, 560);
    feed('speed', 4000, 570); // the delay ended at 4000
    feed('state', 5000, 2); // false: off-delay from 5000
    feed('state', 5500, 3);
    feed('speed', 6000, 100); // cleared at 6000, with the speed when the delay ended
    expect(log).toEqual(['overload activate UNACK_ACTIVE @4000 v=560', 'overload clear RTN_UNACK @6000 v=570']);
  });

  it('judge nothing while an input is bad', () => {
    const { e, log, feed } = engine(node('speed'), OVERLOAD);
    feed('state', 1000, 1);
    feed('speed', 1000, 600, 'bad', 'link_lost');
    e.tick(10_000);
    expect(log).toEqual([]);
    feed('speed', 11_000, 600); // good again: pending from 11 000
    e.tick(13_000);
    expect(log).toEqual(['overload activate UNACK_ACTIVE @13000 v=600']);
  });
});

describe('a line stopped longer than five minutes, and designed suppression', () => {
  it('raises a discrete alarm on the machine state only after five minutes not running', () => {
    const { e, log, feed } = engine(STATE, { rules: [{ name: 'stopped-long', type: 'discrete', notEquals: 'running', onDelay: '5m', priority: 'high' }] });
    feed('state', 0, 1);
    feed('state', 60_000, 2); // stopped: pending from 60 000
    feed('state', 300_000, 1); // running again after 4 min: nothing
    feed('state', 400_000, 3); // faulted: pending from 400 000
    feed('state', 500_000, 2); // still not running
    e.tick(699_999);
    expect(log).toEqual([]);
    e.tick(700_000); // 5 min after 400 000, by the timer
    feed('state', 760_000, 1); // running: clears
    expect(log).toEqual(['stopped-long activate UNACK_ACTIVE @700000 v=2', 'stopped-long clear RTN_UNACK @760000 v=1']);
  });

  it('suppresses a rate-of-change alarm by design while the machine is not running', () => {
    const { log, feed } = engine(node('level'), { rules: [{ name: 'ramp', type: 'rate-of-change', limit: 1, suppressedWhen: 'state != 1' }] });
    feed('state', 0, 2);
    feed('level', 1000, 10);
    feed('level', 2000, 20); // 10/s, in alarm but suppressed
    feed('state', 3000, 1); // running again with the alarm standing: annunciated
    feed('level', 4000, 20); // 0/s: clears
    expect(log).toEqual(['ramp suppress SUPPRESSED @0', 'ramp activate SUPPRESSED @2000 v=10', 'ramp unsuppress UNACK_ACTIVE @3000', 'ramp clear RTN_UNACK @4000 v=0']);
  });
});
