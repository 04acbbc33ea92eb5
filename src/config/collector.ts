/** Collects problems and maps key paths to line:column in the YAML source. */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Pair } from 'yaml';
import { formatKeyPath, type KeyPath } from './key-path.js';
import type { ConfigProblem, ConfigProblemCode } from './problems.js';

/** Where a problem points: the key itself, or the value under it (the key for mappings and lists). */
export type Target = 'key' | 'value';

/** What checks report into: problems located by key path, and values shown without leaking secrets. */
export interface ProblemContext {
  report(path: KeyPath, code: ConfigProblemCode, message: string, hint: string, target?: Target): void;
  /** The value as a message may quote it; values taken from the environment show as the `${NAME}` written. */
  show(path: KeyPath, value: unknown): string;
  /** Report at character `index` of the text value at `path` (an expression's column), or at the value when that cannot be located. */
  reportInText(path: KeyPath, index: number, code: ConfigProblemCode, message: string, hint: string): void;
  /** The 1-based line of the node at `path`. */
  lineOf(path: KeyPath): number;
  /** True when the value at `path` was written as a `${NAME}` reference. */
  isSubstituted(path: KeyPath): boolean;
}

/** A short, quotable rendering of a config value. */
export function displayValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'an empty value';
  return Array.isArray(value) ? 'a list' : 'a mapping';
}

function keyText(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

function startOf(node: unknown): number | undefined {
  const range = (node as { range?: readonly number[] | null } | null)?.range;
  return range?.[0];
}

/** Collects the problems of one file; positions come from the parsed YAML document. */
export class ProblemCollector implements ProblemContext {
  readonly problems: ConfigProblem[] = [];
  readonly #file: string;
  readonly #doc: Document | undefined;
  readonly #lines: LineCounter | undefined;
  /** Formatted key path → the text written there before `${NAME}` substitution. */
  readonly #written = new Map<string, string>();

  constructor(file: string, doc?: Document, lineCounter?: LineCounter) {
    this.#file = file;
    this.#doc = doc;
    this.#lines = lineCounter;
  }

  /** Remember that the value at `path` came from the environment, as `written` in the file. */
  markSubstituted(path: KeyPath, written: string): void {
    this.#written.set(formatKeyPath(path), written);
  }

  report(path: KeyPath, code: ConfigProblemCode, message: string, hint: string, target: Target = 'value'): void {
    this.reportAt(this.#offsetOf(path, target), path, code, message, hint);
  }

  /** Report at a source offset rather than at a node (YAML syntax, `${NAME}` inside a string). */
  reportAt(offset: number, path: KeyPath, code: ConfigProblemCode, message: string, hint: string): void {
    const { line, column } = this.#position(offset);
    this.problems.push({ file: this.#file, line, column, path: formatKeyPath(path), code, message, hint });
  }

  reportInText(path: KeyPath, index: number, code: ConfigProblemCode, message: string, hint: string): void {
    const start = this.#offsetOf(path, 'value');
    const node = this.#nodeAt(path);
    const range = (node as { range?: readonly number[] | null } | undefined)?.range;
    let offset = start;
    if (isScalar(node) && typeof node.value === 'string' && range && range[0] === start) {
      const quotes = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 2 : node.type === 'PLAIN' ? 0 : -1;
      // Only where the written text is the value itself (no escapes, no folding) does index map to a column.
      if (quotes >= 0 && range[1]! - range[0]! === node.value.length + quotes && index <= node.value.length) offset = start + quotes / 2 + index;
    }
    this.reportAt(offset, path, code, message, hint);
  }

  show(path: KeyPath, value: unknown): string {
    const written = this.#written.get(formatKeyPath(path));
    return written === undefined ? displayValue(value) : `${JSON.stringify(written)} (from the environment)`;
  }

  isSubstituted(path: KeyPath): boolean {
    return this.#written.has(formatKeyPath(path));
  }

  lineOf(path: KeyPath): number {
    return this.#position(this.#offsetOf(path, 'value')).line;
  }

  #position(offset: number): { line: number; column: number } {
    const pos = this.#lines?.linePos(offset);
    return pos && pos.line > 0 ? { line: pos.line, column: pos.col } : { line: 1, column: 1 };
  }

  /** The offset of the node at `path`, or of the deepest node that exists on the way there. */
  #offsetOf(path: KeyPath, target: Target): number {
    const doc = this.#doc;
    let node: unknown = doc?.contents;
    let via: Pair | undefined;
    for (const seg of path) {
      if (isAlias(node) && doc) node = node.resolve(doc);
      if (isMap(node)) {
        const pair = node.items.find((p) => keyText(p.key) === String(seg));
        if (!pair) return this.#anchor(node, via);
        via = pair;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number' && node.items[seg] !== undefined) {
        via = undefined;
        node = node.items[seg];
      } else {
        return this.#anchor(node, via);
      }
    }
    const isValueNode = (isScalar(node) && node.value !== null) || isAlias(node);
    if (target === 'value' && isValueNode) return startOf(node) ?? 0;
    return this.#anchor(node, via);
  }

  /** The node at `path`, or undefined when the path does not lead to one. */
  #nodeAt(path: KeyPath): unknown {
    const doc = this.#doc;
    let node: unknown = doc?.contents;
    for (const seg of path) {
      if (isAlias(node) && doc) node = node.resolve(doc);
      if (isMap(node)) node = node.items.find((p) => keyText(p.key) === String(seg))?.value;
      else if (isSeq(node) && typeof seg === 'number') node = node.items[seg];
      else return undefined;
    }
    return node;
  }

  /** A mapping or list is pointed at by its key when it has one, else by its first line. */
  #anchor(node: unknown, via: Pair | undefined): number {
    return startOf(via?.key) ?? startOf(node) ?? 0;
  }
}
