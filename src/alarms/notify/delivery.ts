/**
 * Delivering notifications: each one is sent on its own, in the background, so a mail server that
 * is down delays nobody else and never the alarm evaluation or the ingest. A failure that may pass
 * (network, 4xx SMTP reply, HTTP 5xx/429) is retried with capped exponential back-off for
 * `retryForMs`, then given up; a refusal (authentication, unknown mailbox, HTTP 4xx) is not retried.
 * Every outcome is counted per channel and logged with its catalogue code. Pending notifications
 * live in memory: a restart forgets what was not delivered yet (the log says how many).
 */
import type { Logger } from 'pino';
import { CausewayError, isCausewayError } from '../../core/errors.js';
import { backoffDelay, defaultDelay, retryAfterMs, type BackoffOptions } from '../../pipeline/retry.js';

export type Channel = 'e-mail' | 'webhook';

export interface DeliveryJob {
  channel: Channel;
  /** Who it goes to, for the log (recipients or a URL without credentials). */
  target: string;
  /** The rule that asked for it, and whether it is an escalation. */
  rule: string;
  kind: 'notify' | 'escalate';
  alarm: string;
  send(signal: AbortSignal): Promise<void>;
}

export interface ChannelStats {
  sent: number;
  /** Attempts that failed and were retried. */
  retries: number;
  /** Refused for good, given up after retryFor, or dropped because too many were waiting. */
  rejected: number;
  givenUp: number;
  dropped: number;
}

export interface DeliveryOptions {
  logger: Logger;
  now: () => number;
  retryForMs: number;
  backoff?: BackoffOptions;
  /** Notifications waiting or being sent, at most; past it new ones are dropped and counted. */
  maxPending?: number;
  delay?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 5_000, maxMs: 300_000, factor: 2 };
const DEFAULT_MAX_PENDING = 1000;

const empty = (): ChannelStats => ({ sent: 0, retries: 0, rejected: 0, givenUp: 0, dropped: 0 });

export class Deliveries {
  readonly #o: DeliveryOptions;
  readonly #abort = new AbortController();
  readonly #running = new Set<Promise<void>>();
  readonly #stats: Record<Channel, ChannelStats> = { 'e-mail': empty(), webhook: empty() };

  constructor(o: DeliveryOptions) {
    this.#o = o;
  }

  /** Start delivering `job` in the background. */
  add(job: DeliveryJob): void {
    if (this.#abort.signal.aborted) return;
    const max = this.#o.maxPending ?? DEFAULT_MAX_PENDING;
    if (this.#running.size >= max) {
      this.#stats[job.channel].dropped++;
      const e = new CausewayError('CW_NOTIFY_QUEUE_FULL', { max });
      this.#o.logger.error({ code: e.code, alarm: job.alarm, rule: job.rule, channel: job.channel }, `${e.message} ${e.hint}`);
      return;
    }
    const run = this.#deliver(job).finally(() => this.#running.delete(run));
    this.#running.add(run);
  }

  /** Notifications waiting or being sent. */
  get pending(): number {
    return this.#running.size;
  }

  stats(): Record<Channel, ChannelStats> {
    return { 'e-mail': { ...this.#stats['e-mail'] }, webhook: { ...this.#stats.webhook } };
  }

  /** Resolves when nothing is pending (true), or after `ms` (false). */
  async idle(ms: number): Promise<boolean> {
    const end = Date.now() + ms;
    while (this.#running.size > 0) {
      const left = end - Date.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([...this.#running]), new Promise((r) => (timer = setTimeout(r, left)))]);
      clearTimeout(timer);
    }
    return true;
  }

  /** Give pending notifications up to `flushMs`, then stop; what is left is logged. */
  async close(flushMs = 0): Promise<void> {
    if (flushMs > 0) await this.idle(flushMs);
    const left = this.#running.size;
    this.#abort.abort();
    await Promise.allSettled([...this.#running]);
    if (left > 0) this.#o.logger.warn({ pending: left }, `Stopping with ${left} alarm notification${left === 1 ? '' : 's'} not delivered; they are not sent after a restart.`);
  }

  async #deliver(job: DeliveryJob): Promise<void> {
    const signal = this.#abort.signal;
    const stats = this.#stats[job.channel];
    const first = this.#o.now();
    const log = this.#o.logger;
    const fields = { alarm: job.alarm, rule: job.rule, channel: job.channel, kind: job.kind };
    for (let attempt = 1; !signal.aborted; attempt++) {
      try {
        await job.send(signal);
        stats.sent++;
        log.info({ ...fields, attempt }, `Alarm ${job.kind === 'escalate' ? 'escalation' : 'notification'} sent by ${job.channel} to ${job.target}${attempt > 1 ? ` after ${attempt} attempts` : ''}.`);
        return;
      } catch (e) {
        if (signal.aborted) return;
        const code = isCausewayError(e) ? e.code : 'CW_NOTIFY_SEND_FAILED';
        const message = e instanceof Error ? e.message : String(e);
        if (!isCausewayError(e) || !e.retryable) {
          stats.rejected++;
          log.error({ ...fields, code, attempt }, `${message} ${isCausewayError(e) ? e.hint : ''}`.trim());
          return;
        }
        if (this.#o.now() - first >= this.#o.retryForMs) {
          stats.givenUp++;
          const gave = new CausewayError('CW_NOTIFY_GAVE_UP', { channel: job.channel, target: job.target, attempts: attempt, reason: e.message });
          log.error({ ...fields, code: gave.code, attempt }, `${gave.message} ${gave.hint}`);
          return;
        }
        stats.retries++;
        const waitMs = Math.max(backoffDelay(attempt, this.#o.backoff ?? DEFAULT_BACKOFF), retryAfterMs(e));
        log.warn({ ...fields, code, attempt, retryInMs: waitMs }, `${message} Retrying in ${Math.round(waitMs / 1000)} s. ${e.hint}`);
        await (this.#o.delay ?? defaultDelay)(waitMs, signal);
      }
    }
  }
}
