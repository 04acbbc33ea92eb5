/**
 * The quarantine book of one source: counts of set-aside messages per reason, the last one kept
 * for inspection (topic, reason, first 1 KiB of payload, time), and a log line at most once per
 * topic per minute, with the number suppressed in between.
 */
import type { Logger } from 'pino';
import { CausewayError } from '../../core/errors.js';
import { QUARANTINE_REASONS, type Problem, type QuarantineReason } from './extract.js';

export const KEPT_PAYLOAD_BYTES = 1024;

export interface QuarantineEntry {
  topic: string;
  reason: QuarantineReason;
  problem: string;
  rule?: string;
  /** The first 1 KiB of the payload, as UTF-8 text. */
  payload: string;
  payloadBytes: number;
  /** Epoch ms. */
  at: number;
}

export interface QuarantineSnapshot {
  counts: Record<QuarantineReason, number>;
  total: number;
  last?: QuarantineEntry;
}

export class Quarantine {
  readonly #sourceId: string;
  readonly #logger: Logger;
  readonly #windowMs: number;
  readonly #maxTopics: number;
  readonly #counts = Object.fromEntries(QUARANTINE_REASONS.map((r) => [r, 0])) as Record<QuarantineReason, number>;
  readonly #logged = new Map<string, { at: number; suppressed: number }>();
  #last: QuarantineEntry | undefined;

  constructor(sourceId: string, logger: Logger, windowMs = 60_000, maxTopics = 1000) {
    this.#sourceId = sourceId;
    this.#logger = logger;
    this.#windowMs = windowMs;
    this.#maxTopics = maxTopics;
  }

  /** Count a problem of a message, keep it as the last one, and log it unless the topic logged recently. */
  add(topic: string, payload: Uint8Array, problem: Problem, now: number): void {
    this.#counts[problem.reason]++;
    const kept = Buffer.from(payload.buffer, payload.byteOffset, Math.min(payload.byteLength, KEPT_PAYLOAD_BYTES)).toString('utf8');
    this.#last = { topic, reason: problem.reason, problem: problem.problem, ...(problem.rule ? { rule: problem.rule } : {}), payload: kept, payloadBytes: payload.byteLength, at: now };
    const suppressed = this.#take(topic, now);
    if (suppressed === undefined) return;
    const err = new CausewayError('CW_SOURCE_PAYLOAD_QUARANTINED', { source: this.#sourceId, topic, reason: problem.reason, problem: problem.problem });
    this.#logger.warn({ topic, reason: problem.reason, rule: problem.rule, code: err.code, hint: err.hint, suppressed }, err.message);
  }

  snapshot(): QuarantineSnapshot {
    const counts = { ...this.#counts };
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    return { counts, total, ...(this.#last ? { last: { ...this.#last } } : {}) };
  }

  /** Suppressed count since the topic's last line, or undefined to stay silent now. */
  #take(topic: string, now: number): number | undefined {
    const entry = this.#logged.get(topic);
    if (entry && now - entry.at < this.#windowMs) {
      entry.suppressed++;
      return undefined;
    }
    this.#logged.delete(topic);
    this.#logged.set(topic, { at: now, suppressed: 0 });
    // Bounded: a device inventing endless topics must not grow memory; forget the oldest.
    if (this.#logged.size > this.#maxTopics) this.#logged.delete(this.#logged.keys().next().value as string);
    return entry?.suppressed ?? 0;
  }
}
