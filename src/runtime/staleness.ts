/**
 * The staleness watch: turns the values of a source whose link is lost `bad` (reason `link_lost`)
 * and values not updated within their period `uncertain` (reason `stale`). It sees every batch a
 * source hands to the pipeline, watches the source supervisors' states on a short timer, and
 * ingests one marking sample per transition through the pipeline as the source itself, so marks
 * are mapped, stored, published to the sinks and shown live like any sample. The rules are in
 * staleness-tracker.ts; this file only orchestrates.
 */
import type { Logger } from 'pino';
import type { SourceConfig } from '../config/schema.js';
import type { Sample } from '../core/sample.js';
import { durationMs } from '../core/time.js';
import { sourceDefinitions } from '../sources/index.js';
import { stalePolicyOf } from './staleness-policy.js';
import { StalenessTracker, type StalePolicy } from './staleness-tracker.js';
import type { SourceSupervisor } from './supervisor.js';

/** How often the supervisors' states are looked at. */
const LINK_CHECK_MS = 250;
/** How often every path's age is looked at. */
const STALE_CHECK_MS = 1000;

export interface StalenessWatchOptions<R> {
  /** The configured sources (their staleAfter keys and tags). */
  sources: readonly SourceConfig[];
  /** The running source supervisors, by source id. */
  supervisors: ReadonlyMap<string, SourceSupervisor>;
  /** The pipeline's ingest; its result is handed back unchanged. */
  ingest(sourceId: string, batch: readonly Sample[]): Promise<R>;
  now(): number;
  logger: Logger;
}

export class StalenessWatch<R = unknown> {
  readonly #o: StalenessWatchOptions<R>;
  readonly #tracker: StalenessTracker;
  /** Sources seen connected at the last check, or that delivered since. */
  readonly #connected = new Set<string>();
  readonly #inFlight = new Set<Promise<unknown>>();
  #timer: NodeJS.Timeout | undefined;
  #lastStaleCheck = 0;

  constructor(options: StalenessWatchOptions<R>) {
    this.#o = options;
    this.#tracker = new StalenessTracker(policiesOf(options));
  }

  /** Hand a source's batch to the pipeline, remembering what it holds. Use in place of the pipeline's ingest. */
  ingest(sourceId: string, batch: readonly Sample[]): Promise<R> {
    // Data flows only over a live link: a link that came up and went down between two checks
    // (a flapping device) is still seen as lost at the next one.
    if (this.#o.supervisors.has(sourceId)) this.#connected.add(sourceId);
    const restamped = this.#tracker.observe(sourceId, batch, this.#o.now());
    const result = this.#o.ingest(sourceId, batch);
    // After the batch, so the re-stamped recovery is the newer of the two everywhere.
    if (restamped.length > 0) this.#inject(sourceId, restamped);
    return result;
  }

  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => this.check(), LINK_CHECK_MS);
    this.#timer.unref();
  }

  /** Stop checking; resolves when the marks already handed to the pipeline are taken. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await Promise.all([...this.#inFlight]);
  }

  /** One check: sources that left `connected` get their values marked bad; old values uncertain. */
  check(): void {
    const now = this.#o.now();
    for (const [id, sup] of this.#o.supervisors) {
      const state = sup.status().state;
      if (state === 'connected') {
        this.#connected.add(id);
        continue;
      }
      // A stopped source was stopped on purpose (shutdown, reconfiguration): its link did not fail.
      if (this.#connected.delete(id) && state !== 'stopped') this.#inject(id, this.#tracker.linkLost(id, now));
    }
    if (now - this.#lastStaleCheck < STALE_CHECK_MS) return;
    this.#lastStaleCheck = now;
    for (const [id, batch] of this.#tracker.stale(now)) this.#inject(id, batch);
  }

  #inject(sourceId: string, batch: Sample[]): void {
    if (batch.length === 0) return;
    const reason = batch[0]!.qualityReason;
    if (reason) this.#o.logger.info({ source: sourceId, reason, values: batch.length }, `${batch.length} value${batch.length === 1 ? '' : 's'} of source ${sourceId} marked ${reason === 'link_lost' ? 'bad: its link is lost' : 'uncertain: not updated within their stale period'}.`);
    const p = this.#o.ingest(sourceId, batch).catch((e: unknown) => this.#o.logger.warn({ err: e, source: sourceId }, `The pipeline did not take the quality marks of source ${sourceId}.`));
    this.#inFlight.add(p);
    void p.finally(() => this.#inFlight.delete(p));
  }
}

/** The policy of every supervised source, from its config and what its connector is. */
function policiesOf(o: StalenessWatchOptions<unknown>): Map<string, StalePolicy> {
  const kinds = new Map(sourceDefinitions.map((d) => [d.kind, d]));
  const policies = new Map<string, StalePolicy>();
  for (const cfg of o.sources) {
    const sup = o.supervisors.get(cfg.id);
    const def = kinds.get(cfg.kind);
    if (!sup || !def) continue;
    // The same default poll interval the runtime's supervisor applies.
    const facts = { dynamic: def.dynamicTags === true, ...pollFacts(cfg, sup, def.defaultPollIntervalMs ?? 1000) };
    policies.set(cfg.id, stalePolicyOf(cfg, facts));
  }
  return policies;
}

/** The longest interval at which a polled source delivers; nothing for sources that publish on change. */
function pollFacts(cfg: SourceConfig, sup: SourceSupervisor, defaultPollMs: number): { pollEveryMs?: number } {
  const source = sup.source;
  if (!source.poll || source.subscribe) return {};
  const groups = source.pollGroups?.() ?? [];
  if (groups.length > 0) return { pollEveryMs: Math.max(...groups.map((g) => g.intervalMs)) };
  return { pollEveryMs: durationMs(cfg.pollInterval, defaultPollMs) };
}
