/**
 * A small Sparkplug B edge node for tests and the demo plant. It speaks real Sparkplug B over MQTT:
 * NDEATH as Last Will with bdSeq, NBIRTH/DBIRTH with aliases, NDATA/DDATA by alias with a
 * wrapping seq, births again on an NCMD `Node Control/Rebirth`. Tests can skip a seq on purpose
 * and kill() the socket so that the broker publishes the Will.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { get as getCodec } from 'sparkplug-payload';
import type { UMetric, UPayload } from 'sparkplug-payload/lib/sparkplugbpayload.js';
import type { DatatypeName } from './metrics.js';
import { messageTopic, parseStatePayload, stateTopic } from './topic.js';

const codec = getCodec('spBv1.0')!;

/** A metric value; bigint for Int64/UInt64 beyond 2^53; null sends is_null. */
export type MetricValue = number | bigint | boolean | string | null;

export interface EdgeMetric {
  name: string;
  datatype: DatatypeName;
  alias: number;
  /** Value in the births until publishData() sets another; null when omitted. */
  value?: MetricValue;
}

export interface EdgeDevice {
  id: string;
  metrics: EdgeMetric[];
}

export interface EdgeNodeOptions {
  url: string;
  groupId: string;
  edgeNodeId: string;
  metrics: EdgeMetric[];
  devices?: EdgeDevice[];
  clientId?: string;
  username?: string;
  password?: string;
  /** bdSeq of the first connection (0-255); each later connect() adds one. Default 0. */
  bdSeq?: number;
  /** Sparkplug 3.0 primary host: publish births only once its STATE is online, and again whenever it comes online. */
  primaryHostId?: string;
  /** Wall clock in epoch ms; defaults to Date.now. */
  now?: () => number;
  /** Node properties sent in the NBIRTH as `Properties/<name>` strings (Hardware Make, Hardware Model, OS, Firmware…). */
  properties?: Record<string, string>;
}

/** Metrics of one scope (the node, or one device) with their current values. */
interface Scope {
  device: string | undefined;
  metrics: Map<string, EdgeMetric & { value: MetricValue }>;
}

/** protobufjs takes 64-bit values as numbers or { low, high }; a bigint becomes the latter. */
function wireValue(v: MetricValue): UMetric['value'] {
  if (typeof v !== 'bigint') return v;
  const u = BigInt.asUintN(64, v);
  return { low: Number(u & 0xffffffffn) | 0, high: Number(u >> 32n) | 0, unsigned: true } as unknown as UMetric['value'];
}

/** A Sparkplug B edge node with optional devices. */
export class SparkplugEdgeNode {
  /** How many NCMD rebirth requests it has honoured. */
  rebirthRequests = 0;
  readonly #opts: EdgeNodeOptions;
  readonly #scopes: Scope[];
  #client: MqttClient | undefined;
  #bdSeq: number;
  #connects = 0;
  #seq = 0;
  #skip = 0;
  #hostOnlineAt = -1;

  constructor(opts: EdgeNodeOptions) {
    this.#opts = opts;
    this.#bdSeq = opts.bdSeq ?? 0;
    const scope = (device: string | undefined, metrics: EdgeMetric[]): Scope => ({
      device,
      metrics: new Map(metrics.map((m) => [m.name, { ...m, value: m.value ?? null }])),
    });
    this.#scopes = [scope(undefined, opts.metrics), ...(opts.devices ?? []).map((d) => scope(d.id, d.metrics))];
  }

  /** bdSeq of the current (or last) MQTT session. */
  get bdSeq(): number {
    return this.#bdSeq;
  }

  /** True while the MQTT link is up (MQTT.js does not reconnect on its own here: the caller does). */
  get connected(): boolean {
    return this.#client?.connected === true;
  }

  /** Connect with the NDEATH Will, listen for commands, and publish the births (unless waiting for the primary host). */
  async connect(): Promise<void> {
    if (this.#connects++ > 0) this.#bdSeq = (this.#bdSeq + 1) % 256;
    const o = this.#opts;
    const death = this.#encode({ metrics: [{ name: 'bdSeq', type: 'UInt64', value: this.#bdSeq }] });
    const client = await mqtt.connectAsync(o.url, {
      clientId: o.clientId ?? `sparkplug-${o.groupId}-${o.edgeNodeId}`,
      ...(o.username === undefined ? {} : { username: o.username }),
      ...(o.password === undefined ? {} : { password: o.password }),
      clean: true,
      reconnectPeriod: 0,
      will: { topic: messageTopic(o.groupId, 'NDEATH', o.edgeNodeId), payload: death, qos: 1, retain: false },
    });
    this.#client = client;
    client.on('error', () => undefined); // a broken link shows as close; tests and the demo reconnect explicitly
    client.on('message', (topic, payload) => this.#onMessage(topic, payload));
    const topics = [messageTopic(o.groupId, 'NCMD', o.edgeNodeId), `${messageTopic(o.groupId, 'DCMD', o.edgeNodeId)}/+`];
    if (o.primaryHostId !== undefined) topics.push(stateTopic(o.primaryHostId));
    await client.subscribeAsync(topics, { qos: 1 });
    if (o.primaryHostId === undefined) await this.publishBirths();
  }

  /** Publish NBIRTH (seq 0) and a DBIRTH for each device, with every metric's name, alias, datatype and value. */
  async publishBirths(): Promise<void> {
    this.#seq = 0;
    this.#skip = 0;
    const o = this.#opts;
    const [node, ...devices] = this.#scopes;
    const control: UMetric[] = [
      { name: 'bdSeq', type: 'UInt64', value: this.#bdSeq },
      { name: 'Node Control/Rebirth', type: 'Boolean', value: false },
    ];
    const properties: UMetric[] = Object.entries(o.properties ?? {}).map(([name, value]) => ({ name: `Properties/${name}`, type: 'String', value }));
    await this.#publish(messageTopic(o.groupId, 'NBIRTH', o.edgeNodeId), [...control, ...properties, ...this.#birthMetrics(node!)]);
    for (const d of devices) await this.#publish(messageTopic(o.groupId, 'DBIRTH', o.edgeNodeId, d.device), this.#birthMetrics(d));
  }

  /** Publish NDATA (no device) or DDATA with the given metrics by alias only, and remember the values. */
  async publishData(values: Record<string, MetricValue>, device?: string, timestamp?: number): Promise<void> {
    const metrics: UMetric[] = this.#remember(values, device).map(([m, value]) => {
      // Aliases only: the host resolves them from the births. sparkplug-payload needs the type to encode the value.
      return { alias: m.alias, type: m.datatype, value: wireValue(value) };
    });
    const type = device === undefined ? 'NDATA' : 'DDATA';
    await this.#publish(messageTopic(this.#opts.groupId, type, this.#opts.edgeNodeId, device), metrics, timestamp);
  }

  /** Remember values for the next births without publishing them (a node waiting for its primary host). */
  setValues(values: Record<string, MetricValue>, device?: string): void {
    this.#remember(values, device);
  }

  /** Publish a DDEATH for one device. */
  async publishDeviceDeath(device: string): Promise<void> {
    await this.#publish(messageTopic(this.#opts.groupId, 'DDEATH', this.#opts.edgeNodeId, device), []);
  }

  /** Make the next message jump `count` seq numbers, as if messages were lost. */
  skipSeq(count = 1): void {
    this.#skip += count;
  }

  /** End the socket without DISCONNECT: the broker publishes the NDEATH Will. */
  kill(): void {
    this.#client?.end(true);
    this.#client = undefined;
  }

  /** Publish NDEATH and disconnect cleanly (what a node does when it is shut down). */
  async close(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    if (!client?.connected) {
      client?.end(true);
      return;
    }
    const death = this.#encode({ metrics: [{ name: 'bdSeq', type: 'UInt64', value: this.#bdSeq }] });
    await client.publishAsync(messageTopic(this.#opts.groupId, 'NDEATH', this.#opts.edgeNodeId), death, { qos: 1 });
    await client.endAsync();
  }

  #remember(values: Record<string, MetricValue>, device: string | undefined): Array<[EdgeMetric, MetricValue]> {
    const scope = this.#scopes.find((s) => s.device === device);
    if (!scope) throw new Error(`edge node ${this.#opts.edgeNodeId} has no device ${device}`);
    return Object.entries(values).map(([name, value]) => {
      const m = scope.metrics.get(name);
      if (!m) throw new Error(`${device ?? this.#opts.edgeNodeId} has no metric "${name}"`);
      m.value = value;
      return [m, value];
    });
  }

  #birthMetrics(scope: Scope): UMetric[] {
    return [...scope.metrics.values()].map((m) => ({ name: m.name, alias: m.alias, type: m.datatype, value: wireValue(m.value) }));
  }

  async #publish(topic: string, metrics: UMetric[], timestamp?: number): Promise<void> {
    const client = this.#client;
    if (!client) throw new Error(`edge node ${this.#opts.edgeNodeId} is not connected`);
    this.#seq = (this.#seq + this.#skip) % 256;
    this.#skip = 0;
    const seq = this.#seq;
    this.#seq = (this.#seq + 1) % 256;
    await client.publishAsync(topic, this.#encode({ timestamp: timestamp ?? this.#now(), seq, metrics }), { qos: 0 });
  }

  #encode(payload: UPayload): Buffer {
    return Buffer.from(codec.encodePayload({ timestamp: this.#now(), ...payload }));
  }

  #now(): number {
    return (this.#opts.now ?? Date.now)();
  }

  #onMessage(topic: string, payload: Buffer): void {
    if (this.#opts.primaryHostId !== undefined && topic === stateTopic(this.#opts.primaryHostId)) {
      const state = parseStatePayload(payload);
      // Births each time the primary host comes online (a newer STATE timestamp), none while it is offline.
      if (!state?.online || (state.timestamp ?? 0) <= this.#hostOnlineAt) return;
      this.#hostOnlineAt = state.timestamp ?? this.#hostOnlineAt + 1;
      this.publishBirths().catch(() => undefined);
      return;
    }
    if (!topic.includes('/NCMD/')) return;
    let rebirth = false;
    try {
      rebirth = (codec.decodePayload(payload).metrics ?? []).some((m) => m.name === 'Node Control/Rebirth' && m.value === true);
    } catch {
      return; // not a Sparkplug payload: nothing to honour
    }
    if (!rebirth) return;
    this.rebirthRequests++;
    this.publishBirths().catch(() => undefined);
  }
}
