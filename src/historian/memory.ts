/**
 * A Historian held in memory, for tests and examples of the query layer: no buffer, no files,
 * nothing durable. Follows the contract's ordering and edge rules exactly.
 */
import { valueTypeOf } from '../core/sample.js';
import type { Sample } from '../core/sample.js';
import type { EdgeOptions, Historian, HistorianStats, RawQuery, StoredSample, TagInfo } from './types.js';

function compare(a: StoredSample, b: StoredSample): number {
  if (a.ts !== b.ts) return a.ts - b.ts;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

export class MemoryHistorian implements Historian {
  readonly #samples: StoredSample[] = [];
  readonly #tags = new Map<string, TagInfo>();
  #sorted = true;

  async open(): Promise<void> {}

  async write(batch: readonly Sample[]): Promise<void> {
    for (const s of batch) {
      if (!this.#tags.has(s.path)) this.#tags.set(s.path, { path: s.path, id: this.#tags.size + 1, valueType: valueTypeOf(s.value) });
      this.#samples.push({ path: s.path, ts: Math.floor(s.ts), value: s.value, quality: s.quality });
    }
    this.#sorted = false;
  }

  async flush(): Promise<void> {}

  async queryRaw(q: RawQuery): Promise<StoredSample[]> {
    const wanted = new Set(q.paths);
    const after = q.after;
    const rows = this.#all().filter((s) => wanted.has(s.path) && s.ts >= q.from && s.ts < q.to && (!after || compare(s, { ...s, ...after }) > 0));
    return rows.slice(0, q.limit ?? Infinity).map((s) => ({ ...s }));
  }

  async priorValues(paths: readonly string[], before: number, options?: EdgeOptions): Promise<StoredSample[]> {
    return this.#edge(paths, (s) => s.ts < before, true, options);
  }

  async nextValues(paths: readonly string[], atOrAfter: number, options?: EdgeOptions): Promise<StoredSample[]> {
    return this.#edge(paths, (s) => s.ts >= atOrAfter, false, options);
  }

  async lastValues(paths?: readonly string[]): Promise<StoredSample[]> {
    const all = paths ?? [...this.#tags.keys()].sort();
    return this.#edge(all, () => true, true, {});
  }

  async tags(): Promise<TagInfo[]> {
    return [...this.#tags.values()];
  }

  stats(): HistorianStats {
    return { pending: 0, written: this.#samples.length, failedFlushes: 0 };
  }

  async close(): Promise<void> {}

  #all(): StoredSample[] {
    if (!this.#sorted) this.#samples.sort(compare);
    this.#sorted = true;
    return this.#samples;
  }

  #edge(paths: readonly string[], keep: (s: StoredSample) => boolean, newest: boolean, options: EdgeOptions | undefined): StoredSample[] {
    const all = this.#all();
    return [...new Set(paths)].flatMap((p) => {
      const rows = all.filter((s) => s.path === p && keep(s) && !(options?.excludeBad && s.quality === 'bad'));
      const hit = newest ? rows[rows.length - 1] : rows[0];
      return hit ? [{ ...hit }] : [];
    });
  }
}
