/** Run a TypeBox schema over a config value and turn every error (not only the first 8) into located problems. */
import type { TSchema } from 'typebox';
import { Settings } from 'typebox/system';
import type { TLocalizedValidationError } from 'typebox/error';
import { schemaErrors } from './schema-check.js';
import { keyPathOfPointer, schemaAt, setValueAt, valueAt, type KeyPath } from './key-path.js';
import { discriminatorOf, reportIssue, type Discriminator, type Issue } from './schema-messages.js';
import type { ProblemContext } from './collector.js';

/** A schema, where its value sits in the config, and how to read that value (tags are read without common keys). */
export interface SchemaTarget {
  schema: TSchema;
  base: KeyPath;
  read: () => unknown;
  /** Keys checked elsewhere but allowed at the top of this value (shown in "allowed keys" hints). */
  extraKeys?: readonly string[];
}

/** Enough for a long config with many mistakes, bounded so a hostile file cannot exhaust memory. */
const MAX_ERRORS = 1000;

/** Every validation error of `value` (TypeBox buffers only 8 by default; the setting is restored at once). */
export function allErrors(schema: TSchema, value: unknown): TLocalizedValidationError[] {
  const previous = Settings.Get().maxErrors;
  Settings.Set({ maxErrors: MAX_ERRORS });
  try {
    return schemaErrors(schema, value);
  } finally {
    Settings.Set({ maxErrors: previous });
  }
}

function fitsType(branch: Record<string, unknown> | undefined, value: unknown): boolean {
  const types = ([] as unknown[]).concat(branch?.type ?? []);
  return types.some((t) =>
    t === 'object' ? value !== null && typeof value === 'object' && !Array.isArray(value)
      : t === 'array' ? Array.isArray(value)
        : t === 'integer' ? typeof value === 'number'
          : t === 'null' ? value === null
            : typeof value === t,
  );
}

/** The branch a mapping's discriminator picks; when the key is absent, the one branch where it is optional (a default kind). */
function branchFor(disc: Discriminator, branches: readonly Record<string, unknown>[], v: Record<string, unknown>): number {
  if (v[disc.key] !== undefined) return disc.values.indexOf(v[disc.key]);
  const optional = branches.flatMap((b, i) => (Array.isArray(b.required) && b.required.includes(disc.key) ? [] : [i]));
  return optional.length === 1 ? optional[0]! : -1;
}

/**
 * Replace each failed anyOf/oneOf and its branch errors by one issue: the allowed values when the
 * branches are literals, the errors of the one branch the value's type fits, or "expected A or B".
 */
export function collapseUnions(errors: readonly TLocalizedValidationError[], root: TSchema, value: unknown): Issue[] {
  let remaining: TLocalizedValidationError[] = [...errors];
  const unions: Issue[] = [];
  const byDepth = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const u of byDepth) {
    if (!remaining.includes(u)) continue;
    const prefix = `${u.schemaPath}/${u.keyword}/`;
    const inner = remaining.filter((e) => e.schemaPath.startsWith(prefix) && e.instancePath.startsWith(u.instancePath));
    remaining = remaining.filter((e) => e !== u && !inner.includes(e));
    const branches = ((schemaAt(root, u.schemaPath)?.[u.keyword] ?? []) as Record<string, unknown>[]);
    const v = valueAt(value, keyPathOfPointer(value, u.instancePath));
    const literals = branches.every((b) => 'const' in b) ? branches.map((b) => b.const) : undefined;
    const disc = literals ? undefined : discriminatorOf(branches);
    const chosen = disc && typeof v === 'object' && v !== null ? branchFor(disc, branches, v as Record<string, unknown>) : -1;
    const fitting = disc ? (chosen >= 0 ? [chosen] : []) : branches.flatMap((b, i) => (fitsType(b, v) ? [i] : []));
    if (disc && chosen < 0) {
      unions.push({ error: u, union: { branches, literals, discriminator: disc } });
    } else if (!literals && fitting.length === 1) {
      const p = `${prefix}${fitting[0]}`;
      remaining.push(...inner.filter((e) => e.schemaPath === p || e.schemaPath.startsWith(`${p}/`)));
    } else {
      unions.push({ error: u, union: { branches, literals } });
    }
  }
  return [...remaining.map((error) => ({ error })), ...unions];
}

function convertText(text: string, types: readonly unknown[]): number | boolean | undefined {
  for (const t of types) {
    if (t === 'integer' && /^[+-]?\d+$/.test(text.trim())) return Number(text);
    if (t === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
    if (t === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  }
  return undefined;
}

/** Convert env-substituted text to the number or boolean the schema expects there; true when anything changed. */
function coerceFromEnv(errors: readonly TLocalizedValidationError[], t: SchemaTarget, value: unknown, root: unknown, ctx: ProblemContext): boolean {
  let changed = false;
  for (const e of errors) {
    if (e.keyword !== 'type') continue;
    const rel = keyPathOfPointer(value, e.instancePath);
    const path = [...t.base, ...rel];
    const text = valueAt(value, rel);
    if (typeof text !== 'string' || !ctx.isSubstituted(path)) continue;
    const converted = convertText(text, ([] as unknown[]).concat(e.params.type));
    if (converted === undefined) continue;
    setValueAt(root, path, converted);
    changed = true;
  }
  return changed;
}

/** Validate one target inside `root` and report every problem; returns how many were reported. */
export function validateTarget(t: SchemaTarget, root: unknown, ctx: ProblemContext): number {
  let value = t.read();
  let errors = allErrors(t.schema, value);
  if (errors.length > 0 && coerceFromEnv(errors, t, value, root, ctx)) {
    value = t.read();
    errors = allErrors(t.schema, value);
  }
  let count = 0;
  for (const issue of collapseUnions(errors, t.schema, value)) count += reportIssue(issue, t, value, ctx);
  return count;
}
