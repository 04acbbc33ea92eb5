/**
 * TypeBox validation through `typebox/schema`, which `typebox/value`'s Check and Errors call: the
 * same answers, without loading the value module's 140 other files (clone, convert, codec…) on the
 * way of `causeway check` (see bench/startup/README.md).
 */
import type { TSchema } from 'typebox';
import type { TLocalizedValidationError } from 'typebox/error';
import { Check, Errors } from 'typebox/schema';

/** True when `value` fits `schema` (as Value.Check). */
export function fitsSchema(schema: TSchema, value: unknown): boolean {
  return Check(schema, value);
}

/** Every validation error of `value` against `schema`, up to the maxErrors setting (as Value.Errors). */
export function schemaErrors(schema: TSchema, value: unknown): TLocalizedValidationError[] {
  return Errors(schema, value)[1];
}
