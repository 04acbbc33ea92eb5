/** The Modbus source's settings, read and checked from its `config:` block. */
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { durationMs } from '../../core/time.js';
import { MAX_READ_BITS, MAX_READ_REGISTERS } from './batching.js';
import { ModbusConfigSchema, type ModbusConfig } from './schema.js';

export const DEFAULT_PORT = 502;
export const DEFAULT_UNIT_ID = 1;
export const DEFAULT_TIMEOUT_MS = 1000;
export const DEFAULT_MAX_GAP = 10;
/** The group of tags that name none. */
export const DEFAULT_GROUP = 'default';

export interface PollGroup {
  id: string;
  intervalMs: number;
}

/** Everything the source needs from its config, with the defaults filled in. */
export interface ModbusSettings {
  host: string;
  port: number;
  unitId: number;
  timeoutMs: number;
  maxGap: number;
  maxRegisters: number;
  maxBits: number;
  /** The configured poll groups, or undefined: then every tag is read at the source's pollInterval. */
  groups: PollGroup[] | undefined;
}

/** `a.b.c` from a JSON pointer `/a/b/c`, after `prefix` (which may be empty). */
function keyPath(prefix: string, pointer: string): string {
  const rest = pointer.split('/').filter((p) => p !== '').join('.');
  if (rest === '') return prefix || 'it';
  return prefix ? `${prefix}.${rest}` : rest;
}

/** The first problem of `value` against `schema` as a phrase naming the key, or undefined when it conforms. */
export function schemaProblem(schema: TSchema, value: unknown, prefix: string): string | undefined {
  if (Value.Check(schema, value)) return undefined;
  const errors = Value.Errors(schema, value).filter((e) => e.keyword !== 'boolean'); // 'boolean' comes again as additionalProperties
  const first = errors[0];
  if (!first) return `${prefix || 'it'} is not valid`;
  const at = keyPath(prefix, first.instancePath);
  if (first.keyword === 'additionalProperties') {
    const names = (first.params as { additionalProperties?: string[] }).additionalProperties ?? [];
    return `${at} has unknown key${names.length === 1 ? '' : 's'} ${names.map((k) => `"${k}"`).join(', ')}`;
  }
  const allowed = errors.filter((e) => e.instancePath === first.instancePath && e.keyword === 'const').map((e) => (e.params as { allowedValue?: unknown }).allowedValue);
  if (allowed.length > 0) return `${at} ${JSON.stringify(valueAt(value, first.instancePath))} is not one of ${allowed.join(', ')}`;
  if (errors.some((e) => e.instancePath === first.instancePath && e.keyword === 'pattern' && e.schemaPath.includes('anyOf'))) {
    return `${at} must be milliseconds or a duration such as 500ms, 1s or 5m`;
  }
  return `${at} ${first.message}`;
}

/** The value at a JSON pointer. */
function valueAt(value: unknown, pointer: string): unknown {
  return pointer.split('/').filter((p) => p !== '').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), value);
}

/** The settings of a config, or the problems with it. */
export function readSettings(config: unknown): { settings?: ModbusSettings; problems: string[] } {
  const problem = schemaProblem(ModbusConfigSchema, config ?? {}, 'config');
  if (problem) return { problems: [problem] };
  const c = config as ModbusConfig;
  const groups = c.groups?.map((g) => ({ id: g.id, intervalMs: durationMs(g.interval, 0) }));
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const g of groups ?? []) {
    if (seen.has(g.id)) problems.push(`config.groups lists the group "${g.id}" twice`);
    if (!(g.intervalMs >= 1)) problems.push(`config.groups "${g.id}" needs an interval of at least 1 ms`);
    seen.add(g.id);
  }
  const timeoutMs = durationMs(c.timeout, DEFAULT_TIMEOUT_MS);
  if (!(timeoutMs >= 1)) problems.push('config.timeout must be at least 1 ms');
  const settings: ModbusSettings = {
    host: c.host,
    port: c.port ?? DEFAULT_PORT,
    unitId: c.unitId ?? DEFAULT_UNIT_ID,
    timeoutMs,
    maxGap: c.maxGap ?? DEFAULT_MAX_GAP,
    maxRegisters: c.maxRegistersPerRead ?? MAX_READ_REGISTERS,
    maxBits: c.maxBitsPerRead ?? MAX_READ_BITS,
    groups,
  };
  return problems.length > 0 ? { problems } : { settings, problems };
}
