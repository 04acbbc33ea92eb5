/** Prometheus metrics at /metrics, computed from the pipeline counters and connection states on scrape. */
import { Counter, Gauge, Registry, collectDefaultMetrics, type Metric } from 'prom-client';
import type { CountersSnapshot } from '../pipeline/counters.js';
import type { AgeHistogram, AgeStage } from '../pipeline/sample-age.js';
import { sampleAgeMetric } from './age-metric.js';
import type { HistorianStats } from '../historian/types.js';
import type { ConnectionStatus } from './status.js';

export interface MetricsInputs {
  counters(): CountersSnapshot;
  historian(): HistorianStats;
  connections(): ConnectionStatus[];
  /** Refusals of the embedded broker, when it runs. */
  brokerDenials?(): { publish: number; subscribe: number } | undefined;
  /** The ingest spool: what it holds, its bound, how far each consumer is behind. */
  spool?(): { samples: number; bytes: number; maxBytes: number; oldestAt?: number; consumers: Array<{ name: string; lagSamples: number }> };
  /** How old samples were when each stage had them, since start. */
  ages?(): Array<{ stage: AgeStage; sink?: string; histogram: AgeHistogram }>;
}

/** Set a counter to an absolute total per label set (prom-client counters only go up; we own the totals). */
function setTotals(c: Counter<string>, entries: Array<[Record<string, string>, number]>): void {
  c.reset();
  for (const [labels, v] of entries) if (v > 0) c.inc(labels, v);
}

/** A registry whose metrics are read from `inputs` at every scrape. */
export function createMetrics(inputs: MetricsInputs): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'causeway_process_' });
  const opts = { registers: [registry] };

  new Counter({ ...opts, name: 'causeway_samples_received_total', help: 'Samples received from sources.', labelNames: ['source'],
    collect() { setTotals(this, Object.entries(inputs.counters().received.bySource).map(([source, n]) => [{ source }, n])); } });
  new Counter({ ...opts, name: 'causeway_samples_passed_total', help: 'Samples that passed normalization and deadband.',
    collect() { setTotals(this, [[{}, inputs.counters().passed]]); } });
  new Counter({ ...opts, name: 'causeway_samples_filtered_total', help: 'Samples suppressed by a deadband (unchanged values).',
    collect() { setTotals(this, [[{}, inputs.counters().filtered]]); } });
  new Counter({ ...opts, name: 'causeway_samples_rejected_total', help: 'Samples rejected as invalid, by reason.', labelNames: ['reason'],
    collect() { setTotals(this, Object.entries(inputs.counters().rejected.byReason).map(([reason, n]) => [{ reason }, n])); } });
  new Counter({ ...opts, name: 'causeway_samples_delivered_total', help: 'Samples acknowledged by a consumer (historian, sink).', labelNames: ['consumer'],
    collect() { setTotals(this, Object.entries(inputs.counters().consumers).map(([consumer, c]) => [{ consumer }, c.delivered])); } });
  new Counter({ ...opts, name: 'causeway_samples_dropped_total', help: 'Samples a consumer lost, by reason.', labelNames: ['consumer', 'reason'],
    collect() {
      const entries: Array<[Record<string, string>, number]> = [];
      for (const [consumer, c] of Object.entries(inputs.counters().consumers)) for (const [reason, n] of Object.entries(c.dropped.byReason)) entries.push([{ consumer, reason }, n]);
      setTotals(this, entries);
    } });
  new Counter({ ...opts, name: 'causeway_samples_stored_total', help: 'Samples made durable in the historian.',
    collect() { setTotals(this, [[{}, inputs.historian().written]]); } });
  new Gauge({ ...opts, name: 'causeway_historian_pending_samples', help: 'Samples accepted by the historian and not yet on disk.',
    collect() { this.set(inputs.historian().pending); } });
  new Counter({ ...opts, name: 'causeway_historian_failed_flushes_total', help: 'Historian flushes that failed (their samples are kept and retried).',
    collect() { setTotals(this, [[{}, inputs.historian().failedFlushes]]); } });
  new Gauge({ ...opts, name: 'causeway_connection_up', help: '1 when the connection is connected, else 0.', labelNames: ['id', 'role', 'kind', 'state'],
    collect() {
      this.reset();
      for (const c of inputs.connections()) this.set({ id: c.id, role: c.role, kind: c.kind, state: c.state }, c.state === 'connected' ? 1 : 0);
    } });
  new Gauge({ ...opts, name: 'causeway_sink_buffered_samples', help: "Samples waiting in a sink's store-and-forward buffer on disk.", labelNames: ['id'],
    collect() {
      this.reset();
      for (const c of inputs.connections()) if (c.buffered !== undefined) this.set({ id: c.id }, c.buffered);
    } });
  new Counter({ ...opts, name: 'causeway_poll_overruns_total', help: 'Poll cycles skipped because the previous one had not finished.', labelNames: ['id'],
    collect() { setTotals(this, inputs.connections().map((c) => [{ id: c.id }, c.overruns])); } });
  new Gauge({ ...opts, name: 'causeway_spool_samples', help: 'Accepted samples held in the ingest spool until the historian and every sink hold them.',
    collect() { this.set(inputs.spool?.().samples ?? 0); } });
  new Gauge({ ...opts, name: 'causeway_spool_bytes', help: 'Bytes the ingest spool holds on disk.',
    collect() { this.set(inputs.spool?.().bytes ?? 0); } });
  new Gauge({ ...opts, name: 'causeway_spool_max_bytes', help: 'Bytes the ingest spool may hold before sources are pushed back.',
    collect() { this.set(inputs.spool?.().maxBytes ?? 0); } });
  new Gauge({ ...opts, name: 'causeway_spool_consumer_lag_samples', help: 'Samples a consumer (historian, sink) does not hold durably yet.', labelNames: ['consumer'],
    collect() {
      this.reset();
      for (const c of inputs.spool?.().consumers ?? []) this.set({ consumer: c.name }, c.lagSamples);
    } });
  new Counter({ ...opts, name: 'causeway_source_refused_samples_total', help: 'Samples a source pushed back or skipped because the ingest spool was full.', labelNames: ['id'],
    collect() { setTotals(this, inputs.connections().map((c) => [{ id: c.id }, c.refused ?? 0])); } });
  new Counter({ ...opts, name: 'causeway_broker_denials_total', help: 'Publishes and subscriptions the embedded MQTT broker refused (ACL), by action.', labelNames: ['action'],
    collect() { setTotals(this, Object.entries(inputs.brokerDenials?.() ?? {}).map(([action, n]) => [{ action }, n])); } });
  // prom-client reads any object with name, help, type and get(); its types list only its own classes.
  if (inputs.ages) registry.registerMetric(sampleAgeMetric(inputs.ages) as unknown as Metric);
  return registry;
}
