/** Builds the supervised source and sink connections from the config and the kind registries. */
import type { Logger } from 'pino';
import type { HubConfig, SinkConfig, SourceConfig } from '../config/schema.js';
import { CausewayError, detailOf } from '../core/errors.js';
import { isUnder } from '../core/path.js';
import type { Sample } from '../core/sample.js';
import { durationMs } from '../core/time.js';
import { flowAllowed, sinkFlow } from '../core/zones.js';
import type { Namespace } from '../namespace/index.js';
import { rulesFor, type TagRule } from '../pipeline/normalize.js';
import { sinkDefinitions } from '../sinks/index.js';
import { sourceDefinitions } from '../sources/index.js';
import type { DeviceInfo, SourceConnector, SourceDefinition } from '../sources/types.js';
import type { PathInfo, SinkConnector, SinkDefinition } from '../sinks/types.js';
import { buildRegistry } from './registry.js';
import type { ConnectionStatus } from './status.js';
import { SinkSupervisor, SourceSupervisor } from './supervisor.js';
import { Forwarder, type SpoolStore } from '../pipeline/forwarder.js';
import { runsOfSubset, type ArrivalRun, type SampleAges } from '../pipeline/sample-age.js';

export interface ConnectionDeps {
  logger: Logger;
  dataDir: string;
  now: () => number;
  /** What the namespace says of a path, for sinks. */
  describe(path: string): PathInfo | undefined;
  /** Hand a batch to the pipeline; resolves when every consumer accepted it or dropped it. */
  ingest(sourceId: string, batch: Sample[]): Promise<unknown>;
  /** The store-and-forward buffer of the sinks; without it a sink's batches wait in memory only. */
  spool?: SpoolStore;
  /** Where the sinks record how old samples are when their destination acknowledged them. */
  ages?: SampleAges;
  /** Samples a sink's buffer dropped (full, or refused by the sink for good). */
  onSinkDrop?: (consumer: string, reason: 'buffer_full' | 'consumer_error', samples: number, error?: unknown) => void;
  /** A source told who its device (or a device behind it) is, unasked: for the asset inventory. */
  onDevice?: (sourceId: string, info: DeviceInfo, device?: string) => void;
}

export interface SinkConsumer {
  name: string;
  accepts(path: string): boolean;
  /** Takes a batch of the ingest spool into the sink's store-and-forward buffer, with its mark. */
  handle(batch: readonly Sample[], mark: number, arrivals: readonly ArrivalRun[]): Promise<void>;
  /** The mark of the newest batch its buffer took: the spool does not hand it over again. */
  startMark: number;
}

export interface Connections {
  rules: Map<string, TagRule>;
  /** Sources whose kind discovers its tags (their unlisted tags are accepted). */
  dynamicSources: string[];
  sources: ReadonlyMap<string, SourceSupervisor>;
  sinks: ReadonlyMap<string, SinkSupervisor>;
  sinkConsumers(namespace: Namespace): SinkConsumer[];
  statuses(): ConnectionStatus[];
  start(): void;
  stopSources(): Promise<void>;
  /** Send what the sinks' buffers hold for up to `flushMs`, then stop them; the rest stays buffered. */
  stopSinks(flushMs?: number): Promise<void>;
}

/** The source and sink kind registries of this build (duplicates fail here, at start-up). */
export function registries(): { sources: ReadonlyMap<string, SourceDefinition>; sinks: ReadonlyMap<string, SinkDefinition> } {
  return { sources: buildRegistry('source', sourceDefinitions), sinks: buildRegistry('sink', sinkDefinitions) };
}

function knownKinds(map: ReadonlyMap<string, unknown>): string {
  return [...map.keys()].join(', ');
}

/** The loaded kinds a config's enabled sources and sinks need, by kind name. */
export interface Connectors {
  sources: ReadonlyMap<string, SourceConnector>;
  sinks: ReadonlyMap<string, SinkConnector>;
}

async function loadKinds<C>(kinds: Iterable<string>, defs: ReadonlyMap<string, { load(): Promise<C> }>, code: 'CW_SOURCE_KIND_UNKNOWN' | 'CW_SINK_KIND_UNKNOWN'): Promise<Map<string, C>> {
  const wanted = [...new Set(kinds)];
  return new Map(await Promise.all(wanted.map(async (kind) => {
    const def = defs.get(kind);
    if (!def) throw new CausewayError(code, { kind, known: knownKinds(defs) });
    return [kind, await def.load()] as const;
  })));
}

/**
 * Load the connectors of the kinds the config's enabled sources and sinks use, with their protocol
 * libraries (node-opcua, modbus-serial, mqtt, nats…): only the hub pays for them, only for the kinds
 * it connects; `causeway check` needs the definitions alone.
 */
export async function loadConnectors(config: HubConfig): Promise<Connectors> {
  const defs = registries();
  const [sources, sinks] = await Promise.all([
    loadKinds((config.sources ?? []).filter((s) => s.enabled !== false).map((s) => s.kind), defs.sources, 'CW_SOURCE_KIND_UNKNOWN'),
    loadKinds((config.sinks ?? []).filter((s) => s.enabled !== false).map((s) => s.kind), defs.sinks, 'CW_SINK_KIND_UNKNOWN'),
  ]);
  return { sources, sinks };
}

function createSource(cfg: SourceConfig, defs: ReadonlyMap<string, SourceConnector>, deps: ConnectionDeps, config: HubConfig): SourceSupervisor {
  const def = defs.get(cfg.kind);
  if (!def) throw new CausewayError('CW_SOURCE_KIND_UNKNOWN', { kind: cfg.kind, known: knownKinds(defs) });
  const logger = deps.logger.child({ source: cfg.id });
  // The source reports a lost link to its supervisor, which is created right after it.
  const ref: { supervisor?: SourceSupervisor } = {};
  const source = def.create(cfg.config ?? {}, {
    id: cfg.id, zone: cfg.zone, logger, tags: cfg.tags, now: deps.now, dataDir: deps.dataDir,
    commandsAllowed: flowAllowed(config.conduits ?? [], config.site.hubZone, cfg.zone, 'commands'),
    reportError: (e) => ref.supervisor?.reportError(e),
    reportDevice: (info, device) => deps.onDevice?.(cfg.id, info, device),
  });
  ref.supervisor = new SourceSupervisor({
    id: cfg.id, kind: cfg.kind, zone: cfg.zone, role: 'source', logger, source,
    pollIntervalMs: durationMs(cfg.pollInterval, def.defaultPollIntervalMs ?? 1000),
    onBatch: async (batch) => void (await deps.ingest(cfg.id, batch)),
  });
  return ref.supervisor;
}

function createSink(cfg: SinkConfig, defs: ReadonlyMap<string, SinkConnector>, deps: ConnectionDeps): SinkSupervisor {
  const def = defs.get(cfg.kind);
  if (!def) throw new CausewayError('CW_SINK_KIND_UNKNOWN', { kind: cfg.kind, known: knownKinds(defs) });
  const logger = deps.logger.child({ sink: cfg.id });
  const sink = def.create(cfg.config ?? {}, { id: cfg.id, zone: cfg.zone, logger, now: deps.now, dataDir: deps.dataDir, describe: deps.describe });
  return new SinkSupervisor({ id: cfg.id, kind: cfg.kind, zone: cfg.zone, role: 'sink', logger, sink });
}

/** The store and forward of one sink: batches wait in the durable buffer until the sink acknowledged them. */
function forwarderOf(cfg: SinkConfig, sup: SinkSupervisor, spool: SpoolStore, deps: ConnectionDeps): Forwarder {
  const name = `sink:${cfg.id}`;
  const forwarder = new Forwarder({
    name, spool, send: (batch) => sup.send(batch),
    ...(cfg.buffer?.maxSamples !== undefined ? { maxBufferedSamples: cfg.buffer.maxSamples } : {}),
    onDrop: (samples, reason, error) => deps.onSinkDrop?.(name, reason, samples, error),
    onDelivered: (_samples, arrivals) => deps.ages?.observe('sink', cfg.id, arrivals, deps.now()),
  });
  // The backlog drains as soon as the sink is back, not when the forwarder's own backoff ends.
  sup.onConnected(() => forwarder.resume());
  return forwarder;
}

/** Build every enabled source and sink of the config, from the connectors loadConnectors() gave for it. */
export function buildConnections(config: HubConfig, defs: Connectors, deps: ConnectionDeps): Connections {
  const enabledSources = (config.sources ?? []).filter((s) => s.enabled !== false);
  const enabledSinks = (config.sinks ?? []).filter((s) => s.enabled !== false);
  const sources = new Map(enabledSources.map((s) => [s.id, createSource(s, defs.sources, deps, config)]));
  const sinks = new Map(enabledSinks.map((s) => {
    const sup = createSink(s, defs.sinks, deps);
    return [s.id, { cfg: s, sup, forwarder: deps.spool ? forwarderOf(s, sup, deps.spool, deps) : undefined }] as const;
  }));
  const rules = new Map<string, TagRule>();
  for (const s of enabledSources) for (const [path, rule] of rulesFor(s.id, s.tags)) rules.set(path, rule);
  const zones = { sources: new Map(enabledSources.map((s) => [s.id, s.zone])), hub: config.site.hubZone };
  const conduits = config.conduits ?? [];

  return {
    rules,
    dynamicSources: enabledSources.filter((s) => defs.sources.get(s.kind)?.dynamicTags).map((s) => s.id),
    sources,
    sinks: new Map([...sinks].map(([id, s]) => [id, s.sup])),
    sinkConsumers(namespace) {
      /** Whether a value may reach a sink in `zone`: the zone rule `causeway check` applies too. */
      const reaches = (path: string, zone: string): boolean => {
        const attr = namespace.attribute(path);
        const value = attr ? { attribute: true, ...(attr.boundTo ? { raw: attr.boundTo } : {}) } : { attribute: false, raw: path };
        return sinkFlow(value, zones, conduits, zone)?.allowed === true;
      };
      return [...sinks.values()].map(({ cfg, sup, forwarder }) => {
        // A sink that requires a data contract gets only what keeps it; the rest is quarantined.
        const gate = cfg.contract ? namespace.contractGate(cfg.id, cfg.contract) : undefined;
        return {
          name: `sink:${cfg.id}`,
          startMark: forwarder?.startMark() ?? 0,
          // With the store-and-forward buffer, a batch is taken once it is on disk; the forwarder sends it on.
          accepts: (path: string) => {
            if (cfg.paths && !cfg.paths.some((p) => isUnder(path, p))) return false;
            if (gate && !gate.covers(path)) return false;
            return reaches(path, cfg.zone);
          },
          handle: async (batch: readonly Sample[], mark: number, arrivals: readonly ArrivalRun[]) => {
            const pass = gate ? gate.filter(batch) : batch;
            if (pass.length === 0) return;
            const runs = pass === batch ? arrivals : runsOfSubset(batch, arrivals, pass);
            if (!forwarder) {
              await sup.send(pass);
              return deps.ages?.observe('sink', cfg.id, runs, deps.now());
            }
            try {
              forwarder.enqueue(pass, mark, runs);
            } catch (e) {
              // The buffer could not be written now (disk full, locked): the spool keeps the batch and the reader retries.
              throw new CausewayError('CW_PIPELINE_SPOOL_FAILED', { dir: `the buffer of sink ${cfg.id}`, reason: detailOf(e) ?? String(e) }, { cause: e });
            }
          },
        };
      });
    },
    statuses: () => [
      ...[...sources.values()].map((s) => s.status()),
      ...[...sinks.values()].map((s) => ({ ...s.sup.status(), ...(s.forwarder ? { buffered: s.forwarder.stats().buffered } : {}) })),
    ],
    start() {
      for (const { sup, forwarder } of sinks.values()) {
        sup.start();
        forwarder?.start();
      }
      for (const s of sources.values()) s.start();
    },
    async stopSources() {
      await Promise.all([...sources.values()].map((s) => s.stop()));
    },
    async stopSinks(flushMs = 0) {
      await Promise.all([...sinks.values()].map(async ({ sup, forwarder }) => {
        if (forwarder) {
          // A sink that is down would only make the stop wait: its backlog stays on disk for the next start.
          if (sup.status().state === 'connected') await forwarder.flush(flushMs);
          await forwarder.close();
        }
        await sup.stop();
      }));
    },
  };
}
