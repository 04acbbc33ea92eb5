/**
 * Which values turn bad or uncertain, and when: the pure part of the staleness watch (no timers,
 * no I/O; the hub clock is passed in). It remembers the last raw sample of every tracked path and
 * answers with the samples that mark a transition:
 *
 * - the source's link is lost → every value it had becomes `bad`, reason `link_lost`;
 * - a path had no update within its period → `uncertain`, reason `stale`;
 * - each transition is marked once: a value is only ever marked worse than it is (a value the
 *   device itself sent bad, e.g. a Sparkplug NDEATH, is not marked again);
 * - the next sample from the device clears the mark. When that sample is stamped no later than the
 *   mark (an OPC UA server re-sends an unchanged value with its original source time), the hub
 *   re-stamps it at hub time so the live value, the deadband and the history all see it as newer.
 */
import { isQuality, isValue, type Quality, type QualityReason, type Sample, type Value } from '../core/sample.js';

/** How long the paths of one source may go without an update, ms; 0 means never stale. */
export interface StalePolicy {
  /** The period of a path not listed in `tags` (dynamic tags of MQTT, Sparkplug...). */
  defaultMs: number;
  /** The period of each configured tag, by raw path `<source-id>/<tag-id>`. */
  tags: ReadonlyMap<string, number>;
  /** True when the pipeline accepts unlisted paths under the source (self-describing sources). */
  dynamic: boolean;
}

interface Entry {
  source: string;
  value: Value;
  /** Source time of the last real sample. */
  ts: number;
  quality: Quality;
  /** Hub time it arrived. */
  seenAt: number;
  staleAfterMs: number;
  mark: { reason: QualityReason; ts: number } | undefined;
}

const RANK: Record<Quality, number> = { good: 0, uncertain: 1, bad: 2 };
const QUALITY_OF: Record<QualityReason, Quality> = { link_lost: 'bad', stale: 'uncertain' };

/** The state of every tracked path, and the marking samples its transitions call for. */
export class StalenessTracker {
  readonly #policies: ReadonlyMap<string, StalePolicy>;
  readonly #entries = new Map<string, Entry>();

  constructor(policies: ReadonlyMap<string, StalePolicy>) {
    this.#policies = policies;
  }

  /**
   * Remember what a source sent. Returns, per path whose mark the batch cleared without any
   * sample newer than the mark, a re-stamped copy of the newest of those samples (to be ingested
   * right after the batch, so the history ends on the current value); usually none.
   */
  observe(sourceId: string, batch: readonly Sample[], now: number): Sample[] {
    const policy = this.#policies.get(sourceId);
    if (!policy) return [];
    // By path: the mark a sample of this batch cleared, and the newest sample not newer than it.
    const cleared = new Map<string, { markTs: number; sample: Sample }>();
    for (const s of batch) {
      const staleAfterMs = periodOf(policy, sourceId, s.path);
      if (staleAfterMs === undefined || !isValue(s.value) || !isQuality(s.quality) || !Number.isSafeInteger(s.ts)) continue;
      const entry = this.#entries.get(s.path);
      // An older sample arriving late says nothing about the current value.
      if (entry && s.ts < entry.ts) continue;
      const pending = cleared.get(s.path);
      if (entry?.mark && s.ts <= entry.mark.ts) cleared.set(s.path, { markTs: entry.mark.ts, sample: s });
      else if (pending) {
        // A later sample of the same batch (a poll catching up several steps) replaces the one to
        // re-stamp, or, newer than the mark itself, makes re-stamping needless: re-stamping an older
        // value after it would make a counter run backwards in the history.
        if (s.ts <= pending.markTs) pending.sample = s;
        else cleared.delete(s.path);
      }
      if (!entry) {
        this.#entries.set(s.path, { source: sourceId, value: s.value, ts: s.ts, quality: s.quality, seenAt: now, staleAfterMs, mark: undefined });
        continue;
      }
      // Updated in place: this runs for every sample a source sends.
      entry.value = s.value;
      entry.ts = s.ts;
      entry.quality = s.quality;
      entry.seenAt = now;
      entry.mark = undefined;
    }
    return [...cleared.values()].map(({ markTs, sample: s }) => ({
      path: s.path, value: s.value, ts: Math.max(now, markTs + 1), quality: s.quality, ...(s.statusCode !== undefined ? { statusCode: s.statusCode } : {}),
    }));
  }

  /** The source's link is lost: mark every value it had bad (once). */
  linkLost(sourceId: string, now: number): Sample[] {
    const out: Sample[] = [];
    for (const [path, e] of this.#entries) if (e.source === sourceId) this.#markInto(out, path, e, 'link_lost', now);
    return out;
  }

  /** Mark uncertain every value not updated within its period (once), grouped by source. */
  stale(now: number): Map<string, Sample[]> {
    const bySource = new Map<string, Sample[]>();
    for (const [path, e] of this.#entries) {
      if (e.staleAfterMs <= 0 || now - e.seenAt < e.staleAfterMs) continue;
      const out = bySource.get(e.source) ?? [];
      if (this.#markInto(out, path, e, 'stale', now)) bySource.set(e.source, out);
    }
    return bySource;
  }

  /** Forget every path of a source (removed or reconfigured). */
  forget(sourceId: string): void {
    for (const [path, e] of this.#entries) if (e.source === sourceId) this.#entries.delete(path);
  }

  /** The effective quality and reason of a path, for inspection and tests. */
  stateOf(path: string): { quality: Quality; reason?: QualityReason } | undefined {
    const e = this.#entries.get(path);
    if (!e) return undefined;
    return e.mark ? { quality: QUALITY_OF[e.mark.reason], reason: e.mark.reason } : { quality: e.quality };
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Push the marking sample of `reason` when it makes the value worse than it is; true when it did. */
  #markInto(out: Sample[], path: string, e: Entry, reason: QualityReason, now: number): boolean {
    const quality = QUALITY_OF[reason];
    const current = e.mark ? QUALITY_OF[e.mark.reason] : e.quality;
    if (RANK[quality] <= RANK[current]) return false;
    // Never stamped before what it marks, even when the device's clock runs ahead of the hub's.
    const ts = Math.max(now, (e.mark?.ts ?? e.ts) + 1);
    e.mark = { reason, ts };
    out.push({ path, value: e.value, ts, quality, qualityReason: reason });
    return true;
  }
}

/** The period of a path under a policy; undefined when the pipeline would not take the path. */
function periodOf(policy: StalePolicy, sourceId: string, path: string): number | undefined {
  const listed = policy.tags.get(path);
  if (listed !== undefined) return listed;
  return policy.dynamic && path.startsWith(`${sourceId}/`) ? policy.defaultMs : undefined;
}
