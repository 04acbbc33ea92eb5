/**
 * The pure parts of a webhook delivery: splitting, the body, the signature, the idempotency key,
 * and what an HTTP answer means. No I/O here.
 */
import { createHash, createHmac } from 'node:crypto';
import type { UnsRecord } from '../shared/payload.js';

/** Split `items` into runs of at most `size`, in order. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!(size >= 1)) throw new RangeError(`chunk size must be at least 1, not ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** One request's samples, serialised once: the same text on every attempt. */
export interface PreparedChunk {
  /** The JSON of the samples array. */
  samplesJson: string;
  count: number;
  /** Stable across retries of the same samples from the same sink. */
  idempotencyKey: string;
}

/** Serialise the samples of one request and derive its idempotency key. */
export function prepareChunk(hub: string, records: readonly UnsRecord[]): PreparedChunk {
  const samplesJson = JSON.stringify(records);
  return { samplesJson, count: records.length, idempotencyKey: idempotencyKey(hub, samplesJson) };
}

/** The idempotency key: hex SHA-256 of the sink id, a newline and the samples JSON (not of sentAt, which changes per attempt). */
export function idempotencyKey(hub: string, samplesJson: string): string {
  return createHash('sha256').update(`${hub}\n${samplesJson}`).digest('hex');
}

/** The request body: `{"samples": [...], "sentAt": <ms>, "hub": <sink id>}`. */
export function buildBody(chunk: PreparedChunk, sentAt: number, hub: string): string {
  return `{"samples":${chunk.samplesJson},"sentAt":${sentAt},"hub":${JSON.stringify(hub)}}`;
}

/** Hex HMAC-SHA256 of `message` with `secret`. */
export function hmacHex(secret: string, message: string): string {
  return createHmac('sha256', secret).update(message, 'utf8').digest('hex');
}

/** The X-Causeway-Signature value: `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`. */
export function signature(secret: string, timestamp: number, body: string): string {
  return `sha256=${hmacHex(secret, `${timestamp}.${body}`)}`;
}

/** Every header of one attempt; the configured extra headers come first and cannot replace these. */
export function requestHeaders(extra: Readonly<Record<string, string>>, chunk: PreparedChunk, body: string, secret: string, timestamp: number): Record<string, string> {
  return {
    ...extra,
    'content-type': 'application/json',
    'idempotency-key': chunk.idempotencyKey,
    'x-causeway-timestamp': String(timestamp),
    'x-causeway-signature': signature(secret, timestamp, body),
  };
}

/** Seconds to wait from a Retry-After header (delay-seconds or an HTTP date), or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  // An HTTP date names its day and month (Tue, 14 Nov 2023 22:13:50 GMT); anything else is unreadable.
  if (!/^[A-Za-z]{3},? /.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** What an HTTP status means for the batch. */
export type Outcome = 'accepted' | 'retry' | 'rejected';

/** 2xx: accepted; 408, 429 and 5xx: worth a retry; anything else (3xx, other 4xx): refused for good. */
export function outcomeOf(status: number): Outcome {
  if (status >= 200 && status < 300) return 'accepted';
  if (status === 408 || status === 429 || status >= 500) return 'retry';
  return 'rejected';
}

/** A receiver's answer fit for one line of an error message: whitespace folded, at most `max` characters. */
export function summarizeAnswer(text: string, max = 200): string {
  const folded = text.replace(/\s+/g, ' ').trim().replace(/[.\s]+$/, '');
  if (folded === '') return 'no explanation in the answer';
  return folded.length <= max ? folded : `${folded.slice(0, max - 1)}…`;
}
