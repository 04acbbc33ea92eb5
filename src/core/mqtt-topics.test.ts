import { describe, expect, it } from 'vitest';
import { filterCovers, filterProblem, filtersOverlap, topicMatches } from './mqtt-topics.js';

describe('filterProblem', () => {
  it.each(['#', '+', 'uns/#', 'uns/+/x', 'a/b/c', '$SYS/#', 'spBv1.0/+/NCMD/#', '/a'])('accepts %j', (f) => {
    expect(filterProblem(f)).toBeUndefined();
  });
  it.each([
    ['', /is empty/],
    ['a/#/b', /# other than as the whole last level/],
    ['a#', /# other than/],
    ['a/b#', /# other than/],
    ['a+/b', /\+ inside a level/],
    ['a/+b', /\+ inside a level/],
    ['a\u0000b', /NUL/],
    [Array(101).fill('a').join('/'), /more than 100 levels/],
  ])('refuses %j', (f, why) => {
    expect(filterProblem(f)).toMatch(why);
  });
});

describe('topicMatches', () => {
  it.each([
    ['#', 'a/b', true],
    ['#', '$SYS/x', false],
    ['+/x', '$SYS/x', false],
    ['$SYS/#', '$SYS/broker/heartbeat', true],
    ['uns/#', 'uns', true],
    ['uns/#', 'uns/a/b', true],
    ['uns/#', 'unsx/a', false],
    ['uns/+', 'uns/a', true],
    ['uns/+', 'uns/a/b', false],
    ['uns/+', 'uns', false],
    ['spBv1.0/+/NCMD/#', 'spBv1.0/G/NCMD/N', true],
    ['spBv1.0/+/DCMD/#', 'spBv1.0/G/DCMD/N/D', true],
    ['spBv1.0/+/NCMD/#', 'spBv1.0/G/NDATA/N', false],
    ['a/b', 'a/b', true],
    ['a/b', 'a/b/c', false],
  ])('%j matches %j: %s', (f, t, want) => {
    expect(topicMatches(f, t)).toBe(want);
  });
});

describe('filterCovers', () => {
  it.each([
    ['#', '#', true],
    ['#', 'a/+/b', true],
    ['#', '$SYS/#', false],
    ['uns/#', 'uns/#', true],
    ['uns/#', 'uns/a/+', true],
    ['uns/#', 'uns', true],
    ['uns/#', '#', false],
    ['uns/#', '+/a', false],
    ['uns/+', 'uns/a', true],
    ['uns/+', 'uns/+', true],
    ['uns/+', 'uns/#', false],
    ['uns/a', 'uns/+', false],
    ['uns', 'uns/#', false],
    ['$SYS/#', '$SYS/x/+', true],
    ['$SYS/#', '#', false],
    ['+/#', '$SYS/#', false],
  ])('%j covers %j: %s', (outer, inner, want) => {
    expect(filterCovers(outer, inner)).toBe(want);
  });
});

describe('filtersOverlap', () => {
  it.each([
    ['#', 'spBv1.0/+/NCMD/#', true],
    ['spBv1.0/#', 'spBv1.0/+/NCMD/#', true],
    ['spBv1.0/G/+/N', 'spBv1.0/+/NCMD/#', true],
    ['spBv1.0/G/NDATA/N', 'spBv1.0/+/NCMD/#', false],
    ['spBv1.0/G/DDATA/N/+', 'spBv1.0/+/DCMD/#', false],
    ['plant/#', 'spBv1.0/+/NCMD/#', false],
    ['a', 'a/#', true],
    ['a', 'a/+', false],
    ['#', '$SYS/#', false],
    ['uns/a/b', 'uns/#', true],
  ])('%j and %j overlap: %s', (a, b, want) => {
    expect(filtersOverlap(a, b)).toBe(want);
    expect(filtersOverlap(b, a)).toBe(want);
  });
});
