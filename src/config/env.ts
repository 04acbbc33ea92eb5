/** `${NAME}` substitution in string values, from the environment; `$${NAME}` stays literal. */
import { isMap, isScalar, isSeq, type Document, type Scalar } from 'yaml';
import { ERROR_CATALOGUE } from '../core/errors.js';
import type { ProblemCollector } from './collector.js';
import type { KeyPath } from './key-path.js';

/** The environment substitution reads from. */
export type Env = Readonly<Record<string, string | undefined>>;

const TOKEN = /\$\$\{|\$\{([^}]*)\}|\$\{/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Substitute `${NAME}` in one string. `missing` and `malformed` receive the token and its index in `value`. */
export function substituteText(
  value: string,
  env: Env,
  onProblem: (kind: 'missing' | 'malformed', token: string, index: number) => void,
): { text: string; used: string[] } {
  const used: string[] = [];
  const text = value.replace(TOKEN, (token: string, name: string | undefined, index: number) => {
    if (token === '$${') return '${';
    if (name === undefined || !NAME.test(name)) {
      onProblem('malformed', token, index);
      return token;
    }
    const v = env[name];
    if (v === undefined) {
      onProblem('missing', token, index);
      return token;
    }
    used.push(v);
    return v;
  });
  return { text, used };
}

function substituteScalar(node: Scalar, path: KeyPath, text: string, env: Env, out: ProblemCollector, used: string[]): void {
  const written = node.value as string;
  if (!written.includes('${')) return;
  const range = node.range ?? [0, 0];
  const raw = text.slice(range[0], range[1]);
  let cursor = 0;
  const result = substituteText(written, env, (kind, token) => {
    // Point at the token in the source; quoted or folded scalars may shift it, so search the raw text.
    const at = raw.indexOf(token, cursor);
    cursor = at < 0 ? cursor : at + token.length;
    const offset = range[0] + Math.max(0, at);
    if (kind === 'missing') {
      const name = token.slice(2, -1);
      const p = { name };
      out.reportAt(offset, path, 'CW_CONFIG_ENV_MISSING', ERROR_CATALOGUE.CW_CONFIG_ENV_MISSING.message(p), ERROR_CATALOGUE.CW_CONFIG_ENV_MISSING.hint(p));
    } else {
      out.reportAt(
        offset,
        path,
        'CW_CONFIG_ENV_SYNTAX',
        `${JSON.stringify(token)} is not a valid environment reference.`,
        'Write ${NAME} with a name of letters, digits and "_", or $${…} for a literal "${".',
      );
    }
  });
  if (result.text === written) return;
  node.value = result.text;
  if (result.used.length > 0) out.markSubstituted(path, written);
  used.push(...result.used);
}

/** Replace `${NAME}` in every string value of `doc`; returns the values inserted, so callers can keep them out of output. */
export function substituteEnv(doc: Document, text: string, env: Env, out: ProblemCollector): string[] {
  const used: string[] = [];
  const walk = (node: unknown, path: KeyPath): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        // An inline merge (`<<: { … }`) lands its keys in this mapping; an alias there was substituted at its anchor.
        const key = String(pair.key.value);
        walk(pair.value, key === '<<' ? path : [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i]));
    } else if (isScalar(node) && typeof node.value === 'string') {
      substituteScalar(node, path, text, env, out, used);
    }
  };
  walk(doc.contents, []);
  return used;
}
