/** How fast a source's values arrive, in words that stay right for slow sources: "12 values/min · last value 3 s ago, every ~5 s". */
import { formatAgo, formatDuration, formatRate } from '../../lib/format';

export interface Arrivals {
  valuesPerSecond: number;
  valuesPerMinute: number;
  valuesInWindow: number;
  windowSeconds: number;
  lastAt?: number;
  typicalIntervalMs?: number;
}

/** Batches closer than this are a stream: its rate says enough without "every ~…". */
const STREAM_MS = 1500;

/** The rate: values/s when at least one a second, values/min below that, or that none came. */
export function rateText(a: Arrivals): string {
  if (a.valuesInWindow === 0) return a.windowSeconds > 0 ? `no values in the last ${formatDuration(a.windowSeconds * 1000)}` : 'no values yet';
  if (a.valuesPerSecond >= 1) return `${formatRate(a.valuesPerSecond)} values/s`;
  return `${formatRate(a.valuesPerMinute)} values/min`;
}

/** When the last value came and how often batches come, for sources slower than a stream. */
export function cadenceText(a: Arrivals, now: number): string | undefined {
  if (a.lastAt === undefined) return undefined;
  const every = a.typicalIntervalMs !== undefined && a.typicalIntervalMs >= STREAM_MS ? `, every ~${formatDuration(a.typicalIntervalMs)}` : '';
  if (!every && a.valuesPerSecond >= 1) return undefined;
  return `last value ${formatAgo(Math.min(a.lastAt, now), now)}${every}`;
}

/** Rate and cadence in one line. */
export function arrivalText(a: Arrivals, now: number): string {
  const cadence = cadenceText(a, now);
  return cadence ? `${rateText(a)} · ${cadence}` : rateText(a);
}
