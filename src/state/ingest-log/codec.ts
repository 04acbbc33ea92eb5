/**
 * The body of an ingest-log record: a batch of samples in a compact binary form, about three times
 * faster to write than JSON and smaller. Pure: no I/O.
 *
 *   u8 format (1) | u32 count | per sample:
 *     u16 path bytes | path (UTF-8) | f64 ts | u8 quality | u8 value kind | value | u8 extras
 *   value kinds: 0 number (f64), 1 false, 2 true, 3 string (u32 bytes, UTF-8)
 *   extras: 0 none, 1 u32 bytes + JSON of the sample's other fields (statusCode, qualityReason, …)
 */
import type { Quality, Sample } from '../../core/sample.js';

const FORMAT = 1;
const QUALITY: Record<Quality, number> = { good: 0, uncertain: 1, bad: 2 };
const QUALITIES: readonly Quality[] = ['good', 'uncertain', 'bad'];
/** The UTF-8 bytes of paths seen lately: a plant sends the same paths over and over. Bounded. */
const PATHS = new Map<string, Buffer>();
const MAX_CACHED_PATHS = 100_000;

function pathBytes(path: string): Buffer {
  let b = PATHS.get(path);
  if (b === undefined) {
    if (PATHS.size >= MAX_CACHED_PATHS) PATHS.clear();
    b = Buffer.from(path, 'utf8');
    PATHS.set(path, b);
  }
  return b;
}

/** The sample's fields beyond path, value, ts and quality, as JSON; undefined when there are none. */
function extrasOf(s: Sample): string | undefined {
  let extra: Record<string, unknown> | undefined;
  for (const k in s) {
    if (k === 'path' || k === 'value' || k === 'ts' || k === 'quality') continue;
    const v = (s as unknown as Record<string, unknown>)[k];
    if (v === undefined) continue;
    (extra ??= {})[k] = v;
  }
  return extra ? JSON.stringify(extra) : undefined;
}

/** Encode a batch. */
export function encodeBody(samples: readonly Sample[]): Buffer {
  const extras: Array<string | undefined> = new Array(samples.length);
  let size = 5;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    const x = extrasOf(s);
    extras[i] = x;
    size += 2 + 3 * s.path.length + 8 + 1 + 1 + 8 + 1;
    if (typeof s.value === 'string') size += 4 + 3 * s.value.length;
    if (x !== undefined) size += 4 + 3 * x.length;
  }
  const buf = Buffer.allocUnsafe(size);
  buf[0] = FORMAT;
  buf.writeUInt32LE(samples.length, 1);
  let o = 5;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    const p = pathBytes(s.path);
    buf.writeUInt16LE(p.length, o);
    p.copy(buf, o + 2);
    o += 2 + p.length;
    buf.writeDoubleLE(s.ts, o);
    o += 8;
    buf[o++] = QUALITY[s.quality] ?? 2;
    const v = s.value;
    if (typeof v === 'number') {
      buf[o++] = 0;
      buf.writeDoubleLE(v, o);
      o += 8;
    } else if (typeof v === 'boolean') {
      buf[o++] = v ? 2 : 1;
    } else {
      buf[o++] = 3;
      const m = buf.write(String(v), o + 4, 'utf8');
      buf.writeUInt32LE(m, o);
      o += 4 + m;
    }
    const x = extras[i];
    if (x === undefined) buf[o++] = 0;
    else {
      buf[o++] = 1;
      const m = buf.write(x, o + 4, 'utf8');
      buf.writeUInt32LE(m, o);
      o += 4 + m;
    }
  }
  return buf.subarray(0, o);
}

/** Decode a batch written by encodeBody (throws on a body it cannot read). */
export function decodeSamples(buf: Buffer, start: number, end: number): Sample[] {
  if (buf[start] !== FORMAT) throw new Error(`unknown record format ${String(buf[start])}`);
  const count = buf.readUInt32LE(start + 1);
  const out: Sample[] = new Array(count);
  let o = start + 5;
  for (let i = 0; i < count; i++) {
    const n = buf.readUInt16LE(o);
    const path = buf.toString('utf8', o + 2, o + 2 + n);
    o += 2 + n;
    const ts = buf.readDoubleLE(o);
    o += 8;
    const quality = QUALITIES[buf[o++]!] ?? 'bad';
    const kind = buf[o++];
    let value: Sample['value'];
    if (kind === 0) {
      value = buf.readDoubleLE(o);
      o += 8;
    } else if (kind === 1 || kind === 2) {
      value = kind === 2;
    } else {
      const m = buf.readUInt32LE(o);
      value = buf.toString('utf8', o + 4, o + 4 + m);
      o += 4 + m;
    }
    const sample: Sample = { path, value, ts, quality };
    if (buf[o++] === 1) {
      const m = buf.readUInt32LE(o);
      Object.assign(sample, JSON.parse(buf.toString('utf8', o + 4, o + 4 + m)) as object);
      o += 4 + m;
    }
    out[i] = sample;
  }
  if (o > end) throw new Error('the record body ends before its samples do');
  return out;
}
