/** Operator sentences for schema errors: what is wrong at which key, and what to write instead. */
import type { TLocalizedValidationError } from 'typebox/error';
import { formatKeyPath, keyPathOfPointer, schemaAt, valueAt, type KeyPath } from './key-path.js';
import { listNames, withSuggestion } from './suggest.js';
import type { SchemaTarget } from './validate.js';
import type { ProblemContext } from './collector.js';

/** A schema error, or a failed union collapsed into one issue. */
export interface Issue {
  error: TLocalizedValidationError;
  union?: { branches: readonly Record<string, unknown>[]; literals: readonly unknown[] | undefined; discriminator?: Discriminator };
}

/** The key whose constant value tells the branches of a union of mappings apart (e.g. `kind`). */
export interface Discriminator {
  key: string;
  values: readonly unknown[];
}

/** The discriminator of a union whose branches are all mappings with a constant at the same key. */
export function discriminatorOf(branches: readonly Record<string, unknown>[]): Discriminator | undefined {
  const first = branches[0]?.properties as Record<string, { const?: unknown }> | undefined;
  if (!first) return undefined;
  for (const key of Object.keys(first)) {
    const values = branches.map((b) => (b.properties as Record<string, { const?: unknown }> | undefined)?.[key]?.const);
    if (values.every((v) => v !== undefined) && new Set(values).size === values.length) return { key, values };
  }
  return undefined;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text', number: 'a number', integer: 'a whole number', boolean: 'true or false',
  object: 'a mapping (key: value)', array: 'a list', null: 'an empty value',
};

function typeWords(types: unknown): string {
  const words = ([] as unknown[]).concat(types ?? []).map((t) => TYPE_WORDS[String(t)] ?? String(t));
  return [...new Set(words)].join(' or ') || 'another value';
}

/** The description nearest to a schemaPath: its own, or that of the union it is a branch of. */
function descriptionAt(root: unknown, schemaPath: string): string | undefined {
  const d = schemaAt(root, schemaPath)?.description;
  if (typeof d === 'string') return sentence(d);
  const parent = /^(.*)\/(anyOf|oneOf)\/\d+$/.exec(schemaPath);
  return parent ? descriptionAt(root, parent[1]!) : undefined;
}

/** A description as a sentence: capitalised use as-is, with a full stop. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function literalList(values: readonly unknown[]): string {
  return listNames(values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))));
}

function reportUnion(issue: Issue, path: KeyPath, v: unknown, desc: string | undefined, ctx: ProblemContext): void {
  const { branches, literals, discriminator } = issue.union!;
  if (discriminator) {
    const at = [...path, discriminator.key];
    const found = valueAt(v, [discriminator.key]);
    const message = found === undefined ? `Required key "${discriminator.key}" is missing.` : withSuggestion(`${ctx.show(at, found)} is not a known ${discriminator.key}`, found, discriminator.values);
    ctx.report(found === undefined ? path : at, 'CW_CONFIG_SCHEMA', message, `Use one of: ${literalList(discriminator.values)}.`);
    return;
  }
  if (literals) {
    const message = withSuggestion(`${ctx.show(path, v)} is not one of the allowed values`, v, literals);
    ctx.report(path, 'CW_CONFIG_SCHEMA', message, `Use one of: ${literalList(literals)}.`);
    return;
  }
  const branchDesc = branches.map((b) => b.description).find((d): d is string => typeof d === 'string');
  const expected = typeWords(branches.flatMap((b) => b.type ?? []));
  ctx.report(path, 'CW_CONFIG_SCHEMA', `Expected ${expected}, found ${ctx.show(path, v)}.`, desc ?? branchDesc ?? `Write ${expected} here.`);
}

function reportKeys(e: TLocalizedValidationError, t: SchemaTarget, path: KeyPath, ctx: ProblemContext): number {
  const schema = schemaAt(t.schema, e.schemaPath);
  const props = (schema?.properties ?? {}) as Record<string, { description?: string }>;
  if (e.keyword === 'additionalProperties') {
    const extra = path.length === t.base.length ? (t.extraKeys ?? []) : [];
    const allowed = [...Object.keys(props), ...extra];
    const keys = (e.params as { additionalProperties: string[] }).additionalProperties;
    for (const key of keys) {
      const message = withSuggestion(`Unknown key "${key}"`, key, allowed);
      ctx.report([...path, key], 'CW_CONFIG_UNKNOWN_KEY', message, `Keys allowed here: ${listNames(allowed)}.`, 'key');
    }
    return keys.length;
  }
  const missing = (e.params as { requiredProperties: string[] }).requiredProperties;
  const parent = formatKeyPath(path) || 'the top level';
  for (const key of missing) {
    const desc = props[key]?.description;
    ctx.report([...path, key], 'CW_CONFIG_SCHEMA', `Required key "${key}" is missing.`, `Add "${key}:" to ${parent}.${desc ? ` ${desc}` : ''}`);
  }
  return missing.length;
}

/** Message and hint for a limit (range, length, list size), or undefined for other keywords. */
function limitProblem(e: TLocalizedValidationError, shown: string): [string, string] | undefined {
  const n = (e.params as { limit?: number }).limit;
  switch (e.keyword) {
    case 'minimum': return [`${shown} is too small; the least allowed is ${n}.`, `Use ${n} or more.`];
    case 'exclusiveMinimum': return [`${shown} is too small; it must be more than ${n}.`, `Use a value above ${n}.`];
    case 'maximum': return [`${shown} is too large; the most allowed is ${n}.`, `Use ${n} or less.`];
    case 'exclusiveMaximum': return [`${shown} is too large; it must be less than ${n}.`, `Use a value below ${n}.`];
    case 'minLength': return n === 1 ? ['The value is empty.', 'Write a value.'] : [`${shown} is shorter than ${n} characters.`, 'Write a longer value.'];
    case 'maxLength': return [`The value is longer than ${n} characters.`, `Shorten it to at most ${n} characters.`];
    case 'minItems': return [`The list needs at least ${n} ${n === 1 ? 'entry' : 'entries'}.`, 'Add entries to the list.'];
    case 'maxItems': return [`The list has more than ${n} entries.`, `Keep at most ${n} entries.`];
    default: return undefined;
  }
}

/** Report one issue at its key path; returns how many problems it produced. */
export function reportIssue(issue: Issue, t: SchemaTarget, value: unknown, ctx: ProblemContext): number {
  const e = issue.error;
  const rel = keyPathOfPointer(value, e.instancePath);
  const path = [...t.base, ...rel];
  const v = valueAt(value, rel);
  const desc = descriptionAt(t.schema, e.schemaPath);
  const shown = ctx.show(path, v);
  if (issue.union) {
    reportUnion(issue, path, v, desc, ctx);
    return 1;
  }
  switch (e.keyword) {
    case 'additionalProperties':
    case 'required':
      return reportKeys(e, t, path, ctx);
    case 'boolean':
      // `additionalProperties: false` yields this too, beside the additionalProperties error: report that one only.
      if (e.schemaPath.endsWith('/additionalProperties')) return 0;
      ctx.report(path, 'CW_CONFIG_SCHEMA', 'This key is not allowed here.', desc ?? 'Remove it.', 'key');
      return 1;
    case 'type':
      ctx.report(path, 'CW_CONFIG_SCHEMA', `Expected ${typeWords(e.params.type)}, found ${shown}.`, `Write ${typeWords(e.params.type)} here.${desc ? ` ${desc}` : ''}`);
      return 1;
    case 'const':
    case 'enum': {
      const allowed = e.keyword === 'const' ? [e.params.allowedValue] : e.params.allowedValues;
      ctx.report(path, 'CW_CONFIG_SCHEMA', withSuggestion(`${shown} is not one of the allowed values`, v, allowed), `Use one of: ${literalList(allowed)}.`);
      return 1;
    }
    case 'pattern':
      ctx.report(path, 'CW_CONFIG_SCHEMA', `${shown} does not have the required form.`, desc ?? `Write a value matching ${String(e.params.pattern)}.`);
      return 1;
    case 'uniqueItems': {
      const dupes = (e.params as { duplicateItems?: number[] }).duplicateItems ?? [];
      for (const i of dupes) ctx.report([...path, i], 'CW_CONFIG_SCHEMA', `${ctx.show([...path, i], (v as unknown[])[i])} appears more than once in this list.`, 'Remove the repeated entry.');
      return dupes.length;
    }
    default: {
      const [message, hint] = limitProblem(e, shown) ?? [`${shown} is not valid here: ${e.message}.`, 'Correct the value.'];
      ctx.report(path, 'CW_CONFIG_SCHEMA', message, desc ? `${hint} ${desc}` : hint);
      return 1;
    }
  }
}
