import { describe, expect, it } from 'vitest';
import type { Row } from '../shared/encoding.js';
import { COPY_HEADER, COPY_TRAILER, encodeRows } from './copy-binary.js';

const hex = (b: Buffer) => b.toString('hex').replace(/(..)/g, '$1 ').trim();

/** Field count 6; tag_id 7 (length 4); ts 1000 (length 8); quality as given (length 2). */
const PREFIX = (quality: string) => `00 06 00 00 00 04 00 00 00 07 00 00 00 08 00 00 00 00 00 00 03 e8 00 00 00 02 00 ${quality}`;
const NULL = 'ff ff ff ff';

describe('binary COPY encoding', () => {
  it('starts with the signature, zero flags and no header extension, and ends with -1', () => {
    expect(hex(COPY_HEADER)).toBe('50 47 43 4f 50 59 0a ff 0d 0a 00 00 00 00 00 00 00 00 00');
    expect(hex(COPY_TRAILER)).toBe('ff ff');
  });

  it.each<[string, Row, string]>([
    // 1.5 as an IEEE 754 double is 3f f8 00 00 00 00 00 00; v_str and v_bool are NULL.
    ['a number', { tagId: 7, path: 'p', ts: 1000, quality: 0, value: 1.5 }, `${PREFIX('00')} 00 00 00 08 3f f8 00 00 00 00 00 00 ${NULL} ${NULL}`],
    // "é" is two UTF-8 bytes c3 a9 after "a": length 3.
    ['a string', { tagId: 7, path: 'p', ts: 1000, quality: 1, value: 'aé' }, `${PREFIX('01')} ${NULL} 00 00 00 03 61 c3 a9 ${NULL}`],
    ['an empty string', { tagId: 7, path: 'p', ts: 1000, quality: 2, value: '' }, `${PREFIX('02')} ${NULL} 00 00 00 00 ${NULL}`],
    ['true', { tagId: 7, path: 'p', ts: 1000, quality: 0, value: true }, `${PREFIX('00')} ${NULL} ${NULL} 00 00 00 01 01`],
    ['false', { tagId: 7, path: 'p', ts: 1000, quality: 0, value: false }, `${PREFIX('00')} ${NULL} ${NULL} 00 00 00 01 00`],
  ])('encodes %s', (_name, row, expected) => {
    expect(hex(encodeRows([row]))).toBe(expected);
  });

  it('encodes negative times and several rows back to back', () => {
    const rows: Row[] = [
      { tagId: 1, path: 'p', ts: -1, quality: 0, value: 0 },
      { tagId: 2, path: 'p', ts: 2, quality: 0, value: -0.5 },
    ];
    const buf = encodeRows(rows);
    expect(buf.readBigInt64BE(2 + 8 + 4)).toBe(-1n);
    // Each numeric row: 2 + 8 + 12 + 6 + 12 + 4 + 4 = 48 bytes.
    expect(buf.length).toBe(96);
    expect(buf.readDoubleBE(48 + 2 + 8 + 12 + 6 + 4)).toBe(-0.5);
  });
});
