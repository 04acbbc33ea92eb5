import { describe, expect, it } from 'vitest';
import { csvField, csvHeader, csvValue, isoTime, longLines, WideRows } from './csv.js';

describe('CSV fields (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    ['', ''],
    [' spaced ', ' spaced '],
  ])('%j is written %j', (text, expected) => {
    expect(csvField(text)).toBe(expected);
  });

  it.each([
    [21.5, '21.5'],
    [0.1 + 0.2, '0.30000000000000004'],
    [-0, '0'],
    [1e21, '1e+21'],
    [true, 'true'],
    [false, 'false'],
    ['Bottle jam, infeed', '"Bottle jam, infeed"'],
    [null, ''],
  ])('value %j is written %j', (value, expected) => {
    expect(csvValue(value)).toBe(expected);
  });

  it('writes times as ISO 8601 UTC with milliseconds', () => {
    expect(isoTime(Date.UTC(2026, 2, 8, 10, 0, 0, 5))).toBe('2026-03-08T10:00:00.005Z');
    expect(isoTime(9e15)).toBe('9000000000000000');
  });
});

describe('CSV layouts', () => {
  const t0 = Date.UTC(2026, 0, 1);
  const rows = [
    { ts: t0, path: 'a/x', value: 1.5, quality: 'good' as const },
    { ts: t0, path: 'a/y', value: 'on, "auto"', quality: 'uncertain' as const },
    { ts: t0 + 1000, path: 'a/x', value: 2, quality: 'bad' as const },
    { ts: t0 + 1000, path: 'a/y', value: true, quality: 'good' as const },
  ];

  it('long raw: one line per sample with its quality, CRLF line ends', () => {
    expect(csvHeader('raw', false, ['a/x'])).toBe('time,path,value,quality\r\n');
    expect(longLines('raw', rows)).toBe([
      '2026-01-01T00:00:00.000Z,a/x,1.5,good',
      '2026-01-01T00:00:00.000Z,a/y,"on, ""auto""",uncertain',
      '2026-01-01T00:00:01.000Z,a/x,2,bad',
      '2026-01-01T00:00:01.000Z,a/y,true,good',
    ].join('\r\n') + '\r\n');
  });

  it('long aggregates: value, count and bad per bucket; an empty value stays empty', () => {
    expect(csvHeader('agg', false, ['a/x'])).toBe('time,path,value,count,bad\r\n');
    expect(longLines('agg', [{ ts: t0, path: 'a/x', value: 3.25, count: 60, bad: 1 }, { ts: t0, path: 'a/y', value: null, count: 0, bad: 2 }]))
      .toBe('2026-01-01T00:00:00.000Z,a/x,3.25,60,1\r\n2026-01-01T00:00:00.000Z,a/y,,0,2\r\n');
  });

  it('wide: a column per path in the order asked, a line per timestamp, bad samples blank', () => {
    const wide = new WideRows(['a/y', 'a/x']);
    expect(csvHeader('raw', true, ['a/y', 'a/x'])).toBe('time,a/y,a/x\r\n');
    // A timestamp split over two pages still makes one line.
    const out = wide.add(rows.slice(0, 1)) + wide.add(rows.slice(1, 3)) + wide.add(rows.slice(3)) + wide.finish();
    expect(out).toBe('2026-01-01T00:00:00.000Z,"on, ""auto""",1.5\r\n2026-01-01T00:00:01.000Z,true,\r\n');
  });

  it('wide: quotes a path that needs it in the header and skips paths not asked for', () => {
    expect(csvHeader('raw', true, ['odd,path'])).toBe('time,"odd,path"\r\n');
    const wide = new WideRows(['a/x']);
    expect(wide.add([{ ts: t0, path: 'other', value: 1, quality: 'good' }]) + wide.finish()).toBe('');
  });
});
