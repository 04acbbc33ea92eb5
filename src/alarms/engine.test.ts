import { describe, expect, it } from 'vitest';
import type { AttributeAlarmsConfig } from '../config/schema-alarms.js';
import type { Quality, QualityReason, Sample, Value } from '../core/sample.js';
import type { AttributeNode } from '../namespace/index.js';
import { alarmsOfAttribute, renderMessage } from './definitions.js';
import { AlarmEngine, type AlarmChange } from './engine.js';

const ASSET = 'acme/line1/filler';
const node = (name: string, extra: Partial<AttributeNode> = {}): AttributeNode => ({ path: `${ASSET}/${name}`, asset: ASSET, name, type: 'number', valueType: 'number', writable: false, interpolation: 'linear', ...extra });
const PATHS = new Set(['level', 'speed', 'speed_sp', 'state'].map((n) => `${ASSET}/${n}`));

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

describe('limit alarms', () => {
  it('raise above hi and clear only once the value is a deadband below it', () => {
    const { log, feed } = engine(node('level'), { hi: 80, deadband: 2 });
    feed('level', 1000, 79.9);
    feed('level', 2000, 80); // not above
    feed('level', 3000, 80.5); // above: in alarm at 3000
    feed('level', 4000, 79); // inside the deadband (78 .. 80]: stays
    feed('level', 5000, 78.5);
    feed('level', 6000, 78); // 78 is not above 80 - 2: clears at 6000
    expect(log).toEqual(['hi activate UNACK_ACTIVE @3000 v=80.5', 'hi clear RTN_UNACK @6000 v=78']);
  });

  it('raise lo and lolo separately, each with its own priority', () => {
    const { log, feed, defs } = engine(node('level'), { lo: 20, lolo: 10, hihi: { setpoint: 95, priority: 1 } });
    expect(defs.map((d) => `${d.name}:${d.priority}`)).toEqual(['lolo:high', 'lo:medium', 'hihi:urgent']);
    feed('level', 1, 15);
    feed('level', 2, 5);
    feed('level', 3, 12);
    feed('level', 4, 25);
    expect(log).toEqual(['lo activate UNACK_ACTIVE @1 v=15', 'lolo activate UNACK_ACTIVE @2 v=5', 'lolo clear RTN_UNACK @3 v=12', 'lo clear RTN_UNACK @4 v=25']);
  });

  it('wait out the on-delay in source time: a short excursion raises nothing, a long one raises at start + delay', () => {
    const { log, feed } = engine(node('level'), { hi: 80, onDelay: '5s', offDelay: '2s' });
    feed('level', 10_000, 85);
    feed('level', 12_000, 86);
    feed('level', 14_000, 70); // back within 4 s: nothing
    feed('level', 20_000, 90); // pending from 20 000
    feed('level', 26_000, 91); // 26 000 >= 25 000: active at 25 000, with the value then (90)
    feed('level', 30_000, 50); // off-delay from 30 000
    feed('level', 31_000, 85); // back above within 1 s: the clear is cancelled
    feed('level', 40_000, 50); // off-delay from 40 000
    feed('level', 43_000, 50); // cleared at 42 000
    expect(log).toEqual(['hi activate UNACK_ACTIVE @25000 v=90', 'hi clear RTN_UNACK @42000 v=50']);
  });

  it('complete a delay by the timer when no further sample comes, at the time the delay ended', () => {
    const { e, log, feed } = engine(node('level'), { hi: 80, onDelay: '5s' });
    feed('level', 10_000, 85);
    e.tick(14_999);
    expect(log).toEqual([]);
    e.tick(15_200);
    expect(log).toEqual(['hi activate UNACK_ACTIVE @15000 v=85']);
  });

  it('ignore samples older than the newest one, and bad values (the quality alarm reports those)', () => {
    const { log, feed } = engine(node('level'), { hi: 80 });
    feed('level', 2000, 50);
    feed('level', 1000, 99);
    feed('level', 3000, 99, 'bad');
    expect(log).toEqual([]);
  });

  it('fill the message placeholders', () => {
    const { defs } = engine(node('level', { unit: '%' }), { hi: { setpoint: 80, message: '{path}: {value} {unit} over {setpoint} {unit}' }, lo: 5 });
    expect(renderMessage(defs.find((d) => d.name === 'hi')!, 81.23456)).toBe('acme/line1/filler/level: 81.235 % over 80 %');
    expect(renderMessage(defs.find((d) => d.name === 'lo')!, 4)).toBe('acme/line1/filler/level low: 4 % (limit 5)');
  });
});

describe('discrete, deviation and quality alarms', () => {
  it('raise a discrete alarm on a state by its label', () => {
    const { log, feed } = engine(node('state', { type: 'state', states: { '1': 'running', '3': 'faulted' } }), { rules: [{ name: 'faulted', type: 'discrete', equals: 'faulted' }, { name: 'not-running', type: 'discrete', notEquals: 1, onDelay: '5m' }] });
    feed('state', 1000, 1);
    feed('state', 2000, 3);
    feed('state', 3000, 1);
    expect(log).toEqual(['faulted activate UNACK_ACTIVE @2000 v=3', 'faulted clear RTN_UNACK @3000 v=1']);
  });

  it('raise a deviation from another attribute, re-evaluated when either changes', () => {
    const { log, feed } = engine(node('speed'), { rules: [{ name: 'off-sp', type: 'deviation', from: 'speed_sp', limit: 50, deadband: 10 }] });
    feed('speed', 1000, 500); // no setpoint known yet
    feed('speed_sp', 2000, 520);
    feed('speed_sp', 3000, 600); // |500 - 600| = 100 > 50
    feed('speed', 4000, 555); // 45: inside the deadband (40 .. 50]
    feed('speed', 5000, 565); // 35: clears
    expect(log).toEqual(['off-sp activate UNACK_ACTIVE @3000 v=500', 'off-sp clear RTN_UNACK @5000 v=565']);
  });

  it('raise a quality alarm on stale or bad values', () => {
    const { log, feed } = engine(node('level'), { rules: [{ name: 'stale', type: 'quality', quality: 'stale' }, { name: 'bad', type: 'quality', quality: 'bad' }] });
    feed('level', 1000, 50);
    feed('level', 2000, 50, 'uncertain', 'stale');
    feed('level', 3000, 50, 'bad', 'link_lost');
    feed('level', 4000, 51);
    expect(log).toEqual(['stale activate UNACK_ACTIVE @2000 v=50', 'stale clear RTN_UNACK @3000 v=50', 'bad activate UNACK_ACTIVE @3000 v=50', 'bad clear RTN_UNACK @4000 v=51']);
  });
});

describe('suppression, shelving and latching in the engine', () => {
  it('suppresses by design while the line is not running, and raises a standing alarm when it runs again', () => {
    const { log, feed } = engine(node('level'), { lo: 20, suppressedWhen: 'state != 1' });
    feed('state', 1000, 2);
    feed('level', 2000, 10); // low, but suppressed
    feed('state', 3000, 1); // running again, level still low
    expect(log).toEqual(['lo suppress SUPPRESSED @1000', 'lo activate SUPPRESSED @2000 v=10', 'lo unsuppress UNACK_ACTIVE @3000']);
  });

  it('ends shelving at its expiry by the timer, at the time it was shelved until', () => {
    const { e, log, feed } = engine(node('level'), { hi: 80 });
    feed('level', 1000, 90);
    expect(e.act(`${ASSET}/level/hi`, { kind: 'shelve', at: 2000, user: 'op', reason: 'known', until: 62_000 })).toMatchObject({ event: 'shelve', to: 'SHELVED' });
    e.tick(61_999);
    e.tick(70_000);
    expect(log).toEqual(['hi activate UNACK_ACTIVE @1000 v=90', 'hi shelve SHELVED @2000', 'hi shelve-expired UNACK_ACTIVE @62000']);
  });

  it('latches until acknowledged', () => {
    const { e, log, feed } = engine(node('level'), { hi: { setpoint: 80, latching: true } });
    feed('level', 1000, 90);
    feed('level', 2000, 50);
    e.act(`${ASSET}/level/hi`, { kind: 'ack', at: 3000, user: 'op' });
    expect(log).toEqual(['hi activate UNACK_ACTIVE @1000 v=90', 'hi clear LATCHED @2000 v=50', 'hi ack NORMAL @3000']);
  });

  it('refuses to shelve an alarm out of service, and an unknown alarm', () => {
    const { e } = engine(node('level'), { hi: 80 });
    e.act(`${ASSET}/level/hi`, { kind: 'out-of-service', at: 1, user: 'eng', reason: 'calibration' });
    expect(() => e.act(`${ASSET}/level/hi`, { kind: 'shelve', at: 2, user: 'op', reason: 'x', until: 9 })).toThrow(expect.objectContaining({ code: 'CW_ALARM_STATE' }));
    expect(() => e.act(`${ASSET}/level/nope`, { kind: 'ack', at: 2, user: 'op' })).toThrow(expect.objectContaining({ code: 'CW_ALARM_NOT_FOUND' }));
  });
});
