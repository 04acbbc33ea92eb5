/**
 * One record of the ingest log on disk: a header and a body holding one batch of samples.
 *
 *   u32 body length | u32 CRC-32 of everything after it | f64 seq | f64 appended at | u32 samples | body
 *
 * The body is a batch in the binary form of codec.ts. The CRC covers seq, time, count and body, so a torn or overwritten record is found at start-up
 * and the log is cut there. Pure: no I/O.
 */
import { crc32 } from 'node:zlib';
import type { Sample } from '../../core/sample.js';
import { decodeSamples } from './codec.js';

export const HEADER_BYTES = 28;
/** A body larger than this is treated as corruption when scanning (batches are far smaller). */
export const MAX_BODY_BYTES = 256 * 1024 * 1024;

export { encodeBody } from './codec.js';

/** The header of one record; it is written followed by `body` (no copy of the body is made). */
export function encodeHeader(seq: number, at: number, count: number, body: Buffer): Buffer {
  const out = Buffer.allocUnsafe(HEADER_BYTES);
  out.writeUInt32LE(body.length, 0);
  out.writeDoubleLE(seq, 8);
  out.writeDoubleLE(at, 16);
  out.writeUInt32LE(count, 24);
  out.writeUInt32LE(crc32(body, crc32(out.subarray(8))), 4);
  return out;
}

/** What a scan learns of one record without parsing its body. */
export interface RecordHead {
  seq: number;
  at: number;
  count: number;
  /** Header plus body, bytes. */
  size: number;
}

/**
 * Read the record starting at `offset` of `buf`: its head, 'short' when `buf` ends before the
 * record does, or 'corrupt' when the length is impossible or the CRC does not match.
 */
export function readHead(buf: Buffer, offset: number): RecordHead | 'short' | 'corrupt' {
  if (buf.length - offset < HEADER_BYTES) return 'short';
  const len = buf.readUInt32LE(offset);
  if (len > MAX_BODY_BYTES) return 'corrupt';
  const size = HEADER_BYTES + len;
  if (buf.length - offset < size) return 'short';
  if (crc32(buf.subarray(offset + 8, offset + size)) !== buf.readUInt32LE(offset + 4)) return 'corrupt';
  return { seq: buf.readDoubleLE(offset + 8), at: buf.readDoubleLE(offset + 16), count: buf.readUInt32LE(offset + 24), size };
}

/** The samples of the record at `offset` (its head already checked). */
export function decodeBody(buf: Buffer, offset: number, head: RecordHead): Sample[] {
  return decodeSamples(buf, offset + HEADER_BYTES, offset + head.size);
}
