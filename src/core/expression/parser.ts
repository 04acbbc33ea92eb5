/**
 * A Pratt parser: tokens to a syntax tree. Precedence, lowest first: `c ? a : b`, `||`, `&&`,
 * `== !=`, `< <= > >=` (not chainable), `+ -`, `* / %`, unary `- !`, then `.name`, `[index]`
 * and calls. Depth and length are bounded, so no input can exhaust the stack or hang.
 */
import type { BinaryOp, Node } from './ast.js';
import { tokenize, type Token } from './lexer.js';
import { exprError } from './values.js';

export interface ParseLimits {
  /** Longest accepted text, in characters. */
  readonly maxLength: number;
  /** Deepest accepted tree (and deepest parser recursion, parentheses included). */
  readonly maxDepth: number;
}

/** Checks a call's name and argument count; returns the problem, or undefined when it is fine. */
export type CallCheck = (name: string, argc: number) => string | undefined;

/** Binding powers of the infix operators: [left, right]. Right > left means left-associative. */
const INFIX: Record<string, readonly [number, number]> = {
  '||': [3, 4], '&&': [5, 6],
  '==': [7, 8], '!=': [7, 8],
  '<': [9, 10], '<=': [9, 10], '>': [9, 10], '>=': [9, 10],
  '+': [11, 12], '-': [11, 12],
  '*': [13, 14], '/': [13, 14], '%': [13, 14],
};
const TERNARY_BP = 2;
const UNARY_BP = 15;
const RELATIONAL = new Set(['<', '<=', '>', '>=']);
const EQUALITY = new Set(['==', '!=']);

class Parser {
  readonly #tokens: Token[];
  readonly #limits: ParseLimits;
  readonly #checkCall: CallCheck;
  readonly #depths = new WeakMap<Node, number>();
  #i = 0;
  #recursion = 0;

  constructor(text: string, limits: ParseLimits, checkCall: CallCheck) {
    this.#tokens = tokenize(text);
    this.#limits = limits;
    this.#checkCall = checkCall;
  }

  parseAll(): Node {
    const node = this.#expression(0);
    const t = this.#peek();
    if (t.kind !== 'eof') throw exprError('CW_EXPR_SYNTAX', t.pos, `unexpected ${show(t)} after a complete expression`);
    return node;
  }

  #peek(): Token {
    return this.#tokens[this.#i]!;
  }

  #next(): Token {
    const t = this.#tokens[this.#i]!;
    if (t.kind !== 'eof') this.#i++;
    return t;
  }

  #expect(op: string, what: string): Token {
    const t = this.#next();
    if (t.kind !== 'op' || t.text !== op) throw exprError('CW_EXPR_SYNTAX', t.pos, `expected "${op}" ${what}, found ${show(t)}`);
    return t;
  }

  /** Record a node's depth; throw CW_EXPR_LIMIT when the tree grows too deep. */
  #make(node: Node, ...children: Node[]): Node {
    let depth = 1;
    for (const c of children) depth = Math.max(depth, (this.#depths.get(c) ?? 1) + 1);
    if (depth > this.#limits.maxDepth) throw exprError('CW_EXPR_LIMIT', node.pos, `it nests deeper than ${this.#limits.maxDepth} levels`);
    this.#depths.set(node, depth);
    return node;
  }

  #expression(minBp: number): Node {
    if (++this.#recursion > this.#limits.maxDepth) throw exprError('CW_EXPR_LIMIT', this.#peek().pos, `it nests deeper than ${this.#limits.maxDepth} levels`);
    let left = this.#prefix();
    for (;;) {
      const t = this.#peek();
      if (t.kind !== 'op') break;
      if (t.text === '?') {
        if (TERNARY_BP < minBp) break;
        left = this.#conditional(left);
        continue;
      }
      const bp = INFIX[t.text];
      if (!bp || bp[0] < minBp) break;
      this.#next();
      const right = this.#expression(bp[1]);
      left = this.#binary(t, left, right);
      this.#rejectChain(t);
    }
    this.#recursion--;
    return left;
  }

  #binary(t: Token, left: Node, right: Node): Node {
    if (t.text === '&&' || t.text === '||') return this.#make({ type: 'logical', pos: t.pos, op: t.text, left, right }, left, right);
    return this.#make({ type: 'binary', pos: t.pos, op: t.text as BinaryOp, left, right }, left, right);
  }

  /** `1 < x < 3` means something else than it says; refuse it. */
  #rejectChain(op: Token): void {
    const t = this.#peek();
    if (t.kind !== 'op') return;
    const group = RELATIONAL.has(op.text) ? RELATIONAL : EQUALITY.has(op.text) ? EQUALITY : undefined;
    if (group?.has(t.text)) {
      throw exprError('CW_EXPR_SYNTAX', t.pos, `comparisons cannot be chained; write e.g. 1 < x && x < 3`);
    }
  }

  #conditional(test: Node): Node {
    const q = this.#next();
    const then = this.#expression(0);
    this.#expect(':', 'in c ? a : b');
    // Right-associative: a ? b : c ? d : e is a ? b : (c ? d : e).
    const otherwise = this.#expression(TERNARY_BP);
    return this.#make({ type: 'conditional', pos: q.pos, test, then, otherwise }, test, then, otherwise);
  }

  #prefix(): Node {
    const t = this.#next();
    switch (t.kind) {
      case 'number':
      case 'string':
        return this.#postfix(this.#make({ type: 'literal', pos: t.pos, value: t.value! }));
      case 'ident':
        return this.#postfix(this.#identifier(t));
      case 'op':
        return this.#prefixOp(t);
      case 'eof':
        throw exprError('CW_EXPR_SYNTAX', t.pos, 'the expression ends where a value is expected');
    }
  }

  #prefixOp(t: Token): Node {
    if (t.text === '-' || t.text === '!') {
      const operand = this.#expression(UNARY_BP);
      return this.#make({ type: 'unary', pos: t.pos, op: t.text, operand }, operand);
    }
    if (t.text === '(') {
      const inner = this.#expression(0);
      this.#expect(')', 'to close the "(" at column ' + (t.pos + 1));
      return this.#postfix(inner);
    }
    throw exprError('CW_EXPR_SYNTAX', t.pos, `unexpected ${show(t)} where a value is expected`);
  }

  #identifier(t: Token): Node {
    if (t.text === 'true' || t.text === 'false') return this.#make({ type: 'literal', pos: t.pos, value: t.text === 'true' });
    if (t.text === 'null') return this.#make({ type: 'literal', pos: t.pos, value: null });
    const open = this.#peek();
    if (open.kind === 'op' && open.text === '(') return this.#call(t);
    return this.#make({ type: 'variable', pos: t.pos, name: t.text });
  }

  #call(name: Token): Node {
    this.#next();
    const args: Node[] = [];
    if (!this.#isOp(')')) {
      for (;;) {
        args.push(this.#expression(0));
        if (!this.#isOp(',')) break;
        this.#next();
      }
    }
    this.#expect(')', `to close the call of ${name.text}()`);
    const problem = this.#checkCall(name.text, args.length);
    if (problem) throw exprError('CW_EXPR_SYNTAX', name.pos, problem);
    return this.#make({ type: 'call', pos: name.pos, name: name.text, args }, ...args);
  }

  #isOp(op: string): boolean {
    const t = this.#peek();
    return t.kind === 'op' && t.text === op;
  }

  /** `.name`, `[index]`; a call only follows a bare function name. */
  #postfix(node: Node): Node {
    let left = node;
    for (;;) {
      const t = this.#peek();
      if (t.kind !== 'op') return left;
      if (t.text === '.') {
        this.#next();
        const name = this.#next();
        if (name.kind !== 'ident') throw exprError('CW_EXPR_SYNTAX', name.pos, `expected a name after ".", found ${show(name)}; use a[0] for indexes`);
        left = this.#make({ type: 'member', pos: name.pos, object: left, name: name.text }, left);
      } else if (t.text === '[') {
        this.#next();
        const index = this.#expression(0);
        this.#expect(']', 'to close the index');
        left = this.#make({ type: 'index', pos: t.pos, object: left, index }, left, index);
      } else if (t.text === '(') {
        throw exprError('CW_EXPR_SYNTAX', t.pos, 'only functions can be called, by name, e.g. round(x)');
      } else {
        return left;
      }
    }
  }
}

/** A token as quoted in a message. */
function show(t: Token): string {
  if (t.kind === 'eof') return 'the end of the expression';
  if (t.kind === 'op') return `"${t.text}"`;
  const text = t.text.length > 30 ? `${t.text.slice(0, 30)}…` : t.text;
  return t.kind === 'ident' ? `the name ${text}` : `the ${t.kind} ${text}`;
}

/** Parse expression text into a tree, or throw CW_EXPR_SYNTAX / CW_EXPR_LIMIT with the column. */
export function parse(text: string, limits: ParseLimits, checkCall: CallCheck): Node {
  if (typeof text !== 'string') throw exprError('CW_EXPR_SYNTAX', 0, 'the expression is not text');
  if (text.length > limits.maxLength) throw exprError('CW_EXPR_LIMIT', limits.maxLength, `it is ${text.length} characters long; at most ${limits.maxLength} are allowed`);
  if (text.trim() === '') throw exprError('CW_EXPR_SYNTAX', 0, 'the expression is empty');
  return new Parser(text, limits, checkCall).parseAll();
}
