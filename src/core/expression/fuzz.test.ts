/**
 * Property tests: whatever text it is given, compile() returns an expression or throws a
 * CausewayError with a column inside the text — never another exception, never a hang — and
 * evaluating what compiles returns a JSON value or throws a CausewayError.
 */
import { describe, expect, it } from 'vitest';
import { CausewayError } from '../errors.js';
import { compile, type ExprValue } from './index.js';

/** mulberry32: a small seeded PRNG, so a failure can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const ALPHABET = [...'abxyz019._ \t\n()[]{},?:+-*/%!<>=&|"\'\\eE#$@~^`;', 'é', '°', '\u0000', '\uD800', '😀'];
const TOKENS = [
  '1', '0', '2.5', '.5', '1e3', '1e', '99999999999999999999', '-', '+', '*', '/', '%', '!', '&&', '||', '==', '!=',
  '<', '<=', '>', '>=', '?', ':', '(', ')', '[', ']', '.', ',', 'x', 'payload', 'value', 'temp', 'true', 'false',
  'null', 'if', 'round', 'min', 'max', 'sqrt', 'pow', 'number', 'string', 'boolean', 'unknownFn', '"s"', "'t'",
  '"\\u00e9"', '"open', '=', '&', '|', '#',
];
const SCOPE: Record<string, ExprValue> = { x: 3, value: -2.5, temp: 'hot', payload: { temp: 21.5, arr: [1, 2, { a: true }], s: 'txt', n: null } };

function randomString(rnd: () => number): string {
  const n = Math.floor(rnd() * 60);
  let s = '';
  for (let i = 0; i < n; i++) s += pick(rnd, ALPHABET);
  return s;
}

function randomTokens(rnd: () => number): string {
  const n = 1 + Math.floor(rnd() * 25);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(pick(rnd, TOKENS), rnd() < 0.5 ? ' ' : '');
  return parts.join('');
}

/** A random well-formed expression of bounded depth (it may still fail to evaluate, or exceed the depth limit). */
function randomExpression(rnd: () => number, depth: number): string {
  if (depth <= 0 || rnd() < 0.25) return pick(rnd, ['1', '2.5', '0', 'x', 'value', 'temp', 'true', 'false', 'null', '"a"', 'payload.temp', 'payload.arr[1]', 'payload.arr.length', 'payload.s']);
  const sub = () => randomExpression(rnd, depth - 1);
  switch (Math.floor(rnd() * 6)) {
    case 0:
      // Parenthesised: a < b < c is refused on purpose (see the table tests).
      return `(${sub()} ${pick(rnd, ['+', '-', '*', '/', '%', '==', '!=', '<', '>=', '&&', '||'])} ${sub()})`;
    case 1:
      return `${pick(rnd, ['-', '!'])}${sub()}`;
    case 2:
      return `(${sub()} ? ${sub()} : ${sub()})`;
    case 3:
      return `${pick(rnd, ['min', 'max', 'round', 'abs', 'sqrt', 'number', 'string', 'boolean'])}(${sub()})`;
    case 4:
      return `if(${sub()}, ${sub()}, ${sub()})`;
    default:
      return `(${sub()})`;
  }
}

function mutate(rnd: () => number, text: string): string {
  const chars = [...text];
  const edits = 1 + Math.floor(rnd() * 3);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rnd() * (chars.length + 1));
    const r = rnd();
    if (r < 0.4) chars.splice(at, 1);
    else if (r < 0.8) chars.splice(at, 0, pick(rnd, ALPHABET));
    else chars.splice(at, 0, pick(rnd, TOKENS));
  }
  return chars.join('');
}

/** Compile (and evaluate what compiles); return what happened, failing on any non-catalogue error. */
function check(text: string): 'ok' | 'syntax' | 'eval' {
  let stage: 'compile' | 'eval' = 'compile';
  try {
    const expr = compile(text);
    stage = 'eval';
    const v = expr.evaluate(SCOPE);
    expect(v === null || ['number', 'string', 'boolean', 'object'].includes(typeof v)).toBe(true);
    if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
    return 'ok';
  } catch (e) {
    if (!(e instanceof CausewayError)) throw new Error(`${stage} of ${JSON.stringify(text)} threw ${String(e)}`, { cause: e });
    expect(e.code).toMatch(/^CW_EXPR_(SYNTAX|LIMIT|EVAL)$/);
    const column = (e.params as { column: number }).column;
    expect(column).toBeGreaterThanOrEqual(1);
    expect(column).toBeLessThanOrEqual(Math.max(text.length, 2000) + 1);
    return stage === 'compile' ? 'syntax' : 'eval';
  }
}

describe('expression fuzzing', () => {
  it.each([1, 2, 3])('random strings never break the parser (seed %i)', (seed) => {
    const rnd = prng(seed);
    for (let i = 0; i < 3000; i++) check(randomString(rnd));
  });

  it.each([11, 12, 13])('random token sequences never break the parser (seed %i)', (seed) => {
    const rnd = prng(seed);
    const outcomes = new Set<string>();
    for (let i = 0; i < 3000; i++) outcomes.add(check(randomTokens(rnd)));
    // The generator reaches all three outcomes, so the property is not vacuous.
    expect([...outcomes].sort()).toEqual(['eval', 'ok', 'syntax']);
  });

  it.each([21, 22])('well-formed expressions compile, and evaluate to a value or a catalogue error (seed %i)', (seed) => {
    const rnd = prng(seed);
    for (let i = 0; i < 2000; i++) {
      const text = randomExpression(rnd, 5);
      expect(check(text), text).not.toBe('syntax');
    }
  });

  it.each([31, 32])('mutated expressions never break the parser (seed %i)', (seed) => {
    const rnd = prng(seed);
    for (let i = 0; i < 3000; i++) check(mutate(rnd, randomExpression(rnd, 4)));
  });

  it('survives pathological inputs', () => {
    for (const text of ['('.repeat(1999), '-'.repeat(1999) + '1', '!'.repeat(1999), '"'.repeat(2000), 'a.'.repeat(999), '1?'.repeat(999), 'f('.repeat(999), '[' .repeat(1999), 'x'.repeat(2000), '1'.repeat(2000)]) {
      check(text);
    }
  });
});
