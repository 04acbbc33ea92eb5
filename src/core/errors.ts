/**
 * The error catalogue: every failure a user can meet, with a stable code, an operator sentence,
 * a hint for the next step, the HTTP status the API answers with, and whether a retry may help.
 */
import { ADVISORY_ERRORS } from './error-catalogue/advisories.js';
import { ALARM_ERRORS } from './error-catalogue/alarms.js';
import { FINDING_ERRORS } from './error-catalogue/findings.js';
import { CONNECTIVITY_ERRORS } from './error-catalogue/connectivity.js';
import { DATA_ERRORS } from './error-catalogue/data.js';
import { HISTORIAN_ERRORS } from './error-catalogue/historian.js';
import { NOTIFY_ERRORS } from './error-catalogue/notifications.js';
import { INVENTORY_ASSET_ERRORS } from './error-catalogue/inventory-assets.js';
import { OPERATIONS_ERRORS } from './error-catalogue/operations.js';
import { SECURITY_ERRORS } from './error-catalogue/security.js';
import type { ErrorSpec } from './error-catalogue/spec.js';

/** Every code, one catalogue; the entries live per area under error-catalogue/. */
export const ERROR_CATALOGUE = {
  ...DATA_ERRORS,
  ...CONNECTIVITY_ERRORS,
  ...HISTORIAN_ERRORS,
  ...SECURITY_ERRORS,
  ...OPERATIONS_ERRORS,
  ...ALARM_ERRORS,
  ...FINDING_ERRORS,
  ...ADVISORY_ERRORS,
  ...NOTIFY_ERRORS,
  ...INVENTORY_ASSET_ERRORS,
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
export type ErrorParams<C extends ErrorCode> = Parameters<(typeof ERROR_CATALOGUE)[C]['message']>[0];

/** A failure from the catalogue: code, operator sentence, technical detail, hint and retryability. */
export class CausewayError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly params: ErrorParams<C>;
  readonly hint: string;
  readonly retryable: boolean;
  readonly status: number;
  /** Technical detail for engineers: errno, status codes, addresses. Never secrets. */
  readonly detail: string | undefined;
  /** When a retry makes sense, how long to wait first (HTTP Retry-After). */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: C, params: ErrorParams<C>, options: { detail?: string; cause?: unknown; retryAfterSeconds?: number } = {}) {
    const entry = ERROR_CATALOGUE[code] as unknown as ErrorSpec<ErrorParams<C>>;
    super(entry.message(params), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CausewayError';
    this.code = code;
    this.params = params;
    this.hint = entry.hint(params);
    this.retryable = entry.retryable;
    this.status = entry.status;
    this.detail = options.detail ?? detailOf(options.cause);
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** A plain object for logs and API answers. */
  toJSON(): { code: string; message: string; hint: string; retryable: boolean; detail?: string } {
    return { code: this.code, message: this.message, hint: this.hint, retryable: this.retryable, ...(this.detail ? { detail: this.detail } : {}) };
  }
}

/** True when `e` is a CausewayError, optionally with the given code. */
export function isCausewayError<C extends ErrorCode>(e: unknown, code?: C): e is CausewayError<C> {
  return e instanceof CausewayError && (code === undefined || e.code === code);
}

/** The technical detail of an unknown thrown value: its code and message. */
export function detailOf(cause: unknown): string | undefined {
  if (cause === undefined || cause === null) return undefined;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${cause.message}` : cause.message;
  }
  return String(cause);
}
