/** The contract every southbound connector fulfils. See ARCHITECTURE §4. */
import type { TSchema } from 'typebox';
import type { Logger } from 'pino';
import type { Sample, Value } from '../core/sample.js';
import type { CausewayError } from '../core/errors.js';
import type { TagConfig } from '../config/schema.js';
import type { LinkSecurityOf } from '../core/zones.js';

/** What the runtime hands a source when it creates it. */
export interface SourceContext {
  /** The source's id; raw tags are `<id>/<tag-id>`. */
  readonly id: string;
  readonly zone: string;
  readonly logger: Logger;
  /** The tags configured for this source, with their kind-specific keys. */
  readonly tags: readonly TagConfig[];
  /** The hub's data directory (PKI folders, local state of a connector). */
  readonly dataDir: string;
  /**
   * True when a conduit lets commands go from the hub's zone into this source's zone. A connector
   * that would send anything down to a device unasked (e.g. a Sparkplug rebirth request) checks it.
   */
  readonly commandsAllowed: boolean;
  /** Wall clock in epoch ms; tests may pass a fake one. */
  now(): number;
  /**
   * A push source calls this when its link breaks after connect() succeeded. The supervisor then
   * closes the source and reconnects it with backoff. A source never retries by itself.
   */
  reportError(error: CausewayError): void;
  /**
   * Tell the asset inventory who a device is, when the protocol says so unasked (a Sparkplug NBIRTH's
   * node properties, a push device's declaration). `device` names a device behind the connection
   * (a Sparkplug edge node `group/node`); without it the report is about the connection's own peer.
   */
  reportDevice?(info: DeviceInfo, device?: string): void;
}

/** Vendor, product and firmware of a device, for the inventory. */
export interface DeviceInfo {
  manufacturer?: string;
  product?: string;
  softwareVersion?: string;
  buildNumber?: string;
  serialNumber?: string;
  [key: string]: string | undefined;
}

/** A node found by browsing a device's address space. */
export interface BrowseNode {
  address: string;
  name: string;
  hasChildren: boolean;
  type?: string;
  /** Variables: the data type's name (Double, Boolean, String, UtcTime…). */
  dataType?: string;
  /** Variables: the value read while browsing (arrays and structures as short text). */
  value?: Value;
  /** Variables: the status of that read when it is not good (e.g. BadNotReadable). */
  valueStatus?: string;
  /** Variables: what this session may do with the value. */
  access?: 'read' | 'write' | 'read/write' | 'none';
}

/**
 * Something wrong with what a connected source receives, as the operator should see it beside the
 * connection's state (the link is up, but messages are set aside, or values are dropped).
 */
export interface SourceProblem {
  /** A catalogue code (CW_...). */
  code: string;
  /** A short phrase for a badge: "636 messages quarantined". */
  summary: string;
  /** The operator sentence. */
  message: string;
  /** What to do next. */
  hint: string;
  /** How many messages or values it concerns so far. */
  count: number;
  /** What it concerns: topics, edge nodes (the first few). */
  subjects: string[];
  /** First and latest occurrence, epoch ms. */
  since: number;
  lastAt: number;
}

/** A running connection to one device or broker. */
export interface Source {
  /** Open the link. Throws a CausewayError (retryable when a retry may help); the supervisor retries. */
  connect(signal: AbortSignal): Promise<void>;
  /**
   * Push sources: deliver batches as they arrive. Called once after a successful connect().
   * `onBatch` resolves once the batch is accepted — durable in the hub's ingest spool — and
   * rejects when the hub cannot take it now (CW_PIPELINE_OVERLOADED: push back). A source whose
   * protocol acknowledges (MQTT PUBACK, HTTP 200) acknowledges only then.
   */
  subscribe?(onBatch: (batch: Sample[]) => Promise<void> | void): void;
  /**
   * Poll sources: read the tags once. The runtime calls it at the source's poll interval, or, when
   * pollGroups() is offered, once per group on that group's own grid (with the group's id).
   */
  poll?(group?: string): Promise<Sample[]>;
  /** Poll groups with their own rates; called after each successful connect(). */
  pollGroups?(): Array<{ id: string; intervalMs: number }>;
  browse?(address?: string, cursor?: string): Promise<{ nodes: BrowseNode[]; cursor?: string }>;
  discover?(): Promise<DeviceInfo>;
  write?(tagId: string, value: Value): Promise<void>;
  /**
   * Sources fed through the hub's own HTTP endpoint (POST /ingest/<source-id>): take one request
   * body. Resolves once its samples are accepted (durable); rejects with a CausewayError (401,
   * 413, 429, 400, 503) to refuse the whole request.
   */
  receive?(body: unknown, request: ReceiveRequest): Promise<ReceiveResult>;
  /**
   * Check a pushing device's token before its body is read (throws CW_INGEST_UNAUTHORIZED), so a
   * request without the right token costs no parsing.
   */
  authorize?(token: string | undefined): void;
  /** Largest body receive() takes, bytes. */
  maxBodyBytes?(): number;
  /** Connector-specific counters and state for diagnostics (e.g. Sparkplug gaps and rebirth requests). */
  inspect?(): Record<string, unknown>;
  /** What is wrong now with what the source receives while its link is up (empty when nothing is). */
  problems?(): SourceProblem[];
  /**
   * While the supervisor waits to retry after a failed connect: a promise that resolves when what
   * the source waits for has changed, so a retry may succeed now (e.g. a server certificate was
   * trusted from the shell); undefined when a retry only needs time. Ends when `signal` aborts.
   */
  retryWhen?(signal: AbortSignal): Promise<void> | undefined;
  /** Release everything; must be safe to call after a failed connect(). */
  close(): Promise<void>;
}

/** What receive() did with a request: how many samples it took, and each one it refused with why. */
export interface ReceiveResult {
  accepted: number;
  rejected: Array<{ index: number; tag?: string; reason: string }>;
  /** How the body was read, when the device should know (e.g. the zone of times without an offset). */
  notes?: string[];
}

/** A pushed request as the hub hands it to receive(). */
export interface ReceiveRequest {
  token?: string;
  bytes: number;
  /** The site's time zone: ISO times without an offset are read in it; without one they are refused. */
  localTime?: { timeZone: string; instant(local: string): number | undefined };
  /**
   * The checks the pipeline and the namespace apply after the answer (timestamp not too far ahead,
   * the tag's declared type, the bound attribute's type): the problem with a sample, or undefined.
   * A sample the answer calls accepted is never dropped by them later.
   */
  check?(sample: Sample): string | undefined;
}

/** What the config, the check and the runtime's bookkeeping know of a source kind; no protocol library behind it. */
export interface SourceKindInfo {
  readonly kind: string;
  readonly description: string;
  /** Schema of the source's `config:` block. */
  readonly configSchema: TSchema;
  /** Schema of the kind-specific keys of each tag (the common keys are checked by config/). */
  readonly tagSchema: TSchema;
  /**
   * True for self-describing sources (Sparkplug B births, MQTT topic captures) whose tags are not all
   * listed in the config: the pipeline then accepts any raw path under `<source-id>/`, unscaled.
   */
  readonly dynamicTags?: boolean;
  /** How its link is secured, from its (possibly invalid) config: checked against conduits with require: { tls: true }. */
  readonly linkSecurity?: LinkSecurityOf;
  /** Default poll interval in ms for poll sources. */
  readonly defaultPollIntervalMs?: number;
}

/**
 * A source kind as the registry lists it (`<kind>/definition.ts`): its schemas and defaults, light
 * enough for `causeway check`, and `load()`, which imports the connector with its protocol library
 * (node-opcua, modbus-serial, mqtt…) when the hub is about to connect a source of this kind.
 */
export interface SourceDefinition<C = unknown> extends SourceKindInfo {
  load(): Promise<SourceConnector<C>>;
}

/** A loaded source kind (`<kind>/index.ts`): the definition's facts and the factory of running sources. */
export interface SourceConnector<C = unknown> extends SourceKindInfo {
  create(config: C, ctx: SourceContext): Source;
}
