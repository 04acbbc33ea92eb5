/** TypeBox schemas shared by several routes. */
import { Type } from 'typebox';

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String({ description: 'What went wrong, in plant terms.' }),
    status: Type.Integer(),
    code: Type.String({ description: 'Stable error code, CW_<AREA>_<WHAT>.' }),
    hint: Type.String({ description: 'What to do next.' }),
    retryable: Type.Boolean(),
    detail: Type.Optional(Type.String({ description: 'Technical detail.' })),
    step: Type.Optional(Type.String({ description: 'A refused write: the step that refused it (permission, target, conduit, limits, approval, rate, audit, source, verify).' })),
    instance: Type.String(),
  },
  { description: 'An error, as application/problem+json.' },
);

export const ValueSchema = Type.Union([Type.Number(), Type.Boolean(), Type.String()]);
export const QualitySchema = Type.Union([Type.Literal('good'), Type.Literal('uncertain'), Type.Literal('bad')]);
/** Why the hub marked a value: link_lost (bad, the source's link is down) or stale (uncertain, no update within its period). */
export const QualityReasonSchema = Type.Union([Type.Literal('link_lost'), Type.Literal('stale')], {
  description: 'Present only when the hub marked the value: link_lost (bad: the source lost its link to the device) or stale (uncertain: no update within its stale period).',
});

export const PathQuery = Type.String({ minLength: 1, maxLength: 512, description: 'A namespace path or path prefix, e.g. acme/springfield/packaging/line1.' });

/** Problem responses for the given status codes. */
export function problems(...codes: number[]): Record<number, unknown> {
  return Object.fromEntries(codes.map((c) => [c, ProblemSchema]));
}
