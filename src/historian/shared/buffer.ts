/**
 * The bounded write buffer: rows waiting for a flush (`pending`) and rows being flushed
 * (`inflight`). Both count against the bound; a batch that does not fit waits, in arrival order,
 * until a flush makes room. Rows are kept as the batches they arrived in (never copied into one
 * array: the flush's sort reads the batches directly). No I/O and no timers: the historian
 * drives it.
 */

interface Waiter<T> {
  rows: readonly T[];
  resolve: () => void;
}

/** Rows in arrival order, as the batches they came in. */
export type Batches<T> = readonly (readonly T[])[];

/** What a reader sees at one instant; later admissions and flushes never change it. */
export interface BufferSnapshot<T> {
  inflight: Batches<T>;
  pending: Batches<T>;
}

export class WriteBuffer<T> {
  readonly max: number;
  readonly #onAdmit: (rows: readonly T[]) => void;
  // The batch arrays are never mutated once admitted; the lists holding them are replaced, or
  // appended to (snapshots copy the pending list).
  #pending: (readonly T[])[] = [];
  #pendingCount = 0;
  #inflight: Batches<T> = [];
  #inflightCount = 0;
  readonly #waiters: Waiter<T>[] = [];

  /** `onAdmit` runs synchronously as rows enter the buffer (to keep last values current). */
  constructor(max: number, onAdmit: (rows: readonly T[]) => void) {
    this.max = max;
    this.#onAdmit = onAdmit;
  }

  /** Rows accepted and not yet durable: pending plus inflight. */
  get size(): number {
    return this.#pendingCount + this.#inflightCount;
  }

  get pendingCount(): number {
    return this.#pendingCount;
  }

  get waiting(): number {
    return this.#waiters.length;
  }

  get flushing(): boolean {
    return this.#inflightCount > 0;
  }

  /**
   * Admit rows, or wait while the buffer is full. A batch larger than the whole bound is admitted
   * once the buffer is empty, so it cannot wait forever. The buffer keeps `rows` itself: the
   * caller must not change the array afterwards.
   */
  offer(rows: readonly T[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    if (this.#waiters.length === 0 && this.#fits(rows.length)) {
      this.#admit(rows);
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => this.#waiters.push({ rows, resolve }));
  }

  /** Move every pending row to inflight and return them; the caller must commit() or restore(). */
  take(): Batches<T> {
    if (this.#inflightCount > 0) throw new Error('a flush is already in progress');
    this.#inflight = this.#pending;
    this.#inflightCount = this.#pendingCount;
    this.#pending = [];
    this.#pendingCount = 0;
    return this.#inflight;
  }

  /** The inflight rows are durable: drop them and admit waiting batches that now fit. */
  commit(): void {
    this.#inflight = [];
    this.#inflightCount = 0;
    this.#admitWaiters();
  }

  /** The flush failed: put the inflight rows back in front of the pending ones, in order. */
  restore(): void {
    this.#pending = this.#inflight.concat(this.#pending);
    this.#pendingCount += this.#inflightCount;
    this.#inflight = [];
    this.#inflightCount = 0;
  }

  snapshot(): BufferSnapshot<T> {
    return { inflight: this.#inflight, pending: this.#pending.slice() };
  }

  #fits(n: number): boolean {
    const size = this.size;
    return size === 0 || size + n <= this.max;
  }

  #admit(rows: readonly T[]): void {
    this.#pending.push(rows);
    this.#pendingCount += rows.length;
    this.#onAdmit(rows);
  }

  #admitWaiters(): void {
    while (this.#waiters.length > 0 && this.#fits(this.#waiters[0]!.rows.length)) {
      const w = this.#waiters.shift()!;
      this.#admit(w.rows);
      w.resolve();
    }
  }
}
