/**
 * Reads the simulator's tags from the source context: checks their own keys against the tag
 * schema (with messages that name the tag and key), then their references (see plan.ts).
 */
import type { TSchema } from 'typebox';
import { fitsSchema, schemaErrors } from '../../config/schema-check.js';
import { TAG_COMMON_KEYS, type TagConfig } from '../../config/schema.js';
import type { ValueType } from '../../core/sample.js';
import { planTags, type SimTag } from './plan.js';
import { SignalSchema, SimulatorTagSchema, type DropoutConfig, type SignalConfig } from './schema.js';

const COMMON = new Set(TAG_COMMON_KEYS);

/** The signal kinds, from the schema. */
export const SIGNAL_KINDS: readonly string[] = SignalSchema.anyOf.map((s) => String(s.properties.kind.const));

/** `a.b.c` from a JSON pointer `/a/b/c`, prefixed. */
function keyPath(prefix: string, pointer: string): string {
  const rest = pointer.split('/').filter((p) => p !== '').join('.');
  if (rest === '') return prefix;
  return prefix.endsWith(':') ? `${prefix} ${rest}` : `${prefix}.${rest}`;
}

/** The first problem of `value` against `schema` as one sentence, or undefined when it conforms. */
export function schemaProblem(schema: TSchema, value: unknown, prefix: string): string | undefined {
  if (fitsSchema(schema, value)) return undefined;
  for (const e of schemaErrors(schema, value)) {
    if (e.keyword === 'boolean') continue; // reported again as additionalProperties, with the names
    if (e.keyword === 'additionalProperties') {
      const names = (e.params as { additionalProperties?: string[] }).additionalProperties ?? [];
      return `${keyPath(prefix, e.instancePath)} has unknown key${names.length === 1 ? '' : 's'} ${names.map((n) => `"${n}"`).join(', ')}`;
    }
    return `${keyPath(prefix, e.instancePath)} ${e.message}`;
  }
  return `${prefix} is not valid`;
}

/** The problem with a tag's signal, checked against the one variant its kind names. */
function signalProblem(signal: unknown, prefix: string): string | undefined {
  if (typeof signal !== 'object' || signal === null) return `${prefix} must be an object with a kind, one of: ${SIGNAL_KINDS.join(', ')}`;
  const kind = (signal as { kind?: unknown }).kind;
  const variant = SignalSchema.anyOf.find((s) => s.properties.kind.const === kind);
  if (!variant) return `${prefix}.kind ${JSON.stringify(kind)} is not a simulator signal; use one of: ${SIGNAL_KINDS.join(', ')}`;
  return schemaProblem(variant, signal, prefix);
}

/** The simulator's own keys of a tag: everything but the common keys config/ checks. */
export function ownKeys(tag: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(tag).filter(([key]) => !COMMON.has(key)));
}

/** The tags as the simulation needs them, in dependency order, or every problem found. */
export function readTags(tags: readonly TagConfig[]): { ordered: SimTag[]; problems: string[] } {
  const problems: string[] = [];
  const read: SimTag[] = [];
  for (const tag of tags) {
    const own = ownKeys(tag);
    const name = `tag ${tag.id}`;
    const problem = own.signal === undefined ? `${name}: signal is missing` : signalProblem(own.signal, `${name}: signal`);
    const rest = problem ?? schemaProblem(SimulatorTagSchema, own, `${name}:`);
    if (rest) {
      problems.push(rest);
      continue;
    }
    const simTag: SimTag = { id: tag.id, signal: own.signal as SignalConfig };
    if (tag.type !== undefined) simTag.type = tag.type as ValueType;
    if (typeof own.badQualityRate === 'number') simTag.badQualityRate = own.badQualityRate;
    if (own.dropouts !== undefined) simTag.dropouts = own.dropouts as DropoutConfig;
    read.push(simTag);
  }
  if (problems.length > 0) return { ordered: [], problems };
  return planTags(read);
}
