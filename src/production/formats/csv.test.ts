import { describe, expect, it } from 'vitest';
import { csvField, csvRecords, parseCsv } from './csv.js';

describe('CSV work orders', () => {
  it('parses quotes, doubled quotes, CRLF and a byte order mark', () => {
    expect(parseCsv('\ufeffa,b\r\n"x, y","say ""hi"""\r\n\r\n1,\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"'], ['1', '']]);
    expect(parseCsv('a,"multi\nline"')).toEqual([['a', 'multi\nline']]);
  });

  it('makes one record per row, and names rows with a wrong field count', () => {
    const text = 'order_id;Product;quantity;line\nWO-1;COLA-500;1000;line1\nWO-2;COLA-500\n';
    expect(csvRecords(text, 'orders.csv')).toEqual([
      { ref: 'orders.csv row 2', raw: { order_id: 'WO-1', product: 'COLA-500', quantity: '1000', line: 'line1' } },
      { ref: 'orders.csv row 3', raw: undefined, problem: 'the row has 2 fields, the header 4' },
    ]);
  });

  it('quotes fields that need it', () => {
    expect([csvField('plain'), csvField('a,b'), csvField('say "x"'), csvField(undefined), csvField(3)]).toEqual(['plain', '"a,b"', '"say ""x"""', '', '3']);
  });
});
