/**
 * The hub: builds every part from a checked config, starts and stops them in order, and offers
 * the services the API serves. Start: historian → pipeline → sources → API. Stop: the reverse,
 * draining every queue and flushing the historian so nothing accepted is lost.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { HubConfig } from '../config/schema.js';
import { CausewayError, detailOf } from '../core/errors.js';
import { createHistorian } from '../historian/create.js';
import type { Historian } from '../historian/types.js';
import { Namespace } from '../namespace/index.js';
import { verifySignatures, type SignatureStore } from '../namespace/contract-signature.js';
import { Pipeline, type IngestResult } from '../pipeline/index.js';
import { SampleAges } from '../pipeline/sample-age.js';
import { historianConsumer } from './sample-ages.js';
import { buildApi } from '../api/server.js';
import type { HubServices } from '../api/services.js';
import { createMetrics } from './metrics.js';
import { buildConnections, loadConnectors, type Connections, type Connectors } from './connections.js';
import { createServices } from './services.js';
import { LiveFeed } from './live-feed.js';
import { startEmbeddedBroker, type DenialReport, type EmbeddedBroker } from '../broker/index.js';
import { VERSION } from './version.js';
import { SqliteSpool } from '../state/spool.js';
import type { IngestLog } from '../state/ingest-log/index.js';
import { openIngestSpool, spoolStatus, stopSentence, type SpoolStatus } from './ingest-spool.js';
import type { Security } from '../security/index.js';
import { decryptSecrets, keyFileOf, loadKey } from '../security/secrets.js';
import type { TlsMaterial } from '../security/tls.js';
import { apiTls, bindHost, hubSecurity, openSecurity, orderGate, startNotice } from './security.js';
import { openProduction, type HostedProduction } from '../production/hosting.js';
import type { Production } from '../production/index.js';
import { signature } from '../sinks/webhook/request.js';
import { StalenessWatch } from './staleness.js';
import { openAlarms } from '../alarms/hosting.js';
import type { Alarms } from '../alarms/index.js';
import { openAdvisories } from '../inventory/advisories/hosting.js';
import type { Advisories } from '../inventory/advisories/index.js';
import { openAlarmDelivery, type AlarmDelivery } from './alarm-delivery.js';
import { hostInventory, type HostedInventory } from './inventory.js';
import { hostVulnerabilities, type HostedVulnerabilities } from './vulnerabilities.js';

/** How often alarm delays and shelving are looked at when no sample comes. */
const ALARM_TICK_MS = 250;

export interface HubOptions {
  config: HubConfig;
  dataDir: string;
  logger: Logger;
  /** Overrides api.port; 0 picks a free port. */
  port?: number;
  /** Where CAUSEWAY_ADMIN_PASSWORD is read at first start (default: the process environment). */
  env?: Record<string, string | undefined>;
  /** Prints what is shown once at start (setup token, TLS fingerprint); default: stdout. */
  announce?: (text: string) => void;
  now?: () => number;
}

/** How long a stop waits for the consumers to be handed what the ingest spool holds. */
const DRAIN_TIMEOUT_MS = 15_000;
/** How long a stop lets the sinks send what their buffers hold. */
const SINK_FLUSH_MS = 5_000;
export const BUFFER_FILE = 'buffer.sqlite';

/** Open the sinks' store-and-forward buffer in the data directory (none without enabled sinks). */
function openSpool(config: HubConfig, dataDir: string): SqliteSpool | undefined {
  if (!(config.sinks ?? []).some((s) => s.enabled !== false)) return undefined;
  const file = join(dataDir, BUFFER_FILE);
  try {
    return SqliteSpool.open(file);
  } catch (e) {
    throw new CausewayError('CW_RUNTIME_DATA_DIR', { dir: dataDir, reason: `the sink buffer ${file} cannot be opened (${detailOf(e) ?? 'unknown error'})` }, { cause: e });
  }
}

export class Hub {
  readonly config: HubConfig;
  readonly logger: Logger;
  readonly historian: Historian;
  readonly namespace: Namespace;
  readonly pipeline: Pipeline;
  readonly services: HubServices;
  /** Users, sessions, tokens, the audit log and pending writes, in <data dir>/hub-state.sqlite. */
  readonly security: Security;
  readonly #connections: Connections;
  readonly #opts: HubOptions;
  /** Work orders, line states and OEE, when the config has a production block. */
  readonly production: Production | undefined;
  readonly #production: HostedProduction | undefined;
  /** The production tasks' timers and runs in flight; the hub owns them. */
  readonly #tasks = { timers: new Set<NodeJS.Timeout>(), running: new Set<Promise<void>>(), on: false };
  /** Value changes for the live WebSocket, published after mapping and calculation. */
  readonly #live = new LiveFeed();
  /** How old samples are when the historian and each sink have them. */
  readonly #ages = new SampleAges();
  #historianAges: { close(): void } | undefined;
  /** The sinks' store-and-forward buffer, when the config has sinks. */
  readonly #spool: SqliteSpool | undefined;
  /** The ingest write-ahead log: a batch is accepted once it is here. */
  readonly #log: IngestLog;
  /** Marks values bad when their source's link is lost and uncertain when they stop updating. */
  readonly #staleness: StalenessWatch<IngestResult>;
  /** ISA-18.2 alarms, when the config defines any. */
  readonly alarms: Alarms | undefined;
  #alarmTimer: NodeJS.Timeout | undefined;
  /** Security advisories (CSAF 2.0), in the file `causeway advisories import` writes. */
  readonly advisories: Advisories | undefined;
  /** Alarm events through the sinks that opt in, and notifications (e-mail, webhooks, escalation). */
  readonly #alarmDelivery: AlarmDelivery | undefined;
  /** The asset inventory, filled from every connection (<data dir>/assets.sqlite). */
  readonly #inventory: HostedInventory;
  /** Findings of the inventory against the advisories (<data dir>/findings.sqlite). */
  readonly #vulnerabilities: HostedVulnerabilities;
  #api: FastifyInstance | undefined;
  #broker: EmbeddedBroker | undefined;
  #url: string | undefined;
  #tls: TlsMaterial | undefined;

  private constructor(opts: HubOptions, historian: Historian, security: Security, tls: TlsMaterial | undefined, stores: { spool: SqliteSpool | undefined; log: IngestLog; connectors: Connectors }) {
    this.#opts = opts;
    this.config = opts.config;
    this.logger = opts.logger;
    this.historian = historian;
    this.security = security;
    this.#tls = tls;
    const now = opts.now ?? Date.now;
    this.namespace = new Namespace(opts.config.templates ?? [], opts.config.assets ?? [], { sources: opts.config.sources ?? [], log: opts.logger.child({ component: 'namespace' }), now });
    const describe = (path: string) => {
      const a = this.namespace.attribute(path);
      return a ? { type: a.valueType, ...(a.unit ? { unit: a.unit } : {}), ...(a.description ? { description: a.description } : {}) } : undefined;
    };
    this.#spool = stores.spool;
    this.#log = stores.log;
    const connections = buildConnections(opts.config, stores.connectors, {
      logger: opts.logger, dataDir: opts.dataDir, now, describe, ingest: (id, batch) => this.#staleness.ingest(id, batch), ages: this.#ages,
      onDevice: (id, info, device) => this.#inventory.onDevice(id, info, device),
      ...(this.#spool ? { spool: this.#spool, onSinkDrop: (consumer, reason, samples, error) => this.pipeline.noteDropped(consumer, reason, samples, error) } : {}),
    });
    this.#connections = connections;
    this.#staleness = new StalenessWatch({ sources: opts.config.sources ?? [], supervisors: connections.sources, ingest: (id, batch) => this.pipeline.ingest(id, batch), now, logger: opts.logger.child({ component: 'staleness' }) });
    const alarms = openAlarms(opts.config, this.namespace, opts.dataDir, (e) => opts.logger.error({ err: detailOf(e) }, `The alarm journal cannot store transitions (${detailOf(e) ?? 'unknown error'}); alarms keep running, but what changes now is not kept over a restart.`));
    this.alarms = alarms;
    this.pipeline = new Pipeline({
      log: stores.log,
      rules: connections.rules,
      dynamicSources: connections.dynamicSources,
      map: (batch) => this.namespace.map(batch),
      // The live feed shows a value once it is accepted, i.e. on disk in the spool.
      // Alarms are evaluated on what was accepted; without alarms, nothing more runs on the ingest path.
      onAccepted: alarms ? (batch) => { this.#live.publish(batch); alarms.evaluate(batch); } : (batch) => this.#live.publish(batch),
      consumers: [(this.#historianAges = historianConsumer(historian, this.#ages, now)), ...connections.sinkConsumers(this.namespace)],
      now,
      logger: opts.logger.child({ component: 'pipeline' }),
    });
    const metrics = createMetrics({ counters: () => this.pipeline.counters.snapshot(), historian: () => historian.stats(), connections: () => connections.statuses(), brokerDenials: () => this.#broker?.denials(), spool: () => this.spoolStatus(), ages: () => this.#ages.histograms() });
    const apiSecurity = hubSecurity(security, { config: opts.config, namespace: this.namespace, connections, tls: tls !== undefined });
    this.services = createServices({ config: opts.config, namespace: this.namespace, historian, connections, metrics, security: apiSecurity, live: this.#live, now, startedAt: now(), dataDir: opts.dataDir, apiTls: tls !== undefined });
    // Production publishes OEE and the running order through the pipeline, as source `production`.
    this.#production = openProduction({
      config: opts.config, dataDir: opts.dataDir, historian, now, sign: signature,
      // Work orders go down through the write gate, on the orders flow.
      gate: orderGate(apiSecurity.writes, security.users),
      attribute: (path) => this.namespace.attribute(path),
      source: (id) => {
        const sup = connections.sources.get(id);
        const src = sup?.source;
        return sup && src ? { zone: sup.status().zone, connected: sup.status().state === 'connected', canWrite: src.write !== undefined, write: (tag, value) => src.write!(tag, value) } : undefined;
      },
      publish: async (batch) => void (await this.pipeline.ingest('production', batch)),
    });
    this.production = this.#production?.production;
    this.services.production = this.production;
    this.services.alarms = alarms;
    this.advisories = openAdvisories(opts.dataDir, (e) => opts.logger.error({ err: detailOf(e) }, `The advisory store cannot be opened (${detailOf(e) ?? 'unknown error'}); the advisory routes answer with this error until the next start.`));
    this.services.advisories = this.advisories;
    this.#alarmDelivery = alarms && openAlarmDelivery({ config: opts.config, alarms, namespace: this.namespace, sinks: connections.sinks, spool: this.#spool, logger: opts.logger, now, metrics });
    this.#inventory = hostInventory({ config: opts.config, dataDir: opts.dataDir, sources: connections.sources, namespace: this.namespace, zones: () => this.services.zones(), audit: (e) => {
      security.audit.append(e);
      this.#vulnerabilities?.soon();
    }, logger: opts.logger, now });
    this.services.assets = this.#inventory.inventory;
    this.#vulnerabilities = hostVulnerabilities({ config: opts.config, dataDir: opts.dataDir, inventory: this.#inventory.inventory, advisories: this.advisories, audit: (e) => security.audit.append(e), logger: opts.logger, now });
    this.services.vulnerabilities = this.#vulnerabilities.vulnerabilities;
    this.services.spool = () => this.spoolStatus();
    this.services.latency = () => this.#ages.summary(now());
    this.pipeline.addRules('production', new Map((this.#production?.paths ?? []).map((path) => [path, { sourceId: 'production', path, scale: 1, offset: 0 }])));
  }

  /** Build a hub from a checked config: opens the data directory and the historian (DuckDB file or PostgreSQL). */
  static async create(opts: HubOptions): Promise<Hub> {
    const dir = opts.dataDir;
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw new CausewayError('CW_RUNTIME_DATA_DIR', { dir, reason: detailOf(e) ?? 'unknown error' }, { cause: e });
    }
    // Secrets written as enc:v1:… are decrypted with the data directory's key, in memory only.
    const config = decryptSecrets(opts.config, () => loadKey(keyFileOf(dir), false));
    verifySignatures(config.templates ?? [], contractStore(dir));
    // The protocol libraries of the kinds this config connects, loaded before anything is opened.
    const connectors = await loadConnectors(config);
    const tls = await apiTls(config, dir);
    const security = openSecurity(config, dir, opts.logger, opts.now ?? Date.now);
    const historian = createHistorian(config.historian, dir, opts.logger);
    try {
      await historian.open();
    } catch (e) {
      security.close();
      throw e;
    }
    let spool: SqliteSpool | undefined;
    try {
      spool = openSpool(config, dir);
      // Numbering continues after the newest batch any consumer holds, even when the log was emptied.
      const marks = [historian.durableMark?.() ?? 0, ...(config.sinks ?? []).map((s) => spool?.markOf(`sink:${s.id}`) ?? 0)];
      const log = await openIngestSpool(config, dir, Math.max(...marks));
      const cut = log.stats().recoveredCutBytes;
      if (cut > 0) opts.logger.error({ dir: log.dir, bytes: cut }, `The ingest spool had ${cut} bytes it could not read (a write torn by a crash, or damage); they are kept as *.cut-* files in ${log.dir}, and everything before them is replayed.`);
      return new Hub({ ...opts, config }, historian, security, tls, { spool, log, connectors });
    } catch (e) {
      spool?.close();
      await historian.close().catch(() => undefined);
      security.close();
      throw e;
    }
  }

  /** The ingest spool: its size and how far each consumer is behind. */
  spoolStatus(): SpoolStatus {
    return spoolStatus(this.#log.stats(), this.pipeline.readers(), (seq) => this.#log.samplesAfter(seq));
  }

  /** Start sources and the API; resolves with the URL the API listens on. */
  async start(): Promise<string> {
    const last = await this.historian.lastValues();
    this.namespace.addKnownPaths(last.map((s) => s.path));
    this.namespace.live.seed(last);
    this.alarms?.seed(last);
    const first = await this.security.firstRun(this.#opts.env ?? process.env);
    const { host, port } = this.#bind();
    try {
      await this.#startBroker();
      // What an earlier run accepted and did not store is handed over first.
      this.pipeline.start();
      this.#inventory.start();
      this.#vulnerabilities.start();
      this.#connections.start();
      this.#alarmDelivery?.start();
      this.#staleness.start();
      this.#startTasks();
      if (this.alarms) {
        const alarms = this.alarms;
        this.#alarmTimer = setInterval(() => alarms.tick((this.#opts.now ?? Date.now)()), ALARM_TICK_MS);
        this.#alarmTimer.unref();
      }
      this.#api = await buildApi({ services: this.services, logger: this.logger, ...(this.#tls ? { https: { cert: this.#tls.cert, key: this.#tls.key } } : {}) });
      await this.#api.listen({ host, port });
    } catch (e) {
      // Nothing half-started stays behind: sources stop, the historian flushes and closes.
      await this.stop();
      if ((e as { code?: string }).code === 'EADDRINUSE') throw new CausewayError('CW_RUNTIME_PORT_IN_USE', { host, port }, { cause: e });
      throw e;
    }
    const addr = this.#api.server.address();
    const actual = typeof addr === 'object' && addr ? addr.port : port;
    this.#url = `${this.#tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${actual}`;
    const notice = startNotice(first, this.#url, this.#tls);
    if (notice) (this.#opts.announce ?? ((t: string) => process.stdout.write(t)))(notice);
    return this.#url;
  }

  get url(): string | undefined {
    return this.#url;
  }

  /**
   * Stop everything in reverse order. Accepted samples are safe in the ingest spool whatever
   * happens: what the historian or a sink could not take now is handed over at the next start.
   * Logs (and returns) the truth about what is left.
   */
  async stop(): Promise<string> {
    await this.#stopTasks();
    await this.#api?.close();
    this.#api = undefined;
    await this.#staleness.stop();
    await this.#connections.stopSources();
    this.#vulnerabilities.close();
    await this.#inventory.close();
    await this.#drainWithin(DRAIN_TIMEOUT_MS);
    await this.pipeline.close();
    await this.#alarmDelivery?.close(SINK_FLUSH_MS);
    // Sinks get a few seconds to send what they buffered; the rest waits on disk for the next start.
    await this.#connections.stopSinks(SINK_FLUSH_MS);
    await this.#broker?.close();
    this.#broker = undefined;
    try {
      await this.historian.close();
    } catch (e) {
      this.logger.warn({ err: detailOf(e) }, 'The historian could not store its last samples now; they stay in the ingest spool for the next start.');
    }
    await this.#production?.close();
    this.#historianAges?.close();
    clearInterval(this.#alarmTimer);
    this.alarms?.close();
    this.advisories?.close();
    this.pipeline.release();
    const sentence = stopSentence(this.#log.stats());
    await this.#log.close();
    this.#spool?.close();
    this.security.close();
    this.logger.info(sentence);
    return sentence;
  }

  /** Run each production task now and then every interval; after failures, wait longer (up to 5 min). */
  #startTasks(): void {
    this.#tasks.on = true;
    for (const task of this.#production?.tasks ?? []) {
      let failures = 0;
      const schedule = (ms: number) => {
        const timer = setTimeout(() => {
          this.#tasks.timers.delete(timer);
          const run = task.run().then(() => void (failures = 0), (e: unknown) => {
            failures++;
            this.logger.warn({ err: e }, `Production task ${task.name} failed (${failures} in a row): ${(e as Error).message}`);
          }).finally(() => {
            this.#tasks.running.delete(run);
            if (this.#tasks.on) schedule(failures === 0 ? task.intervalMs : Math.min(task.intervalMs * 2 ** failures, 300_000));
          });
          this.#tasks.running.add(run);
        }, ms);
        this.#tasks.timers.add(timer);
      };
      schedule(0);
    }
  }

  async #stopTasks(): Promise<void> {
    this.#tasks.on = false;
    for (const t of this.#tasks.timers) clearTimeout(t);
    this.#tasks.timers.clear();
    await Promise.all([...this.#tasks.running]);
  }

  /** The embedded MQTT broker, when the config asks for one; sources and sinks may then use it. */
  async #startBroker(): Promise<void> {
    const b = this.config.broker;
    if (!b || b.enabled === false) return;
    const { enabled: _enabled, ...options } = b;
    this.#broker = await startEmbeddedBroker({ ...options, logger: this.logger.child({ component: 'broker' }), onDenied: (d) => this.#auditDenial(d) });
    this.logger.info(`Embedded MQTT broker listening at ${this.#broker.url}${b.allowAnonymous ? ' (anonymous clients allowed)' : ''}.`);
  }

  /** A refused publish or subscription on the embedded broker, in the audit log (already throttled by the broker). */
  #auditDenial(d: DenialReport): void {
    this.security.audit.append({
      actor: `mqtt:${d.username ?? 'anonymous'}`,
      ...(d.address ? { address: d.address } : {}),
      action: `broker.${d.action}`,
      target: d.topic,
      outcome: 'refused',
      detail: { clientId: d.clientId, ...(d.retain ? { retain: true } : {}), ...(d.will ? { will: true } : {}), ...(d.suppressed > 0 ? { alsoRefused: d.suppressed } : {}) },
    });
  }

  /** Wait for the queues to empty, but not forever: a consumer stuck retrying must not block shutdown. */
  async #drainWithin(ms: number): Promise<void> {
    if (await this.pipeline.drain(ms)) return;
    const behind = this.pipeline.readers().filter((r) => r.cursor < this.#log.head).map((r) => `${r.name} (${this.#log.samplesAfter(r.cursor)} samples)`);
    this.logger.warn(`Stopping after ${ms / 1000} s with ${behind.join(', ')} still to hand over; they stay in the ingest spool for the next start.`);
  }

  #bind(): { host: string; port: number } {
    const port = this.#opts.port ?? this.config.api?.port ?? 8080;
    return { host: bindHost(this.config, this.security, this.logger), port };
  }
}

/** The signatures of versioned templates (data contracts), one JSON file each under <data dir>/contracts. */
function contractStore(dir: string): SignatureStore {
  const folder = join(dir, 'contracts');
  return {
    where: (name) => join(folder, name),
    read(name) {
      try {
        return readFileSync(join(folder, name), 'utf8');
      } catch (e) {
        if ((e as { code?: string }).code === 'ENOENT') return undefined;
        throw new CausewayError('CW_RUNTIME_DATA_DIR', { dir: folder, reason: detailOf(e) ?? 'unknown error' }, { cause: e });
      }
    },
    write(name, text) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, name), text);
    },
  };
}

export { VERSION };
