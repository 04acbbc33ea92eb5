/** Config validation shared by the sink kinds: the first problem as one sentence, as CW_SINK_CONFIG_INVALID. */
import { Type, type TSchema } from 'typebox';
import { fitsSchema, schemaErrors } from '../../config/schema-check.js';
import { CausewayError } from '../../core/errors.js';

/** The first problem of `value` against `schema` as one phrase, or undefined when it conforms. */
export function schemaProblem(schema: TSchema, value: unknown, prefix = 'config'): string | undefined {
  if (fitsSchema(schema, value)) return undefined;
  for (const e of schemaErrors(schema, value)) {
    if (e.keyword === 'boolean') continue; // reported again as additionalProperties, with the names
    const where = e.instancePath.split('/').filter((p) => p !== '').join('.');
    const at = `${prefix}${where ? `.${where}` : ''}`;
    if (e.keyword === 'additionalProperties') {
      const names = (e.params as { additionalProperties?: string[] }).additionalProperties ?? [];
      return `${at} has unknown key${names.length === 1 ? '' : 's'} ${names.map((n) => `"${n}"`).join(', ')}`;
    }
    return `${at} ${e.message}`;
  }
  return `${prefix} is not valid`;
}

/** Throw CW_SINK_CONFIG_INVALID when `config` does not fit the kind's schema. */
export function checkConfig(schema: TSchema, config: unknown, sink: string): void {
  const problem = schemaProblem(schema, config ?? {});
  if (problem) throw new CausewayError('CW_SINK_CONFIG_INVALID', { sink, problem });
}

/** A URL without user name, password, query or fragment, for messages and logs. */
export function safeTarget(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//').replace(/[?#].*$/, '');
  }
}

/** A duration as the hub config writes it: milliseconds, or a number with a unit (500ms, 15s, 5m, 2h, 7d, 1w). */
export function durationSchema(description: string) {
  return Type.Union([Type.Integer({ minimum: 0 }), Type.String({ pattern: '^\\d+(\\.\\d+)?(ms|s|m|h|d|w)$' })], {
    description: `${description} Milliseconds, or a number with a unit: 500ms, 15s, 5m, 2h, 7d.`,
  });
}
