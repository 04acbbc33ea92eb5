/**
 * `causeway_sample_age_seconds{stage, sink}` for /metrics: the sample-age histograms the pipeline
 * keeps (src/pipeline/sample-age.ts), exposed as a Prometheus histogram. A custom prom-client
 * metric because the bookkeeping observes runs of samples at once, which prom-client's Histogram
 * cannot take (it observes one value at a time).
 */
import type { AgeHistogram, AgeStage } from '../pipeline/sample-age.js';
import { AGE_BUCKETS } from '../pipeline/sample-age.js';

const NAME = 'causeway_sample_age_seconds';

interface MetricValue {
  labels: Record<string, string | number>;
  value: number;
  metricName: string;
}

/** A metric prom-client's registry can register: read from `series` at each scrape. */
export function sampleAgeMetric(series: () => Array<{ stage: AgeStage; sink?: string; histogram: AgeHistogram }>) {
  const help = 'Age of samples from their arrival at the hub (accepted into the ingest spool) until the historian stored them durably (stage="historian") or a sink\'s destination acknowledged them (stage="sink", sink="<id>").';
  const collect = () => {
    const values: MetricValue[] = [];
    for (const { stage, sink, histogram } of series()) {
      const labels = { stage, sink: sink ?? '' };
      const cumulative = histogram.cumulative();
      AGE_BUCKETS.forEach((le, i) => values.push({ labels: { ...labels, le }, value: cumulative[i]!, metricName: `${NAME}_bucket` }));
      values.push({ labels: { ...labels, le: '+Inf' }, value: histogram.count, metricName: `${NAME}_bucket` });
      values.push({ labels, value: histogram.sum, metricName: `${NAME}_sum` });
      values.push({ labels, value: histogram.count, metricName: `${NAME}_count` });
    }
    return { name: NAME, help, type: 'histogram' as const, values, aggregator: 'sum' as const };
  };
  return {
    name: NAME,
    help,
    type: 'histogram',
    aggregator: 'sum',
    get: () => Promise.resolve(collect()),
    reset: () => undefined,
  };
}
