/**
 * The `opcua` source kind: an OPC UA client that reads through subscriptions (a push source),
 * browses lazily, writes with the node's own data type and reports vendor and version. Secure by
 * default (SignAndEncrypt with Basic256Sha256, unknown server certificates rejected). Every connect
 * builds the whole connection afresh; when the link breaks the source reports it and the runtime's
 * supervisor reconnects: the connector itself never retries.
 */
import { routeLibraryLog } from './library-log.js';
import { AttributeIds, Variant, resolveNodeId, type DataType } from 'node-opcua';
import { CausewayError, isCausewayError } from '../../core/errors.js';
import { rawTagPath } from '../../core/path.js';
import type { Sample, Value } from '../../core/sample.js';
import { durationMs } from '../../core/time.js';
import type { BrowseNode, DeviceInfo, Source, SourceConnector, SourceContext } from '../types.js';
import { Browser } from './browse.js';
import { toVariant } from './codec.js';
import { closeLink, openLink, type Link, type LinkParts } from './connection.js';
import { certificateInfo, pkiDirFor, trustedChanged } from './pki.js';
import { peerOfUrl, peerReturns } from '../../protocols/reachable.js';
import { connectFailure, linkLost, shortReason } from './failures.js';
import { planSubscriptions } from './plan.js';
import { opcuaDefinition } from './definition.js';
import { OpcuaConfigSchema, readTags, schemaProblem, securityOf, type AuthConfig, type OpcuaConfig, type OpcuaTag, type SecurityModeName, type SecurityPolicyName } from './schema.js';
import { loginLabel, unsecuredWarning } from './security.js';
import { readBuildInfo, readLimits } from './server-info.js';
import { Subscriptions } from './subscribe.js';

export type { OpcuaConfig, OpcuaTag } from './schema.js';
export { OpcuaConfigSchema, OpcuaTagSchema } from './schema.js';

/** Settings with every default applied. */
interface Settings {
  endpointUrl: string;
  mode: SecurityModeName;
  policy: SecurityPolicyName;
  auth: AuthConfig;
  pkiDir: string;
  timestamps: 'source' | 'server';
  publishingIntervalMs: number;
  samplingIntervalMs: number;
  queueSize?: number;
  maxItemsPerSubscription: number;
  browsePageSize: number;
  sessionTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveIntervalMs: number;
}

/** The settings of a config, or the first problem with it. */
function settingsOf(config: OpcuaConfig, ctx: SourceContext): Settings | { problem: string } {
  const problem = schemaProblem(OpcuaConfigSchema, config, 'config');
  if (problem) return { problem };
  const security = securityOf(config);
  if ('problem' in security) return security;
  const publishingIntervalMs = Math.max(1, durationMs(config.publishingInterval, 1000));
  return {
    endpointUrl: config.endpointUrl,
    ...security,
    auth: config.auth ?? { type: 'anonymous' },
    pkiDir: pkiDirFor(config, ctx.dataDir),
    timestamps: config.timestamps ?? 'source',
    publishingIntervalMs,
    samplingIntervalMs: durationMs(config.samplingInterval, publishingIntervalMs),
    ...(config.queueSize !== undefined ? { queueSize: config.queueSize } : {}),
    maxItemsPerSubscription: config.maxItemsPerSubscription ?? 1000,
    browsePageSize: config.browsePageSize ?? 1000,
    sessionTimeoutMs: durationMs(config.sessionTimeout, 60_000),
    requestTimeoutMs: durationMs(config.requestTimeout, 10_000),
    keepAliveIntervalMs: durationMs(config.keepAliveInterval, 5000),
  };
}

/** The hub's own certificate and the server's, as a connect met them. */
interface CertificatesMet {
  own?: string;
  server?: { thumbprint: string; subject: string };
}

/** What a connect attempt learnt of the certificates; undefined when it learnt nothing. */
function certificatesMet(parts: LinkParts, mode: SecurityModeName): CertificatesMet | undefined {
  const cert = mode !== 'None' ? parts.endpoint?.serverCertificate : undefined;
  let server: CertificatesMet['server'];
  try {
    if (cert && cert.length > 0) {
      const info = certificateInfo(cert);
      server = { thumbprint: info.thumbprint, subject: info.subject };
    }
  } catch {
    // A malformed certificate: the connect failed and said why.
  }
  if (!parts.ownThumbprint && !server) return undefined;
  return { ...(parts.ownThumbprint ? { own: parts.ownThumbprint } : {}), ...(server ? { server } : {}) };
}

/** A running OPC UA source; see opcuaSource. */
class OpcuaSource implements Source {
  readonly #ctx: SourceContext;
  readonly #s: Settings;
  readonly #tags: OpcuaTag[];
  readonly #tagById: Map<string, OpcuaTag>;
  #parts: LinkParts = {};
  #link: Link | undefined;
  #subs: Subscriptions | undefined;
  #browser: Browser | undefined;
  readonly #dataTypes = new Map<string, DataType>();
  /** Bumped by every connect and close: events of an older connection are ignored. */
  #generation = 0;
  #connected = false;
  #lostReason: string | undefined;
  /** The certificates of the last connect that got as far as the server's endpoints. */
  #met: CertificatesMet | undefined;
  /** The last connect failed because the server's certificate is not trusted: it waits for a person. */
  #untrusted = false;

  constructor(settings: Settings, tags: OpcuaTag[], ctx: SourceContext) {
    this.#ctx = ctx;
    this.#s = settings;
    this.#tags = tags;
    this.#tagById = new Map(tags.map((t) => [t.id, t]));
  }

  get #target() {
    return { source: this.#ctx.id, target: this.#s.endpointUrl };
  }

  async connect(signal: AbortSignal): Promise<void> {
    const generation = ++this.#generation;
    this.#lostReason = undefined;
    this.#dataTypes.clear();
    const s = this.#s;
    if (s.mode === 'None') this.#ctx.logger.warn({ endpoint: s.endpointUrl }, unsecuredWarning(this.#ctx.id, s.endpointUrl, s.auth));
    const parts: LinkParts = {};
    this.#parts = parts;
    try {
      const link = await openLink({ sourceId: this.#ctx.id, ...s }, parts, signal);
      this.#watch(link, generation);
      const limits = await readLimits(link.session);
      const plan = planSubscriptions(this.#tags, {
        ...s,
        maxItemsPerSubscription: Math.min(s.maxItemsPerSubscription, limits.maxMonitoredItemsPerSubscription ?? Infinity),
        maxItemsPerCall: limits.maxMonitoredItemsPerCall,
        durationMs,
      });
      const subs = new Subscriptions(link.session, {
        sourceId: this.#ctx.id,
        publishingIntervalMs: s.publishingIntervalMs,
        timestamps: s.timestamps,
        logger: this.#ctx.logger,
        now: () => this.#ctx.now(),
        path: (tagId) => rawTagPath(this.#ctx.id, tagId),
        onLost: (reason) => this.#lose(generation, reason),
      });
      this.#subs = subs;
      await subs.create(plan);
      this.#browser = new Browser(link.session, this.#ctx.id, s.browsePageSize);
      this.#link = link;
      this.#ctx.logger.info(
        { endpoint: s.endpointUrl, security: `${s.mode}/${s.policy}`, login: loginLabel(s.auth), tags: this.#tags.length, subscriptions: plan.length },
        `OPC UA source ${this.#ctx.id} is connected to ${s.endpointUrl}.`,
      );
    } catch (e) {
      const failure = connectFailure(e, { ...this.#target, login: loginLabel(s.auth), ownThumbprint: parts.ownThumbprint ?? 'unknown' });
      this.#untrusted = isCausewayError(failure, 'CW_SOURCE_CERT_UNTRUSTED');
      throw failure;
    } finally {
      this.#met = certificatesMet(parts, s.mode) ?? this.#met;
    }
    this.#untrusted = false;
    if (this.#lostReason) throw linkLost(this.#target, this.#lostReason);
    this.#connected = true;
  }

  /**
   * While the supervisor backs off: retry as soon as the trusted folder changes when waiting for a
   * certificate decision (`causeway pki trust` from the shell), else as soon as the server accepts
   * TCP connections again.
   */
  retryWhen(signal: AbortSignal): Promise<void> | undefined {
    if (this.#untrusted) return trustedChanged(this.#s.pkiDir, signal);
    const peer = peerOfUrl(this.#s.endpointUrl, { 'opc.tcp': 4840 });
    return peer ? peerReturns(peer, signal) : undefined;
  }

  /** Report the first sign of a broken link of the current connection, once. */
  #lose(generation: number, reason: string): void {
    if (generation !== this.#generation || this.#lostReason) return;
    this.#lostReason = reason;
    if (this.#connected) this.#ctx.reportError(linkLost(this.#target, reason));
  }

  #watch(link: Link, generation: number): void {
    const lose = (reason: string) => this.#lose(generation, reason);
    link.client.on('connection_lost', () => lose('the connection was lost'));
    link.client.on('close', (err?: Error | null) => lose(err ? `the connection closed (${shortReason(err)})` : 'the server closed the connection'));
    link.session.on('session_closed', (status: { name: string }) => lose(`the server closed the session (${status.name})`));
    link.session.on('keepalive_failure', () => lose('the server stopped answering keep-alive reads'));
  }

  /** The certificates this source met (thumbprints and subjects, nothing secret): which PKI entries are its. */
  inspect(): Record<string, unknown> {
    return { security: `${this.#s.mode}/${this.#s.policy}`, ...(this.#met ? { certificates: this.#met } : {}) };
  }

  subscribe(onBatch: (batch: Sample[]) => void): void {
    this.#subs?.attach(onBatch);
  }

  async browse(address?: string, cursor?: string): Promise<{ nodes: BrowseNode[]; cursor?: string }> {
    if (!this.#browser) throw new CausewayError('CW_SOURCE_BROWSE_FAILED', { source: this.#ctx.id, address: address ?? 'the Objects folder', reason: 'the source is not connected' });
    return this.#browser.browse(address, cursor);
  }

  async discover(): Promise<DeviceInfo> {
    const session = this.#link?.session;
    if (!session) throw new CausewayError('CW_SOURCE_READ_FAILED', { source: this.#ctx.id, reason: 'the source is not connected' });
    const posture = this.#parts.posture ?? {};
    return readBuildInfo(session).then((info) => ({ ...info, ...posture }), (e: unknown) => {
      throw new CausewayError('CW_SOURCE_READ_FAILED', { source: this.#ctx.id, reason: shortReason(e) }, { cause: e });
    });
  }

  /** Write a value to a tag's node, converted to the node's built-in data type (read once per connection). */
  async write(tagId: string, value: Value): Promise<void> {
    const fail = (reason: string, cause?: unknown) => new CausewayError('CW_SOURCE_WRITE_FAILED', { source: this.#ctx.id, tag: tagId, reason }, cause ? { cause } : {});
    const tag = this.#tagById.get(tagId);
    if (!tag) throw fail('the source has no such tag');
    const session = this.#link?.session;
    if (!session) throw fail('the source is not connected');
    const dataType =
      this.#dataTypes.get(tag.nodeId) ??
      (await session.getBuiltInDataType(resolveNodeId(tag.nodeId)).catch((e: unknown) => Promise.reject(fail(`its data type cannot be read (${shortReason(e)})`, e))));
    if (dataType === undefined) throw fail('its data type is unknown');
    this.#dataTypes.set(tag.nodeId, dataType);
    const variant = toVariant(value, dataType);
    if ('problem' in variant) throw fail(variant.problem);
    const status = await session
      .write({ nodeId: tag.nodeId, attributeId: AttributeIds.Value, value: { value: new Variant(variant) } })
      .catch((e: unknown) => Promise.reject(fail(shortReason(e), e)));
    if (!status.isGood()) throw fail(`the server answered ${status.name}`);
  }

  async close(): Promise<void> {
    this.#generation++;
    this.#connected = false;
    this.#subs?.stop();
    this.#subs = undefined;
    this.#browser = undefined;
    this.#link = undefined;
    const parts = this.#parts;
    this.#parts = {};
    await closeLink(parts, this.#s.requestTimeoutMs);
  }
}

/** The OPC UA source kind, loaded. */
export const opcuaSource: SourceConnector<OpcuaConfig> = {
  ...opcuaDefinition,
  create(config: OpcuaConfig, ctx: SourceContext): Source {
    const invalid = (problem: string) => new CausewayError('CW_SOURCE_CONFIG_INVALID', { source: ctx.id, problem });
    const settings = settingsOf(config ?? {}, ctx);
    if ('problem' in settings) throw invalid(settings.problem);
    const { tags, problems } = readTags(ctx.tags);
    for (const tag of tags) {
      try {
        resolveNodeId(tag.nodeId);
      } catch {
        problems.push(`tag ${tag.id}.nodeId "${tag.nodeId}" is not a node id such as ns=2;s=Line1.Speed or ns=3;i=1042`);
      }
    }
    if (problems.length > 0) throw invalid(problems.join('; '));
    routeLibraryLog(ctx.logger);
    return new OpcuaSource(settings, tags, ctx);
  },
};
