import { describe, expect, it } from 'vitest';
import { AGE_BUCKETS, AgeHistogram, runsOf, runsOfSubset, SampleAges } from './sample-age.js';

describe('AgeHistogram', () => {
  it.each([
    [0, 0], [0.001, 0], [0.0011, 1], [0.003, 2], [0.5, 8], [0.51, 9], [10, 12], [10.01, 13], [-1, 0],
  ])('puts an age of %s s into bucket %i (upper bound inclusive, +Inf last)', (seconds, bucket) => {
    const h = new AgeHistogram();
    h.observe(seconds, 3);
    expect(h.counts[bucket]).toBe(3);
    expect(h.count).toBe(3);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('exposes cumulative counts and the sum, as Prometheus does', () => {
    const h = new AgeHistogram();
    h.observe(0.002, 2);
    h.observe(0.2, 1);
    h.observe(20, 1);
    expect(h.cumulative()).toEqual([0, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4]);
    expect(h.cumulative()).toHaveLength(AGE_BUCKETS.length + 1);
    expect(h.sum).toBeCloseTo(0.004 + 0.2 + 20, 9);
  });

  it('ignores runs of no samples', () => {
    const h = new AgeHistogram();
    h.observe(1, 0);
    expect(h.count).toBe(0);
    expect(h.quantile(0.5)).toBeUndefined();
  });

  it('interpolates quantiles inside a bucket like histogram_quantile', () => {
    const h = new AgeHistogram();
    // 100 samples in (0.01, 0.025]: the median lies halfway through that bucket.
    h.observe(0.02, 100);
    expect(h.quantile(0.5)).toBeCloseTo(0.0175, 9);
    h.observe(3, 100);
    // Half below 0.025 s, half in (2.5, 5]: p99 is near the top of the higher bucket.
    expect(h.quantile(0.5)).toBeCloseTo(0.025, 9);
    expect(h.quantile(0.99)).toBeCloseTo(2.5 + 2.5 * 0.98, 9);
  });

  it('reports the top bound for ages beyond 10 s', () => {
    const h = new AgeHistogram();
    h.observe(60, 5);
    expect(h.quantile(0.5)).toBe(10);
  });
});

describe('SampleAges', () => {
  it('observes each run at its own age, per stage and sink', () => {
    const ages = new SampleAges();
    ages.observe('sink', 'uns', [{ at: 1000, samples: 4 }, { at: 1900, samples: 6 }], 2000);
    ages.observe('historian', undefined, [{ at: 1995, samples: 10 }], 2000);
    const [historian, sink] = ages.histograms();
    expect(historian).toMatchObject({ stage: 'historian' });
    expect(historian!.histogram.count).toBe(10);
    expect(sink).toMatchObject({ stage: 'sink', sink: 'uns' });
    // 4 samples 1 s old, 6 samples 100 ms old.
    expect(sink!.histogram.counts[9]).toBe(4);
    expect(sink!.histogram.counts[6]).toBe(6);
    expect(sink!.histogram.sum).toBeCloseTo(4 * 1 + 6 * 0.1, 9);
  });

  it('summarizes the last minute only, and keeps the count since start', () => {
    const ages = new SampleAges();
    ages.observe('sink', 'uns', [{ at: 0, samples: 10 }], 5_000); // 5 s old, at t = 5 s
    ages.observe('sink', 'uns', [{ at: 99_990, samples: 10 }], 100_000); // 10 ms old, at t = 100 s
    const [s] = ages.summary(100_000);
    expect(s).toMatchObject({ stage: 'sink', sink: 'uns', samples: 10, total: 20 });
    expect(s!.p50Seconds).toBeLessThanOrEqual(0.01);
    expect(ages.summary(200_000)[0]).toEqual({ stage: 'sink', sink: 'uns', samples: 0, total: 20 });
  });
});

describe('arrival runs', () => {
  it('makes one run per record a consumer takes samples of, joining records of the same moment', () => {
    expect(runsOf([{ at: 1, taken: 2 }, { at: 1, taken: 3 }, { at: 2, taken: 0 }, { taken: 5 }, { at: 3, taken: 1 }])).toEqual([{ at: 1, samples: 5 }, { at: 3, samples: 1 }]);
  });

  it('follows a subset of the batch (what a contract gate lets through)', () => {
    const batch = ['a', 'b', 'c', 'd', 'e'].map((path) => ({ path }));
    const runs = [{ at: 10, samples: 2 }, { at: 20, samples: 3 }];
    expect(runsOfSubset(batch, runs, [batch[1]!, batch[4]!])).toEqual([{ at: 10, samples: 1 }, { at: 20, samples: 1 }]);
    expect(runsOfSubset(batch, runs, [batch[2]!, batch[3]!])).toEqual([{ at: 20, samples: 2 }]);
    expect(runsOfSubset(batch, runs, [])).toEqual([]);
  });
});
