import { describe, expect, it } from 'vitest';
import type { Row } from '../shared/encoding.js';
import { lateRanges, rollupSpecs } from './config.js';
import { ROLLUP_LAG_MS, floorTo, runRollups } from './job.js';
import type { RollupBackend, RollupSpec } from './job.js';
import { RollupState } from './state.js';

const M = 60_000;
const H = 60 * M;
const D = 24 * H;
const row = (tagId: number, ts: number): Row => ({ tagId, path: `t${tagId}`, ts, quality: 0, value: 1 });

describe('rollup config', () => {
  it.each([
    [undefined, [['1m', Infinity], ['1h', Infinity]]],
    [{}, []],
    [{ '1h': { keep: '10y' }, '1m': { keep: '2y' } }, [['1m', 730 * D], ['1h', 3650 * D]]],
    [{ '1h': {} }, [['1h', Infinity]]],
  ])('%j keeps %j', (config, want) => {
    expect(rollupSpecs(config).map((r) => [r.name, r.keepMs])).toEqual(want);
  });

  it('names a bad entry', () => {
    expect(() => rollupSpecs({ '5m': {} } as never)).toThrow(/rollup "5m" is not one of 1m, 1h/);
    expect(() => rollupSpecs({ '1m': { keep: 'a while' } })).toThrow(/rollup 1m: keep "a while"/);
  });

  it('finds per tag the time range of rows before a watermark', () => {
    expect(lateRanges([row(1, 50), row(2, 10), row(1, 20), row(1, 99), row(2, 200)], 99)).toEqual([[1, 20, 50], [2, 10, 10]]);
    expect(lateRanges([row(1, 100)], 99)).toEqual([]);
    // Grouped by tag (as flushes append) or interleaved, the same ranges.
    expect(lateRanges([row(1, 50), row(2, 10), row(1, 20), row(2, 5), row(1, 60), row(2, 7)], 99)).toEqual([[1, 20, 60], [2, 5, 10]]);
    expect(lateRanges([row(1, 20), row(1, 50), row(1, 60), row(2, 5), row(2, 7), row(2, 10), row(3, 120)], 99)).toEqual([[1, 20, 60], [2, 5, 10]]);
  });
});

describe('rollup state', () => {
  const spec: RollupSpec = { name: '1m', ms: M, keepMs: Infinity };

  it('queues late rows only once a watermark or a running job stands before them', () => {
    const s = new RollupState([spec]);
    expect(s.late([row(1, 5)])).toEqual([]);
    s.claimed = 10;
    expect(s.late([row(1, 5), row(1, 15)])).toEqual([[1, 5, 5]]);
    s.load(new Map([['rollup_1m_until', '100']]));
    expect(s.late([row(1, 50)])).toEqual([[1, 50, 50]]);
  });

  it.each([
    // watermark, dirty, from, to -> until
    [{ until: 10 * M }, 0, 60 * M, 10 * M],
    [{ until: 10 * M, dirtyLo: 5 * M + 3 }, 0, 60 * M, 5 * M],
    [{ until: 90 * M }, 0, 60 * M + 5, 60 * M],
    [{}, 0, 60 * M, 0],
    [{ until: 10 * M }, 20 * M, 60 * M, 20 * M],
  ])('with %j, reads of [%i, %i) use the rollup until %i', (snap, from, to, until) => {
    expect(RollupState.readUntil(spec, snap, from, to)).toBe(until);
  });

  it('takes M4 rollup buckets only whole, from the first bucket edge after from', () => {
    expect(RollupState.m4Window(spec, { until: 10 * M }, 90_001, 10 * M)).toEqual([2 * M, 10 * M]);
    expect(RollupState.m4Window(spec, { until: M }, 90_001, 10 * M)).toEqual([2 * M, 2 * M]);
  });
});

/** A backend that records what the job asks, over samples on the given days. */
function fakeBackend(sampleDays: number[], dirtyDays: number[], log: string[], state: RollupState): RollupBackend {
  return {
    oldestSample: async () => (sampleDays.length ? sampleDays[0]! + 5 : undefined),
    daysWithSamples: async (lo, hi) => {
      log.push(`days ${lo / D}..${hi / D} claimed ${state.claimed}`);
      return sampleDays.filter((d) => d + D > lo && d < hi);
    },
    dirtyDays: async (seq, before) => dirtyDays.filter((d) => d < before),
    window: async (r, lo, hi, opts) => {
      log.push(`${r.name} ${opts.dirtySeq !== undefined ? 'again' : 'new'} ${lo}-${hi}`);
      return 1;
    },
    setUntil: async (r, until) => void log.push(`${r.name} until ${until}`),
    expire: async (r, before) => (log.push(`${r.name} expire ${before}`), 0),
    clearDirty: async (seq) => void log.push(`clear ${seq}`),
  };
}

describe('rollup run', () => {
  it('starts at the oldest sample, visits only days with samples, ends a lag before now', async () => {
    const state = new RollupState([{ name: '1h', ms: H, keepMs: Infinity }]);
    state.seq = 7;
    const log: string[] = [];
    const now = 10 * D + 3 * H;
    const report = await runRollups(fakeBackend([2 * D, 9 * D], [], log, state), state, now);
    const target = floorTo(now - ROLLUP_LAG_MS, H);
    // The run claims its target before reading; day 10 holds no samples, so the watermark is set on its own.
    expect(log).toEqual([`days 2..${target / D} claimed ${target}`, `1h new ${2 * D}-${3 * D}`, `1h new ${9 * D}-${10 * D}`, `1h until ${target}`, 'clear 7']);
    expect(report).toEqual({ '1h': { written: 2, rewritten: 0, expired: 0, until: target } });
    expect(state.until.get('1h')).toBe(target);
  });

  it('rewrites late days before the watermark, then the new time, then expires', async () => {
    const state = new RollupState([{ name: '1m', ms: M, keepMs: 2 * D }]);
    state.until.set('1m', 5 * D);
    state.seq = 3;
    const log: string[] = [];
    await runRollups(fakeBackend([], [1 * D, 4 * D], log, state), state, 5 * D + ROLLUP_LAG_MS);
    // The watermark already stands at the target: nothing new; two late days again; buckets older than 2 days go.
    expect(log).toEqual([`1m again ${1 * D}-${2 * D}`, `1m again ${4 * D}-${5 * D}`, `1m expire ${3 * D + ROLLUP_LAG_MS}`, 'clear 3']);
  });
});
