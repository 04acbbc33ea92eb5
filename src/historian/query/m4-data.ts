/**
 * Test data for M4: seeded random series with quantized values (many ties), bad samples holding
 * the most extreme values, a gap of empty columns, samples on the range's first and last
 * millisecond, one path with a single sample, booleans, strings and a path that changes type.
 */
import type { Quality, Value } from '../../core/sample.js';
import type { StoredSample } from '../types.js';

/** A small seeded generator (mulberry32), so a failing case can be replayed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const M4_FROM = Date.UTC(2026, 2, 8, 5, 59, 58);
export const M4_SPAN = 600_011;

function series(rand: () => number, path: string, n: number, value: (i: number) => Value): StoredSample[] {
  const out: StoredSample[] = [];
  let ts = M4_FROM;
  for (let i = 0; i < n && ts < M4_FROM + M4_SPAN; i++) {
    // Bad samples carry absurd values: a trend that used them would show them as extremes.
    const quality: Quality = rand() < 0.05 ? 'bad' : rand() < 0.1 ? 'uncertain' : 'good';
    out.push({ path, ts, value: quality === 'bad' && typeof value(i) === 'number' ? 1e12 * (rand() < 0.5 ? -1 : 1) : value(i), quality });
    // A gap of a few empty columns a third of the way in.
    ts += i === Math.floor(n / 3) ? Math.floor(M4_SPAN / 5) : 1 + Math.floor(rand() * ((3 * M4_SPAN) / n));
  }
  return out;
}

/** The samples and the range [from, to) they fill. */
export function m4Samples(rand: () => number): { samples: StoredSample[]; from: number; to: number } {
  let walk = 20;
  const num = series(rand, 'm4/num', 900, () => (walk = Math.round((walk + (rand() - 0.5) * 0.6) * 10) / 10));
  num.push({ path: 'm4/num', ts: M4_FROM + M4_SPAN - 1, value: 99.9, quality: 'good' }); // an extreme on the last millisecond
  const samples = [
    ...num,
    ...series(rand, 'm4/bool', 300, () => rand() < 0.5),
    ...series(rand, 'm4/str', 200, () => ['RUN', 'STOP', 'IDLE'][Math.floor(rand() * 3)]!),
    ...series(rand, 'm4/mixed', 200, (i) => (i % 3 === 0 ? rand() < 0.5 : i % 3 === 1 ? Math.round(rand() * 4) : 'text')),
    { path: 'm4/one', ts: M4_FROM + Math.floor(rand() * M4_SPAN), value: -4.5, quality: 'good' as const },
    { path: 'm4/num', ts: M4_FROM - 1, value: -1e9, quality: 'good' as const }, // just before the range
  ];
  return { samples, from: M4_FROM, to: M4_FROM + M4_SPAN };
}
