/**
 * The bounded write buffer: rows waiting for a flush (`pending`) and rows being flushed
 * (`inflight`). Both count against the bound; a batch that does not fit waits, in arrival order,
 * until a flush makes room. No I/O and no timers: the historian drives it.
 */

interface Waiter<T> {
  rows: T[];
  resolve: () => void;
}

/** What a reader sees at one instant; the arrays are never mutated afterwards up to `pendingLength`. */
export interface BufferSnapshot<T> {
  inflight: readonly T[];
  pending: readonly T[];
  pendingLength: number;
}

export class WriteBuffer<T> {
  readonly max: number;
  readonly #onAdmit: (rows: readonly T[]) => void;
  // Only ever appended to, or replaced by a new array: snapshots stay valid without copying.
  #pending: T[] = [];
  #inflight: T[] = [];
  readonly #waiters: Waiter<T>[] = [];

  /** `onAdmit` runs synchronously as rows enter the buffer (to keep last values current). */
  constructor(max: number, onAdmit: (rows: readonly T[]) => void) {
    this.max = max;
    this.#onAdmit = onAdmit;
  }

  /** Rows accepted and not yet durable: pending plus inflight. */
  get size(): number {
    return this.#pending.length + this.#inflight.length;
  }

  get pendingCount(): number {
    return this.#pending.length;
  }

  get waiting(): number {
    return this.#waiters.length;
  }

  get flushing(): boolean {
    return this.#inflight.length > 0;
  }

  /**
   * Admit rows, or wait while the buffer is full. A batch larger than the whole bound is admitted
   * once the buffer is empty, so it cannot wait forever.
   */
  offer(rows: T[]): Promise<void> {
    if (this.#waiters.length === 0 && this.#fits(rows.length)) {
      this.#admit(rows);
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => this.#waiters.push({ rows, resolve }));
  }

  /** Move every pending row to inflight and return them; the caller must commit() or restore(). */
  take(): readonly T[] {
    if (this.#inflight.length > 0) throw new Error('a flush is already in progress');
    this.#inflight = this.#pending;
    this.#pending = [];
    return this.#inflight;
  }

  /** The inflight rows are durable: drop them and admit waiting batches that now fit. */
  commit(): void {
    this.#inflight = [];
    this.#admitWaiters();
  }

  /** The flush failed: put the inflight rows back in front of the pending ones, in order. */
  restore(): void {
    this.#pending = this.#inflight.concat(this.#pending);
    this.#inflight = [];
  }

  snapshot(): BufferSnapshot<T> {
    return { inflight: this.#inflight, pending: this.#pending, pendingLength: this.#pending.length };
  }

  #fits(n: number): boolean {
    const size = this.size;
    return size === 0 || size + n <= this.max;
  }

  #admit(rows: T[]): void {
    for (const r of rows) this.#pending.push(r);
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
