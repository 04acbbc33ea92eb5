/**
 * A small, safe expression language for payload extraction and calculated attributes: parsed once
 * into a tree, evaluated many times by an interpreter (never eval). Bounded in length, depth and
 * steps; every failure is a CausewayError (CW_EXPR_SYNTAX, CW_EXPR_LIMIT, CW_EXPR_EVAL) with a column.
 */
import { walk, type Node } from './ast.js';
import { BUILTINS, IF_FORM, type ExprFunction } from './functions.js';
import { evaluateNode, type Lookup } from './interpreter.js';
import { parse } from './parser.js';
import type { ExprValue } from './values.js';

export type { Node, BinaryOp, LogicalOp, UnaryOp } from './ast.js';
export { walk, childrenOf } from './ast.js';
export type { ExprFunction } from './functions.js';
export { BUILTINS } from './functions.js';
export type { Lookup } from './interpreter.js';
export type { ExprObject, ExprValue } from './values.js';
export { typeName, describeValue } from './values.js';

/** Bounds on one expression: text length, tree depth, steps per evaluation, longest string built. */
export interface ExprLimits {
  maxLength: number;
  maxDepth: number;
  maxSteps: number;
  maxStringLength: number;
}

export const DEFAULT_LIMITS: Readonly<ExprLimits> = Object.freeze({ maxLength: 2000, maxDepth: 64, maxSteps: 10_000, maxStringLength: 1_000_000 });

export interface CompileOptions extends Partial<ExprLimits> {
  /** Functions besides the built-ins; a name here replaces the built-in of that name (except `if`). */
  functions?: Readonly<Record<string, ExprFunction>>;
}

/** Variables by name: a lookup function, or a plain record (only its own keys count). */
export type Scope = Lookup | Readonly<Record<string, ExprValue>>;

/** A compiled expression: parse once, evaluate many times. */
export interface Expression {
  /** The text it was compiled from. */
  readonly source: string;
  readonly ast: Node;
  /** Evaluate against `scope`; throws CW_EXPR_EVAL or CW_EXPR_LIMIT. */
  evaluate(scope?: Scope): ExprValue;
  /** The variable names it reads, in order of first use (for lineage). */
  variables(): string[];
  /** The function names it calls, in order of first use. */
  functions(): string[];
}

function toLookup(scope: Scope | undefined): Lookup {
  if (scope === undefined) return () => undefined;
  if (typeof scope === 'function') return scope;
  return (name) => (Object.hasOwn(scope, name) ? scope[name] : undefined);
}

function namesOf(ast: Node, type: 'variable' | 'call'): string[] {
  const names = new Set<string>();
  walk(ast, (n) => {
    if (n.type === type) names.add(n.name);
  });
  return [...names];
}

/** Compile expression text; throws CW_EXPR_SYNTAX or CW_EXPR_LIMIT with the column of the problem. */
export function compile(text: string, options: CompileOptions = {}): Expression {
  const functions: Readonly<Record<string, ExprFunction>> = { ...BUILTINS, ...options.functions };
  const limits = { ...DEFAULT_LIMITS, ...definedOnly(options) };
  const checkCall = (name: string, argc: number): string | undefined => {
    if (name === IF_FORM) return argc === 3 ? undefined : `if() takes 3 arguments (condition, then, else), not ${argc}`;
    if (!Object.hasOwn(functions, name)) return `there is no function ${name}(); known: ${['if', ...Object.keys(functions)].sort().join(', ')}`;
    const fn = functions[name]!;
    if (argc >= fn.minArgs && argc <= fn.maxArgs) return undefined;
    const range = fn.maxArgs === Infinity ? `at least ${fn.minArgs}` : fn.minArgs === fn.maxArgs ? `${fn.minArgs}` : `${fn.minArgs} to ${fn.maxArgs}`;
    return `${name}() takes ${range} argument${range === '1' ? '' : 's'}, not ${argc}`;
  };
  const ast = parse(text, limits, checkCall);
  const evalOptions = { functions, maxSteps: limits.maxSteps, maxStringLength: limits.maxStringLength };
  const variables = namesOf(ast, 'variable');
  const calls = namesOf(ast, 'call');
  return {
    source: text,
    ast,
    evaluate: (scope) => evaluateNode(ast, toLookup(scope), evalOptions),
    variables: () => [...variables],
    functions: () => [...calls],
  };
}

function definedOnly(o: CompileOptions): Partial<ExprLimits> {
  const out: Partial<ExprLimits> = {};
  for (const k of Object.keys(DEFAULT_LIMITS) as Array<keyof ExprLimits>) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/** Compile and evaluate once (tests, one-off checks). Prefer compile() for repeated use. */
export function evaluate(text: string, scope?: Scope, options?: CompileOptions): ExprValue {
  return compile(text, options).evaluate(scope);
}
