/**
 * At most one log line per key per window, with the number of events suppressed in between.
 * Bounded: beyond `maxKeys` the key logged longest ago is forgotten (a device sending endless new
 * unknown tags must not grow memory).
 */
export class LogThrottle {
  readonly #windowMs: number;
  readonly #maxKeys: number;
  readonly #keys = new Map<string, { at: number; suppressed: number }>();

  constructor(windowMs = 60_000, maxKeys = 10_000) {
    this.#windowMs = windowMs;
    this.#maxKeys = maxKeys;
  }

  /**
   * Whether to log an event of `key` now: the number of events suppressed since the last line
   * (0 for a first line), or undefined when this event should be suppressed.
   */
  take(key: string, now: number): number | undefined {
    const entry = this.#keys.get(key);
    if (entry && now - entry.at < this.#windowMs) {
      entry.suppressed++;
      return undefined;
    }
    const suppressed = entry?.suppressed ?? 0;
    // Re-insert so the map's order is "logged longest ago first".
    this.#keys.delete(key);
    this.#keys.set(key, { at: now, suppressed: 0 });
    if (this.#keys.size > this.#maxKeys) this.#keys.delete(this.#keys.keys().next().value as string);
    return suppressed;
  }

  /** Forget the keys the predicate selects. */
  forget(select: (key: string) => boolean): void {
    for (const key of this.#keys.keys()) if (select(key)) this.#keys.delete(key);
  }

  get size(): number {
    return this.#keys.size;
  }
}
