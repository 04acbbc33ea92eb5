import { describe, expect, it } from 'vitest';
import type { Sample } from '../../core/sample.js';
import { decodeSamples, encodeBody } from './codec.js';

const roundTrip = (samples: readonly Sample[]) => {
  const b = encodeBody(samples);
  return decodeSamples(b, 0, b.length);
};

describe('ingest-log codec', () => {
  it('keeps every kind of value, quality, time and extra field exactly', () => {
    const samples = [
      { path: 'acme/line1/filler/speed', value: 512.25, ts: 1_796_666_147_092, quality: 'good' },
      { path: 'acme/line1/filler/running', value: true, ts: 1, quality: 'uncertain' },
      { path: 'acme/line1/filler/jammed', value: false, ts: 2, quality: 'bad', statusCode: 0x80000000 },
      { path: 'acme/line1/filler/state', value: 'Störung – 停止 ✓', ts: 3.5, quality: 'bad', qualityReason: 'link_lost' },
      { path: 'plant/ünïcødé/Δ', value: -0, ts: -86_400_000, quality: 'good' },
      { path: 'x', value: '', ts: 0, quality: 'good' },
      { path: 'x', value: Number.MAX_SAFE_INTEGER, ts: Number.MAX_SAFE_INTEGER, quality: 'good' },
    ] as Sample[];
    expect(roundTrip(samples)).toEqual(samples);
    expect(roundTrip([])).toEqual([]);
  });

  it('leaves out fields that are undefined, and refuses a body of another format', () => {
    const back = roundTrip([{ path: 'a', value: 1, ts: 1, quality: 'good', statusCode: undefined } as Sample]);
    expect(back).toEqual([{ path: 'a', value: 1, ts: 1, quality: 'good' }]);
    expect('statusCode' in back[0]!).toBe(false);
    const b = encodeBody([{ path: 'a', value: 1, ts: 1, quality: 'good' }]);
    b[0] = 9;
    expect(() => decodeSamples(b, 0, b.length)).toThrow(/unknown record format 9/);
  });
});
