/** The status every connection shows in the API, the CLI and the UI. */
import { CausewayError, detailOf } from '../core/errors.js';
import type { SourceProblem } from '../sources/types.js';
import type { ArrivalRates } from './arrivals.js';

export type ConnectionState = 'stopped' | 'connecting' | 'connected' | 'backoff';

export interface ConnectionError {
  code: string;
  message: string;
  hint: string;
  detail?: string;
  at: number;
}

export interface ConnectionStatus {
  id: string;
  role: 'source' | 'sink';
  kind: string;
  zone: string;
  state: ConnectionState;
  /** When the current state began, epoch ms. */
  since: number;
  lastSuccessAt?: number;
  lastError?: ConnectionError;
  nextRetryAt?: number;
  /** Failed attempts since the last success. */
  attempts: number;
  /** Poll cycles skipped because the previous one had not finished. */
  overruns: number;
  /** Samples the hub refused while its ingest spool was full (pushed back to the device, or a skipped poll). */
  refused?: number;
  /** Batches delivered since start. */
  batches: number;
  /** Sinks: samples waiting in the store-and-forward buffer. */
  buffered?: number;
  /** Sources: what can be asked of the device besides its data. */
  capabilities?: { identify: boolean; browse: boolean; write: boolean };
  /** Sources: how fast values arrive, measured from the batches over a sliding minute. */
  arrivals?: ArrivalRates;
  /** Sources: what is wrong with what arrives while the link is up (quarantined messages, dropped values). */
  problems?: SourceProblem[];
}

/** The user-facing shape of any thrown value. */
export function toConnectionError(e: unknown, at: number): ConnectionError {
  if (e instanceof CausewayError) {
    return { code: e.code, message: e.message, hint: e.hint, ...(e.detail ? { detail: e.detail } : {}), at };
  }
  return { code: 'CW_SOURCE_READ_FAILED', message: 'The connection failed with an unexpected error.', hint: 'The hub retries on its own; if it keeps failing, check the hub log.', ...(detailOf(e) ? { detail: detailOf(e)! } : {}), at };
}

/** True when a retry may help: catalogue errors say so, unknown errors are assumed transient. */
export function isRetryable(e: unknown): boolean {
  return e instanceof CausewayError ? e.retryable : true;
}
