import { describe, expect, it } from 'vitest';
import { parsePointer, resolvePointer, type Pointer } from './pointer.js';

const doc = { foo: ['bar', 'baz'], '': 0, 'a/b': 1, 'm~n': 8, ' ': 7, nested: { list: [{ v: 3 }] }, nil: null };

function ptr(text: string): Pointer {
  const p = parsePointer(text);
  if (typeof p === 'string') throw new Error(p);
  return p;
}

describe('JSON Pointer (RFC 6901 section 5 examples)', () => {
  it.each<[string, unknown]>([
    ['', doc],
    ['/foo', ['bar', 'baz']],
    ['/foo/0', 'bar'],
    ['/', 0],
    ['/a~1b', 1],
    ['/m~0n', 8],
    ['/ ', 7],
    ['/nested/list/0/v', 3],
    ['/nil', null],
  ])('%j resolves', (text, value) => {
    expect(resolvePointer(doc, ptr(text))).toEqual({ value });
  });

  it.each<[string, string]>([
    ['/missing', '/missing'],
    ['/foo/2', '/foo/2'],
    ['/foo/-', '/foo/-'],
    ['/foo/01', '/foo/01'],
    ['/foo/0/x', '/foo/0/x'],
    ['/nested/list/0/w', '/nested/list/0/w'],
    ['/a~1b/c', '/a~1b/c'],
    ['/constructor', '/constructor'],
    ['/__proto__', '/__proto__'],
  ])('%j is missing at %s', (text, missing) => {
    expect(resolvePointer(doc, ptr(text))).toEqual({ missing });
  });

  it.each(['temp', '#/temp', '/a~2', '/a~'])('%j is refused', (text) => {
    expect(typeof parsePointer(text)).toBe('string');
  });
});
