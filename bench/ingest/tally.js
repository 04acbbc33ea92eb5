/**
 * Counting by (tag, seq): which sequence numbers arrived, how often, and how late. Used by the
 * counting subscriber (latencies too) and for what the historian holds (no latencies).
 */

/** A growable array of flags (or small counts) per tag, indexed by seq. */
class Seen {
  #byTag = [];
  /** Count one more of (tag, seq); returns how many times it was seen before. */
  bump(tag, seq) {
    let a = this.#byTag[tag];
    if (!a || seq >= a.length) {
      const grown = new Uint8Array(Math.max(1024, (seq + 1) * 2));
      if (a) grown.set(a);
      a = this.#byTag[tag] = grown;
    }
    const before = a[seq];
    if (before < 255) a[seq] = before + 1;
    return before;
  }
}

export class Tally {
  #seen = new Seen();
  #lat = new Float64Array(1 << 16);
  #latN = 0;
  #lateMs;
  received = 0;
  distinct = 0;
  duplicates = 0;
  late = 0;
  /** The first few (tag, seq) seen more than once. */
  duplicateExamples = [];

  /** `lateMs`: a first arrival later than this after its timestamp is late (not on time). */
  constructor(lateMs = 1000) {
    this.#lateMs = lateMs;
  }

  /** One message of `tag` with `seq`; `latencyMs` may be undefined (no latency kept). */
  add(tag, seq, latencyMs) {
    this.received++;
    if (seq < 0) return;
    if (this.#seen.bump(tag, seq) > 0) {
      this.duplicates++;
      if (this.duplicateExamples.length < 5) this.duplicateExamples.push([tag, seq]);
      return;
    }
    this.distinct++;
    if (latencyMs === undefined) return;
    if (latencyMs > this.#lateMs) this.late++;
    if (this.#latN === this.#lat.length) {
      const grown = new Float64Array(this.#lat.length * 2);
      grown.set(this.#lat);
      this.#lat = grown;
    }
    this.#lat[this.#latN++] = latencyMs;
  }

  /** Totals, with p50/p99 of the first arrivals' latency in ms (undefined when none). */
  summary() {
    const lat = this.#lat.subarray(0, this.#latN).sort();
    const q = (p) => (lat.length ? lat[Math.min(lat.length - 1, Math.max(0, Math.ceil(p * lat.length) - 1))] : undefined);
    return { received: this.received, distinct: this.distinct, duplicates: this.duplicates, late: this.late, onTime: this.distinct - this.late, p50: q(0.5), p99: q(0.99) };
  }
}
