/** Schema of GET /api/v1/alarm-kpis (see src/alarms/kpis.ts for how each figure is computed). */
import { Type } from 'typebox';
import { StateSchema } from './alarm-schemas.js';

const Ref = {
  id: Type.String({ description: 'The alarm id, <attribute path>/<name>.' }),
  path: Type.String(),
  area: Type.Optional(Type.String()),
  priority: Type.String(),
};

const Rate = Type.Object({
  position: Type.String({ description: 'The operator position: an alarm area, "(no area)", or "site" for all together.' }),
  annunciated: Type.Integer({ description: 'Alarms annunciated (brought to UNACK_ACTIVE) in the period.' }),
  per10Min: Type.Number({ description: 'Average per 10 minutes; target ~1 (very likely acceptable), ~2 (maximum manageable).' }),
  perHour: Type.Number({ description: 'Average per hour; target ~6 (very likely acceptable), ~12 (maximum manageable).' }),
  peak10Min: Type.Integer({ description: 'The most in one 10-minute period.' }),
  peakHour: Type.Integer({ description: 'The most in one hour (hours counted from from).' }),
  floodPeriods: Type.Integer({ description: '10-minute periods with more than 10 annunciated alarms.' }),
  floodShare: Type.Number({ description: 'Share of the period\'s time in those periods (0..1); target < 0.01.' }),
  counts: Type.Array(Type.Integer(), { description: 'Annunciated alarms in each 10-minute period (see periods).' }),
});

const Held = Type.Object({
  ...Ref, state: StateSchema,
  since: Type.Number({ description: 'Standing and stale: when the condition became active; others: since when in that state (epoch ms).' }),
});

export const AlarmKpisSchema = Type.Object({
  from: Type.Number(),
  to: Type.Number({ description: 'End of the period, excluded.' }),
  periods: Type.Array(Type.Number(), { description: 'Start of each 10-minute period from from (the last may be shorter).' }),
  site: Rate,
  positions: Type.Array(Rate, { description: 'One per alarm area (operator position) with alarms annunciated in the period.' }),
  badActors: Type.Array(Type.Object({ ...Ref, name: Type.String(), annunciated: Type.Integer(), share: Type.Number({ description: 'Of all annunciated alarms.' }) }), { description: 'The ten most frequent alarms.' }),
  topTenShare: Type.Number({ description: 'The ten most frequent alarms\' share of all annunciated (target: at most 0.05).' }),
  chattering: Type.Array(Type.Object({ ...Ref, activations: Type.Integer(), maxPerMinute: Type.Integer(), firstAt: Type.Number() }), { description: 'Alarms whose condition became active 3 or more times within less than 60 s.' }),
  standing: Type.Array(Held, { description: 'Active and annunciated at to (UNACK_ACTIVE or ACKED_ACTIVE).' }),
  stale: Type.Array(Held, { description: 'Standing at to with the condition active for more than 24 h (target: fewer than 5).' }),
  shelved: Type.Array(Held),
  suppressed: Type.Array(Held, { description: 'Suppressed by design at to.' }),
  outOfService: Type.Array(Held),
  priorities: Type.Array(Type.Object({
    priority: Type.String(), annunciated: Type.Integer(), share: Type.Number(),
    recommended: Type.Number({ description: 'ISA-18.2 Table 5 for four priorities: low ~0.80, medium ~0.15, high ~0.05, urgent (highest) < 0.01.' }),
  })),
  targets: Type.Object({
    per10Min: Type.Object({ acceptable: Type.Number(), manageable: Type.Number() }),
    perHour: Type.Object({ acceptable: Type.Number(), manageable: Type.Number() }),
    floodShareMax: Type.Number(), topTenShareMax: Type.Number(), staleMax: Type.Number(),
    priority: Type.Record(Type.String(), Type.Number()),
  }, { description: 'The targets the figures are compared with (ISA-18.2-2016 Table 5, after EEMUA 191).' }),
});
