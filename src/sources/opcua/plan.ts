/**
 * Planning of subscriptions: which tag goes into which subscription and which CreateMonitoredItems
 * call, within the server's operation limits. Pure and table-tested; subscribe.ts carries it out.
 */
import type { OpcuaTag } from './schema.js';

/** Most items in one CreateMonitoredItems call even when the server sets no limit: keeps messages small. */
export const MAX_ITEMS_PER_CALL = 1000;
/** Largest default queue size derived from the intervals. */
const MAX_DERIVED_QUEUE = 1000;

/** The monitoring parameters of one item. */
export interface MonitoringSpec {
  samplingInterval: number;
  queueSize: number;
  deadband?: { type: 'absolute' | 'percent'; value: number };
}

/** One CreateMonitoredItems call: items that share their monitoring parameters. */
export interface PlannedCall {
  spec: MonitoringSpec;
  tags: OpcuaTag[];
}

/** One subscription and the calls that fill it. */
export interface PlannedSubscription {
  calls: PlannedCall[];
  itemCount: number;
}

export interface PlanOptions {
  publishingIntervalMs: number;
  /** Default sampling interval of tags that set none. */
  samplingIntervalMs: number;
  /** Default queue size of tags that set none; derived from the intervals when absent. */
  queueSize?: number;
  maxItemsPerSubscription: number;
  /** The server's MaxMonitoredItemsPerCall; 0 or undefined when it sets none. */
  maxItemsPerCall?: number;
  /** Converts a tag's duration (number or text) to ms. */
  durationMs(d: number | string | undefined, fallback: number): number;
}

/**
 * The monitoring parameters of a tag. Without an explicit queue size the server queues as many
 * values as are sampled between two publishes, so none is lost to a queue of one.
 */
export function monitoringSpecOf(tag: OpcuaTag, o: PlanOptions): MonitoringSpec {
  const samplingInterval = o.durationMs(tag.samplingInterval, o.samplingIntervalMs);
  const derived = samplingInterval > 0 ? Math.ceil(o.publishingIntervalMs / samplingInterval) : 1;
  const queueSize = tag.queueSize ?? o.queueSize ?? Math.min(MAX_DERIVED_QUEUE, Math.max(1, derived));
  return { samplingInterval, queueSize, ...(tag.serverDeadband ? { deadband: { ...tag.serverDeadband } } : {}) };
}

/** A key that is equal for equal monitoring parameters. */
export function specKey(s: MonitoringSpec): string {
  return `${s.samplingInterval}|${s.queueSize}|${s.deadband ? `${s.deadband.type}:${s.deadband.value}` : '-'}`;
}

/** The effective call size: the server's limit, never more than MAX_ITEMS_PER_CALL. */
export function callSize(serverLimit: number | undefined): number {
  return serverLimit && serverLimit > 0 ? Math.min(serverLimit, MAX_ITEMS_PER_CALL) : MAX_ITEMS_PER_CALL;
}

/**
 * Spread tags over subscriptions of at most `maxItemsPerSubscription` items; inside each, tags with
 * the same parameters share calls of at most the server's MaxMonitoredItemsPerCall.
 */
export function planSubscriptions(tags: readonly OpcuaTag[], o: PlanOptions): PlannedSubscription[] {
  const withSpec = tags.map((tag, order) => ({ tag, spec: monitoringSpecOf(tag, o), order }));
  const keyed = withSpec.map((x) => ({ ...x, key: specKey(x.spec) }));
  // Equal parameters next to each other, groups in the order of their first tag, so they share as few calls as possible.
  const firstSeen = new Map<string, number>();
  for (const x of keyed) if (!firstSeen.has(x.key)) firstSeen.set(x.key, x.order);
  keyed.sort((a, b) => firstSeen.get(a.key)! - firstSeen.get(b.key)! || a.order - b.order);
  const perCall = callSize(o.maxItemsPerCall);
  const subs: PlannedSubscription[] = [];
  for (let i = 0; i < keyed.length; i += o.maxItemsPerSubscription) {
    const slice = keyed.slice(i, i + o.maxItemsPerSubscription);
    const calls: PlannedCall[] = [];
    let current: PlannedCall | undefined;
    let currentKey = '';
    for (const x of slice) {
      if (!current || x.key !== currentKey || current.tags.length >= perCall) {
        current = { spec: x.spec, tags: [] };
        currentKey = x.key;
        calls.push(current);
      }
      current.tags.push(x.tag);
    }
    subs.push({ calls, itemCount: slice.length });
  }
  return subs;
}
