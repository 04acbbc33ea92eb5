/** Evaluates a syntax tree against a scope of variables and a function table, within a step budget. */
import { isCausewayError } from '../errors.js';
import type { BinaryOp, Node } from './ast.js';
import { ExprFault, IF_FORM, type ExprFunction } from './functions.js';
import { describeValue, exprError, isObject, type ExprValue } from './values.js';

/** Resolves a variable name; undefined means "no such variable". */
export type Lookup = (name: string) => ExprValue | undefined;

export interface EvalOptions {
  readonly functions: Readonly<Record<string, ExprFunction>>;
  /** Most nodes one evaluation may visit. */
  readonly maxSteps: number;
  /** Longest string an operation may produce. */
  readonly maxStringLength: number;
}

/** Thrown by helpers below; carries no position, the node that called them adds it. */
class Fault extends Error {}

function fail(problem: string): never {
  throw new Fault(problem);
}

function finite(n: number, what: string): number {
  if (!Number.isFinite(n)) fail(`${what} is not a finite number`);
  return n;
}

function arithmetic(op: '-' | '*' | '/' | '%', a: ExprValue, b: ExprValue): number {
  if (typeof a !== 'number' || typeof b !== 'number') fail(`"${op}" needs two numbers, not ${describeValue(a)} and ${describeValue(b)}`);
  if ((op === '/' || op === '%') && b === 0) fail(op === '/' ? 'division by zero' : 'remainder of a division by zero');
  const r = op === '-' ? a - b : op === '*' ? a * b : op === '/' ? a / b : a % b;
  return finite(r, `the result of ${a} ${op} ${b}`);
}

function add(a: ExprValue, b: ExprValue, maxLength: number): ExprValue {
  if (typeof a === 'number' && typeof b === 'number') return finite(a + b, `the result of ${a} + ${b}`);
  const scalar = (v: ExprValue) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  if ((typeof a === 'string' || typeof b === 'string') && scalar(a) && scalar(b)) {
    const s = String(a) + String(b);
    if (s.length > maxLength) fail(`the joined string would be longer than ${maxLength} characters`);
    return s;
  }
  return fail(`"+" adds two numbers or joins text, not ${describeValue(a)} and ${describeValue(b)}`);
}

function compare(op: '<' | '<=' | '>' | '>=', a: ExprValue, b: ExprValue): boolean {
  const ok = (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');
  if (!ok) fail(`"${op}" compares two numbers or two strings, not ${describeValue(a)} and ${describeValue(b)}`);
  const [x, y] = [a as number | string, b as number | string];
  return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
}

function equals(a: ExprValue, b: ExprValue): boolean {
  if ((typeof a === 'object' && a !== null) || (typeof b === 'object' && b !== null)) fail('"==" and "!=" compare numbers, strings, booleans and null, not arrays or objects');
  return a === b;
}

function binary(op: BinaryOp, a: ExprValue, b: ExprValue, maxLength: number): ExprValue {
  switch (op) {
    case '+':
      return add(a, b, maxLength);
    case '-':
    case '*':
    case '/':
    case '%':
      return arithmetic(op, a, b);
    case '==':
      return equals(a, b);
    case '!=':
      return !equals(a, b);
    default:
      return compare(op, a, b);
  }
}

function member(object: ExprValue, name: string): ExprValue {
  if ((Array.isArray(object) || typeof object === 'string') && name === 'length') return object.length;
  if (!isObject(object)) fail(`cannot read .${name} of ${describeValue(object)}`);
  if (!Object.hasOwn(object, name)) fail(`the object has no key "${name}"`);
  return object[name]!;
}

function index(object: ExprValue, key: ExprValue): ExprValue {
  if (isObject(object)) {
    if (typeof key !== 'string') fail(`an object is indexed by a string, not ${describeValue(key)}`);
    return member(object, key);
  }
  if (Array.isArray(object) || typeof object === 'string') {
    if (typeof key !== 'number' || !Number.isInteger(key)) fail(`an index must be a whole number, not ${describeValue(key)}`);
    if (key < 0 || key >= object.length) fail(`index ${key} is out of range (length ${object.length})`);
    return (object as readonly ExprValue[] | string)[key]!;
  }
  return fail(`cannot index ${describeValue(object)}`);
}

function truth(v: ExprValue, where: string): boolean {
  if (typeof v !== 'boolean') fail(`${where} needs true or false, not ${describeValue(v)}`);
  return v;
}

/** One evaluation: counts steps and turns faults into CausewayErrors at the failing node's column. */
class Run {
  #steps = 0;
  constructor(readonly lookup: Lookup, readonly options: EvalOptions) {}

  visit(node: Node): ExprValue {
    if (++this.#steps > this.options.maxSteps) throw exprError('CW_EXPR_LIMIT', node.pos, `it takes more than ${this.options.maxSteps} steps`);
    try {
      return this.#node(node);
    } catch (e) {
      if (e instanceof Fault) throw exprError('CW_EXPR_EVAL', node.pos, e.message);
      throw e;
    }
  }

  #node(node: Node): ExprValue {
    switch (node.type) {
      case 'literal':
        return node.value;
      case 'variable': {
        const v = this.lookup(node.name);
        return v === undefined ? fail(`there is no variable "${node.name}"`) : v;
      }
      case 'member':
        return member(this.visit(node.object), node.name);
      case 'index':
        return index(this.visit(node.object), this.visit(node.index));
      case 'unary': {
        const v = this.visit(node.operand);
        if (node.op === '!') return !truth(v, '"!"');
        if (typeof v !== 'number') fail(`"-" needs a number, not ${describeValue(v)}`);
        return -v;
      }
      case 'binary':
        return binary(node.op, this.visit(node.left), this.visit(node.right), this.options.maxStringLength);
      case 'logical': {
        const left = truth(this.visit(node.left), `"${node.op}"`);
        if (node.op === '&&' ? !left : left) return left;
        return truth(this.visit(node.right), `"${node.op}"`);
      }
      case 'conditional':
        return truth(this.visit(node.test), 'the condition of "?"') ? this.visit(node.then) : this.visit(node.otherwise);
      case 'call':
        return this.#call(node);
    }
  }

  #call(node: Extract<Node, { type: 'call' }>): ExprValue {
    if (node.name === IF_FORM) {
      return truth(this.visit(node.args[0]!), 'the condition of if()') ? this.visit(node.args[1]!) : this.visit(node.args[2]!);
    }
    const fn = this.options.functions[node.name];
    if (!fn) return fail(`there is no function ${node.name}()`);
    const args = node.args.map((a) => this.visit(a));
    let result: ExprValue;
    try {
      result = fn.call(args);
    } catch (e) {
      if (isCausewayError(e)) throw e;
      const message = e instanceof ExprFault ? e.message : `${node.name}() failed: ${e instanceof Error ? e.message : String(e)}`;
      throw exprError('CW_EXPR_EVAL', node.pos, message, e instanceof ExprFault ? undefined : e);
    }
    if (typeof result === 'number') finite(result, `the result of ${node.name}()`);
    if (typeof result === 'string' && result.length > this.options.maxStringLength) fail(`${node.name}() returned a string longer than ${this.options.maxStringLength} characters`);
    return result;
  }
}

/** Evaluate `node`; throws CW_EXPR_EVAL (or CW_EXPR_LIMIT when over the step budget). */
export function evaluateNode(node: Node, lookup: Lookup, options: EvalOptions): ExprValue {
  return new Run(lookup, options).visit(node);
}
