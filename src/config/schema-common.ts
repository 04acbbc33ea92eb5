/** Building blocks shared by the parts of the config schema. */
import { Type } from 'typebox';

export const Id = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$', description: 'An identifier: letters, digits, "_" and "-", at most 64 characters.' });
export const NsPath = Type.String({ minLength: 1, maxLength: 512, description: 'A namespace path: segments of letters, digits, "_" and "-" separated by "/".' });
export const ValueTypeSchema = Type.Union([Type.Literal('number'), Type.Literal('boolean'), Type.Literal('string')]);
const DURATION_TEXT = '^\\d+(\\.\\d+)?(ms|s|m|h|d|w)$';
/** A duration with its own description. */
export const DurationOf = (description: string) => Type.Union([Type.Integer({ minimum: 0 }), Type.String({ pattern: DURATION_TEXT })], { description });
export const Duration = DurationOf('A duration: milliseconds, or a number with a unit (500ms, 10s, 5m, 2h, 30d).');
