/**
 * The Sparkplug B protobuf payload as plain data. Decoding reads the raw protobuf (sparkplug-payload's
 * generated root) rather than its decodePayload(): that one returns null for a DATA metric that
 * leaves out its datatype (which Sparkplug 3.0 recommends: the datatype comes from the birth) and
 * hands back signed Int64 values as unsigned Longs. 64-bit fields become bigint here; metrics.ts
 * interprets them by datatype. Encoding uses sparkplug-payload's encodePayload(). Pure; no I/O.
 */
import protoRoot from 'sparkplug-payload/lib/sparkplugPayloadProto.js';
import { get } from 'sparkplug-payload';

const ProtoPayload = protoRoot.org.eclipse.tahu.protobuf.Payload;
const codec = get('spBv1.0')!;

/** The value of a metric as it travelled: which protobuf field carried it, and its content. */
export type WireValue =
  | { kind: 'int'; value: number } // int_value (uint32)
  | { kind: 'long'; value: bigint } // long_value (uint64, unsigned as sent)
  | { kind: 'float'; value: number }
  | { kind: 'double'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'string'; value: string }
  | { kind: 'other' } // bytes, dataset, template, extension
  | { kind: 'none' };

/** One metric of a payload. */
export interface WireMetric {
  name?: string;
  alias?: number;
  /** Sparkplug datatype code (see DATATYPES in metrics.ts); often absent in DATA messages. */
  datatype?: number;
  /** Epoch ms. */
  timestamp?: number;
  isNull: boolean;
  value: WireValue;
}

/** A decoded payload: timestamp and seq as numbers, metrics in order. */
export interface WirePayload {
  timestamp?: number;
  seq?: number;
  metrics: WireMetric[];
}

/** A uint64 as protobufjs hands it over (Long, or number without the long package) as bigint. */
export function toBigInt(v: unknown): bigint | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : undefined;
  if (typeof v === 'bigint') return v;
  if (typeof v === 'object' && v !== null && 'low' in v && 'high' in v) {
    const { low, high } = v as { low: number; high: number };
    return BigInt.asUintN(64, (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0));
  }
  return undefined;
}

function toNumber(v: unknown): number | undefined {
  const b = toBigInt(v);
  return b === undefined || b > BigInt(Number.MAX_SAFE_INTEGER) ? undefined : Number(b);
}

type RawMetric = Record<string, unknown> & { value?: string };

function wireValue(m: RawMetric): WireValue {
  switch (m.value) {
    case 'intValue': return { kind: 'int', value: Number(m.intValue) >>> 0 };
    case 'longValue': return { kind: 'long', value: toBigInt(m.longValue) ?? 0n };
    case 'floatValue': return { kind: 'float', value: Number(m.floatValue) };
    case 'doubleValue': return { kind: 'double', value: Number(m.doubleValue) };
    case 'booleanValue': return { kind: 'boolean', value: Boolean(m.booleanValue) };
    case 'stringValue': return { kind: 'string', value: String(m.stringValue) };
    case undefined: return { kind: 'none' };
    default: return { kind: 'other' };
  }
}

function has(m: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(m, key);
}

function wireMetric(m: RawMetric): WireMetric {
  const out: WireMetric = { isNull: m.isNull === true, value: wireValue(m) };
  if (has(m, 'name') && typeof m.name === 'string') out.name = m.name;
  if (has(m, 'alias')) out.alias = toNumber(m.alias);
  if (has(m, 'datatype') && typeof m.datatype === 'number') out.datatype = m.datatype;
  if (has(m, 'timestamp')) out.timestamp = toNumber(m.timestamp);
  return out;
}

/** Decode a Sparkplug B payload; throws when the bytes are not one. */
export function decodePayload(bytes: Uint8Array): WirePayload {
  const raw = ProtoPayload.decode(bytes) as unknown as Record<string, unknown>;
  const metrics = Array.isArray(raw.metrics) ? (raw.metrics as RawMetric[]).map(wireMetric) : [];
  const out: WirePayload = { metrics };
  if (has(raw, 'timestamp')) out.timestamp = toNumber(raw.timestamp);
  if (has(raw, 'seq')) out.seq = toNumber(raw.seq);
  return out;
}

/** The NCMD payload that asks an edge node to publish its births again (`Node Control/Rebirth` = true). */
export function encodeRebirthRequest(timestamp: number): Uint8Array {
  return codec.encodePayload({ timestamp, metrics: [{ name: 'Node Control/Rebirth', type: 'Boolean', value: true, timestamp }] });
}

/** The bdSeq metric of a birth or death payload, if it has one. */
export function bdSeqOf(p: WirePayload): bigint | undefined {
  const m = p.metrics.find((x) => x.name === 'bdSeq');
  if (!m) return undefined;
  if (m.value.kind === 'long') return m.value.value;
  if (m.value.kind === 'int') return BigInt(m.value.value);
  return undefined;
}
