/**
 * Sample counters of the pipeline, all monotonic and all in samples (not batches). The runtime
 * reads snapshot() from prom-client collect callbacks; nothing here pushes or subscribes.
 *
 * Invariants once the queues are drained:
 *   received = passed + filtered + rejected
 *   per consumer: offered = delivered + dropped (+ what is still queued, while running)
 */
import type { DropReason } from './retry.js';

export interface ConsumerCounts {
  /** Samples handed to the consumer's queue (after its `accepts` filter). */
  offered: number;
  /** Samples the consumer acknowledged. */
  delivered: number;
  dropped: { total: number; byReason: Record<string, number> };
}

export interface CountersSnapshot {
  received: { total: number; bySource: Record<string, number> };
  /** Passed normalization and deadband, and went on to mapping and fan-out. */
  passed: number;
  /** Suppressed by the deadband: unchanged values, not an error. */
  filtered: number;
  rejected: { total: number; byReason: Record<string, number> };
  consumers: Record<string, ConsumerCounts>;
}

/** Add n to a key of a counter map. */
function bump(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** The sum of a counter map. */
function sum(map: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const n of map.values()) total += n;
  return total;
}

interface ConsumerState {
  offered: number;
  delivered: number;
  dropped: Map<string, number>;
}

/** Counters of received, passed, filtered, rejected, offered, delivered and dropped samples. */
export class PipelineCounters {
  readonly #received = new Map<string, number>();
  #passed = 0;
  #filtered = 0;
  readonly #rejected = new Map<string, number>();
  readonly #consumers = new Map<string, ConsumerState>();

  /** Samples a source handed to the pipeline. */
  addReceived(sourceId: string, n: number): void {
    bump(this.#received, sourceId, n);
  }

  addPassed(n: number): void {
    this.#passed += n;
  }

  addFiltered(n: number): void {
    this.#filtered += n;
  }

  addRejected(reason: string, n = 1): void {
    bump(this.#rejected, reason, n);
  }

  addOffered(consumer: string, n: number): void {
    this.#consumer(consumer).offered += n;
  }

  addDelivered(consumer: string, n: number): void {
    this.#consumer(consumer).delivered += n;
  }

  addDropped(consumer: string, reason: DropReason, n: number): void {
    bump(this.#consumer(consumer).dropped, reason, n);
  }

  /** Make a consumer appear in the snapshot with zeros before it sees its first sample. */
  register(consumer: string): void {
    this.#consumer(consumer);
  }

  /** A plain-JSON copy of every counter. */
  snapshot(): CountersSnapshot {
    const consumers: Record<string, ConsumerCounts> = {};
    for (const [name, c] of this.#consumers) {
      consumers[name] = { offered: c.offered, delivered: c.delivered, dropped: { total: sum(c.dropped), byReason: Object.fromEntries(c.dropped) } };
    }
    return {
      received: { total: sum(this.#received), bySource: Object.fromEntries(this.#received) },
      passed: this.#passed,
      filtered: this.#filtered,
      rejected: { total: sum(this.#rejected), byReason: Object.fromEntries(this.#rejected) },
      consumers,
    };
  }

  #consumer(name: string): ConsumerState {
    let c = this.#consumers.get(name);
    if (!c) {
      c = { offered: 0, delivered: 0, dropped: new Map() };
      this.#consumers.set(name, c);
    }
    return c;
  }
}
