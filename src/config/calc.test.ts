import { describe, expect, it } from 'vitest';
import { isCausewayError } from '../core/errors.js';
import { parseCalc, resolveRef } from './calc.js';

function problemOf(text: string): { code: string; column: number; problem: string } | undefined {
  try {
    parseCalc(text);
    return undefined;
  } catch (e) {
    if (!isCausewayError(e)) throw e;
    const p = e.params as { column: number; problem: string };
    return { code: e.code, column: p.column, problem: p.problem };
  }
}

describe('calculations as written', () => {
  it('finds every input: names, quoted paths and history functions', () => {
    const p = parseCalc("good / (good + attr('../capper/rejects')) * 100 + rate(count) + avg('filler/temp', '5m') + since_change(state)");
    expect(p.refs.map((r) => [r.ref, r.use, r.windowMs])).toEqual([
      ['good', 'value', undefined],
      ['good', 'value', undefined],
      ['../capper/rejects', 'value', undefined],
      ['count', 'rate', undefined],
      ['filler/temp', 'avg', 300_000],
      ['state', 'since_change', undefined],
    ]);
  });

  it('reports syntax, unknown functions, computed references and bad windows at their column', () => {
    expect(problemOf('speed * ')).toMatchObject({ code: 'CW_EXPR_SYNTAX', column: 9 });
    expect(problemOf('spin(speed)')).toMatchObject({ code: 'CW_EXPR_SYNTAX', column: 1 });
    expect(problemOf('rate(speed * 2)')).toMatchObject({ code: 'CW_EXPR_SYNTAX', column: 6, problem: expect.stringContaining('not a computed value') });
    expect(problemOf("avg(speed, '5 minutes')")).toMatchObject({ code: 'CW_EXPR_SYNTAX', column: 12 });
    expect(problemOf("avg(speed, '2d')")).toMatchObject({ code: 'CW_EXPR_SYNTAX', column: 12 });
    expect(problemOf("attr('/etc/passwd')")).toMatchObject({ code: 'CW_EXPR_SYNTAX', column: 6 });
    expect(problemOf("attr('a/../b')")).toMatchObject({ code: 'CW_EXPR_SYNTAX' });
    expect(problemOf('rate()')).toMatchObject({ code: 'CW_EXPR_SYNTAX', problem: 'rate() takes 1 argument, not 0' });
  });

  it('resolves references relative to the asset', () => {
    const asset = 'acme/spr/packaging/line1/filler';
    expect(resolveRef(asset, 'speed')).toBe(`${asset}/speed`);
    expect(resolveRef(asset, '../capper/speed')).toBe('acme/spr/packaging/line1/capper/speed');
    expect(resolveRef(asset, '../../line2/filler/speed')).toBe('acme/spr/packaging/line2/filler/speed');
    expect(resolveRef('acme/spr/packaging/line1', 'filler/speed')).toBe(asset + '/speed');
    expect(resolveRef('acme/spr', '../../x')).toBeUndefined();
  });
});
