/** Timestamps and qualities as devices put them in payloads. Pure. */
import type { Quality } from '../../core/sample.js';

/**
 * Epoch numbers by magnitude: below 1e11 are seconds (1e11 s is the year 5138; 1e11 ms would be
 * March 1973), below 1e14 milliseconds, below 1e17 microseconds, above that nanoseconds.
 */
export function epochToMs(n: number): number {
  if (n < 1e11) return n * 1000;
  if (n < 1e14) return n;
  if (n < 1e17) return n / 1000;
  return n / 1e6;
}

/**
 * A payload timestamp in epoch ms: a number (seconds, ms, µs or ns by magnitude), a string of
 * digits (the same), or an ISO 8601 string (without an offset it is the hub's local time).
 * Undefined when it is none of these.
 */
export function parsePayloadTime(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? Math.round(epochToMs(v)) : undefined;
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return parsePayloadTime(Number(t));
  if (!/^\d{4}-\d{2}-\d{2}/.test(t)) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * A payload quality: "good" / "uncertain" / "bad" (any case), true (good) / false (bad), or a
 * number taken as an OPC UA StatusCode (severity in the top two bits; the code is kept).
 */
export function parsePayloadQuality(v: unknown): { quality: Quality; statusCode?: number } | undefined {
  if (typeof v === 'boolean') return { quality: v ? 'good' : 'bad' };
  if (typeof v === 'string') {
    const q = v.trim().toLowerCase();
    return q === 'good' || q === 'uncertain' || q === 'bad' ? { quality: q } : undefined;
  }
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffffffff) {
    const severity = v >>> 30;
    return { quality: severity === 0 ? 'good' : severity === 1 ? 'uncertain' : 'bad', statusCode: v };
  }
  return undefined;
}
