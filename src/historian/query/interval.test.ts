import { describe, expect, it } from 'vitest';
import { bucketEdges, countBuckets, parseInterval } from './interval.js';
import type { Interval } from './interval.js';
import { instantOf, isTimeZone, offsetAt } from './zone.js';

const H = 3_600_000;
const iso = (t: number) => new Date(t).toISOString();
const lengthsInHours = (e: number[]) => e.slice(1).map((x, i) => (x - e[i]!) / H);

function edges(from: string, to: string, spec: string | number, zone = 'UTC'): number[] {
  const e = bucketEdges(Date.parse(from), Date.parse(to), parseInterval(spec) as Interval, zone, 1000);
  if (typeof e === 'string') throw new Error(e);
  return e;
}

describe('time zones', () => {
  it.each([
    ['2026-01-15T12:00:00Z', 'America/Chicago', -6 * 60],
    ['2026-07-15T12:00:00Z', 'America/Chicago', -5 * 60],
    ['2026-01-15T12:00:00Z', 'Asia/Kolkata', 5 * 60 + 30],
    ['2026-01-15T12:00:00Z', 'UTC', 0],
  ])('offset at %s in %s is %i minutes', (at, zone, minutes) => {
    expect(offsetAt(Date.parse(at), zone) / 60_000).toBe(minutes);
  });

  it.each([
    // Plain: 2026-01-15 00:00 CST = 06:00Z.
    [{ year: 2026, month: 1, day: 15, hour: 0 }, 'America/Chicago', '2026-01-15T06:00:00.000Z'],
    // Spring-forward gap (02:00 CST -> 03:00 CDT): 02:30 does not exist; 03:30 CDT = 08:30Z.
    [{ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/Chicago', '2026-03-08T08:30:00.000Z'],
    // Fall-back fold: 01:30 happens twice; the first is 01:30 CDT = 06:30Z.
    [{ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/Chicago', '2026-11-01T06:30:00.000Z'],
    // Chile jumps from 00:00 to 01:00 (-04 -> -03) on 2026-09-06: that day starts at 01:00 -03 = 04:00Z.
    [{ year: 2026, month: 9, day: 6, hour: 0 }, 'America/Santiago', '2026-09-06T04:00:00.000Z'],
  ])('local %o in %s is %s', (local, zone, expected) => {
    expect(iso(instantOf({ minute: 0, second: 0, ...local }, zone))).toBe(expected);
  });

  it('knows zones from typos', () => {
    expect(isTimeZone('America/Chicago')).toBe(true);
    expect(isTimeZone('America/Chicgo')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});

describe('parseInterval', () => {
  it.each([
    [60_000, { kind: 'fixed', ms: 60_000 }],
    ['500ms', { kind: 'fixed', ms: 500 }],
    ['15s', { kind: 'fixed', ms: 15_000 }],
    ['5m', { kind: 'fixed', ms: 300_000 }],
    ['2h', { kind: 'fixed', ms: 7_200_000 }],
    ['1d', { kind: 'calendar', unit: 'day', count: 1 }],
    ['2w', { kind: 'calendar', unit: 'week', count: 2 }],
    ['3mo', { kind: 'calendar', unit: 'month', count: 3 }],
    ['1y', { kind: 'calendar', unit: 'month', count: 12 }],
  ])('%s', (spec, expected) => {
    expect(parseInterval(spec)).toEqual(expected);
  });

  it.each([0, -5, 1.5, '0m', '1.5h', '5 minutes', 'h', ''])('refuses %s', (spec) => {
    expect(typeof parseInterval(spec)).toBe('string');
  });
});

describe('bucketEdges', () => {
  it('aligns fixed intervals to the epoch and covers the whole range', () => {
    // 10:07 falls in [10:00, 10:15); 10:50 in [10:45, 11:00).
    expect(edges('2026-11-23T10:07:00Z', '2026-11-23T10:50:00Z', '15m').map(iso)).toEqual([
      '2026-11-23T10:00:00.000Z', '2026-11-23T10:15:00.000Z', '2026-11-23T10:30:00.000Z', '2026-11-23T10:45:00.000Z', '2026-11-23T11:00:00.000Z',
    ]);
    // An end on an edge closes there.
    expect(edges('2026-11-23T10:00:00Z', '2026-11-23T11:00:00Z', '1h').map(iso)).toEqual(['2026-11-23T10:00:00.000Z', '2026-11-23T11:00:00.000Z']);
  });

  it('makes the Chicago day of the spring change 23 hours and of the fall change 25 hours', () => {
    // Local midnights: Mar 7 06:00Z (CST), Mar 8 06:00Z (CST), Mar 9 05:00Z (CDT), Mar 10 05:00Z.
    const spring = edges('2026-03-07T12:00:00Z', '2026-03-10T00:00:00Z', '1d', 'America/Chicago');
    expect(spring.map(iso)).toEqual(['2026-03-07T06:00:00.000Z', '2026-03-08T06:00:00.000Z', '2026-03-09T05:00:00.000Z', '2026-03-10T05:00:00.000Z']);
    expect(lengthsInHours(spring)).toEqual([24, 23, 24]);
    // Local midnights: Oct 31 05:00Z (CDT), Nov 1 05:00Z (CDT), Nov 2 06:00Z (CST).
    const fall = edges('2026-10-31T12:00:00Z', '2026-11-02T00:00:00Z', '1d', 'America/Chicago');
    expect(lengthsInHours(fall)).toEqual([24, 25]);
  });

  it('starts weeks on Monday and months on the 1st, at local midnight', () => {
    // 2026-11-01 is a Sunday: its week starts Monday 2026-10-26 00:00 CDT = 05:00Z.
    expect(edges('2026-11-01T12:00:00Z', '2026-11-02T06:00:00Z', '1w', 'America/Chicago').map(iso)).toEqual([
      '2026-10-26T05:00:00.000Z', '2026-11-02T06:00:00.000Z',
    ]);
    // Berlin: Jan 1 00:00 CET = Dec 31 23:00Z, Feb 1 and Mar 1 (CET) 23:00Z the day before,
    // Apr 1 00:00 CEST = Mar 31 22:00Z (the clocks went forward on Mar 29).
    expect(edges('2026-01-30T00:00:00Z', '2026-03-02T00:00:00Z', '1mo', 'Europe/Berlin').map(iso)).toEqual([
      '2025-12-31T23:00:00.000Z', '2026-01-31T23:00:00.000Z', '2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z',
    ]);
  });

  it('refuses more buckets than allowed', () => {
    expect(bucketEdges(0, 10_000, { kind: 'fixed', ms: 1 }, 'UTC', 100)).toMatch(/more than 100 buckets/);
    expect(bucketEdges(0, 400 * 86_400_000, { kind: 'calendar', unit: 'day', count: 1 }, 'UTC', 100)).toMatch(/more than 100 buckets/);
  });

  it.each([
    ['2026-11-23T10:07:00Z', '2026-11-23T10:50:00Z', '15m', 'UTC'],
    ['2026-03-07T12:00:00Z', '2026-03-10T00:00:00Z', '1d', 'America/Chicago'],
    ['2026-03-07T06:00:00Z', '2026-03-10T05:00:00Z', '1d', 'America/Chicago'],
    ['2026-11-01T12:00:00Z', '2026-11-02T06:00:00Z', '1w', 'America/Chicago'],
    ['2026-01-30T00:00:00Z', '2026-03-02T00:00:00Z', '1mo', 'Europe/Berlin'],
    ['2020-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '3mo', 'Asia/Kolkata'],
    ['2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z', '1mo', 'UTC'],
    ['2026-10-26T05:00:00Z', '2026-11-09T06:00:00Z', '1w', 'America/Chicago'],
  ])('counts the buckets of %s … %s by %s in %s without building them', (from, to, spec, zone) => {
    const built = edges(from, to, spec, zone).length - 1;
    expect(countBuckets(Date.parse(from), Date.parse(to), parseInterval(spec) as Interval, zone)).toBe(built);
  });

  it('refuses a range of a million days by counting, before it builds a single calendar edge', () => {
    const day: Interval = { kind: 'calendar', unit: 'day', count: 1 };
    // from=-99999999999999 of the penetration test: year -1199 to today, about 1.2 million days.
    expect(countBuckets(-99_999_999_999_999, Date.parse('2026-12-01T00:00:00Z'), day, 'America/Chicago')).toBeGreaterThan(1_000_000);
    expect(bucketEdges(-99_999_999_999_999, Date.parse('2026-12-01T00:00:00Z'), day, 'America/Chicago', 100_000)).toMatch(/more than 100000 buckets/);
  });
});
