/** Fan-out of the namespace's value changes to live subscribers (the API's WebSocket). */
import type { Sample } from '../core/sample.js';

export type LiveListener = (batch: readonly Sample[]) => void;

/**
 * Listeners run on the ingest path, so they must be cheap (queue and return); one that throws
 * is dropped rather than allowed to stall or break ingest.
 */
export class LiveFeed {
  readonly #listeners = new Set<LiveListener>();

  /** Be told of every batch of changed values; returns the unsubscribe. */
  subscribe(listener: LiveListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Hand a mapped batch (attributes, calculations, raw tags) to every listener. */
  publish(batch: readonly Sample[]): void {
    if (batch.length === 0) return;
    for (const listener of this.#listeners) {
      try {
        listener(batch);
      } catch {
        this.#listeners.delete(listener);
      }
    }
  }

  get size(): number {
    return this.#listeners.size;
  }
}
