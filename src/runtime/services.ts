/** The HubServices the API serves, implemented over the running parts. */
import type { Registry } from 'prom-client';
import type { HubConfig } from '../config/schema.js';
import type { HubServices } from '../api/services.js';
import type { Historian } from '../historian/types.js';
import type { Namespace } from '../namespace/index.js';
import { exportLimitsFrom, planExport } from '../historian/export/index.js';
import type { ExportLimits } from '../historian/export/index.js';
import { queryAggregates } from '../historian/query/aggregate.js';
import { valuesAt } from '../historian/query/interpolate.js';
import { queryRawPage } from '../historian/query/raw.js';
import { queryTrend } from '../historian/query/trend.js';
import type { CounterRule } from '../core/counter.js';
import type { Interpolation } from '../historian/query/types.js';
import { registries, type Connections } from './connections.js';
import { ingestChecks } from './ingest-check.js';
import { hubPki } from './pki.js';
import { zoneMap, type ZoneMap } from './zone-map.js';
import type { HubSecurity } from '../api/security-services.js';
import type { LiveFeed } from './live-feed.js';
import type { Source } from '../sources/types.js';
import { VERSION } from './version.js';
import { ingestAuthorizer } from './ingest-auth.js';
import { assessHealth } from './health.js';
import { CausewayError } from '../core/errors.js';
import { DEFAULT_MAX_BODY_BYTES } from '../sources/http-push/definition.js';
import { apiLimits } from '../api/limits.js';

export interface ServiceParts {
  config: HubConfig;
  namespace: Namespace;
  historian: Historian;
  connections: Connections;
  metrics: Registry;
  security: HubSecurity;
  /** Value changes as the namespace maps them, for live subscribers. */
  live: LiveFeed;
  now: () => number;
  startedAt: number;
  dataDir: string;
  /** The API serves TLS (devices pushing to it then arrive encrypted). */
  apiTls: boolean;
  /** Bounds of API exports; default from CAUSEWAY_EXPORT_MAX_SAMPLES and CAUSEWAY_EXPORT_MAX_DAYS. */
  exportLimits?: ExportLimits;
}

/** Each path's interpolation, as the namespace declares it (numbers linear, the rest step, unless configured). */
function interpolationOf(ns: Namespace): (path: string) => Interpolation {
  return (path) => ns.attribute(path)?.interpolation ?? 'linear';
}

/** Each counter's declared range and drop rule. */
function counterOf(ns: Namespace): (path: string) => CounterRule | undefined {
  return (path) => ns.attribute(path)?.counter;
}

/** A connected source that can do `action`, or the catalogue error saying why not. */
function connectedSource(p: ServiceParts, id: string, action: string, can: (s: Source) => boolean): Source {
  const sup = p.connections.sources.get(id);
  if (!sup) throw new CausewayError('CW_SOURCE_NOT_FOUND', { source: id });
  const st = sup.status();
  if (!can(sup.source)) throw new CausewayError('CW_SOURCE_CANNOT', { source: id, kind: st.kind, action });
  if (st.state !== 'connected') throw new CausewayError('CW_SOURCE_NOT_CONNECTED', { source: id, state: st.state });
  return sup.source;
}

/** Wire the API's view of the hub. */
export function createServices(p: ServiceParts): HubServices {
  let zones: ZoneMap | undefined;
  // The config does not change while the hub runs: each push source's checks are made once.
  const ingestChecksOf = new Map<string, ReturnType<typeof ingestChecks>>();
  const services: HubServices = {
    now: p.now,
    security: p.security,
    limits: apiLimits({ ...p.config.api?.limits, ...(p.config.api?.allowedOrigins ? { allowedOrigins: p.config.api.allowedOrigins } : {}) }),
    info: () => ({ enterprise: p.config.site.enterprise, site: p.config.site.name, version: VERSION, startedAt: p.startedAt }),
    health() {
      // The spool member is set by whoever wires the ingest spool; health shows it once it is there.
      return assessHealth({
        version: VERSION, now: p.now(), startedAt: p.startedAt, connections: p.connections.statuses(),
        historian: p.historian.stats(), spool: services.spool?.(), latency: services.latency?.(), auditFailing: p.security.audit.failure !== undefined,
      });
    },
    sources: () => p.connections.statuses().filter((s) => s.role === 'source'),
    sinks: () => p.connections.statuses().filter((s) => s.role === 'sink'),
    reconnect(role, id) {
      const sup = (role === 'source' ? p.connections.sources : p.connections.sinks).get(id);
      if (!sup) throw role === 'source' ? new CausewayError('CW_SOURCE_NOT_FOUND', { source: id }) : new CausewayError('CW_SINK_NOT_FOUND', { sink: id });
      sup.reconnectNow();
      return p.connections.statuses().find((s) => s.role === role && s.id === id)!;
    },
    // The config does not change while the hub runs: the map is made once.
    zones: () => (zones ??= zoneMap(p.config, registries(), { apiTls: p.apiTls })),
    pki: hubPki({ config: p.config, dataDir: p.dataDir, sources: p.connections.sources, audit: p.security.audit, now: p.now }),
    live: { subscribe: (listener) => p.live.subscribe(listener) },
    namespace: {
      browse: (prefix) => p.namespace.browse(prefix),
      has: (prefix) => p.namespace.has(prefix),
      attribute: (path) => p.namespace.attribute(path),
      asset: (path) => p.namespace.asset(path),
      liveUnder: (prefix) => p.namespace.live.under(prefix),
      search: (q) => p.namespace.search(q),
      lineage: (path) => p.namespace.lineage(path, { sources: p.config.sources ?? [], sinks: p.config.sinks ?? [], conduits: p.config.conduits ?? [], hubZone: p.config.site.hubZone }),
      quarantine: (sink) => p.namespace.quarantine.report(sink),
    },
    historyRaw: (req) => queryRawPage(p.historian, req),
    historyAggregate: (req) => queryAggregates(p.historian, { ...req, interpolation: interpolationOf(p.namespace), counter: counterOf(p.namespace) }),
    historyAt: (paths, time) => valuesAt(p.historian, paths, time, interpolationOf(p.namespace)),
    historyTrend: (req) => queryTrend(p.historian, req),
    prepareExport: (req) => planExport(p.historian, { ...req, interpolation: interpolationOf(p.namespace), counter: counterOf(p.namespace) }, p.exportLimits ?? exportLimitsFrom(process.env)),
    sourceDetails: (id) => p.connections.sources.get(id)?.source.inspect?.(),
    async discover(id) {
      const source = connectedSource(p, id, 'identify its device', (s) => s.discover !== undefined);
      return source.discover!();
    },
    async browse(id, address, cursor) {
      const source = connectedSource(p, id, 'browse', (s) => s.browse !== undefined);
      return source.browse!(address, cursor);
    },
    ingestAuthorize: ingestAuthorizer(p.connections.sources, p.now),
    async ingest(sourceId, body, request) {
      const sup = p.connections.sources.get(sourceId);
      if (!sup?.source.receive) throw new CausewayError('CW_INGEST_SOURCE_UNKNOWN', { source: sourceId });
      const state = sup.status().state;
      if (state !== 'connected') throw new CausewayError('CW_INGEST_NOT_READY', { source: sourceId, state });
      let checks = ingestChecksOf.get(sourceId);
      if (!checks) ingestChecksOf.set(sourceId, (checks = ingestChecks(p.config, p.namespace, sourceId, p.now)));
      return sup.source.receive(body, { ...request, ...checks });
    },
    ingestBodyLimit: () => Math.max(DEFAULT_MAX_BODY_BYTES, ...[...p.connections.sources.values()].map((s) => s.source.maxBodyBytes?.() ?? 0)),
    async metrics() {
      return { contentType: p.metrics.contentType, body: await p.metrics.metrics() };
    },
  };
  return services;
}
