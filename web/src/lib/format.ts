/** How values, times and durations read in the console. */

const NUMBER = new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 });
const RATE = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** A value as people read it: numbers grouped and rounded, booleans as words. */
export function formatValue(v: number | boolean | string | null | undefined, unit?: string): string {
  if (v === null || v === undefined) return '—';
  const text = typeof v === 'number' ? NUMBER.format(v) : typeof v === 'boolean' ? (v ? 'true' : 'false') : v;
  return unit && typeof v === 'number' ? `${text} ${unit}` : text;
}

export function formatRate(perSecond: number): string {
  return RATE.format(perSecond);
}

export function formatCount(n: number): string {
  return NUMBER.format(Math.round(n));
}

/** Local date and time with seconds. */
export function formatTime(ms: number | undefined): string {
  if (ms === undefined) return '—';
  return new Date(ms).toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** A span of time in words: 45 s, 3 min, 2 h 5 min, 3 d 4 h. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/** "3 min ago" or "in 5 s", relative to now. */
export function formatAgo(ms: number | undefined, now = Date.now()): string {
  if (ms === undefined) return '—';
  return ms > now ? `in ${formatDuration(ms - now)}` : `${formatDuration(now - ms)} ago`;
}

/** The last segment of a path, for tight spaces. */
export function leaf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The last `n` segments of a path. */
export function tail(path: string, n = 2): string {
  return path.split('/').slice(-n).join('/');
}
