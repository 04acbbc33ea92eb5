import { describe, expect, it } from 'vitest';
import { isUnder, isValidPath, parsePath, pathProblem } from './path.js';
import { isCausewayError } from './errors.js';

describe('tag paths', () => {
  it.each([
    ['acme/springfield/packaging/line1/filler/speed', true],
    ['sim/filler_speed', true],
    ['a', true],
    ['', false],
    ['/leading', false],
    ['trailing/', false],
    ['double//slash', false],
    ['has space/x', false],
    ['dot.ted/x', false],
    ['unicodé/x', false],
    [Array.from({ length: 17 }, () => 'a').join('/'), false],
    ['x'.repeat(65), false],
  ])('%s valid=%s', (path, valid) => {
    expect(isValidPath(path)).toBe(valid);
  });

  it('names what is wrong', () => {
    expect(pathProblem('a//b')).toBe('segment 2 is empty (a leading, trailing or doubled "/")');
    expect(pathProblem('line 1/x')).toBe('segment "line 1" has characters other than letters, digits, "_" and "-"');
  });

  it('throws CW_PATH_INVALID from parsePath', () => {
    expect(parsePath('a/b/c')).toEqual(['a', 'b', 'c']);
    try {
      parsePath('a b');
      expect.unreachable();
    } catch (e) {
      expect(isCausewayError(e, 'CW_PATH_INVALID')).toBe(true);
    }
  });

  it.each([
    ['acme/site/line1/filler', 'acme/site', true],
    ['acme/site', 'acme/site', true],
    ['acme/site2/x', 'acme/site', false],
    ['acme/site/x', '', true],
  ])('isUnder(%s, %s) = %s', (path, prefix, expected) => {
    expect(isUnder(path, prefix)).toBe(expected);
  });
});
