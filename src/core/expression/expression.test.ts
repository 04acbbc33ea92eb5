import { describe, expect, it } from 'vitest';
import { isCausewayError } from '../errors.js';
import { compile, evaluate, type ExprValue } from './index.js';

const payload = { temp: 215, status: 'run', ok: true, arr: [10, 20, 30], nested: { a: { b: 7 } }, nil: null, 'odd key': 1 };
const scope: Record<string, ExprValue> = { x: 4, y: 2.5, s: 'ab', t: true, f: false, payload };

describe('expression semantics', () => {
  it.each<[string, ExprValue]>([
    // precedence and associativity
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 4 - 3', 3],
    ['100 / 10 / 5', 2],
    ['2 * 3 % 4', 2],
    ['-2 * 3', -6],
    ['-x * -x', 16],
    ['--x', 4],
    ['1 + 2 < 4', true],
    ['1 < 2 == true', true],
    ['t || f && f', true],
    ['!t || t', true],
    ['!(t || t)', false],
    ['t ? 1 : 2 + 10', 1],
    ['f ? 1 : f ? 2 : 3', 3],
    ['t ? f ? 1 : 2 : 3', 2],
    ['x > 3 && x < 5 ? "mid" : "out"', 'mid'],
    // literals
    ['1.5e3', 1500],
    ['.25', 0.25],
    ['"it\'s" + \'\\n\'', "it's\n"],
    ['"\\u00b0C"', '°C'],
    ['null', null],
    ['true', true],
    // arithmetic and text
    ['7 % 3', 1],
    ['x / 8', 0.5],
    ['s + 1', 'ab1'],
    ['"v=" + t', 'v=true'],
    ['s < "b"', true],
    ['s == "ab"', true],
    ['x == "4"', false],
    ['payload.nil == null', true],
    ['x != null', true],
    // member and index access on JSON
    ['payload.temp * 0.1', 21.5],
    ['payload.arr[1]', 20],
    ['payload.arr.length', 3],
    ['payload.arr[payload.arr.length - 1]', 30],
    ['payload.nested.a.b', 7],
    ['payload["odd key"]', 1],
    ['payload.status.length', 3],
    ['s[1]', 'b'],
    ['payload.nested', { a: { b: 7 } }],
    // short-circuit: the right side is not evaluated
    ['f && missing', false],
    ['t || missing', true],
    ['t ? 1 : missing', 1],
    ['if(x > 1, "big", missing)', 'big'],
    // built-ins
    ['min(3, x, 9)', 3],
    ['max(3, x, 9)', 9],
    ['abs(-2)', 2],
    ['round(2.5)', 3],
    ['round(-2.5)', -3],
    ['round(1.005, 2)', 1.01],
    ['round(1234.5, -2)', 1200],
    ['floor(-1.5)', -2],
    ['ceil(1.2)', 2],
    ['sqrt(16)', 4],
    ['pow(2, 10)', 1024],
    ['number("12.5") + 1', 13.5],
    ['number(true)', 1],
    ['string(12) + string(payload.arr)', '12[10,20,30]'],
    ['boolean("on")', true],
    ['boolean(0)', false],
  ])('%s = %j', (text, expected) => {
    expect(evaluate(text, scope)).toEqual(expected);
  });
});

describe('expression errors', () => {
  it.each<[string, string, number, RegExp]>([
    ['1 +', 'CW_EXPR_SYNTAX', 4, /ends where a value is expected/],
    ['(1 + 2', 'CW_EXPR_SYNTAX', 7, /expected "\)"/],
    ['1 2', 'CW_EXPR_SYNTAX', 3, /unexpected the number 2/],
    ['a = 1', 'CW_EXPR_SYNTAX', 3, /use == to compare/],
    ['a & b', 'CW_EXPR_SYNTAX', 3, /use &&/],
    ['"open', 'CW_EXPR_SYNTAX', 1, /not closed/],
    ['"\\q"', 'CW_EXPR_SYNTAX', 2, /unknown escape/],
    ['12abc', 'CW_EXPR_SYNTAX', 1, /not a number/],
    ['1e999', 'CW_EXPR_SYNTAX', 1, /too large/],
    ['1 < x < 3', 'CW_EXPR_SYNTAX', 7, /cannot be chained/],
    ['nope(1)', 'CW_EXPR_SYNTAX', 1, /no function nope\(\); known: abs, boolean/],
    ['round(1, 2, 3)', 'CW_EXPR_SYNTAX', 1, /round\(\) takes 1 to 2 arguments, not 3/],
    ['if(t, 1)', 'CW_EXPR_SYNTAX', 1, /if\(\) takes 3 arguments/],
    ['payload.temp(1)', 'CW_EXPR_SYNTAX', 13, /only functions can be called/],
    ['payload.', 'CW_EXPR_SYNTAX', 9, /expected a name after "."/],
    ['', 'CW_EXPR_SYNTAX', 1, /empty/],
    ['x # 1', 'CW_EXPR_SYNTAX', 3, /unexpected character "#"/],
  ])('%j is a syntax error', (text, code, column, message) => {
    expectError(() => compile(text), code, column, message);
  });

  it.each<[string, number, RegExp]>([
    ['x / 0', 3, /division by zero/],
    ['x % 0', 3, /remainder of a division by zero/],
    ['missing + 1', 1, /no variable "missing"/],
    ['payload.nothing', 9, /no key "nothing"/],
    ['payload.__proto__', 9, /no key "__proto__"/],
    ['payload.constructor', 9, /no key "constructor"/],
    ['payload.arr[3]', 12, /index 3 is out of range \(length 3\)/],
    ['payload.arr[0.5]', 12, /whole number/],
    ['x.y', 3, /cannot read \.y of the number 4/],
    ['t + 1', 3, /adds two numbers or joins text/],
    ['s * 2', 3, /needs two numbers/],
    ['-s', 1, /"-" needs a number/],
    ['!x', 1, /needs true or false, not the number 4/],
    ['x && t', 3, /"&&" needs true or false/],
    ['x ? 1 : 2', 3, /condition of "\?"/],
    ['s < 1', 3, /compares two numbers or two strings/],
    ['payload.arr == payload.arr', 13, /not arrays or objects/],
    ['sqrt(-1)', 1, /negative/],
    ['pow(10, 400)', 1, /not a finite number/],
    ['number("abc")', 1, /cannot convert the string "abc"/],
    ['boolean("maybe")', 1, /cannot convert/],
    ['round(1, 0.5)', 1, /whole number of digits/],
  ])('%j fails to evaluate', (text, column, message) => {
    expectError(() => evaluate(text, scope), 'CW_EXPR_EVAL', column, message);
  });

  it('bounds length, depth and steps', () => {
    expectError(() => compile('1+'.repeat(1200) + '1'), 'CW_EXPR_LIMIT', 2001, /2401 characters long/);
    expectError(() => compile('('.repeat(100) + '1' + ')'.repeat(100)), 'CW_EXPR_LIMIT', 65, /deeper than 64/);
    expectError(() => compile('-'.repeat(80) + '1'), 'CW_EXPR_LIMIT', undefined, /deeper than 64/);
    expectError(() => compile(Array.from({ length: 70 }, () => 'x').join(' + ')), 'CW_EXPR_LIMIT', undefined, /deeper than 64/);
    expectError(() => compile('payload' + '.a'.repeat(70)), 'CW_EXPR_LIMIT', undefined, /deeper than 64/);
    expect(compile('x + 1', { maxDepth: 2 }).evaluate({ x: 1 })).toBe(2);
    const sum = compile(Array.from({ length: 40 }, () => 'x').join(' + '));
    expectError(() => sum.evaluate(scope), 'CW_EXPR_EVAL', undefined, /./, false);
    expect(sum.evaluate(scope)).toBe(160);
    const small = compile('x + x + x', { maxSteps: 4 });
    expectError(() => small.evaluate(scope), 'CW_EXPR_LIMIT', undefined, /more than 4 steps/);
    const long = compile('s + s', { maxStringLength: 3 });
    expectError(() => long.evaluate(scope), 'CW_EXPR_EVAL', 3, /longer than 3 characters/);
  });
});

describe('compiled expressions', () => {
  it('lists the variables and functions it uses, once each, in order', () => {
    const e = compile('round(payload.temp * scale, 1) + offset + scale + max(1, 2)');
    expect(e.variables()).toEqual(['payload', 'scale', 'offset']);
    expect(e.functions()).toEqual(['round', 'max']);
  });

  it('evaluates many times against different scopes, through a lookup function too', () => {
    const e = compile('value * 2');
    expect(e.evaluate({ value: 1 })).toBe(2);
    expect(e.evaluate((name) => (name === 'value' ? 21 : undefined))).toBe(42);
  });

  it('ignores inherited keys of a scope record', () => {
    expectError(() => evaluate('toString', {}), 'CW_EXPR_EVAL', 1, /no variable "toString"/);
  });

  it('calls caller-supplied functions and reports their failures with the call column', () => {
    const functions = {
      lookup: { minArgs: 1, maxArgs: 1, call: (a: readonly ExprValue[]) => (a[0] === 'k' ? 5 : (() => { throw new Error('unknown key'); })()) },
      max: { minArgs: 0, maxArgs: 0, call: () => 99 },
    };
    expect(evaluate('lookup("k") + max()', {}, { functions })).toBe(104);
    expectError(() => evaluate('1 + lookup("z")', {}, { functions }), 'CW_EXPR_EVAL', 5, /lookup\(\) failed: unknown key/);
    const bad = { nan: { minArgs: 0, maxArgs: 0, call: () => Number.NaN } };
    expectError(() => evaluate('nan()', {}, { functions: bad }), 'CW_EXPR_EVAL', 1, /not a finite number/);
  });
});

function expectError(run: () => unknown, code: string, column: number | undefined, message: RegExp, shouldThrow = true): void {
  let thrown: unknown;
  try {
    run();
  } catch (e) {
    thrown = e;
  }
  if (!shouldThrow) {
    expect(thrown).toBeUndefined();
    return;
  }
  expect(isCausewayError(thrown), `expected a CausewayError, got ${String(thrown)}`).toBe(true);
  const err = thrown as { code: string; message: string; params: { column: number } };
  expect(err.code).toBe(code);
  if (column !== undefined) expect(err.params.column).toBe(column);
  expect(err.message).toMatch(message);
}
