/** What the API needs from the running hub, as interfaces: the API never reaches into the runtime. */
import type { Sample } from '../core/sample.js';
import type { ExportPlan, ExportRequest } from '../historian/export/index.js';
import type { RawPage, RawPageRequest } from '../historian/query/raw.js';
import type { TrendAnswer, TrendRequest } from '../historian/query/trend.js';
import type { AggregateRequest, AggregateSeries, ValueAt } from '../historian/query/types.js';
import type { AttributeNode, AssetNode, Lineage, QuarantineReport, SearchQuery, SearchResult, TreeNode } from '../namespace/index.js';
import type { PkiView } from '../runtime/pki.js';
import type { ConnectionStatus } from '../runtime/status.js';
import type { ZoneMap } from '../runtime/zone-map.js';
import type { BrowseNode, DeviceInfo, ReceiveResult } from '../sources/types.js';
import type { Production } from '../production/index.js';
import type { Alarms } from '../alarms/index.js';
import type { Vulnerabilities } from '../inventory/vulnerabilities.js';
import type { AdvisoryService } from '../inventory/advisories/index.js';
import type { Inventory } from '../inventory/assets/inventory.js';
import type { ApiLimits } from './limits.js';
import type { HubSecurity } from './security-services.js';

export interface HubInfo {
  enterprise: string;
  site: string;
  version: string;
  startedAt: number;
}

/** The ingest write-ahead spool between the pipeline and the historian/sinks. */
export interface SpoolStatus {
  /** Samples appended and not yet durable in every consumer (historian, sink buffers). */
  samples: number;
  /** Bytes the spool holds on disk, and its limit. */
  bytes: number;
  maxBytes: number;
  /** Hub time (epoch ms) the oldest record still held was appended; absent when empty. */
  oldestAt?: number;
  /** Free bytes on the spool's file system. */
  diskFreeBytes?: number;
  /** True while ingest is refused because the spool is full. */
  full: boolean;
  /** How far each consumer is behind, in samples. */
  consumers: Array<{ name: string; lagSamples: number }>;
}

/** One thing wrong right now, in words an operator can act on (no error detail, no addresses). */
export interface HealthProblem {
  /** `historian`, `spool`, `audit`, `source:<id>` or `sink:<id>`. */
  component: string;
  problem: string;
}

export interface HealthReport {
  /** degraded while any problem is listed; ok again by itself once they are gone. */
  status: 'ok' | 'degraded';
  version: string;
  uptimeSeconds: number;
  /** What is wrong now; empty when ok. */
  problems: HealthProblem[];
  sources: { total: number; connected: number };
  /** backlog: samples waiting in the sinks' store-and-forward buffers. */
  sinks: { total: number; connected: number; backlog: number };
  /** failing: the latest flush attempt failed (and none has succeeded since). */
  historian: { pending: number; written: number; failedFlushes: number; failing: boolean; lastFlushAt?: number };
  /** The ingest spool, when the hub has one. */
  spool?: { samples: number; bytes: number; maxBytes: number; usedPercent: number; full: boolean; oldestAgeSeconds?: number; diskFreeBytes?: number; consumers: Array<{ name: string; lagSamples: number }> };
  /** How old samples were when the historian stored them and each sink's destination took them, over the last minute. */
  latency?: LatencyView[];
}

/** One stage's sample age: from arrival at the hub to the historian (durable) or a sink (acknowledged). */
export interface LatencyView {
  stage: 'historian' | 'sink';
  sink?: string;
  /** Samples the figures cover (the last minute). */
  samples: number;
  p50Seconds?: number;
  p99Seconds?: number;
  /** Samples observed since the hub started. */
  total: number;
}

export interface NamespaceView {
  browse(prefix: string): TreeNode[];
  has(prefix: string): boolean;
  attribute(path: string): AttributeNode | undefined;
  asset(path: string): AssetNode | undefined;
  liveUnder(prefix: string): Sample[];
  /** Assets and attributes by template (inheritance included) and text, paged. */
  search(q: SearchQuery): SearchResult;
  /** Where an attribute's or raw tag's values come from and where they go; undefined for a path that is neither. */
  lineage(path: string): Lineage | undefined;
  /** Samples the sinks' data contracts refused: counts per reason and the last few (all sinks, or one). */
  quarantine(sink?: string): QuarantineReport;
}

/** Value changes as they happen, for the live WebSocket. */
export interface LiveView {
  /** Be told of every batch of changed values (attributes, calculations, raw tags); returns the unsubscribe. The listener must only queue. */
  subscribe(listener: (batch: readonly Sample[]) => void): () => void;
}

export interface HubServices {
  info(): HubInfo;
  /** Identity, access, the write gate and the audit log. */
  security: HubSecurity;
  health(): HealthReport;
  sources(): ConnectionStatus[];
  /** Status of every sink, with the samples waiting in its store-and-forward buffer. */
  sinks(): ConnectionStatus[];
  /** Connect a source or sink now: cut its backoff short, or reopen its link; throws CW_SOURCE_NOT_FOUND / CW_SINK_NOT_FOUND. */
  reconnect(role: 'source' | 'sink', id: string): ConnectionStatus;
  /** The ingest spool's state, once the hub has one (health shows it and degrades when it fills). */
  spool?(): SpoolStatus | undefined;
  /** Sample ages per stage over the last minute, when the hub measures them. */
  latency?(): LatencyView[];
  /** Zones, conduits and every source's and sink's link security, without secrets. */
  zones(): ZoneMap;
  /** The OPC UA client certificates: list them, trust or reject a server's (audited). */
  pki: PkiView;
  namespace: NamespaceView;
  live: LiveView;
  /** What a source shows of its inner state (quarantine, sessions, counters), if it offers it. */
  sourceDetails(id: string): Record<string, unknown> | undefined;
  /** Ask a connected source's device who it is (vendor, product, firmware). */
  discover(id: string): Promise<DeviceInfo>;
  /** Browse a connected source's address space one page at a time. */
  browse(id: string, address?: string, cursor?: string): Promise<{ nodes: BrowseNode[]; cursor?: string }>;
  /** Raw samples, one page at a time (pass back the cursor of the previous page). */
  historyRaw(req: RawPageRequest): Promise<RawPage>;
  /** Aggregates per bucket; the hub knows each path's interpolation and counter rollover. */
  historyAggregate(req: Omit<AggregateRequest, 'interpolation' | 'counter'>): Promise<AggregateSeries[]>;
  /** Each path's value at an instant, interpolated as its attribute says. */
  historyAt(paths: readonly string[], time: number): Promise<ValueAt[]>;
  /** History reduced for a chart: at most 4 points per pixel column and path (M4). */
  historyTrend(req: TrendRequest): Promise<TrendAnswer>;
  /** Check and count a history export within the hub's export limits (throws catalogue errors); run() streams it. */
  prepareExport(req: Omit<ExportRequest, 'interpolation' | 'counter'>): Promise<ExportPlan>;
  /** Hand a pushed body to an http-push source; throws CW_INGEST_* errors to refuse it. */
  /**
   * Check a device's token for a push source before its body is read; `address` is the client's.
   * Throws CW_INGEST_SOURCE_UNKNOWN, CW_INGEST_UNAUTHORIZED, or CW_INGEST_TOKEN_THROTTLED once an
   * address sent wrong tokens too often (growing pauses).
   */
  ingestAuthorize(sourceId: string, token: string | undefined, address: string | undefined): void;
  /** Resolves once the samples are durable in the ingest spool (the device may then forget them). */
  ingest(sourceId: string, body: unknown, request: { token?: string; bytes: number }): Promise<ReceiveResult>;
  /** The largest body any push source accepts (the route's body limit). */
  ingestBodyLimit(): number;
  /** Prometheus exposition text. */
  metrics(): Promise<{ contentType: string; body: string }>;
  now(): number;
  /** Work orders, line states, OEE and ERP confirmations, when the config has a production block. */
  production?: Production;
  /** ISA-18.2 alarms, when the config defines any. */
  alarms?: Alarms | undefined;
  /** Vulnerability findings of the inventory's assets against the imported advisories. */
  vulnerabilities?: Vulnerabilities | undefined;
  /** Security advisories (CSAF 2.0) from <data dir>/advisories.sqlite, the file `causeway advisories import` writes. */
  advisories?: AdvisoryService | undefined;
  /** The asset inventory (discovered and hand-kept devices). */
  assets?: Inventory;
  /** Bounds on the work of one request and on live connections (api.limits, api.allowedOrigins); defaults when absent. */
  limits?: Readonly<ApiLimits>;
}
