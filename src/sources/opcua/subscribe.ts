/**
 * Carries out a subscription plan on a session: creates the subscriptions and their monitored items
 * (one CreateMonitoredItems call per planned call), turns data changes into samples and hands them
 * on as one batch per publish response. Everything lives in the session: closing the session with
 * deleteSubscriptions removes it on the server, so a reconnect never finds old items to duplicate.
 */
import type { Logger } from 'pino';
import {
  AttributeIds,
  DataChangeFilter,
  DataChangeTrigger,
  DeadbandType,
  TimestampsToReturn,
  type ClientSession,
  type ClientSubscription,
  type DataValue,
  type MonitoringParametersOptions,
  type StatusCode,
} from 'node-opcua';
import type { Sample } from '../../core/sample.js';
import { sampleOf, type TimestampChoice } from './codec.js';
import type { MonitoringSpec, PlannedSubscription } from './plan.js';
import type { OpcuaTag } from './schema.js';

/** Samples kept while nobody takes them (before subscribe()); the oldest go first. */
const MAX_PENDING = 100_000;
/** A subscription sends a keep-alive about this often when nothing changes. */
const KEEP_ALIVE_MS = 10_000;

export interface SubscriptionsOptions {
  sourceId: string;
  publishingIntervalMs: number;
  timestamps: TimestampChoice;
  logger: Logger;
  now(): number;
  path(tagId: string): string;
  /** Called once the server ends a subscription on its own (timeout, transfer, error). */
  onLost(reason: string): void;
}

/** The monitoring parameters node-opcua sends for a planned spec. */
export function monitoringParameters(spec: MonitoringSpec): MonitoringParametersOptions {
  const filter = spec.deadband
    ? new DataChangeFilter({
        trigger: DataChangeTrigger.StatusValue,
        deadbandType: spec.deadband.type === 'percent' ? DeadbandType.Percent : DeadbandType.Absolute,
        deadbandValue: spec.deadband.value,
      })
    : null;
  return { samplingInterval: spec.samplingInterval, queueSize: spec.queueSize, discardOldest: true, filter };
}

/** The subscriptions of one session. */
export class Subscriptions {
  readonly #session: ClientSession;
  readonly #o: SubscriptionsOptions;
  readonly #subs: ClientSubscription[] = [];
  #pending: Sample[] = [];
  #deliver: ((batch: Sample[]) => void) | undefined;
  #flushScheduled = false;
  #stopped = false;
  #dropped = 0;

  constructor(session: ClientSession, o: SubscriptionsOptions) {
    this.#session = session;
    this.#o = o;
  }

  /** Create every planned subscription and item. Items the server refuses arrive as bad samples and are logged. */
  async create(plan: readonly PlannedSubscription[]): Promise<void> {
    const refused: Array<{ tag: OpcuaTag; status: StatusCode }> = [];
    for (const planned of plan) {
      const sub = await this.#createSubscription();
      for (const call of planned.calls) {
        const items = call.tags.map((t) => ({ nodeId: t.nodeId, attributeId: AttributeIds.Value }));
        const group = await sub.monitorItems(items, monitoringParameters(call.spec), TimestampsToReturn.Both);
        group.on('changed', (_item, dv: DataValue, index: number) => this.#push(call.tags[index]!, dv));
        group.monitoredItems.forEach((item, i) => {
          if (!item.statusCode.isGood()) refused.push({ tag: call.tags[i]!, status: item.statusCode });
        });
      }
    }
    if (refused.length > 0) this.#reportRefused(refused);
  }

  async #createSubscription(): Promise<ClientSubscription> {
    const keepAlive = Math.max(1, Math.ceil(KEEP_ALIVE_MS / this.#o.publishingIntervalMs));
    const sub = await this.#session.createSubscription2({
      requestedPublishingInterval: this.#o.publishingIntervalMs,
      requestedMaxKeepAliveCount: keepAlive,
      // An abandoned subscription (link lost) dies on the server after three keep-alives.
      requestedLifetimeCount: keepAlive * 3,
      maxNotificationsPerPublish: 0,
      publishingEnabled: true,
      priority: 0,
    });
    this.#subs.push(sub);
    sub.on('terminated', () => this.#lost('the server ended a subscription'));
    sub.on('status_changed', (status: StatusCode) => {
      if (!status.isGood()) this.#lost(`the server ended a subscription (${status.name})`);
    });
    return sub;
  }

  #lost(reason: string): void {
    if (!this.#stopped) this.#o.onLost(reason);
  }

  /** Refused items: one bad sample each (so the tag shows why it has no value) and one log line. */
  #reportRefused(refused: Array<{ tag: OpcuaTag; status: StatusCode }>): void {
    const now = this.#o.now();
    for (const { tag, status } of refused) {
      this.#enqueue({ path: this.#o.path(tag.id), value: 0, ts: now, quality: 'bad', statusCode: status.value });
    }
    const list = refused.slice(0, 10).map((r) => `${r.tag.id} (${r.tag.nodeId}: ${r.status.name})`).join(', ');
    this.#o.logger.warn(
      { refused: refused.length },
      `OPC UA source ${this.#o.sourceId}: the server refused ${refused.length} tag${refused.length === 1 ? '' : 's'}: ${list}${refused.length > 10 ? ', …' : ''}. Check their nodeId and serverDeadband (percent needs an EURange on the node).`,
    );
  }

  #push(tag: OpcuaTag, dv: DataValue): void {
    if (this.#stopped) return;
    this.#enqueue(sampleOf(dv, { path: this.#o.path(tag.id), timestamps: this.#o.timestamps, now: this.#o.now() }));
  }

  #enqueue(sample: Sample): void {
    this.#pending.push(sample);
    if (this.#pending.length > MAX_PENDING) {
      this.#pending.shift();
      if (this.#dropped++ === 0) this.#o.logger.warn(`OPC UA source ${this.#o.sourceId} dropped samples: nobody took them.`);
    }
    if (this.#deliver && !this.#flushScheduled) {
      // node-opcua dispatches a whole publish response synchronously: one batch per response.
      this.#flushScheduled = true;
      setImmediate(() => this.#flush());
    }
  }

  #flush(): void {
    this.#flushScheduled = false;
    if (this.#stopped || !this.#deliver || this.#pending.length === 0) return;
    const batch = this.#pending;
    this.#pending = [];
    this.#deliver(batch);
  }

  /** Start handing batches to `deliver`, beginning with what arrived since create(). */
  attach(deliver: (batch: Sample[]) => void): void {
    this.#deliver = deliver;
    if (this.#pending.length > 0 && !this.#flushScheduled) {
      this.#flushScheduled = true;
      setImmediate(() => this.#flush());
    }
  }

  /** Stop delivering; the subscriptions themselves end with their session. */
  stop(): void {
    this.#stopped = true;
    this.#deliver = undefined;
    this.#pending = [];
  }
}
