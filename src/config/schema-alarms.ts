/**
 * Alarm definitions (ISA-18.2 / IEC 62682), on an attribute (`alarms:` of a template attribute)
 * and on a template (`alarms:` of the template, each block naming one of its attributes). Every
 * instance of the template gets them. docs/alarms.md explains each key.
 */
import { Type, type Static } from 'typebox';
import { Duration, DurationOf, Id } from './schema-common.js';

/** The four priorities, by name or number: 1 urgent, 2 high, 3 medium, 4 low. */
export const ALARM_PRIORITIES = ['urgent', 'high', 'medium', 'low'] as const;
export type AlarmPriority = (typeof ALARM_PRIORITIES)[number];

const PrioritySchema = Type.Union([
  Type.Literal('urgent'), Type.Literal('high'), Type.Literal('medium'), Type.Literal('low'),
  Type.Integer({ minimum: 1, maximum: 4 }),
], { description: 'urgent, high, medium or low; or 1 (urgent) to 4 (low).' });

const Text = (description: string, max = 2000) => Type.Optional(Type.String({ minLength: 1, maxLength: max, description }));

/** What every alarm may say about itself; on a block these are the defaults of its alarms. */
export const AlarmCommon = {
  priority: Type.Optional(PrioritySchema),
  area: Type.Optional(Id),
  owner: Text('Who owns the alarm: a team or a role, e.g. utilities-maintenance.', 200),
  message: Text('What the operator reads. Placeholders: {value}, {unit}, {path}, {setpoint}, {name}.', 500),
  cause: Text('Rationalization: the likely cause.'),
  consequence: Text('Rationalization: what happens if nobody acts.'),
  correctiveAction: Text('Rationalization: what the operator should do.'),
  timeToRespond: Type.Optional(Duration),
  deadband: Type.Optional(Type.Number({ minimum: 0, description: 'Limits, deviations and rates of change: how far back past the setpoint the value (or rate) must go before the alarm clears.' })),
  onDelay: Type.Optional(Duration),
  offDelay: Type.Optional(Duration),
  latching: Type.Optional(Type.Boolean({ description: 'Stay in alarm after the condition clears until acknowledged (reset).' })),
  suppressedWhen: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: "Suppressed by design while this expression (the calculation language, over the asset's attributes) is true, e.g. state != 1." })),
};

const LimitSchema = Type.Union([
  Type.Number({ description: 'The setpoint.' }),
  Type.Object({ setpoint: Type.Number(), ...AlarmCommon }, { additionalProperties: false, description: 'The setpoint, with keys that differ from the block.' }),
]);

const ValueOrLabel = Type.Union([Type.Number(), Type.Boolean(), Type.String({ minLength: 1, maxLength: 200 })], {
  description: "A value; for a state attribute also a state's label, e.g. faulted.",
});

/** A discrete, deviation, quality, rate-of-change or condition alarm, named within its attribute. */
export const AlarmRuleSchema = Type.Object(
  {
    name: Id,
    type: Type.Union([Type.Literal('discrete'), Type.Literal('deviation'), Type.Literal('quality'), Type.Literal('rate-of-change'), Type.Literal('condition')], {
      description: 'discrete: the value equals (or not) a state; deviation: differs from another attribute by more than limit; quality: the value is bad, stale or not good; rate-of-change: changes faster than limit per `per`; condition: the expression `when` is true.',
    }),
    equals: Type.Optional(ValueOrLabel),
    notEquals: Type.Optional(ValueOrLabel),
    from: Type.Optional(Type.String({ pattern: '^(\\.\\./)*[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$', maxLength: 256, description: "deviation: the attribute compared with, as a calculation names it: speed_sp, filler/speed, ../capper/speed." })),
    limit: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'deviation: the largest difference that is not an alarm; rate-of-change: the largest change per `per` that is not an alarm.' })),
    direction: Type.Optional(Type.Union([Type.Literal('both'), Type.Literal('above'), Type.Literal('below'), Type.Literal('rising'), Type.Literal('falling')], { description: 'deviation: above, below or both sides of the other (default both); rate-of-change: rising, falling or both (default both).' })),
    per: Type.Optional(DurationOf('rate-of-change: the unit of time of the limit, e.g. 1s (default) or 1m for a limit per minute.')),
    window: Type.Optional(DurationOf('rate-of-change: take the rate over at least this long (against the newest good sample this old) instead of between consecutive samples, to ride out noise; default 0.')),
    when: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: "condition: the expression (the calculation language, over the asset's attributes) that is the alarm, e.g. current > 40 && state == 1." })),
    quality: Type.Optional(Type.Union([Type.Literal('bad'), Type.Literal('stale'), Type.Literal('not-good')], { description: 'quality: bad, stale (not updated within its period) or not-good (either, or uncertain); default not-good.' })),
    ...AlarmCommon,
  },
  { additionalProperties: false },
);

/** The alarms of one attribute: limits (hihi, hi, lo, lolo), rules, and the defaults they share. */
export const AttributeAlarmsSchema = Type.Object(
  {
    hihi: Type.Optional(LimitSchema),
    hi: Type.Optional(LimitSchema),
    lo: Type.Optional(LimitSchema),
    lolo: Type.Optional(LimitSchema),
    rules: Type.Optional(Type.Array(AlarmRuleSchema, { description: 'Discrete, deviation, quality, rate-of-change and condition alarms of the attribute.' })),
    ...AlarmCommon,
  },
  { additionalProperties: false, description: "The attribute's alarms: limits lolo <= lo <= hi <= hihi (a number, or { setpoint, ... }), rules, and defaults for all of them (priority, deadband, delays, message, rationalization)." },
);

/** A block of alarms on a template, for one of its attributes (inherited ones included). */
export const TemplateAlarmsSchema = Type.Object(
  { attribute: Id, ...AttributeAlarmsSchema.properties },
  { additionalProperties: false, description: 'Alarms of one attribute of the template, written on the template (e.g. on an attribute it inherits).' },
);

export type AttributeAlarmsConfig = Static<typeof AttributeAlarmsSchema>;
export type TemplateAlarmsConfig = Static<typeof TemplateAlarmsSchema>;
export type AlarmRuleConfig = Static<typeof AlarmRuleSchema>;
export type AlarmLimitConfig = Static<typeof LimitSchema>;
