/** The tokenizer: turns expression text into tokens, or throws CW_EXPR_SYNTAX at the first bad character. */
import { exprError } from './values.js';

export type TokenKind = 'number' | 'string' | 'ident' | 'op' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** The operator or identifier text; the literal text for numbers and strings. */
  readonly text: string;
  /** The value of a number or string literal. */
  readonly value?: number | string;
  readonly pos: number;
}

const OPERATORS = ['&&', '||', '==', '!=', '<=', '>=', '(', ')', '[', ']', '.', ',', '?', ':', '+', '-', '*', '/', '%', '!', '<', '>'];
const NUMBER = /(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;
const ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };
/** Characters that are neither part of a token nor whitespace, with what the user probably meant. */
const MISTAKES: Record<string, string> = { '=': 'use == to compare', '&': 'use && for "and"', '|': 'use || for "or"' };

/** Read a quoted string starting at `start` (the quote); returns its value and the index after it. */
function readString(text: string, start: number): { value: string; end: number } {
  const quote = text[start]!;
  let out = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === quote) return { value: out, end: i + 1 };
    if (c === '\n' || c === '\r') break;
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const e = text[i + 1];
    if (e === 'u') {
      const hex = text.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw exprError('CW_EXPR_SYNTAX', i, 'a \\u escape needs four hex digits');
      out += String.fromCharCode(parseInt(hex, 16));
      i += 6;
      continue;
    }
    const mapped = e === undefined ? undefined : ESCAPES[e];
    if (mapped === undefined) throw exprError('CW_EXPR_SYNTAX', i, `unknown escape \\${e ?? ''} in a string`);
    out += mapped;
    i += 2;
  }
  throw exprError('CW_EXPR_SYNTAX', start, `the string starting here is not closed with ${quote}`);
}

/** Read the token at `i` (not whitespace). */
function readToken(text: string, i: number): Token {
  const c = text[i]!;
  if (c === '"' || c === "'") {
    const { value, end } = readString(text, i);
    return { kind: 'string', text: text.slice(i, end), value, pos: i };
  }
  NUMBER.lastIndex = i;
  const num = NUMBER.exec(text);
  if (num) {
    const after = text[i + num[0].length];
    if (after !== undefined && /[A-Za-z0-9_.]/.test(after)) throw exprError('CW_EXPR_SYNTAX', i, `"${num[0]}${after}" is not a number`);
    const value = Number(num[0]);
    if (!Number.isFinite(value)) throw exprError('CW_EXPR_SYNTAX', i, `the number ${num[0]} is too large`);
    return { kind: 'number', text: num[0], value, pos: i };
  }
  IDENT.lastIndex = i;
  const ident = IDENT.exec(text);
  if (ident) return { kind: 'ident', text: ident[0], pos: i };
  const op = OPERATORS.find((o) => text.startsWith(o, i));
  if (op) return { kind: 'op', text: op, pos: i };
  const hint = MISTAKES[c];
  throw exprError('CW_EXPR_SYNTAX', i, `unexpected character ${JSON.stringify(c)}${hint ? `; ${hint}` : ''}`);
}

/** Split expression text into tokens, ending with one `eof` token. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    // space, tab, line feed, carriage return
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const token = readToken(text, i);
    tokens.push(token);
    i += token.text.length;
  }
  tokens.push({ kind: 'eof', text: '', pos: text.length });
  return tokens;
}
