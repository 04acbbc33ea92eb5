/**
 * The quarantine book of one source: counts of set-aside messages per reason, the last one kept
 * for inspection (topic, reason, first 1 KiB of payload, time), and a log line at most once per
 * topic per minute, with the number suppressed in between.
 */
import type { Logger } from 'pino';
import { CausewayError } from '../../core/errors.js';
import type { SourceProblem } from '../types.js';
import { QUARANTINE_REASONS, type Problem, type QuarantineReason } from './extract.js';

export const KEPT_PAYLOAD_BYTES = 1024;
/** The quarantine counts as a problem of the source while its latest message is this recent. */
export const QUARANTINE_RECENT_MS = 10 * 60_000;
/** Topics listed in the snapshot and in the problem, those with the most messages set aside first. */
const TOPICS_SHOWN = 20;

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

/** Messages set aside on one topic. */
export interface QuarantineTopic {
  topic: string;
  count: number;
  /** The reason of the latest one. */
  reason: QuarantineReason;
  problem: string;
  /** Epoch ms of the latest one. */
  at: number;
}

export interface QuarantineSnapshot {
  counts: Record<QuarantineReason, number>;
  total: number;
  /** When the first message was set aside, epoch ms. */
  since?: number;
  /** The topics with the most messages set aside, at most 20. */
  topics: QuarantineTopic[];
  last?: QuarantineEntry;
}

export class Quarantine {
  readonly #sourceId: string;
  readonly #logger: Logger;
  readonly #windowMs: number;
  readonly #maxTopics: number;
  readonly #counts = Object.fromEntries(QUARANTINE_REASONS.map((r) => [r, 0])) as Record<QuarantineReason, number>;
  readonly #logged = new Map<string, { at: number; suppressed: number }>();
  /** Per topic, least recently set aside first; bounded like #logged. */
  readonly #topics = new Map<string, QuarantineTopic>();
  #since: number | undefined;
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
    this.#since ??= now;
    this.#countTopic(topic, problem, now);
    const suppressed = this.#take(topic, now);
    if (suppressed === undefined) return;
    const err = new CausewayError('CW_SOURCE_PAYLOAD_QUARANTINED', { source: this.#sourceId, topic, reason: problem.reason, problem: problem.problem });
    this.#logger.warn({ topic, reason: problem.reason, rule: problem.rule, code: err.code, hint: err.hint, suppressed }, err.message);
  }

  snapshot(): QuarantineSnapshot {
    const counts = { ...this.#counts };
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const topics = [...this.#topics.values()].sort((a, b) => b.count - a.count).slice(0, TOPICS_SHOWN).map((t) => ({ ...t }));
    return { counts, total, ...(this.#since !== undefined ? { since: this.#since } : {}), topics, ...(this.#last ? { last: { ...this.#last } } : {}) };
  }

  /**
   * The quarantine as a problem of the source while messages were set aside recently: how many of
   * the `messages` received, on which topics, the latest reason and what to do about it.
   */
  problem(messages: number, now: number): SourceProblem | undefined {
    const last = this.#last;
    if (!last || this.#since === undefined || now - last.at > QUARANTINE_RECENT_MS) return undefined;
    const snap = this.snapshot();
    const err = new CausewayError('CW_SOURCE_MESSAGES_QUARANTINED', {
      source: this.#sourceId, count: snap.total, messages: Math.max(messages, snap.total), topics: this.#topics.size, reason: last.reason, problem: last.problem,
    });
    return {
      code: err.code, summary: `${snap.total} ${snap.total === 1 ? 'message' : 'messages'} quarantined`, message: err.message, hint: err.hint,
      count: snap.total, subjects: snap.topics.map((t) => t.topic), since: this.#since, lastAt: last.at,
    };
  }

  #countTopic(topic: string, problem: Problem, now: number): void {
    const entry = this.#topics.get(topic);
    this.#topics.delete(topic);
    this.#topics.set(topic, { topic, count: (entry?.count ?? 0) + 1, reason: problem.reason, problem: problem.problem, at: now });
    // A device inventing endless topics must not grow memory: forget the least recent one.
    if (this.#topics.size > this.#maxTopics) this.#topics.delete(this.#topics.keys().next().value as string);
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
