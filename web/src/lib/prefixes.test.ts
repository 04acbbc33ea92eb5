import { describe, expect, it } from 'vitest';
import { coverPrefixes } from './prefixes';

describe('coverPrefixes', () => {
  it('keeps few paths as they are, without the ones under another', () => {
    expect(coverPrefixes(['a/b/c', 'a/b', 'x/y', 'x/y'], 10)).toEqual(['a/b', 'x/y']);
  });

  it('climbs from the deepest paths until the list fits, covering every path', () => {
    const paths = ['p/l1/m1/t', 'p/l1/m2/t', 'p/l2/m1/t', 'p/l2/m2/t', 'q/u'];
    const two = coverPrefixes(paths, 3);
    expect(two).toEqual(['p/l1', 'p/l2', 'q/u']);
    for (const p of paths) expect(two.some((c) => p === c || p.startsWith(`${c}/`))).toBe(true);
    expect(coverPrefixes(paths, 2)).toEqual(['p', 'q']);
  });

  it('answers at most max prefixes even when the roots are more', () => {
    expect(coverPrefixes(['a/x', 'b/x', 'c/x'], 2)).toHaveLength(2);
  });
});
