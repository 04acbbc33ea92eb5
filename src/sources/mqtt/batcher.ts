/**
 * Collects the samples of messages arriving close together into one batch: flushed on the next
 * turn of the event loop (setImmediate, so after the socket data already read), or at once when
 * `maxBatch` samples are waiting. A flood becomes a few large batches; no sample waits longer
 * than one loop turn. Samples arriving before subscribe() wait (bounded) for it.
 */
import type { Sample } from '../../core/sample.js';

export class Batcher {
  readonly #maxBatch: number;
  readonly #maxPending: number;
  #pending: Sample[] = [];
  #onBatch: ((batch: Sample[]) => void) | undefined;
  #scheduled: NodeJS.Immediate | undefined;
  #batches = 0;
  #samples = 0;
  #dropped = 0;
  readonly #onError: (e: unknown) => void;

  constructor(maxBatch: number, onError: (e: unknown) => void, maxPending = 200_000) {
    this.#maxBatch = maxBatch;
    this.#maxPending = maxPending;
    this.#onError = onError;
  }

  /** Deliver to `onBatch` from now on, starting with what is waiting. */
  attach(onBatch: (batch: Sample[]) => void): void {
    this.#onBatch = onBatch;
    if (this.#pending.length > 0) this.#schedule();
  }

  push(samples: readonly Sample[]): void {
    if (samples.length === 0) return;
    for (const s of samples) this.#pending.push(s);
    if (this.#pending.length > this.#maxPending) {
      // Only while nobody is attached: keep the newest, count the rest.
      const excess = this.#pending.length - this.#maxPending;
      this.#pending.splice(0, excess);
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
      this.#batches++;
      this.#samples += batch.length;
      try {
        onBatch(batch);
      } catch (e) {
        this.#onError(e);
      }
    }
  }

  /** Flush what is waiting, then stop delivering (close). */
  detach(): void {
    this.flush();
    this.#onBatch = undefined;
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
