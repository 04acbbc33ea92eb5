import { describe, expect, it } from 'vitest';
import { gaussian, gaussianAt, hashString, mulberry32, pickWeighted, streamSeed, uniformAt } from './rng.js';
import { stats } from './__fixtures__/test-kit.js';

describe('mulberry32', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
  });

  it('stays in [0, 1) with a mean near 0.5', () => {
    const next = mulberry32(7);
    const xs = Array.from({ length: 20_000 }, () => next());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(stats(xs).mean).toBeCloseTo(0.5, 1);
  });
});

describe('hashString and streamSeed', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('FNV-1a of %j is the published value', (text, expected) => {
    expect(hashString(text)).toBe(expected);
  });

  it('derives different streams for different seeds and labels, the same for the same', () => {
    const s = streamSeed(1, 'filler_speed', 'noise');
    expect(streamSeed(1, 'filler_speed', 'noise')).toBe(s);
    expect(streamSeed(2, 'filler_speed', 'noise')).not.toBe(s);
    expect(streamSeed(1, 'filler_speed', 'quality')).not.toBe(s);
    expect(streamSeed(1, 'capper_speed', 'noise')).not.toBe(s);
  });
});

describe('counter-based draws', () => {
  const stream = streamSeed(1, 'tag', 'noise');

  it('give the same number for the same (stream, index), whatever was drawn before', () => {
    const first = uniformAt(stream, 1234);
    for (let i = 0; i < 100; i++) uniformAt(stream, i);
    expect(uniformAt(stream, 1234)).toBe(first);
  });

  it('tell indices 2^32 apart', () => {
    expect(uniformAt(stream, 5)).not.toBe(uniformAt(stream, 5 + 2 ** 32));
  });

  it('are standard normal for gaussianAt', () => {
    const xs = Array.from({ length: 50_000 }, (_, k) => gaussianAt(stream, k));
    const { mean, sd } = stats(xs);
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(sd).toBeGreaterThan(0.98);
    expect(sd).toBeLessThan(1.02);
    // about 95 % within two standard deviations
    const within = xs.filter((x) => Math.abs(x) < 1.96).length / xs.length;
    expect(within).toBeGreaterThan(0.94);
    expect(within).toBeLessThan(0.96);
  });

  it('are standard normal for the sequential gaussian', () => {
    const next = mulberry32(99);
    const { mean, sd } = stats(Array.from({ length: 50_000 }, () => gaussian(next)));
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(sd - 1)).toBeLessThan(0.02);
  });
});

describe('pickWeighted', () => {
  it.each([
    [[1, 1], 0.0, 0],
    [[1, 1], 0.49, 0],
    [[1, 1], 0.5, 1],
    [[1, 3], 0.25, 1],
    [[0, 5, 0], 0.99, 1],
    [[0, 0], 0.7, 0],
  ])('weights %j at u=%d pick %d', (weights, u, expected) => {
    expect(pickWeighted(weights, u)).toBe(expected);
  });
});
