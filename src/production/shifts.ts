/**
 * The shift calendar (pure): shifts as local wall times in an IANA time zone, resolved to instants
 * with Intl through the historian's zone helpers. A shift whose end is not after its start runs
 * past midnight into the next day. On a DST day a shift keeps its wall times, so a night shift
 * across the spring-forward change lasts an hour less and across the fall-back change an hour more.
 */
import { instantOf, isTimeZone, localTimeOf } from '../historian/query/zone.js';

/** ISO weekday numbers: 1 Monday … 7 Sunday. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One shift of the calendar, as configured. */
export interface ShiftDefinition {
  name: string;
  /** Local wall time the shift starts, HH:MM. */
  start: string;
  /** Local wall time it ends, HH:MM; at or before `start`: on the next day. */
  end: string;
  /** Weekdays on which it starts (default every day). */
  days?: readonly Weekday[];
}

export interface ShiftCalendar {
  timeZone: string;
  shifts: readonly ShiftDefinition[];
}

/** One occurrence of a shift. */
export interface ShiftInstance {
  name: string;
  /** The local date the shift starts on, YYYY-MM-DD: with the name, its identity ("C of 2026-03-07"). */
  date: string;
  /** Inclusive start, epoch ms. */
  start: number;
  /** Exclusive end, epoch ms. */
  end: number;
}

/** A local calendar day [start, end), 23, 24 or 25 hours long. */
export interface DayInstance {
  date: string;
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;

/** Minutes after midnight of an HH:MM text, or undefined when it is not one (00:00–23:59, also 24:00). */
export function parseClock(text: string): number | undefined {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 24 * 60 ? minutes : undefined;
}

/** Every problem of a calendar, as sentences; empty when it is sound. */
export function calendarProblems(c: ShiftCalendar): string[] {
  const problems: string[] = [];
  if (!isTimeZone(c.timeZone)) problems.push(`time zone "${c.timeZone}" is not an IANA time zone such as America/Chicago`);
  const names = new Set<string>();
  for (const s of c.shifts) {
    if (names.has(s.name)) problems.push(`shift "${s.name}" is defined twice`);
    names.add(s.name);
    for (const key of ['start', 'end'] as const) {
      if (parseClock(s[key]) === undefined) problems.push(`shift "${s.name}" ${key} "${s[key]}" is not a wall time HH:MM`);
    }
    for (const d of s.days ?? []) if (!WEEKDAYS.includes(d)) problems.push(`shift "${s.name}" names day "${d}", not one of ${WEEKDAYS.join(', ')}`);
  }
  return problems;
}

/** The instant a local date (days since 1970-01-01) plus minutes after midnight occurs in the zone. */
function instantAt(day: number, minutes: number, timeZone: string): number {
  const d = new Date((day + Math.floor(minutes / 1440)) * DAY_MS);
  const m = minutes % 1440;
  return instantOf({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: Math.floor(m / 60), minute: m % 60, second: 0 }, timeZone);
}

/** The local date of instant `t`, as days since 1970-01-01. */
function localDay(t: number, timeZone: string): number {
  const l = localTimeOf(t, timeZone);
  return Math.floor(Date.UTC(l.year, l.month - 1, l.day) / DAY_MS);
}

function dateText(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a day number: 1970-01-01 was a Thursday (4). */
function weekdayOf(day: number): Weekday {
  return WEEKDAYS[(((day + 3) % 7) + 7) % 7]!;
}

/** The occurrence of shift `s` that starts on local day `day`. */
function occurrence(s: ShiftDefinition, day: number, timeZone: string): ShiftInstance {
  const start = parseClock(s.start)!;
  const endClock = parseClock(s.end)!;
  const end = endClock > start ? endClock : endClock + 1440;
  return { name: s.name, date: dateText(day), start: instantAt(day, start, timeZone), end: instantAt(day, end, timeZone) };
}

/** Every shift occurrence overlapping [from, to), ordered by start. */
export function shiftsBetween(c: ShiftCalendar, from: number, to: number): ShiftInstance[] {
  const out: ShiftInstance[] = [];
  // A shift starting the day before `from` may still run into the range.
  const first = localDay(from, c.timeZone) - 1;
  const last = localDay(to, c.timeZone);
  for (let day = first; day <= last; day++) {
    for (const s of c.shifts) {
      if (s.days && !s.days.includes(weekdayOf(day))) continue;
      const o = occurrence(s, day, c.timeZone);
      if (o.end > from && o.start < to && o.end > o.start) out.push(o);
    }
  }
  return out.sort((a, b) => a.start - b.start || a.name.localeCompare(b.name));
}

/** The shift running at instant `t`, if any (the first by start when shifts overlap). */
export function shiftAt(c: ShiftCalendar, t: number): ShiftInstance | undefined {
  return shiftsBetween(c, t, t + 1).find((s) => s.start <= t && t < s.end);
}

/** The local calendar days overlapping [from, to), each from local midnight to the next. */
export function daysBetween(timeZone: string, from: number, to: number): DayInstance[] {
  const out: DayInstance[] = [];
  for (let day = localDay(from, timeZone); ; day++) {
    const start = instantAt(day, 0, timeZone);
    if (start >= to) return out;
    out.push({ date: dateText(day), start, end: instantAt(day + 1, 0, timeZone) });
  }
}
