/** Reading the hub's Prometheus text at /metrics: samples per second and connection states. */

export interface MetricSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Parse the exposition text; comment lines and unparsable lines are skipped. */
export function parsePrometheus(text: string): MetricSample[] {
  const out: MetricSample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = LINE.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[3] ?? '').matchAll(LABEL)) labels[l[1]!] = l[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    const value = Number(m[4]);
    if (Number.isNaN(value) && m[4] !== 'NaN') continue;
    out.push({ name: m[1]!, labels, value });
  }
  return out;
}

/** The sum of a metric's samples, optionally grouped by one label. */
export function total(samples: readonly MetricSample[], name: string): number {
  return samples.filter((s) => s.name === name).reduce((a, s) => a + s.value, 0);
}

/** A metric's values grouped by a label (summed within each group). */
export function byLabel(samples: readonly MetricSample[], name: string, label: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of samples) if (s.name === name) out.set(s.labels[label] ?? '', (out.get(s.labels[label] ?? '') ?? 0) + s.value);
  return out;
}

export interface Scrape {
  at: number;
  samples: MetricSample[];
}

export interface Connection {
  id: string;
  role: string;
  kind: string;
  state: string;
}

/** What the overview and connections pages show from two scrapes. */
export interface HubRates {
  /** Samples received from sources per second. */
  receivedPerSecond: number;
  /** Samples made durable in the historian per second. */
  storedPerSecond: number;
  /** Samples received per second, by source id. */
  perSource: Map<string, number>;
  /** Samples delivered per second, by consumer (historian, sink:<id>). */
  deliveredPerSecond: Map<string, number>;
  /** Samples dropped since start, by consumer. */
  dropped: Map<string, number>;
  historianPending: number;
  connections: Connection[];
}

function perSecond(now: number, before: number, seconds: number): number {
  return seconds > 0 ? Math.max(0, now - before) / seconds : 0;
}

function mapRate(next: Map<string, number>, prev: Map<string, number>, seconds: number): Map<string, number> {
  return new Map([...next].map(([k, v]) => [k, perSecond(v, prev.get(k) ?? v, seconds)]));
}

/** Rates between two scrapes (zero with only one); counters that went down (a restart) count as zero. */
export function ratesBetween(prev: Scrape | undefined, next: Scrape): HubRates {
  const p = prev ?? next;
  const seconds = (next.at - p.at) / 1000;
  const n = next.samples;
  return {
    receivedPerSecond: perSecond(total(n, 'causeway_samples_received_total'), total(p.samples, 'causeway_samples_received_total'), seconds),
    storedPerSecond: perSecond(total(n, 'causeway_samples_stored_total'), total(p.samples, 'causeway_samples_stored_total'), seconds),
    perSource: mapRate(byLabel(n, 'causeway_samples_received_total', 'source'), byLabel(p.samples, 'causeway_samples_received_total', 'source'), seconds),
    deliveredPerSecond: mapRate(byLabel(n, 'causeway_samples_delivered_total', 'consumer'), byLabel(p.samples, 'causeway_samples_delivered_total', 'consumer'), seconds),
    dropped: byLabel(n, 'causeway_samples_dropped_total', 'consumer'),
    historianPending: total(n, 'causeway_historian_pending_samples'),
    connections: n
      .filter((s) => s.name === 'causeway_connection_up')
      .map((s) => ({ id: s.labels.id ?? '', role: s.labels.role ?? '', kind: s.labels.kind ?? '', state: s.labels.state ?? '' })),
  };
}
