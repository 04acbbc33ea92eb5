/** JSON Pointer (RFC 6901): `/a/0/b~1c` addresses payload.a[0]["b/c"]. Own keys only. */

/** A parsed pointer: its reference tokens. The empty pointer `""` is the whole document. */
export interface Pointer {
  readonly text: string;
  readonly tokens: readonly string[];
}

/** Parse a pointer; a string is the problem with it. */
export function parsePointer(text: string): Pointer | string {
  if (text === '') return { text, tokens: [] };
  if (!text.startsWith('/')) return `"${text}" is not a JSON pointer; it must start with "/" (e.g. /temp or /values/0)`;
  if (/~[^01]|~$/.test(text)) return `"${text}" has a "~" that is not ~0 (for ~) or ~1 (for /)`;
  const tokens = text.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  return { text, tokens };
}

/** The value at `pointer` in `doc`, or `{ missing }` naming the first token that is not there. */
export function resolvePointer(doc: unknown, pointer: Pointer): { value: unknown } | { missing: string } {
  let node = doc;
  for (const [i, token] of pointer.tokens.entries()) {
    const at = () => ({ missing: `/${pointer.tokens.slice(0, i + 1).map(escape).join('/')}` });
    if (Array.isArray(node)) {
      // RFC 6901: an index is "0" or digits without a leading zero; "-" (past the end) is never there.
      if (!/^(0|[1-9]\d*)$/.test(token)) return at();
      const n = Number(token);
      if (n >= node.length) return at();
      node = node[n];
    } else if (typeof node === 'object' && node !== null) {
      if (!Object.hasOwn(node, token)) return at();
      node = (node as Record<string, unknown>)[token];
    } else {
      return at();
    }
  }
  return { value: node };
}

function escape(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
