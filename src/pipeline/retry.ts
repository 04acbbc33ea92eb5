/**
 * How the pipeline's readers and the sinks' forwarders retry a consumer that did not take a batch:
 * capped exponential backoff, a Retry-After the consumer asked for, and which errors are worth it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { isCausewayError } from '../core/errors.js';

/** Why a consumer lost samples: refused for good, or pushed out of a sink's full buffer. */
export type DropReason = 'consumer_error' | 'buffer_full';

export interface HandlerErrorInfo {
  /** 1 for the first failure of this batch. */
  attempt: number;
  retrying: boolean;
  /** Wait before the next attempt, when retrying. */
  delayMs?: number;
}

export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
  factor?: number;
}

/** Wait `ms`, or less when `signal` aborts (never rejects). */
export function defaultDelay(ms: number, signal: AbortSignal): Promise<void> {
  return sleep(ms, undefined, { signal }).catch(function aborted() {});
}

/** A CausewayError marked retryable is worth another attempt; anything else is a bug or a refusal. */
export function defaultIsRetryable(error: unknown): boolean {
  return isCausewayError(error) && error.retryable;
}

/** The wait a failing consumer asked for (an HTTP Retry-After carried on a CausewayError), in ms; 0 when none. */
export function retryAfterMs(error: unknown): number {
  const seconds = (error as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 3600) * 1000 : 0;
}

/** Capped exponential backoff: initial × factor^(attempt-1), at most max. */
export function backoffDelay(attempt: number, b: BackoffOptions = {}): number {
  const initial = b.initialMs ?? 100;
  const max = b.maxMs ?? 30_000;
  return Math.min(max, initial * (b.factor ?? 2) ** (attempt - 1));
}
