/**
 * The Sparkplug B host application as a push source: routes broker messages through the session
 * (session.ts decides) and acts on its decisions — samples to the pipeline, rebirth requests to the
 * broker, operator sentences to the log. State survives reconnects; see reconnected().
 */
import { CausewayError, type ErrorCode, type ErrorParams } from '../../core/errors.js';
import type { Sample } from '../../core/sample.js';
import type { Source, SourceContext, SourceProblem } from '../types.js';
import { SparkplugLink } from './connection.js';
import { pathNamer } from './metrics.js';
import { nodeIdentity } from './node-properties.js';
import { decodePayload, type WirePayload } from './payload.js';
import { SparkplugConfigSchema, SparkplugTagSchema, schemaProblem, type SparkplugConfig } from './schema.js';
import { SparkplugSession, type Decision } from './session.js';
import { parseStatePayload, parseTopic, subscriptionTopics } from './topic.js';

/**
 * A node's identity properties (`Properties/…`, `Node Info/…`, `Node Properties/…`) go to the asset
 * inventory, not the namespace: they are not delivered as values unless a tag renames them (a
 * renamed metric's path is `<source>/<tag>`).
 */
const PROPERTY_PATH = /^[^/]+\/[^/]+\/[^/]+\/(Properties|Node_Info|Node_Properties)\//i;

/** Edge nodes listed as problems of the source, those with the most dropped values first. */
const MAX_PROBLEM_NODES = 20;

/** The renames of the configured tags: metric reference → tag id; throws CW_SOURCE_CONFIG_INVALID. */
function readRenames(ctx: SourceContext): Map<string, string> {
  const renames = new Map<string, string>();
  for (const tag of ctx.tags) {
    const own = { metric: (tag as { metric?: unknown }).metric };
    const problem = schemaProblem(SparkplugTagSchema, own, `tag ${tag.id}`);
    if (problem) throw new CausewayError('CW_SOURCE_CONFIG_INVALID', { source: ctx.id, problem });
    if (renames.has(own.metric as string)) {
      throw new CausewayError('CW_SOURCE_CONFIG_INVALID', { source: ctx.id, problem: `tags ${renames.get(own.metric as string)} and ${tag.id} rename the same metric` });
    }
    renames.set(own.metric as string, tag.id);
  }
  return renames;
}

/** A running Sparkplug B host application; see sparkplugSource. */
export class SparkplugSource implements Source {
  readonly #ctx: SourceContext;
  readonly #config: SparkplugConfig;
  readonly #session: SparkplugSession;
  readonly #canRebirth: boolean;
  #link: SparkplugLink | undefined;
  #onBatch: ((batch: Sample[]) => void) | undefined;
  #pending: Sample[] = [];
  #connects = 0;
  #ignoredCommands = 0;
  #undecodable = 0;
  readonly #badTopics = new Set<string>();

  constructor(config: SparkplugConfig, ctx: SourceContext) {
    const problem = schemaProblem(SparkplugConfigSchema, config ?? {}, 'config');
    if (problem) throw new CausewayError('CW_SOURCE_CONFIG_INVALID', { source: ctx.id, problem });
    this.#ctx = ctx;
    this.#config = config;
    this.#canRebirth = ctx.commandsAllowed && config.rebirthOnGap !== false;
    this.#session = new SparkplugSession({ pathOf: pathNamer(ctx.id, readRenames(ctx)), canRequestRebirth: this.#canRebirth });
  }

  async connect(signal: AbortSignal): Promise<void> {
    const c = this.#config;
    const link = await SparkplugLink.open({
      sourceId: this.#ctx.id, url: c.url, clientId: c.clientId ?? `causeway-${c.hostId}`,
      ...(c.username === undefined ? {} : { username: c.username }),
      ...(c.password === undefined ? {} : { password: c.password }),
      hostId: c.hostId,
      subscriptions: subscriptionTopics(c.groups ?? ['*'], c.hostId),
      stateTimestamp: this.#ctx.now(),
      onMessage: (topic, payload, retained) => this.#onMessage(topic, payload, retained),
      onLost: (error) => this.#ctx.reportError(error),
    }, signal);
    this.#link = link;
    if (this.#connects++ > 0) this.#afterReconnect(link);
  }

  subscribe(onBatch: (batch: Sample[]) => void): void {
    this.#onBatch = onBatch;
    const pending = this.#pending;
    this.#pending = [];
    if (pending.length > 0) onBatch(pending);
  }

  /** Edge nodes whose values are being dropped: the hub cannot read them until they publish a birth. */
  problems(): SourceProblem[] {
    return this.#session.unreadable(this.#ctx.now()).slice(0, MAX_PROBLEM_NODES).map((n) => {
      const node = `${n.group}/${n.node}`;
      const err = new CausewayError('CW_SOURCE_SPARKPLUG_UNREADABLE', { source: this.#ctx.id, node, dropped: n.dropped, zone: this.#ctx.zone, hostId: this.#config.hostId, asked: n.asked });
      return { code: err.code, summary: `${n.dropped} ${n.dropped === 1 ? 'value' : 'values'} of ${node} dropped`, message: err.message, hint: err.hint, count: n.dropped, subjects: [node], since: n.since, lastAt: n.lastAt };
    });
  }

  inspect(): Record<string, unknown> {
    return {
      hostId: this.#config.hostId,
      connected: this.#link?.open ?? false,
      rebirthAllowed: this.#canRebirth,
      ...this.#session.counters,
      ignoredCommands: this.#ignoredCommands,
      undecodable: this.#undecodable,
      nodes: this.#session.nodes(),
    };
  }

  async close(): Promise<void> {
    const link = this.#link;
    this.#link = undefined;
    this.#onBatch = undefined;
    await link?.close();
  }

  /** Aliases may be stale and messages were missed: ask for rebirths, or say which nodes are uncertain. */
  #afterReconnect(link: SparkplugLink): void {
    const now = this.#ctx.now();
    const { rebirth, uncertain } = this.#session.reconnected(now);
    for (const n of rebirth) link.requestRebirth(n.group, n.node, now);
    if (rebirth.length > 0) {
      this.#ctx.logger.info({ nodes: rebirth.map((n) => `${n.group}/${n.node}`) }, `Source ${this.#ctx.id} reconnected and asked ${rebirth.length} Sparkplug edge node(s) to publish their births again.`);
    }
    for (const n of uncertain) this.#uncertain(`${n.group}/${n.node}`, 'the hub was disconnected from the broker and may have missed messages');
  }

  #onMessage(topic: string, payload: Buffer, retained: boolean): void {
    const t = parseTopic(topic);
    if (!t) return;
    if (t.kind === 'state') return this.#onState(t.hostId, payload, retained);
    if (t.type === 'NCMD' || t.type === 'DCMD') {
      this.#ignoredCommands++;
      return;
    }
    let decoded;
    try {
      decoded = decodePayload(payload);
    } catch (e) {
      this.#undecodable++;
      this.#badPayload(topic, e);
      return;
    }
    this.#act(this.#session.handle(t, decoded, this.#ctx.now()));
    if (t.type === 'NBIRTH') this.#identify(`${t.group}/${t.node}`, decoded);
  }

  /** The node's identity from its birth properties, for the asset inventory. */
  #identify(node: string, payload: WirePayload): void {
    const info = nodeIdentity(payload);
    if (Object.keys(info).length > 0) this.#ctx.reportDevice?.(info, node);
  }

  /** Someone (a late Will of an earlier session) said this host is offline while it is online: correct it. */
  #onState(hostId: string, payload: Buffer, retained: boolean): void {
    if (hostId !== this.#config.hostId || retained || !this.#link?.open) return;
    if (parseStatePayload(payload)?.online !== false) return;
    this.#link.publishOnline().catch((e: unknown) => this.#ctx.logger.debug({ err: e }, 'republishing STATE online failed'));
  }

  #act(d: Decision): void {
    const log = this.#ctx.logger;
    // Ask first, then deliver: the request is on its way before anyone sees the uncertain samples.
    if (d.rebirth) {
      this.#link?.requestRebirth(d.rebirth.group, d.rebirth.node, this.#ctx.now());
      this.#warn('CW_SOURCE_SPARKPLUG_REBIRTH', { source: this.#ctx.id, node: `${d.rebirth.group}/${d.rebirth.node}`, problem: d.rebirth.reason });
    }
    if (d.uncertain) this.#uncertain(`${d.uncertain.group}/${d.uncertain.node}`, d.uncertain.reason);
    if (d.death) {
      const node = [d.death.group, d.death.node, d.death.device].filter((x) => x !== undefined).join('/');
      this.#warn('CW_SOURCE_SPARKPLUG_NODE_OFFLINE', { source: this.#ctx.id, node, count: d.death.count });
    }
    if (d.staleDeath) {
      const s = d.staleDeath;
      log.info({ node: `${s.group}/${s.node}`, bdSeq: s.bdSeq, current: s.current }, `Source ${this.#ctx.id} ignored a death certificate of Sparkplug edge node ${s.group}/${s.node} from an earlier session (bdSeq ${s.bdSeq}, current ${s.current}).`);
    }
    if (d.samples.length > 0) this.#deliver(d.samples);
  }

  #uncertain(node: string, problem: string): void {
    const setting = this.#ctx.commandsAllowed ? 'off' : 'on';
    this.#warn('CW_SOURCE_SPARKPLUG_UNCERTAIN', { source: this.#ctx.id, node, problem, zone: this.#ctx.zone, setting });
  }

  #badPayload(topic: string, e: unknown): void {
    // Once per topic: a misconfigured publisher would otherwise flood the log.
    if (this.#badTopics.has(topic) || this.#badTopics.size >= 1000) return;
    this.#badTopics.add(topic);
    const reason = e instanceof Error ? e.message : String(e);
    this.#warn('CW_SOURCE_SPARKPLUG_BAD_PAYLOAD', { source: this.#ctx.id, topic, reason });
  }

  #warn<C extends ErrorCode>(code: C, params: ErrorParams<C>): void {
    const err = new CausewayError(code, params);
    this.#ctx.logger.warn({ code, hint: err.hint }, err.message);
  }

  #deliver(all: Sample[]): void {
    const samples = all.filter((x) => !PROPERTY_PATH.test(x.path));
    if (samples.length === 0) return;
    if (this.#onBatch) this.#onBatch(samples);
    else this.#pending.push(...samples);
  }
}
