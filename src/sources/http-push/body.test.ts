import { describe, expect, it } from 'vitest';
import { readBody } from './body.js';

const opts = { sourceId: 'meter', knownTags: new Set(['power', 'energy']), now: 1_700_000_000_000, maxSamples: 3 };

describe('reading a pushed body', () => {
  it('reads the three accepted shapes', () => {
    const expected = [{ path: 'meter/power', value: 12.5, ts: 1_700_000_000_500, quality: 'good' }];
    expect(readBody({ samples: [{ tag: 'power', value: 12.5, ts: 1_700_000_000_500 }] }, opts)).toEqual({ samples: expected, rejected: [] });
    expect(readBody([{ tag: 'power', value: 12.5, ts: '2023-11-14T22:13:20.500Z' }], opts)).toEqual({ samples: expected, rejected: [] });
    expect(readBody({ ts: 1_700_000_000_500, values: { power: 12.5 } }, opts)).toEqual({ samples: expected, rejected: [] });
  });

  it('stamps samples without a time with the hub clock and defaults quality to good', () => {
    expect(readBody({ values: { energy: 4567 } }, opts)).toEqual({ samples: [{ path: 'meter/energy', value: 4567, ts: opts.now, quality: 'good' }], rejected: [] });
  });

  it('keeps the good samples of a partly bad batch and says why each bad one was refused', () => {
    const r = readBody({ samples: [
      { tag: 'power', value: 1 },
      { tag: 'voltage', value: 230 },
      { tag: 'power', value: 'NaN-ish', quality: 'excellent' },
    ] }, opts);
    expect(r).toEqual({
      samples: [{ path: 'meter/power', value: 1, ts: opts.now, quality: 'good' }],
      rejected: [
        { index: 1, tag: 'voltage', reason: 'unknown tag "voltage" (not listed under this source\'s tags)' },
        { index: 2, tag: 'power', reason: '"quality" is not good, uncertain or bad' },
      ],
    });
  });

  it.each([
    [{ tag: 'power' }, '"value" is not a finite number, boolean or string'],
    [{ tag: 'power', value: null }, '"value" is not a finite number, boolean or string'],
    [{ tag: 'power', value: 1, ts: 'yesterday' }, '"ts" is not epoch milliseconds or ISO 8601'],
    [{ tag: 'power', value: 1, ts: -5 }, '"ts" -5 lies before 1970'],
    [{ tag: 'power', value: 1, ts: '1969-12-31T23:00:00Z' }, '"ts" 1969-12-31T23:00:00Z lies before 1970'],
    [{ tag: 'power', value: 1, ts: 1_700_000_000 }, '"ts" 1700000000 looks like epoch seconds (it would be 1970-01-20T16:13:20.000Z); send milliseconds (1700000000 × 1000 = 1700000000000)'],
    [{ tag: 'power', value: 1, ts: '2023-11-14T22:13:20' }, '"ts" 2023-11-14T22:13:20 has no time zone offset; add Z (UTC) or one such as +01:00'],
    [{ value: 1 }, 'no "tag"'],
    ['power=1', 'not an object'],
  ])('refuses %j: %s', (entry, reason) => {
    const r = readBody([entry], opts);
    expect('rejected' in r && r.rejected[0]?.reason).toBe(reason);
  });

  it('refuses a body of the wrong shape or with too many samples as a whole', () => {
    expect(readBody({ power: 1 }, opts)).toEqual({ problem: 'expected {"samples":[...]}, an array of samples, or {"values":{...}}' });
    expect(readBody('x', opts)).toHaveProperty('problem');
    expect(readBody([1, 2, 3, 4], opts)).toEqual({ problem: '4 samples, more than 3', tooMany: true });
  });

  it('reads ISO times without an offset in the site\'s zone when it has one, and says so', () => {
    const localTime = { timeZone: 'Europe/Berlin', instant: (text: string) => Date.parse(`${text}+01:00`) };
    const r = readBody([{ tag: 'power', value: 1, ts: '2023-11-14T23:13:20.500' }, { tag: 'power', value: 2, ts: '2023-11-14T22:13:20.500Z' }], { ...opts, localTime });
    expect(r).toEqual({
      samples: [{ path: 'meter/power', value: 1, ts: 1_700_000_000_500, quality: 'good' }, { path: 'meter/power', value: 2, ts: 1_700_000_000_500, quality: 'good' }],
      rejected: [],
      notes: ['Times without an offset were read in Europe/Berlin, the site\'s time zone.'],
    });
  });

  it('refuses, with its index, a sample the hub\'s own checks would drop later', () => {
    const check = (s: { value: unknown }) => (s.value === 'abc' ? 'attribute a/b/power is a number: "abc" cannot be read as one' : undefined);
    const r = readBody([{ tag: 'power', value: 1 }, { tag: 'power', value: 'abc' }], { ...opts, check });
    expect(r).toMatchObject({ samples: [{ value: 1 }], rejected: [{ index: 1, tag: 'power', reason: 'attribute a/b/power is a number: "abc" cannot be read as one' }] });
  });
});
