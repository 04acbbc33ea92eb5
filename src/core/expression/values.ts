/** The values an expression works on: JSON values, as variables and results. */
import { CausewayError } from '../errors.js';

/** A JSON object as an expression sees it. */
export interface ExprObject {
  readonly [key: string]: ExprValue;
}

/** Any JSON value: what variables hold and what an expression returns. */
export type ExprValue = null | boolean | number | string | readonly ExprValue[] | ExprObject;

/** The name of a value's type, for messages. */
export function typeName(v: ExprValue): 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object' {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v as 'boolean' | 'number' | 'string' | 'object';
}

/** A value as quoted in an error message: type and a short rendering. */
export function describeValue(v: ExprValue): string {
  switch (typeName(v)) {
    case 'null':
      return 'null';
    case 'string': {
      const s = v as string;
      return `the string "${s.length > 40 ? `${s.slice(0, 40)}…` : s}"`;
    }
    case 'array':
      return `an array of ${(v as readonly ExprValue[]).length}`;
    case 'object':
      return 'an object';
    default:
      return `the ${typeName(v)} ${String(v)}`;
  }
}

/** True when `v` is a plain JSON object (not an array, not null). */
export function isObject(v: ExprValue): v is ExprObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The CausewayError of a problem at a 0-based position in the expression text. */
export function exprError(code: 'CW_EXPR_SYNTAX' | 'CW_EXPR_LIMIT' | 'CW_EXPR_EVAL', pos: number, problem: string, cause?: unknown): CausewayError {
  return new CausewayError(code, { column: pos + 1, problem }, cause === undefined ? {} : { cause });
}
