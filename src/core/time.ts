/** Parsing of times and durations as users write them: ISO 8601, epoch ms, relative (-15m) and `now`. */

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Parse a duration such as `500ms`, `15s`, `5m`, `2h`, `7d`, `1w`, or a bare number of milliseconds. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)?$/.exec(text.trim());
  if (!m) return undefined;
  return Math.round(Number(m[1]) * UNIT_MS[m[2] ?? 'ms']!);
}

/**
 * Parse a time: ISO 8601, epoch milliseconds, `now`, or relative to now (`-15m`, `-2h`, `+1d`).
 * Returns epoch milliseconds or undefined when the text is not a time.
 */
export function parseTime(text: string, now: number): number | undefined {
  const t = text.trim();
  if (t === 'now') return now;
  const rel = /^([+-])(.+)$/.exec(t);
  if (rel) {
    const d = parseDuration(rel[2]!);
    return d === undefined ? undefined : now + (rel[1] === '-' ? -d : d);
  }
  if (/^\d{1,16}$/.test(t)) return Number(t);
  if (!/^\d{4}-\d{2}-\d{2}/.test(t)) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}

/** A config duration (milliseconds, or text with a unit) in milliseconds; `fallback` when absent. */
export function durationMs(d: number | string | undefined, fallback: number): number {
  if (d === undefined) return fallback;
  if (typeof d === 'number') return d;
  return parseDuration(d) ?? fallback;
}
