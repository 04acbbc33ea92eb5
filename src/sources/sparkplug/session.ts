/**
 * What a Sparkplug host knows about each edge node, and what to do with each message: the bdSeq of
 * the node's session, the expected seq (0-255, wrapping, one counter per edge node across node and
 * device messages), the alias tables from the births, and the last value of each metric. Pure: it
 * returns decisions ({ samples, rebirth?, uncertain?, death? }) and connection.ts acts on them.
 */
import type { Quality, Sample, Value } from '../../core/sample.js';
import { convertValue, isControlMetric, type Converted, type MetricRef } from './metrics.js';
import { bdSeqOf, type WireMetric, type WirePayload } from './payload.js';
import type { SparkplugTopic } from './topic.js';

/** After asking a node for a rebirth, do not ask again for this long while no birth arrives. */
export const REBIRTH_RETRY_MS = 5000;
/** A node whose values were dropped counts as unreadable until it is born, or until none was dropped for this long. */
export const UNREADABLE_RECENT_MS = 5 * 60_000;

/** An edge node whose data the host cannot read (aliases without a birth): values are being dropped. */
export interface UnreadableNode extends NodeRef {
  /** Metric values dropped since its last birth. */
  dropped: number;
  since: number;
  lastAt: number;
  /** Rebirth requests sent to it meanwhile. */
  asked: number;
}

/** An edge node, for decisions and logs. */
export interface NodeRef {
  group: string;
  node: string;
}

/** What the caller should do after one message. */
export interface Decision {
  samples: Sample[];
  /** Publish an NCMD `Node Control/Rebirth` to this node (only when the session may send commands). */
  rebirth?: NodeRef & { reason: string };
  /** The node's data just became uncertain and no rebirth may be asked: say so once. */
  uncertain?: NodeRef & { reason: string };
  /** A death certificate was honoured. */
  death?: NodeRef & { device?: string; count: number };
  /** A death certificate from an older session of the node was ignored. */
  staleDeath?: NodeRef & { bdSeq: string; current: string };
}

/** Counters for inspection. */
export interface SessionCounters {
  births: number;
  deaths: number;
  staleDeaths: number;
  gaps: number;
  rebirthRequests: number;
  unknownAliases: number;
  unknownMetrics: number;
  dataBeforeBirth: number;
  unsupported: number;
  mismatched: number;
  nullValues: number;
}

interface MetricDef {
  ref: MetricRef;
  datatype: number | undefined;
  path: string;
  hidden: boolean;
  last?: { value: Value; ts: number };
}

class Scope {
  readonly aliases = new Map<number, MetricDef>();
  readonly byName = new Map<string, MetricDef>();
  born = false;
}

interface NodeState extends NodeRef {
  born: boolean;
  bdSeq: bigint | undefined;
  expectedSeq: number | undefined;
  uncertain: boolean;
  rebirthAt: number | undefined;
  /** Latest timestamp of any sample emitted for the node, so a death is never dated before it. */
  lastTs: number;
  /** Metric values dropped (unresolvable aliases) since the last NBIRTH: when the first and the latest were, rebirths asked. */
  dropped: { count: number; since: number; lastAt: number; asked: number } | undefined;
  scope: Scope;
  devices: Map<string, Scope>;
}

export interface SessionOptions {
  /** Builds the raw path of a metric (see pathNamer in metrics.ts). */
  pathOf(ref: MetricRef): string;
  /** True when a conduit lets commands into the source's zone and rebirthOnGap is on. */
  canRequestRebirth: boolean;
}

type Msg = Extract<SparkplugTopic, { kind: 'node' | 'device' }>;

function freshNode(ref: NodeRef): NodeState {
  return { ...ref, born: false, bdSeq: undefined, expectedSeq: undefined, uncertain: false, rebirthAt: undefined, lastTs: 0, dropped: undefined, scope: new Scope(), devices: new Map() };
}

/** The state of every edge node one host application has heard from. */
export class SparkplugSession {
  readonly counters: SessionCounters = { births: 0, deaths: 0, staleDeaths: 0, gaps: 0, rebirthRequests: 0, unknownAliases: 0, unknownMetrics: 0, dataBeforeBirth: 0, unsupported: 0, mismatched: 0, nullValues: 0 };
  readonly #opts: SessionOptions;
  readonly #nodes = new Map<string, NodeState>();

  constructor(opts: SessionOptions) {
    this.#opts = opts;
  }

  /** Decide what one message means. `now` is the receive time (epoch ms). */
  handle(topic: Msg, payload: WirePayload, now: number): Decision {
    const d: Decision = { samples: [] };
    // NCMD and DCMD are commands of other hosts, not data.
    if (topic.type === 'NCMD' || topic.type === 'DCMD') return d;
    const key = `${topic.group}/${topic.node}`;
    let node = this.#nodes.get(key);
    if (!node) this.#nodes.set(key, (node = freshNode({ group: topic.group, node: topic.node })));
    switch (topic.type) {
      case 'NBIRTH': this.#nbirth(node, payload, now, d); break;
      case 'NDEATH': this.#ndeath(node, payload, now, d); break;
      case 'NDATA': this.#data(node, node.scope, undefined, payload, now, d); break;
      case 'DBIRTH': this.#dbirth(node, topic.device, payload, now, d); break;
      case 'DDATA': this.#ddata(node, topic.device, payload, now, d); break;
      case 'DDEATH': this.#ddeath(node, topic.device, payload, now, d); break;
    }
    return d;
  }

  /**
   * After the broker connection was lost and is back: messages may have been missed and aliases may
   * be stale, so every born node is uncertain until its next birth. Returns the nodes to ask for a
   * rebirth, or (when the session may not send commands) the nodes that became uncertain.
   */
  reconnected(now: number): { rebirth: NodeRef[]; uncertain: NodeRef[] } {
    const out = { rebirth: [] as NodeRef[], uncertain: [] as NodeRef[] };
    for (const node of this.#nodes.values()) {
      if (!node.born) continue;
      node.uncertain = true;
      node.expectedSeq = undefined;
      const ref = { group: node.group, node: node.node };
      if (!this.#opts.canRequestRebirth) {
        out.uncertain.push(ref);
        continue;
      }
      node.rebirthAt = now;
      this.counters.rebirthRequests++;
      out.rebirth.push(ref);
    }
    return out;
  }

  /** A summary of every known node, for inspection. */
  nodes(): Array<{ node: string; online: boolean; uncertain: boolean; bdSeq?: string; devices: string[]; metrics: number }> {
    return [...this.#nodes.values()].map((n) => ({
      node: `${n.group}/${n.node}`,
      online: n.born,
      uncertain: n.uncertain,
      ...(n.bdSeq === undefined ? {} : { bdSeq: n.bdSeq.toString() }),
      devices: [...n.devices.entries()].filter(([, s]) => s.born).map(([id]) => id),
      metrics: n.scope.byName.size + [...n.devices.values()].reduce((sum, s) => sum + s.byName.size, 0),
    }));
  }

  /** Nodes whose values were dropped recently because no birth defined their aliases, most dropped first. */
  unreadable(now: number): UnreadableNode[] {
    const out: UnreadableNode[] = [];
    for (const n of this.#nodes.values()) {
      const dr = n.dropped;
      if (dr && now - dr.lastAt <= UNREADABLE_RECENT_MS) out.push({ group: n.group, node: n.node, dropped: dr.count, since: dr.since, lastAt: dr.lastAt, asked: dr.asked });
    }
    return out.sort((a, b) => b.dropped - a.dropped);
  }

  #nbirth(node: NodeState, p: WirePayload, now: number, d: Decision): void {
    Object.assign(node, freshNode(node), { born: true, bdSeq: bdSeqOf(p) });
    node.expectedSeq = p.seq === undefined ? undefined : (p.seq + 1) % 256;
    this.counters.births++;
    this.#define(node, node.scope, undefined, p, now, d);
  }

  #dbirth(node: NodeState, device: string, p: WirePayload, now: number, d: Decision): void {
    this.#checkSeq(node, p, now, d);
    if (!node.born) this.#trouble(node, `device ${device} sent its birth before the node's NBIRTH`, now, d, 'dataBeforeBirth');
    const scope = new Scope();
    scope.born = true;
    node.devices.set(device, scope);
    this.counters.births++;
    this.#define(node, scope, device, p, now, d);
  }

  #ddata(node: NodeState, device: string, p: WirePayload, now: number, d: Decision): void {
    let scope = node.devices.get(device);
    if (!scope) node.devices.set(device, (scope = new Scope()));
    if (node.born && !scope.born) {
      this.#checkSeq(node, p, now, d);
      this.#trouble(node, `device ${device} sent data before its DBIRTH`, now, d, 'dataBeforeBirth');
    }
    this.#data(node, scope, device, p, now, d);
  }

  #ndeath(node: NodeState, p: WirePayload, now: number, d: Decision): void {
    if (!node.born) return;
    const bdSeq = bdSeqOf(p);
    if (bdSeq !== undefined && node.bdSeq !== undefined && bdSeq !== node.bdSeq) {
      this.counters.staleDeaths++;
      d.staleDeath = { group: node.group, node: node.node, bdSeq: bdSeq.toString(), current: node.bdSeq.toString() };
      return;
    }
    const ts = p.timestamp !== undefined && p.timestamp >= node.lastTs ? p.timestamp : now;
    const scopes = [node.scope, ...node.devices.values()];
    for (const scope of scopes) this.#bury(scope, ts, d);
    Object.assign(node, { born: false, expectedSeq: undefined, uncertain: false, rebirthAt: undefined });
    this.counters.deaths++;
    d.death = { group: node.group, node: node.node, count: d.samples.length };
  }

  #ddeath(node: NodeState, device: string, p: WirePayload, now: number, d: Decision): void {
    this.#checkSeq(node, p, now, d);
    const scope = node.devices.get(device);
    if (!scope?.born) return;
    this.#bury(scope, p.timestamp ?? now, d);
    this.counters.deaths++;
    d.death = { group: node.group, node: node.node, device, count: d.samples.length };
  }

  /** Mark every metric of a scope with a last value bad (reason link_lost), at the death time, and forget it is born. */
  #bury(scope: Scope, ts: number, d: Decision): void {
    scope.born = false;
    for (const def of scope.byName.values()) {
      if (def.hidden || !def.last) continue;
      // A death certificate says the edge node (or device) lost its link: the same reason the hub gives other sources.
      d.samples.push({ path: def.path, value: def.last.value, ts: Math.max(ts, def.last.ts), quality: 'bad', qualityReason: 'link_lost' });
    }
  }

  /** Record the metrics of a birth (names, aliases, datatypes) and emit their values. */
  #define(node: NodeState, scope: Scope, device: string | undefined, p: WirePayload, now: number, d: Decision): void {
    for (const m of p.metrics) {
      if (m.name === undefined) continue;
      const ref: MetricRef = device === undefined ? { group: node.group, node: node.node, name: m.name } : { group: node.group, node: node.node, device, name: m.name };
      const def: MetricDef = { ref, datatype: m.datatype, path: this.#opts.pathOf(ref), hidden: isControlMetric(m.name) };
      scope.byName.set(m.name, def);
      if (m.alias !== undefined) scope.aliases.set(m.alias, def);
      this.#emit(node, def, m, p, now, d);
    }
  }

  /** NDATA or DDATA: resolve each metric by alias or name and emit it. */
  #data(node: NodeState, scope: Scope, device: string | undefined, p: WirePayload, now: number, d: Decision): void {
    if (!node.born) this.#trouble(node, 'it sent data before its NBIRTH', now, d, 'dataBeforeBirth');
    else if (device === undefined || scope.born) this.#checkSeq(node, p, now, d);
    for (const m of p.metrics) {
      const def = this.#resolve(node, scope, device, m, now, d);
      if (def) this.#emit(node, def, m, p, now, d);
    }
  }

  #resolve(node: NodeState, scope: Scope, device: string | undefined, m: WireMetric, now: number, d: Decision): MetricDef | undefined {
    const def = (m.alias === undefined ? undefined : scope.aliases.get(m.alias)) ?? (m.name === undefined ? undefined : scope.byName.get(m.name));
    if (def) return def;
    const where = device === undefined ? '' : ` for device ${device}`;
    if (m.name === undefined || m.datatype === undefined) {
      // A rebirth asked for this very message (data before NBIRTH) counts too.
      const dr = (node.dropped ??= { count: 0, since: now, lastAt: now, asked: d.rebirth ? 1 : 0 });
      dr.count++;
      dr.lastAt = now;
      this.#trouble(node, `it used alias ${m.alias ?? '(none)'}${where}, which no birth defined`, now, d, 'unknownAliases');
      return undefined;
    }
    // A named metric with its datatype can be read even though no birth declared it; it stays uncertain.
    this.#trouble(node, `it sent metric "${m.name}"${where}, which no birth declared`, now, d, 'unknownMetrics');
    const ref: MetricRef = device === undefined ? { group: node.group, node: node.node, name: m.name } : { group: node.group, node: node.node, device, name: m.name };
    const added: MetricDef = { ref, datatype: m.datatype, path: this.#opts.pathOf(ref), hidden: isControlMetric(m.name) };
    scope.byName.set(m.name, added);
    return added;
  }

  /** Turn one metric into a sample: good, or uncertain while the node is out of sync; null → bad last value. */
  #emit(node: NodeState, def: MetricDef, m: WireMetric, p: WirePayload, now: number, d: Decision): void {
    if (def.hidden) return;
    const ts = m.timestamp ?? p.timestamp ?? now;
    const datatype = def.datatype ?? m.datatype;
    const conv: Converted | undefined = m.isNull ? undefined : datatype === undefined ? { ok: false, reason: 'mismatch' } : convertValue(datatype, m.value);
    if (conv?.ok) {
      const quality: Quality = node.uncertain ? 'uncertain' : 'good';
      def.last = { value: conv.value, ts };
      node.lastTs = Math.max(node.lastTs, ts);
      d.samples.push({ path: def.path, value: conv.value, ts, quality });
      return;
    }
    if (conv?.reason === 'unsupported') this.counters.unsupported++;
    else if (conv?.reason === 'mismatch') this.counters.mismatched++;
    else this.counters.nullValues++;
    if (conv?.reason === 'unsupported' || conv?.reason === 'mismatch' || !def.last) return;
    // A null (or NaN) value: the metric has no valid value now; keep the last one, marked bad.
    d.samples.push({ path: def.path, value: def.last.value, ts: Math.max(ts, def.last.ts), quality: 'bad' });
  }

  #checkSeq(node: NodeState, p: WirePayload, now: number, d: Decision): void {
    if (p.seq === undefined) return;
    const expected = node.expectedSeq;
    node.expectedSeq = (p.seq + 1) % 256;
    if (expected === undefined || p.seq === expected) return;
    this.#trouble(node, `message seq ${p.seq} arrived where ${expected} was expected`, now, d, 'gaps');
  }

  /** The host lost track of a node: its data is uncertain until the next NBIRTH; ask for one if allowed. */
  #trouble(node: NodeState, reason: string, now: number, d: Decision, counter: keyof SessionCounters): void {
    this.counters[counter]++;
    const wasUncertain = node.uncertain;
    node.uncertain = true;
    const ref = { group: node.group, node: node.node, reason };
    if (!this.#opts.canRequestRebirth) {
      if (!wasUncertain) d.uncertain = ref;
      return;
    }
    if (d.rebirth || (node.rebirthAt !== undefined && now - node.rebirthAt < REBIRTH_RETRY_MS)) return;
    node.rebirthAt = now;
    this.counters.rebirthRequests++;
    d.rebirth = ref;
    if (node.dropped) node.dropped.asked++;
  }
}
