/**
 * Calculated attributes, as written: an expression of the safe expression language over the
 * asset's attributes, parsed once. Shared by the config check (which reports problems at their
 * line) and the namespace (which evaluates). References are static, so lineage and cycle
 * detection know every input before the first value arrives:
 *
 * - `speed`                         the attribute `speed` of the same asset
 * - `attr('../capper/speed')`        another asset's attribute, by a path relative to this asset
 *                                    (`..` is the parent asset, `filler/speed` a child's attribute)
 * - `since_change(state)`, `rate(count)`, `avg(temp, '5m')` take a name or such a quoted path.
 */
import { compile, walk, type ExprFunction, type Node } from '../core/expression/index.js';
import { exprError } from '../core/expression/values.js';
import { parseDuration } from '../core/time.js';

/** The functions that read an attribute's history rather than its value. */
export const HISTORY_FUNCTIONS = ['since_change', 'rate', 'avg'] as const;
export type HistoryFunction = (typeof HISTORY_FUNCTIONS)[number];
/** How a calculation reads an input: its current value, or a function of its history. */
export type RefUse = 'value' | HistoryFunction;

/** The longest window avg() may take: history is kept in memory. */
export const MAX_WINDOW_MS = 24 * 3_600_000;

const REF_PATTERN = /^(\.\.\/)*[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;
const REF_FUNCTIONS = new Set<string>(['attr', ...HISTORY_FUNCTIONS]);

/** One input of a calculation, as written. */
export interface CalcRef {
  /** The attribute name or relative path written. */
  ref: string;
  use: RefUse;
  /** avg()'s window. */
  windowMs?: number;
  /** 0-based position in the expression text. */
  pos: number;
}

/** A parsed calculation: its tree with every reference made a string literal, and its inputs. */
export interface CalcProgram {
  source: string;
  ast: Node;
  refs: CalcRef[];
}

function stub(minArgs: number, maxArgs: number): ExprFunction {
  return { minArgs, maxArgs, call: () => null };
}

/** Names and argument counts of the calculation functions (their bodies live in the namespace). */
export const CALC_FUNCTION_SIGNATURES: Readonly<Record<string, ExprFunction>> = Object.freeze({
  attr: stub(1, 1),
  since_change: stub(1, 1),
  rate: stub(1, 1),
  avg: stub(2, 2),
});

/** Where a subtree starts in the text (an operator node sits at its operator). */
function startOf(node: Node): number {
  let pos = node.pos;
  walk(node, (n) => {
    pos = Math.min(pos, n.pos);
  });
  return pos;
}

function refArg(name: string, arg: Node): { ref: string; pos: number } {
  const text = arg.type === 'variable' ? arg.name : arg.type === 'literal' && typeof arg.value === 'string' ? arg.value : undefined;
  if (text === undefined) {
    throw exprError('CW_EXPR_SYNTAX', startOf(arg), `${name}() takes an attribute name or a quoted path such as '../capper/speed', not a computed value`);
  }
  if (!REF_PATTERN.test(text)) {
    throw exprError('CW_EXPR_SYNTAX', arg.pos, `"${text}" is not an attribute reference; write a name, a child's 'filler/speed' or a sibling's '../capper/speed'`);
  }
  return { ref: text, pos: arg.pos };
}

function windowArg(arg: Node | undefined): number {
  const ms = arg?.type === 'literal' && typeof arg.value === 'string' ? parseDuration(arg.value) : undefined;
  if (arg === undefined || ms === undefined || ms <= 0 || ms > MAX_WINDOW_MS) {
    throw exprError('CW_EXPR_SYNTAX', arg?.pos ?? 0, "avg() takes a quoted window from 1ms to 24h as its second argument, e.g. avg(temp, '5m')");
  }
  return ms;
}

/** The tree with each reference argument replaced by a string literal, collecting the references. */
function rewrite(node: Node, refs: CalcRef[]): Node {
  switch (node.type) {
    case 'literal':
      return node;
    case 'variable':
      refs.push({ ref: node.name, use: 'value', pos: node.pos });
      return node;
    case 'member':
      return { ...node, object: rewrite(node.object, refs) };
    case 'index':
      return { ...node, object: rewrite(node.object, refs), index: rewrite(node.index, refs) };
    case 'unary':
      return { ...node, operand: rewrite(node.operand, refs) };
    case 'binary':
    case 'logical':
      return { ...node, left: rewrite(node.left, refs), right: rewrite(node.right, refs) };
    case 'conditional':
      return { ...node, test: rewrite(node.test, refs), then: rewrite(node.then, refs), otherwise: rewrite(node.otherwise, refs) };
    case 'call':
      return rewriteCall(node, refs);
  }
}

function rewriteCall(node: Extract<Node, { type: 'call' }>, refs: CalcRef[]): Node {
  if (!REF_FUNCTIONS.has(node.name)) return { ...node, args: node.args.map((a) => rewrite(a, refs)) };
  const { ref, pos } = refArg(node.name, node.args[0]!);
  const use: RefUse = node.name === 'attr' ? 'value' : (node.name as HistoryFunction);
  const windowMs = node.name === 'avg' ? windowArg(node.args[1]) : undefined;
  refs.push({ ref, use, pos, ...(windowMs !== undefined ? { windowMs } : {}) });
  const literal: Node = { type: 'literal', pos, value: ref };
  return { ...node, args: [literal, ...node.args.slice(1)] };
}

/** Parse a calculation; throws CW_EXPR_SYNTAX or CW_EXPR_LIMIT with the column of the problem. */
export function parseCalc(text: string): CalcProgram {
  const expression = compile(text, { functions: CALC_FUNCTION_SIGNATURES });
  const refs: CalcRef[] = [];
  const ast = rewrite(expression.ast, refs);
  return { source: text, ast, refs };
}

/**
 * The path a reference names, seen from the asset at `assetPath`: `speed` → `<asset>/speed`,
 * `filler/speed` → `<asset>/filler/speed`, `../capper/speed` → `<parent>/capper/speed`.
 * Undefined when `..` climbs above the first segment.
 */
export function resolveRef(assetPath: string, ref: string): string | undefined {
  const out = assetPath.split('/');
  for (const part of ref.split('/')) {
    if (part !== '..') out.push(part);
    else if (out.length > 1) out.pop();
    else return undefined;
  }
  return out.join('/');
}
