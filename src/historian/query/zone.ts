/**
 * Wall-clock arithmetic in IANA time zones with nothing but Intl.DateTimeFormat: the offset of a
 * zone at an instant, the local date of an instant, and the instant of a local wall time.
 */

/** A local calendar date and wall time; month 1-12. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', era: 'short',
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone (or an offset name) this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.length === 0) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local date and wall time of instant `t` (epoch ms) in `timeZone`. */
export function localTimeOf(t: number, timeZone: string): LocalTime {
  const out: LocalTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  let bc = false;
  for (const p of formatter(timeZone).formatToParts(t)) {
    if (p.type === 'era') bc = p.value.startsWith('B');
    else if (p.type in out) out[p.type as keyof LocalTime] = Number(p.value);
  }
  if (bc) out.year = 1 - out.year;
  return out;
}

/** A local time read as if it were UTC, in epoch ms (years below 100 included). */
export function wallMs(l: LocalTime): number {
  const d = new Date(Date.UTC(2000, l.month - 1, l.day, l.hour, l.minute, l.second));
  d.setUTCFullYear(l.year);
  return d.getTime();
}

/** Offset of `timeZone` from UTC at instant `t`, in ms (local = UTC + offset). */
export function offsetAt(t: number, timeZone: string): number {
  const ms = ((t % 1000) + 1000) % 1000;
  return wallMs(localTimeOf(t - ms, timeZone)) - (t - ms);
}

const DAY_MS = 86_400_000;

/**
 * The instant a local wall time occurs in `timeZone`. Twice in a fall-back hour: the first
 * occurrence. Never, in a spring-forward gap: the instant just as far after the gap's start
 * (02:30 in a 02:00→03:00 gap is 03:30), so a day that starts in a gap starts when the clocks
 * jump.
 */
export function instantOf(local: LocalTime, timeZone: string): number {
  const wall = wallMs(local);
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const candidates = [wall - before, wall - after].sort((a, b) => a - b);
  for (const c of candidates) if (wallMs(localTimeOf(c, timeZone)) === wall) return c;
  return wall - before;
}
