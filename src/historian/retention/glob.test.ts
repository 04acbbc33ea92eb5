import { describe, expect, it } from 'vitest';
import { compilePattern, matchPattern, patternProblem } from './glob.js';

describe('retention path patterns', () => {
  it.each([
    ['acme/springfield/**', 'acme/springfield/packaging/line1/filler/speed', true],
    ['acme/springfield/**', 'acme/springfield', true],
    ['acme/springfield/**', 'acme/shelbyville/packaging/speed', false],
    ['acme/springfield/**', 'acme/springfieldx/a', false],
    ['sim/*', 'sim/temperature', true],
    ['sim/*', 'sim/area1/temperature', false],
    ['sim/*', 'sim', false],
    ['**', 'anything/at/all', true],
    ['**', 'x', true],
    ['**/speed', 'acme/line1/filler/speed', true],
    ['**/speed', 'speed', true],
    ['**/speed', 'acme/line1/filler/speed2', false],
    ['acme/**/filler/*', 'acme/springfield/line1/filler/speed', true],
    ['acme/**/filler/*', 'acme/filler/speed', true],
    ['acme/**/filler/*', 'acme/springfield/filler', false],
    ['acme/*/line*/**', 'acme/springfield/line12/filler/speed', true],
    ['acme/*/line*/**', 'acme/springfield/packaging/line1', false],
    ['*/*-count', 'plc1/good-count', true],
    ['*/*-count', 'plc1/good-count-total', false],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'axxbyyc', true],
    ['a*b*c', 'ab', false],
    ['a*a', 'a', false],
    ['exact/path', 'exact/path', true],
    ['exact/path', 'exact/path/deeper', false],
    ['**/**', 'a/b', true],
  ])('%s matches %s: %s', (pattern, path, expected) => {
    expect(matchPattern(compilePattern(pattern), path)).toBe(expected);
  });

  it.each([
    ['', /empty/],
    ['/acme', /empty segment/],
    ['acme//x', /empty segment/],
    ['acme/**x', /whole segment/],
  ])('refuses %j', (pattern, problem) => {
    expect(patternProblem(pattern)).toMatch(problem);
    expect(() => compilePattern(pattern)).toThrow(problem);
  });
});
