/**
 * The newest records of the ingest log kept in memory, so consumers that keep up never read the
 * disk or parse JSON back. Bounded by samples; the oldest go first. Seqs are contiguous.
 */
import type { Sample } from '../../core/sample.js';
import type { LogRecord } from './segment.js';

export class Tail {
  readonly #max: number;
  #records: LogRecord[] = [];
  #start = 0;
  #samples = 0;

  constructor(maxSamples: number) {
    this.#max = maxSamples;
  }

  push(seq: number, at: number, samples: readonly Sample[]): void {
    this.#records.push({ seq, at, samples });
    this.#samples += samples.length;
    while (this.#samples > this.#max && this.#records.length - this.#start > 1) {
      this.#samples -= this.#records[this.#start]!.samples.length;
      this.#records[this.#start++] = undefined as unknown as LogRecord;
    }
    // Compact now and then instead of shifting on every eviction.
    if (this.#start > 1024 && this.#start * 2 > this.#records.length) {
      this.#records = this.#records.slice(this.#start);
      this.#start = 0;
    }
  }

  /** Records from seq `from` on, up to about `maxSamples` (at least one); undefined when `from` is no longer (or not yet) in memory. */
  read(from: number, maxSamples: number): LogRecord[] | undefined {
    const first = this.#records[this.#start];
    if (!first || from < first.seq) return undefined;
    const i = this.#start + (from - first.seq);
    if (i >= this.#records.length) return undefined;
    const out: LogRecord[] = [];
    let n = 0;
    for (let k = i; k < this.#records.length; k++) {
      const r = this.#records[k]!;
      if (out.length > 0 && n + r.samples.length > maxSamples) break;
      out.push(r);
      n += r.samples.length;
    }
    return out;
  }
}
