/**
 * Sparkplug metrics as samples: datatype conversion and raw paths. Pure; no I/O.
 *
 * Paths are `<source-id>/<group>/<edge-node>[/<device>]/<metric path>`; the metric name is split
 * on "/" and each segment sanitized to [A-Za-z0-9_-]. A path deeper than 16 segments keeps its
 * first 15 and folds the rest into one segment ending in a hash; so does a segment longer than 64.
 */
import { MAX_PATH_DEPTH, MAX_PATH_LENGTH, MAX_SEGMENT_LENGTH } from '../../core/path.js';
import type { Value } from '../../core/sample.js';
import type { WireValue } from './payload.js';

/** Sparkplug B datatype codes (Sparkplug 3.0, section 6.4.16). */
export const DATATYPES = {
  Int8: 1, Int16: 2, Int32: 3, Int64: 4, UInt8: 5, UInt16: 6, UInt32: 7, UInt64: 8,
  Float: 9, Double: 10, Boolean: 11, String: 12, DateTime: 13, Text: 14, UUID: 15,
  DataSet: 16, Bytes: 17, File: 18, Template: 19, PropertySet: 20, PropertySetList: 21,
} as const;
export type DatatypeName = keyof typeof DATATYPES;

/** Width and signedness of the integer datatypes. */
const INTEGERS: ReadonlyMap<number, { bits: number; signed: boolean }> = new Map([
  [1, { bits: 8, signed: true }], [2, { bits: 16, signed: true }], [3, { bits: 32, signed: true }], [4, { bits: 64, signed: true }],
  [5, { bits: 8, signed: false }], [6, { bits: 16, signed: false }], [7, { bits: 32, signed: false }], [8, { bits: 64, signed: false }],
]);

/** A converted value, or why there is none. */
export type Converted =
  | { ok: true; value: Value }
  | { ok: false; reason: 'unsupported' | 'mismatch' | 'not-finite' };

/** The name of a datatype code, for logs. */
export function datatypeName(code: number): string {
  return Object.entries(DATATYPES).find(([, c]) => c === code)?.[0] ?? `datatype ${code}`;
}

/** A bigint as a number when it is exactly representable, else as its decimal string. */
export function safeNumber(v: bigint): number | string {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
}

function integerOf(wire: WireValue): bigint | undefined {
  if (wire.kind === 'int') return BigInt(wire.value);
  if (wire.kind === 'long') return wire.value;
  if ((wire.kind === 'float' || wire.kind === 'double') && Number.isInteger(wire.value)) return BigInt(wire.value);
  return undefined;
}

function numberOf(wire: WireValue): Converted {
  if (wire.kind === 'float' || wire.kind === 'double' || wire.kind === 'int') {
    return Number.isFinite(wire.value) ? { ok: true, value: wire.value } : { ok: false, reason: 'not-finite' };
  }
  if (wire.kind === 'long') return { ok: true, value: Number(BigInt.asIntN(64, wire.value)) };
  return { ok: false, reason: 'mismatch' };
}

/**
 * Convert a metric value by its datatype: integers to numbers (Int64/UInt64 outside ±2^53 to a
 * decimal string), Float/Double to numbers, Boolean, String/Text/UUID to strings, DateTime to epoch
 * ms. DataSet, Bytes, File, Template, property sets and arrays are unsupported.
 */
export function convertValue(datatype: number, wire: WireValue): Converted {
  const int = INTEGERS.get(datatype);
  if (int) {
    const raw = integerOf(wire);
    if (raw === undefined) return { ok: false, reason: 'mismatch' };
    const v = int.signed ? BigInt.asIntN(int.bits, raw) : BigInt.asUintN(int.bits, raw);
    return { ok: true, value: safeNumber(v) };
  }
  switch (datatype) {
    case DATATYPES.Float:
    case DATATYPES.Double:
      return numberOf(wire);
    case DATATYPES.Boolean:
      return wire.kind === 'boolean' ? { ok: true, value: wire.value } : { ok: false, reason: 'mismatch' };
    case DATATYPES.String:
    case DATATYPES.Text:
    case DATATYPES.UUID:
      return wire.kind === 'string' ? { ok: true, value: wire.value } : { ok: false, reason: 'mismatch' };
    case DATATYPES.DateTime: {
      const raw = integerOf(wire);
      return raw === undefined ? { ok: false, reason: 'mismatch' } : { ok: true, value: safeNumber(BigInt.asUintN(64, raw)) };
    }
    default:
      return { ok: false, reason: 'unsupported' };
  }
}

/** FNV-1a, 32 bits, as 8 hex digits: a short deterministic fingerprint for folded path parts. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** One path segment from any text: runs of other characters become "_", no leading or trailing "_". */
export function sanitizeSegment(text: string): string {
  const s = text.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/_+/g, '_');
  const trimmed = s.replace(/^_+|_+$/g, '');
  return trimmed === '' ? (s === '' ? '_' : s) : trimmed;
}

/** The segments of a metric name: split on "/", empty parts dropped, each sanitized. */
export function metricSegments(name: string): string[] {
  const parts = name.split('/').filter((p) => p.trim() !== '').map(sanitizeSegment);
  return parts.length > 0 ? parts : ['_'];
}

/** `text` cut to fit one segment, with a fingerprint of `original` so different originals stay apart. */
function folded(text: string, original: string): string {
  const tail = `_${fingerprint(original)}`;
  return `${text.slice(0, MAX_SEGMENT_LENGTH - tail.length)}${tail}`;
}

/**
 * Join a fixed head (source, group, node, device) and metric segments into a valid path: long
 * segments are shortened, and anything beyond the depth or length limit folds into a last segment.
 */
export function limitPath(head: readonly string[], metric: readonly string[]): string {
  const fit = (s: string) => (s.length > MAX_SEGMENT_LENGTH ? folded(s, s) : s);
  const h = head.map(fit);
  let m = metric.map(fit);
  const room = MAX_PATH_DEPTH - h.length;
  if (m.length > room) {
    const rest = m.slice(room - 1);
    m = [...m.slice(0, room - 1), folded(rest.join('_'), rest.join('/'))];
  }
  let path = [...h, ...m].join('/');
  if (path.length > MAX_PATH_LENGTH) {
    path = [...h, folded(m.join('_'), m.join('/'))].join('/');
  }
  return path;
}

/** Where a metric comes from: its edge node, device (if any) and Sparkplug name. */
export interface MetricRef {
  group: string;
  node: string;
  device?: string;
  name: string;
}

/** How a tag of the config renames a metric: `{ id, metric: 'group/node[/device]/metric name' }`. */
export function refKey(ref: MetricRef): string {
  return ref.device === undefined ? `${ref.group}/${ref.node}/${ref.name}` : `${ref.group}/${ref.node}/${ref.device}/${ref.name}`;
}

/** Builds raw paths for a source: a renamed metric is `<source-id>/<tag-id>`, the others as above. */
export function pathNamer(sourceId: string, renames: ReadonlyMap<string, string>): (ref: MetricRef) => string {
  return function pathOf(ref: MetricRef): string {
    const tagId = renames.get(refKey(ref));
    if (tagId !== undefined) return `${sourceId}/${tagId}`;
    const head = [sourceId, sanitizeSegment(ref.group), sanitizeSegment(ref.node)];
    if (ref.device !== undefined) head.push(sanitizeSegment(ref.device));
    return limitPath(head, metricSegments(ref.name));
  };
}

/** Metrics that steer the edge node rather than measure anything; they are tracked, not emitted. */
export function isControlMetric(name: string): boolean {
  return name === 'bdSeq' || name.startsWith('Node Control/') || name.startsWith('Device Control/');
}
