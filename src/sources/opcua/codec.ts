/**
 * OPC UA values to samples and back: DataValue → Sample (quality from the status code's severity,
 * timestamp by choice), and a hub value → the Variant of a node's built-in data type for writes.
 * Pure: no I/O, the clock is passed in.
 */
import { DataType, VariantArrayType } from 'node-opcua';
import type { Quality, Sample, Value } from '../../core/sample.js';
import { coerceValue } from '../../core/sample.js';

/** The parts of a node-opcua DataValue the codec reads. */
export interface DataValueLike {
  value?: VariantLike | null;
  statusCode?: { value: number } | null;
  sourceTimestamp?: Date | null;
  serverTimestamp?: Date | null;
}

/** The parts of a node-opcua Variant the codec reads. */
export interface VariantLike {
  dataType: DataType;
  arrayType?: VariantArrayType;
  value: unknown;
}

/** Which timestamp a sample carries: the device's (source) or the server's; the other is the fallback. */
export type TimestampChoice = 'source' | 'server';

/** Quality from an OPC UA StatusCode: its two severity bits (00 good, 01 uncertain, 10/11 bad). */
export function qualityOf(statusCode: number): Quality {
  const severity = statusCode >>> 30;
  if (severity === 0) return 'good';
  return severity === 1 ? 'uncertain' : 'bad';
}

/** Epoch ms of a Date, or undefined when it is missing or the OPC UA null time (1601). */
function epochOf(d: Date | null | undefined): number | undefined {
  if (!(d instanceof Date)) return undefined;
  const ms = d.getTime();
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

/** The timestamp of a DataValue: the chosen one, else the other, else `now`. */
export function timestampOf(dv: DataValueLike, choice: TimestampChoice, now: number): number {
  const source = epochOf(dv.sourceTimestamp);
  const server = epochOf(dv.serverTimestamp);
  return (choice === 'source' ? source ?? server : server ?? source) ?? now;
}

/** A 64-bit integer as node-opcua carries it ([high, low] unsigned words) → number (exact up to 2^53). */
export function int64ToNumber(parts: unknown, signed: boolean): number | undefined {
  if (typeof parts === 'number' || typeof parts === 'bigint') return Number(parts);
  if (!Array.isArray(parts) || parts.length !== 2) return undefined;
  const [high, low] = parts as [number, number];
  const raw = (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);
  return Number(signed ? BigInt.asIntN(64, raw) : BigInt.asUintN(64, raw));
}

/** A number → node-opcua's [high, low] form of a 64-bit integer, or undefined when out of range. */
export function numberToInt64(value: bigint, signed: boolean): [number, number] | undefined {
  const min = signed ? -(2n ** 63n) : 0n;
  const max = signed ? 2n ** 63n - 1n : 2n ** 64n - 1n;
  if (value < min || value > max) return undefined;
  const u = BigInt.asUintN(64, value);
  return [Number(u >> 32n), Number(u & 0xffffffffn)];
}

/** One scalar of a Variant as a hub value; undefined when it has none (Null, unreadable). */
function scalarOf(dataType: DataType, v: unknown): Value | undefined {
  if (v === null || v === undefined) return undefined;
  switch (dataType) {
    case DataType.Boolean:
      return Boolean(v);
    case DataType.Int64:
    case DataType.UInt64:
      return int64ToNumber(v, dataType === DataType.Int64);
    case DataType.DateTime:
      return epochOf(v as Date);
    case DataType.StatusCode:
      return typeof v === 'object' && 'value' in v ? Number((v as { value: number }).value) : Number(v);
    case DataType.ByteString:
      return Buffer.isBuffer(v) ? v.toString('base64') : undefined;
    case DataType.LocalizedText:
      return (v as { text?: string | null }).text ?? '';
    case DataType.Null:
      return undefined;
    default:
      if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
      return structuredText(v);
  }
}

/** A structure (ExtensionObject, NodeId, QualifiedName, Guid, ...) as text. */
function structuredText(v: unknown): string {
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function' && typeof (v as { toString?: unknown }).toString === 'function') {
    const s = String(v);
    if (s !== '[object Object]' && !s.includes('\n')) return s;
  }
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** A Variant as a hub value: scalars as they are, arrays and matrices as JSON text; undefined when empty. */
export function valueOf(variant: VariantLike | null | undefined): Value | undefined {
  if (!variant) return undefined;
  const arrayType = variant.arrayType ?? VariantArrayType.Scalar;
  if (arrayType === VariantArrayType.Scalar) return scalarOf(variant.dataType, variant.value);
  const items = variant.value as ArrayLike<unknown> | null | undefined;
  if (!items) return undefined;
  return JSON.stringify(Array.from(items, (x) => scalarOf(variant.dataType, x) ?? null));
}

/** True for a 64-bit integer beyond 2^53, which a number carries only rounded. */
function rounded64(variant: VariantLike | null | undefined, value: Value | undefined): boolean {
  const is64 = variant?.dataType === DataType.Int64 || variant?.dataType === DataType.UInt64;
  return is64 && typeof value === 'number' && !Number.isSafeInteger(value);
}

/**
 * A DataValue as a sample. Quality follows the status code (kept in `statusCode`); a value the hub
 * cannot represent (Null, or no value beside a Bad status) is sent as 0 with quality bad, and a
 * 64-bit integer beyond 2^53 (rounded as a number) as uncertain at best.
 */
export function sampleOf(dv: DataValueLike, opts: { path: string; timestamps: TimestampChoice; now: number }): Sample {
  const statusCode = dv.statusCode?.value ?? 0;
  const value = valueOf(dv.value);
  let quality: Quality = value === undefined ? 'bad' : qualityOf(statusCode);
  if (quality === 'good' && rounded64(dv.value, value)) quality = 'uncertain';
  return { path: opts.path, value: value ?? 0, ts: timestampOf(dv, opts.timestamps, opts.now), quality, statusCode };
}

const INT_RANGES: Partial<Record<DataType, [number, number]>> = {
  [DataType.SByte]: [-128, 127],
  [DataType.Byte]: [0, 255],
  [DataType.Int16]: [-32768, 32767],
  [DataType.UInt16]: [0, 65535],
  [DataType.Int32]: [-2147483648, 2147483647],
  [DataType.UInt32]: [0, 4294967295],
};
const FLOAT_MAX = 3.4028234663852886e38;

/** The name of a built-in data type, e.g. `Double`. */
export function dataTypeName(dt: DataType): string {
  return DataType[dt] ?? `DataType ${dt}`;
}

/** A hub value as the Variant content of a node of built-in type `dt`, or the problem why it does not fit. */
export function toVariant(value: Value, dt: DataType): { dataType: DataType; value: unknown } | { problem: string } {
  const name = dataTypeName(dt);
  const bad = (why: string) => ({ problem: `${JSON.stringify(value)} ${why}` });
  if (dt === DataType.Boolean) {
    const b = coerceValue(value, 'boolean');
    return b === undefined ? bad('is not a Boolean') : { dataType: dt, value: b };
  }
  if (dt === DataType.String) return { dataType: dt, value: String(value) };
  if (dt === DataType.DateTime) {
    const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : NaN;
    return Number.isFinite(ms) ? { dataType: dt, value: new Date(ms) } : bad('is not a time (epoch ms or ISO 8601)');
  }
  if (dt === DataType.Int64 || dt === DataType.UInt64) {
    const text = typeof value === 'boolean' ? (value ? '1' : '0') : String(value).trim();
    if (!/^-?\d+$/.test(text) || (typeof value === 'number' && !Number.isSafeInteger(value))) return bad(`is not a whole number for ${name}`);
    const parts = numberToInt64(BigInt(text), dt === DataType.Int64);
    return parts ? { dataType: dt, value: parts } : bad(`is outside the range of ${name}`);
  }
  const n = coerceValue(value, 'number');
  if (typeof n !== 'number') return bad(`is not a number for ${name}`);
  if (dt === DataType.Double) return { dataType: dt, value: n };
  if (dt === DataType.Float) return Math.abs(n) <= FLOAT_MAX ? { dataType: dt, value: n } : bad('is outside the range of Float');
  const range = INT_RANGES[dt];
  if (!range) return { problem: `the hub cannot write to nodes of data type ${name}` };
  if (!Number.isInteger(n)) return bad(`is not a whole number for ${name}`);
  if (n < range[0] || n > range[1]) return bad(`is outside the range of ${name} (${range[0]} to ${range[1]})`);
  return { dataType: dt, value: n };
}
