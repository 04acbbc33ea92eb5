/** Reading alarm definitions as written: limit setpoints, priorities, the limits view of a block. */
import type { AlarmLimits } from './schema.js';
import { ALARM_PRIORITIES, type AlarmLimitConfig, type AlarmPriority, type AttributeAlarmsConfig } from './schema-alarms.js';

/** The limit alarms, lowest first: setpoints must rise in this order. */
export const LIMIT_NAMES = ['lolo', 'lo', 'hi', 'hihi'] as const;
export type LimitName = (typeof LIMIT_NAMES)[number];

/** The setpoint of a limit written as a number or as { setpoint, ... }. */
export function setpointOf(limit: AlarmLimitConfig | undefined): number | undefined {
  if (limit === undefined) return undefined;
  return typeof limit === 'number' ? limit : limit.setpoint;
}

/** A priority written as a name or as 1 (urgent) to 4 (low), as its name. */
export function priorityName(p: AlarmPriority | number | undefined, fallback: AlarmPriority): AlarmPriority {
  if (p === undefined) return fallback;
  return typeof p === 'number' ? (ALARM_PRIORITIES[p - 1] ?? fallback) : p;
}

/** The numeric limits of an attribute's alarms (what the namespace API shows). */
export function limitsView(block: AttributeAlarmsConfig | undefined): AlarmLimits | undefined {
  if (!block) return undefined;
  const out: AlarmLimits = {};
  for (const name of LIMIT_NAMES) {
    const sp = setpointOf(block[name]);
    if (sp !== undefined) out[name] = sp;
  }
  if (block.deadband !== undefined) out.deadband = block.deadband;
  return Object.keys(out).length > 0 ? out : undefined;
}
