/**
 * Collects the samples of messages arriving close together into one batch: flushed on the next
 * turn of the event loop (setImmediate, so after the socket data already read), or at once when
 * `maxBatch` samples are waiting. A flood becomes a few large batches; no sample waits longer
 * than one loop turn. Samples arriving before subscribe() wait (bounded) for it.
 *
 * A message may come with an acknowledgement (its MQTT PUBACK): it is sent once every batch
 * holding the message's samples has been accepted (durable in the hub), in arrival order. A batch
 * the hub refuses leaves its messages unacknowledged, so the broker delivers them again.
 */
import type { Sample } from '../../core/sample.js';

export class Batcher {
  readonly #maxBatch: number;
  readonly #maxPending: number;
  #pending: Sample[] = [];
  /** Acknowledgements waiting for the batch that holds the sample before index `at` of #pending. */
  #acks: Array<{ at: number; ack: () => void }> = [];
  /** Settles after the last handed-over batch did (acknowledgements go out in order). */
  #chain: Promise<void> = Promise.resolve();
  #onBatch: ((batch: Sample[]) => Promise<void> | void) | undefined;
  readonly #onRefused: (e: unknown) => void;
  /** A batch was refused on this link: no acknowledgement goes out any more (a later one may hold the rest of a refused message). */
  #refusedOnce = false;
  #scheduled: NodeJS.Immediate | undefined;
  #batches = 0;
  #samples = 0;
  #dropped = 0;

  /**
   * `onRefused` (by default `onError`): a batch the hub did not accept, or whose hand-over threw;
   * its messages stay unacknowledged and no acknowledgement goes out on this link any more.
   */
  constructor(maxBatch: number, onError: (e: unknown) => void, maxPending = 200_000, onRefused: (e: unknown) => void = onError) {
    this.#maxBatch = maxBatch;
    this.#maxPending = maxPending;
    this.#onRefused = onRefused;
  }

  /** Deliver to `onBatch` from now on, starting with what is waiting. */
  attach(onBatch: (batch: Sample[]) => Promise<void> | void): void {
    this.#onBatch = onBatch;
    this.#refusedOnce = false;
    if (this.#pending.length > 0) this.#schedule();
  }

  /** Add a message's samples; `ack` is called once they are all accepted (at once when there are none and nothing waits). */
  push(samples: readonly Sample[], ack?: () => void): void {
    for (const s of samples) this.#pending.push(s);
    if (ack) this.#acks.push({ at: this.#pending.length, ack });
    if (samples.length === 0) {
      if (ack && this.#pending.length === 0) this.#settle([], this.#takeAcks(0));
      return;
    }
    if (this.#pending.length > this.#maxPending) {
      // Only while nobody is attached (never for acknowledged messages: the broker holds those).
      const excess = this.#pending.length - this.#maxPending;
      this.#pending.splice(0, excess);
      // A message that lost samples here is never acknowledged: the broker keeps it and sends it again.
      this.#acks = this.#acks.filter((a) => a.at > excess);
      for (const a of this.#acks) a.at -= excess;
      this.#dropped += excess;
    }
    if (this.#onBatch && this.#pending.length >= this.#maxBatch) this.flush();
    else this.#schedule();
  }

  /** Hand over everything waiting, in batches of at most maxBatch. */
  flush(): void {
    if (this.#scheduled) clearImmediate(this.#scheduled);
    this.#scheduled = undefined;
    const onBatch = this.#onBatch;
    if (!onBatch) return;
    while (this.#pending.length > 0) {
      const batch = this.#pending.length <= this.#maxBatch ? this.#pending : this.#pending.slice(0, this.#maxBatch);
      this.#pending = batch === this.#pending ? [] : this.#pending.slice(this.#maxBatch);
      const acks = this.#takeAcks(batch.length);
      this.#batches++;
      this.#samples += batch.length;
      let taken: Promise<void> | void;
      try {
        taken = onBatch(batch);
      } catch (e) {
        // Handled as a refusal, not skipped: dropping the batch's acknowledgements on an open link
        // would leave its messages in the broker's in-flight window for good, and a full window
        // stops delivery. A refusal reports the link (the source reconnects, the broker redelivers).
        taken = Promise.reject(e);
      }
      this.#settle(taken, acks);
    }
  }

  /** The acknowledgements of messages whose last sample is among the first `n` pending ones. */
  #takeAcks(n: number): Array<() => void> {
    const out: Array<() => void> = [];
    let k = 0;
    while (k < this.#acks.length && this.#acks[k]!.at <= n) out.push(this.#acks[k++]!.ack);
    this.#acks = this.#acks.slice(k);
    for (const a of this.#acks) a.at -= n;
    return out;
  }

  /** Acknowledge once the batch is accepted, after every earlier batch settled. */
  #settle(taken: Promise<void> | void | never[], acks: Array<() => void>): void {
    const accepted = Promise.resolve(Array.isArray(taken) ? undefined : taken);
    this.#chain = this.#chain.then(() => accepted).then(
      () => {
        if (this.#refusedOnce) return;
        for (const ack of acks) ack();
      },
      (e: unknown) => {
        this.#refusedOnce = true;
        this.#onRefused(e);
      },
    );
  }

  /** Flush what is waiting, then stop delivering (close). Acknowledgements not sent yet are forgotten. */
  detach(): void {
    this.flush();
    this.#onBatch = undefined;
    this.#acks = [];
  }

  stats(): { batches: number; samples: number; pending: number; dropped: number } {
    return { batches: this.#batches, samples: this.#samples, pending: this.#pending.length, dropped: this.#dropped };
  }

  #schedule(): void {
    if (this.#scheduled || !this.#onBatch) return;
    this.#scheduled = setImmediate(() => {
      this.#scheduled = undefined;
      this.flush();
    });
  }
}
