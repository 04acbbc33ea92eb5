/**
 * The historian's counters and the logging that goes with them: rejected samples (reported at
 * most once a flush interval), failed flushes (one error per failure streak, one line when it
 * recovers) and what has been written.
 */
import type { Logger } from 'pino';
import { detailOf } from '../../core/errors.js';
import type { Sample } from '../../core/sample.js';
import type { HistorianStats } from '../types.js';

export class FlushStats {
  written = 0;
  failedFlushes = 0;
  rejected = 0;
  lastFlushAt: number | undefined;
  lastError: string | undefined;
  /** True from a failed flush until the next one succeeds. */
  failing = false;
  #rejectedUnreported = 0;
  #lastRejection = '';

  noteRejected(s: Sample, problem: string): void {
    this.rejected++;
    this.#rejectedUnreported++;
    this.#lastRejection = `${typeof s?.path === 'string' ? s.path : '?'}: ${problem}`;
  }

  reportRejected(log: Logger): void {
    if (this.#rejectedUnreported === 0) return;
    log.warn({ count: this.#rejectedUnreported, example: this.#lastRejection }, 'samples rejected: they cannot be stored');
    this.#rejectedUnreported = 0;
  }

  /** Count a failed flush, log the first of a streak; returns the reason. */
  noteFailure(e: unknown, log: Logger, pending: number): string {
    this.failedFlushes++;
    this.lastError = detailOf(e) ?? 'unknown error';
    if (!this.failing) log.error({ err: this.lastError, pending }, 'historian flush failed; samples are kept and retried');
    this.failing = true;
    return this.lastError;
  }

  noteSuccess(rows: number, now: number, log: Logger): void {
    this.written += rows;
    this.lastFlushAt = now;
    if (this.failing) log.info({ failedFlushes: this.failedFlushes }, 'historian flush recovered');
    this.failing = false;
  }

  snapshot(): Omit<HistorianStats, 'pending'> {
    return {
      written: this.written,
      failedFlushes: this.failedFlushes,
      rejected: this.rejected,
      failing: this.failing,
      ...(this.lastFlushAt !== undefined ? { lastFlushAt: this.lastFlushAt } : {}),
      ...(this.lastError !== undefined ? { lastError: this.lastError } : {}),
    };
  }
}
