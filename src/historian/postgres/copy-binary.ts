/**
 * The PostgreSQL binary COPY format for samples rows, written by hand (no dependency): an 11-byte
 * signature, flags and header-extension length, then per row a field count and per field a byte
 * length (-1 for NULL) and the value in network byte order, then a -1 trailer.
 * https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4
 */
import type { Row } from '../shared/encoding.js';

/** `PGCOPY\n\377\r\n\0`, flags 0, header extension length 0. */
export const COPY_HEADER = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
/** The field count -1 that ends the data. */
export const COPY_TRAILER = Buffer.from([0xff, 0xff]);

/** The column list the encoded rows fill, in order. */
export const COPY_COLUMNS = '(tag_id, ts, quality, v_num, v_str, v_bool)';

const FIELDS = 6;
// Field count, then tag_id int4, ts int8, quality int2 (each with its length word), then the value columns.
const FIXED_BYTES = 2 + (4 + 4) + (4 + 8) + (4 + 2);

function rowBytes(r: Row, text: Buffer | undefined): number {
  const v = r.value;
  if (typeof v === 'number') return FIXED_BYTES + (4 + 8) + 4 + 4;
  if (typeof v === 'boolean') return FIXED_BYTES + 4 + 4 + (4 + 1);
  return FIXED_BYTES + 4 + (4 + text!.length) + 4;
}

/** Encode rows as binary COPY tuples (without header or trailer). */
export function encodeRows(rows: readonly Row[]): Buffer {
  const texts = rows.map((r) => (typeof r.value === 'string' ? Buffer.from(r.value, 'utf8') : undefined));
  let size = 0;
  for (let i = 0; i < rows.length; i++) size += rowBytes(rows[i]!, texts[i]);
  const buf = Buffer.allocUnsafe(size);
  let o = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    o = buf.writeInt16BE(FIELDS, o);
    o = buf.writeInt32BE(4, o);
    o = buf.writeInt32BE(r.tagId, o);
    o = buf.writeInt32BE(8, o);
    o = buf.writeBigInt64BE(BigInt(r.ts), o);
    o = buf.writeInt32BE(2, o);
    o = buf.writeInt16BE(r.quality, o);
    const v = r.value;
    if (typeof v === 'number') {
      o = buf.writeInt32BE(8, o);
      o = buf.writeDoubleBE(v, o);
    } else {
      o = buf.writeInt32BE(-1, o);
    }
    const text = texts[i];
    if (text !== undefined) {
      o = buf.writeInt32BE(text.length, o);
      o += text.copy(buf, o);
    } else {
      o = buf.writeInt32BE(-1, o);
    }
    if (typeof v === 'boolean') {
      o = buf.writeInt32BE(1, o);
      o = buf.writeUInt8(v ? 1 : 0, o);
    } else {
      o = buf.writeInt32BE(-1, o);
    }
  }
  return buf;
}
