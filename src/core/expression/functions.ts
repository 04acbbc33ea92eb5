/** The function table: the built-ins, and the shape of functions a caller adds. */
import { describeValue, typeName, type ExprValue } from './values.js';

/** A function an expression may call. Throw an Error to fail the evaluation with its message. */
export interface ExprFunction {
  readonly minArgs: number;
  /** Infinity for any number of arguments. */
  readonly maxArgs: number;
  call(args: readonly ExprValue[]): ExprValue;
}

/** What a built-in throws; the interpreter turns it into CW_EXPR_EVAL at the call's column. */
export class ExprFault extends Error {}

function num(name: string, v: ExprValue | undefined, which = 'its argument'): number {
  if (typeof v !== 'number') throw new ExprFault(`${name}() needs a number as ${which}, not ${describeValue(v ?? null)}`);
  return v;
}

function unary(name: string, f: (x: number) => number): ExprFunction {
  return { minArgs: 1, maxArgs: 1, call: (a) => f(num(name, a[0])) };
}

function extreme(name: string, pick: (a: number, b: number) => number): ExprFunction {
  return {
    minArgs: 1,
    maxArgs: Infinity,
    call: (args) => args.map((a, i) => num(name, a, `argument ${i + 1}`)).reduce((a, b) => pick(a, b)),
  };
}

/** Round half away from zero to `digits` decimals, without the binary artefacts of x * 10^d (1.005 -> 1.01). */
export function roundTo(x: number, digits: number): number {
  const abs = Math.abs(x);
  const text = String(abs);
  const shifted = text.includes('e') ? Math.round(abs * 10 ** digits) : Math.round(Number(`${text}e${digits}`));
  const back = Number(`${shifted}e${-digits}`);
  return x < 0 ? -back : back;
}

function toNumber(v: ExprValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  throw new ExprFault(`number() cannot convert ${describeValue(v)}`);
}

function toBoolean(v: ExprValue): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string' && /^(true|1|on|yes)$/i.test(v.trim())) return true;
  if (typeof v === 'string' && /^(false|0|off|no)$/i.test(v.trim())) return false;
  throw new ExprFault(`boolean() cannot convert ${describeValue(v)}`);
}

function toText(v: ExprValue): string {
  const t = typeName(v);
  return t === 'array' || t === 'object' ? JSON.stringify(v) : String(v);
}

/** The functions every expression may call. `if(c, a, b)` is handled by the interpreter (lazily). */
export const BUILTINS: Readonly<Record<string, ExprFunction>> = Object.freeze({
  min: extreme('min', Math.min),
  max: extreme('max', Math.max),
  abs: unary('abs', Math.abs),
  floor: unary('floor', Math.floor),
  ceil: unary('ceil', Math.ceil),
  sqrt: unary('sqrt', (x) => {
    if (x < 0) throw new ExprFault(`sqrt() of the negative number ${x}`);
    return Math.sqrt(x);
  }),
  pow: { minArgs: 2, maxArgs: 2, call: (a) => num('pow', a[0], 'its base') ** num('pow', a[1], 'its exponent') },
  round: {
    minArgs: 1,
    maxArgs: 2,
    call: (a) => {
      const digits = a.length > 1 ? num('round', a[1], 'its digits') : 0;
      if (!Number.isInteger(digits) || Math.abs(digits) > 15) throw new ExprFault(`round() takes a whole number of digits from -15 to 15, not ${digits}`);
      return roundTo(num('round', a[0], 'its value'), digits);
    },
  },
  number: { minArgs: 1, maxArgs: 1, call: (a) => toNumber(a[0]!) },
  string: { minArgs: 1, maxArgs: 1, call: (a) => toText(a[0]!) },
  boolean: { minArgs: 1, maxArgs: 1, call: (a) => toBoolean(a[0]!) },
});

/** The special form `if(c, a, b)`: evaluates only the branch it takes. */
export const IF_FORM = 'if';
