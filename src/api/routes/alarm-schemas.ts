/** Schemas of the alarm routes: an alarm as listed, and the journal. */
import { Type } from 'typebox';
import { ALARM_STATES, type AlarmStateName } from '../../alarms/state-machine.js';
import { ValueSchema } from '../schemas.js';

export const STATE_NAMES = ALARM_STATES;
export const PrioritySchema = Type.Union([Type.Literal('urgent'), Type.Literal('high'), Type.Literal('medium'), Type.Literal('low')]);
export const StateSchema = Type.Unsafe<AlarmStateName>({ type: 'string', enum: [...ALARM_STATES],
  description: 'NORMAL, UNACK_ACTIVE, ACKED_ACTIVE, RTN_UNACK (returned to normal, not acknowledged), LATCHED, SHELVED, SUPPRESSED (by design) or OUT_OF_SERVICE.',
});

const Who = Type.Object({ by: Type.String(), at: Type.Number() });

export const AlarmSchema = Type.Object({
  id: Type.String({ description: '<attribute path>/<name>.' }),
  name: Type.String({ description: 'hihi, hi, lo, lolo, or the rule\'s name.' }),
  path: Type.String({ description: 'The attribute it watches.' }),
  asset: Type.String(),
  type: Type.Union([Type.Literal('limit'), Type.Literal('discrete'), Type.Literal('deviation'), Type.Literal('quality'), Type.Literal('rate-of-change'), Type.Literal('condition')]),
  state: StateSchema,
  priority: PrioritySchema,
  area: Type.Optional(Type.String()),
  message: Type.String({ description: 'The message with its placeholders filled with the current value.' }),
  active: Type.Boolean({ description: 'The condition (after on- and off-delays), also while shelved, suppressed or out of service.' }),
  suppressed: Type.Boolean(),
  latching: Type.Boolean(),
  value: Type.Optional(ValueSchema),
  setpoint: Type.Optional(Type.Number({ description: 'Limits: the setpoint; deviations and rates of change: the limit.' })),
  from: Type.Optional(Type.String({ description: 'Deviations: the attribute compared with.' })),
  unit: Type.Optional(Type.String()),
  activeAt: Type.Optional(Type.Number({ description: 'When the condition last became active (source time, epoch ms).' })),
  changedAt: Type.Number({ description: 'Time of the last transition, epoch ms.' }),
  acked: Type.Optional(Type.Object({ ...Who.properties, comment: Type.Optional(Type.String()) })),
  shelved: Type.Optional(Type.Object({ ...Who.properties, reason: Type.String(), until: Type.Number() })),
  outOfService: Type.Optional(Type.Object({ ...Who.properties, reason: Type.String() })),
  rationalization: Type.Object({
    cause: Type.Optional(Type.String()), consequence: Type.Optional(Type.String()), correctiveAction: Type.Optional(Type.String()),
    timeToRespondMs: Type.Optional(Type.Number()), owner: Type.Optional(Type.String()),
  }),
});

export const AlarmListSchema = Type.Object({ alarms: Type.Array(AlarmSchema) });

export const JournalEntrySchema = Type.Object({
  seq: Type.Integer(), id: Type.String(), path: Type.String(), name: Type.String(), area: Type.Optional(Type.String()), priority: Type.String(),
  event: Type.String({ description: 'activate, clear, ack, shelve, unshelve, shelve-expired, suppress, unsuppress, out-of-service or in-service.' }),
  from: StateSchema, to: StateSchema,
  at: Type.Number({ description: 'Source time of the sample that caused it, or the time of the action (epoch ms).' }),
  value: Type.Optional(ValueSchema), user: Type.Optional(Type.String()), comment: Type.Optional(Type.String()), message: Type.Optional(Type.String()),
});

export const JournalSchema = Type.Object({ from: Type.Number(), to: Type.Number(), entries: Type.Array(JournalEntrySchema) });
