/** The last-value cache: the newest sample of every path, with quality and timestamp. */
import { isUnder } from '../core/path.js';
import type { Sample } from '../core/sample.js';

export class LiveValues {
  readonly #values = new Map<string, Sample>();

  /** Keep the newest sample of each path; an older, out-of-order sample does not replace a newer one. */
  update(batch: readonly Sample[]): void {
    for (const s of batch) {
      const prev = this.#values.get(s.path);
      if (!prev || prev.ts <= s.ts) this.#values.set(s.path, s);
    }
  }

  /** Seed from stored values (e.g. the historian at start-up) without overwriting newer live ones. */
  seed(samples: readonly Sample[]): void {
    this.update(samples);
  }

  get(path: string): Sample | undefined {
    return this.#values.get(path);
  }

  /** Every current value at or below `prefix`, sorted by path. */
  under(prefix: string): Sample[] {
    const out: Sample[] = [];
    for (const [path, s] of this.#values) if (isUnder(path, prefix)) out.push(s);
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  paths(): IterableIterator<string> {
    return this.#values.keys();
  }

  get size(): number {
    return this.#values.size;
  }
}
