import { describe, expect, it } from 'vitest';
import { isCausewayError, type CausewayError } from '../core/errors.js';
import { apiLimits, checkAggregate, checkOee, checkRange, checkRows, checkSeries, checkTrend, DEFAULT_API_LIMITS, pacer } from './limits.js';

const DAY = 86_400_000;
const T = Date.parse('2026-12-01T00:00:00Z');

function refusal(run: () => void): CausewayError {
  try {
    run();
  } catch (e) {
    if (isCausewayError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('api.limits', () => {
  it('takes the configured limits over the defaults, and leaves the rest', () => {
    const l = apiLimits({ maxBuckets: 500, maxRangeDays: undefined });
    expect(l).toEqual({ ...DEFAULT_API_LIMITS, maxBuckets: 500 });
    expect(Object.isFrozen(l)).toBe(true);
  });

  it('refuses an aggregate of more buckets than maxBuckets with a 422 that names the limit and what to ask for', () => {
    const l = apiLimits({ maxBuckets: 100_000, maxRangeDays: 1_000_000 });
    const e = refusal(() => checkAggregate(l, { paths: 1, from: T - 1_000_000 * DAY, to: T, interval: '1d' }));
    expect(e.status).toBe(422);
    expect(e.code).toBe('CW_API_QUERY_TOO_LARGE');
    expect(e.message).toBe('The request asks for 1,000,000 buckets; the limit is 100,000 (api.limits.maxBuckets).');
    expect(e.hint).toBe("Ask for a shorter range or a longer interval; an admin can change api.limits.maxBuckets in the hub's config.");
  });

  it('counts buckets over every path, and lets through what fits', () => {
    const l = apiLimits({ maxBuckets: 1000 });
    expect(() => checkAggregate(l, { paths: 10, from: T - 100 * 60_000, to: T, interval: '1m' })).not.toThrow();
    expect(refusal(() => checkAggregate(l, { paths: 11, from: T - 100 * 60_000, to: T, interval: '1m' })).message).toContain('1,100 buckets');
    // An interval or zone that is not one is left for the query's own 400.
    expect(() => checkAggregate(l, { paths: 1, from: T - DAY, to: T, interval: 'often' })).not.toThrow();
    expect(() => checkAggregate(l, { paths: 1, from: T - DAY, to: T, interval: '1d', timeZone: 'Mars/Olympus' })).not.toThrow();
  });

  it('refuses ranges, paths and raw pages above their limits', () => {
    const l = DEFAULT_API_LIMITS;
    expect(() => checkRange(l, { from: T - 366 * DAY, to: T })).not.toThrow();
    expect(refusal(() => checkRange(l, { from: T - 400 * DAY, to: T })).message).toBe('The request asks for a range of 400 days; the limit is 366 days (api.limits.maxRangeDays).');
    expect(refusal(() => checkSeries(l, 1001)).message).toContain('(api.limits.maxSeries)');
    expect(refusal(() => checkRows(l, 1_000_000)).message).toBe('The request asks for pages of 1,000,000 rows; the limit is 100,000 (api.limits.maxRows).');
    expect(refusal(() => checkTrend(l, { paths: 10, from: T - DAY, to: T, pixels: 4000 })).message).toContain('40,000 pixel columns');
  });

  it('counts OEE periods: shifts a day times days times lines, before anything is read', () => {
    const l = apiLimits({ maxRangeDays: 1_000_000 });
    const e = refusal(() => checkOee(l, { from: T - 100_000 * DAY, to: T, lines: 1, by: 'shift', shiftsPerDay: 3 }));
    expect(e.message).toBe('The request asks for 300,003 OEE periods (periods × lines); the limit is 20,000 (api.limits.maxBuckets).');
    expect(() => checkOee(l, { from: T - 100_000 * DAY, to: T, lines: 4, by: 'range', shiftsPerDay: 3 })).not.toThrow();
    expect(refusal(() => checkOee(DEFAULT_API_LIMITS, { from: T - 100_000 * DAY, to: T, lines: 1, by: 'range', shiftsPerDay: 3 })).message).toContain('(api.limits.maxRangeDays)');
  });
});

describe('pacer', () => {
  it('yields to the event loop once a slice has gone by', async () => {
    const pace = pacer(DEFAULT_API_LIMITS, 'OEE', 0);
    let other = false;
    setImmediate(() => (other = true));
    await pace();
    expect(other).toBe(true);
  });

  it('stops a computation past its deadline with a retryable 503', async () => {
    const pace = pacer({ ...DEFAULT_API_LIMITS, deadlineSeconds: 0 }, 'OEE', 0);
    await new Promise((r) => setTimeout(r, 2));
    const e = await pace().then(() => undefined, (x: unknown) => x as CausewayError);
    expect(e).toMatchObject({ code: 'CW_API_QUERY_TIMEOUT', status: 503, retryable: true });
  });
});
