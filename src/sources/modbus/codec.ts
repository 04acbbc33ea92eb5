/**
 * Register codecs: Modbus registers (16-bit words) to values and back, for every data type and
 * byte/word order. Pure. Scale and offset are not applied here: the pipeline's normalize stage
 * applies the tag's common `scale`/`offset` to the raw value this returns.
 */
import type { Quality, Value } from '../../core/sample.js';

export const DATA_TYPES = ['bool', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64', 'string'] as const;
export type DataType = (typeof DATA_TYPES)[number];

export type Endian = 'big' | 'little';

/** How a value's bytes sit in its registers. */
export interface Layout {
  /** Bytes inside each register: big = high byte first (the Modbus standard), little = swapped. */
  byteOrder: Endian;
  /** Registers of a multi-register value: big = most significant register first. */
  wordOrder: Endian;
}

/** The common names of the four layouts, for 32-bit values written as bytes ABCD (A most significant). */
export const ORDERS = {
  ABCD: { byteOrder: 'big', wordOrder: 'big' },
  CDAB: { byteOrder: 'big', wordOrder: 'little' },
  BADC: { byteOrder: 'little', wordOrder: 'big' },
  DCBA: { byteOrder: 'little', wordOrder: 'little' },
} as const satisfies Record<string, Layout>;
export type OrderName = keyof typeof ORDERS;

/** What the codec needs to know about a tag. */
export interface CodecSpec extends Layout {
  dataType: DataType;
  /** Bit 0-15 of a register (0 = least significant), for `bool` on holding/input registers. */
  bit?: number;
  /** Length of a `string` in registers (two characters each). */
  length?: number;
  /** 64-bit integers: emit the exact decimal string instead of a number. */
  bigAsString?: boolean;
}

export interface Decoded {
  value: Value;
  quality: Quality;
}

const WIDTH: Record<Exclude<DataType, 'string'>, number> = {
  bool: 1, int16: 1, uint16: 1, int32: 2, uint32: 2, float32: 2, int64: 4, uint64: 4, float64: 4,
};

/** Registers a value of this type occupies (a string: its length). */
export function registerCount(dataType: DataType, length = 1): number {
  return dataType === 'string' ? length : WIDTH[dataType];
}

/** The value's bytes, most significant first, from its registers in their layout. */
export function registersToBytes(registers: readonly number[], layout: Layout): Buffer {
  const words = layout.wordOrder === 'little' ? [...registers].reverse() : registers;
  const buf = Buffer.alloc(words.length * 2);
  words.forEach((w, i) => (layout.byteOrder === 'big' ? buf.writeUInt16BE(w & 0xffff, i * 2) : buf.writeUInt16LE(w & 0xffff, i * 2)));
  return buf;
}

/** The registers, in their layout, that carry these bytes (most significant first). */
export function bytesToRegisters(bytes: Buffer, layout: Layout): number[] {
  const words: number[] = [];
  for (let i = 0; i + 1 < bytes.length; i += 2) words.push(layout.byteOrder === 'big' ? bytes.readUInt16BE(i) : bytes.readUInt16LE(i));
  return layout.wordOrder === 'little' ? words.reverse() : words;
}

/** The shortest decimal that reads back as the same float32 (123.456, not 123.45600128173828). */
export function shortestFloat32(f: number): number {
  if (!Number.isFinite(f) || f === 0) return f;
  for (let p = 6; p < 9; p++) {
    const candidate = Number(f.toPrecision(p));
    if (Math.fround(candidate) === f) return candidate;
  }
  return Number(f.toPrecision(9));
}

function good(value: Value): Decoded {
  return { value, quality: 'good' };
}

/** A float that is NaN or infinite has no value to store: 0 with quality bad. */
function float(f: number): Decoded {
  return Number.isFinite(f) ? good(f) : { value: 0, quality: 'bad' };
}

/** A 64-bit integer as a number (uncertain when beyond 2^53, where doubles lose digits) or its exact string. */
function big(b: bigint, asString: boolean): Decoded {
  if (asString) return good(b.toString());
  const exact = b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER);
  return { value: Number(b), quality: exact ? 'good' : 'uncertain' };
}

/** Text of a string register block: latin1, ending at the first NUL. */
function text(bytes: Buffer): string {
  const nul = bytes.indexOf(0);
  return bytes.toString('latin1', 0, nul === -1 ? bytes.length : nul);
}

/** Decode a tag's registers (exactly registerCount of them) into its raw value. */
export function decodeRegisters(registers: readonly number[], spec: CodecSpec): Decoded {
  if (spec.dataType === 'string') return good(text(registersToBytes(registers, { byteOrder: spec.byteOrder, wordOrder: 'big' })));
  const b = registersToBytes(registers.slice(0, WIDTH[spec.dataType]), spec);
  switch (spec.dataType) {
    case 'bool':
      return good(spec.bit === undefined ? b.readUInt16BE(0) !== 0 : ((b.readUInt16BE(0) >> spec.bit) & 1) === 1);
    case 'int16': return good(b.readInt16BE(0));
    case 'uint16': return good(b.readUInt16BE(0));
    case 'int32': return good(b.readInt32BE(0));
    case 'uint32': return good(b.readUInt32BE(0));
    case 'float32': return float(shortestFloat32(b.readFloatBE(0)));
    case 'int64': return big(b.readBigInt64BE(0), spec.bigAsString === true);
    case 'uint64': return big(b.readBigUInt64BE(0), spec.bigAsString === true);
    case 'float64': return float(b.readDoubleBE(0));
  }
}

export type Encoded = { ok: true; registers: number[] } | { ok: false; problem: string };

const INT_RANGE = {
  int16: [-0x8000, 0x7fff], uint16: [0, 0xffff], int32: [-0x80000000, 0x7fffffff], uint32: [0, 0xffffffff],
} as const;
const BIG_RANGE = { int64: [-(2n ** 63n), 2n ** 63n - 1n], uint64: [0n, 2n ** 64n - 1n] } as const;

/** A value as a number: numbers, booleans (1/0) and numeric text. */
export function toNumber(value: Value): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const n = value.trim() === '' ? Number.NaN : Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** A value as a boolean: booleans, 0/1 and true/false/on/off text. */
export function toBoolean(value: Value): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 0 ? false : value === 1 ? true : undefined;
  if (/^(true|1|on)$/i.test(value.trim())) return true;
  if (/^(false|0|off)$/i.test(value.trim())) return false;
  return undefined;
}

function fail(problem: string): Encoded {
  return { ok: false, problem };
}

function bytes(buf: Buffer, spec: CodecSpec): Encoded {
  return { ok: true, registers: bytesToRegisters(buf, spec) };
}

/** A 64-bit integer from a safe integer or exact decimal text. */
function toBigInt(value: Value): bigint | undefined {
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return BigInt(value.trim());
  const n = toNumber(value);
  return n !== undefined && Number.isSafeInteger(n) ? BigInt(n) : undefined;
}

function encodeBig(value: Value, spec: CodecSpec & { dataType: 'int64' | 'uint64' }): Encoded {
  const b = toBigInt(value);
  const [min, max] = BIG_RANGE[spec.dataType];
  if (b === undefined) return fail(`${JSON.stringify(value)} is not a whole number (give values beyond 2^53 as text)`);
  if (b < min || b > max) return fail(`${b} is outside the range of ${spec.dataType} (${min} to ${max})`);
  const buf = Buffer.alloc(8);
  if (spec.dataType === 'int64') buf.writeBigInt64BE(b);
  else buf.writeBigUInt64BE(b);
  return bytes(buf, spec);
}

function encodeString(value: Value, spec: CodecSpec): Encoded {
  const s = String(value);
  const length = spec.length ?? 1;
  if ([...s].some((c) => c.charCodeAt(0) > 0xff)) return fail('the text has characters outside Latin-1, which the device cannot store');
  if (s.length > length * 2) return fail(`the text has ${s.length} characters but the tag holds at most ${length * 2}`);
  const buf = Buffer.alloc(length * 2);
  buf.write(s, 'latin1');
  return { ok: true, registers: bytesToRegisters(buf, { byteOrder: spec.byteOrder, wordOrder: 'big' }) };
}

function encodeNumber(n: number, spec: CodecSpec): Encoded {
  const buf = Buffer.alloc(registerCount(spec.dataType) * 2);
  switch (spec.dataType) {
    case 'float32':
      if (!Number.isFinite(Math.fround(n))) return fail(`${n} is outside the range of float32`);
      buf.writeFloatBE(n);
      return bytes(buf, spec);
    case 'float64':
      buf.writeDoubleBE(n);
      return bytes(buf, spec);
    case 'int16': case 'uint16': case 'int32': case 'uint32': {
      const [min, max] = INT_RANGE[spec.dataType];
      if (!Number.isInteger(n)) return fail(`${n} is not a whole number, which ${spec.dataType} needs`);
      if (n < min || n > max) return fail(`${n} is outside the range of ${spec.dataType} (${min} to ${max})`);
      if (buf.length === 2) buf.writeUInt16BE(n & 0xffff);
      else buf.writeUInt32BE(n >>> 0);
      return bytes(buf, spec);
    }
    default:
      return fail(`${spec.dataType} is not a numeric type`);
  }
}

/** Encode a value into the registers of a tag. A `bool` with a `bit` is written by mask, not here. */
export function encodeValue(value: Value, spec: CodecSpec): Encoded {
  switch (spec.dataType) {
    case 'string':
      return encodeString(value, spec);
    case 'int64': case 'uint64':
      return encodeBig(value, { ...spec, dataType: spec.dataType });
    case 'bool': {
      if (spec.bit !== undefined) return fail('a single bit of a register is written with a mask write, not as a register');
      const b = toBoolean(value);
      return b === undefined ? fail(`${JSON.stringify(value)} is not true or false`) : encodeNumber(b ? 1 : 0, { ...spec, dataType: 'uint16' });
    }
    default: {
      const n = toNumber(value);
      return n === undefined ? fail(`${JSON.stringify(value)} is not a number`) : encodeNumber(n, spec);
    }
  }
}
