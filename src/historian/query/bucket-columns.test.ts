import { describe, expect, it } from 'vitest';
import type { Value } from '../../core/sample.js';
import { addSample, emptyAcc, emptyStats, finalValue, mergeStats } from './accumulator.js';
import { BucketColumns } from './bucket-columns.js';
import { rng } from './m4-data.js';
import { AGGREGATES } from './types.js';

/** The same samples and merged statistics into accumulator objects (the definitions) and into columns. */
describe('BucketColumns', () => {
  it('gives exactly the values of the accumulator objects, for every aggregate', () => {
    const rnd = rng(3);
    const buckets = 40;
    const accs = Array.from({ length: buckets }, emptyAcc);
    const cols = new BucketColumns(buckets, true);
    const value = (): Value => (rnd() < 0.1 ? rnd() < 0.5 : rnd() < 0.05 ? 'text' : Math.round(rnd() * 1e4) / 100 - 50);
    for (let k = 0; k < 2000; k++) {
      const i = Math.floor(rnd() * buckets);
      const ts = Math.floor(rnd() * 1e6);
      if (rnd() < 0.7) {
        const v = value();
        addSample(accs[i]!, ts, v);
        cols.addSample(i, ts, v);
      } else {
        // Statistics computed elsewhere (SQL, a rollup, buffered rows), merged in.
        const st = emptyStats();
        for (let j = Math.floor(rnd() * 4); j > 0; j--) addSample(st, Math.floor(rnd() * 1e6), value());
        st.bad = Math.floor(rnd() * 2);
        mergeStats(accs[i]!, st);
        cols.mergeStats(i, st);
      }
      if (rnd() < 0.2) {
        const area = rnd() * 100;
        accs[i]!.area += area;
        cols.area[i]! += area;
        accs[i]!.covered += 10;
        cols.covered[i]! += 10;
        accs[i]!.delta += 1.5;
        cols.delta[i]! += 1.5;
        accs[i]!.deltaKnown = true;
        cols.deltaKnown[i] = 1;
      }
    }
    for (const agg of AGGREGATES) {
      expect(accs.map((_, i) => cols.value(i, agg)), agg).toEqual(accs.map((a) => finalValue(a, agg)));
    }
    expect([...cols.count]).toEqual(accs.map((a) => a.count));
    expect([...cols.bad]).toEqual(accs.map((a) => a.bad));
  });

  it('answers null first and last when asked not to keep values, and nothing for empty buckets', () => {
    const cols = new BucketColumns(2, false);
    cols.addSample(0, 5, 1.5);
    expect(cols.value(0, 'first')).toBeNull();
    expect(cols.value(0, 'avg')).toBe(1.5);
    expect(AGGREGATES.map((agg) => cols.value(1, agg))).toEqual(AGGREGATES.map((agg) => finalValue(emptyAcc(), agg)));
  });
});
