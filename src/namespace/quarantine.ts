/** Samples a sink's contract refused: counted per sink and reason, the last few kept for inspection. */
import type { Sample } from '../core/sample.js';
import { CONTRACT_REASONS, type ContractReason, type Violation } from './contracts.js';

/** Samples kept per sink and reason. */
export const KEEP_LAST = 5;

export interface QuarantinedSample extends Sample {
  problem: string;
  /** Hub time of the quarantine, epoch ms. */
  at: number;
}

export interface QuarantineReport {
  total: number;
  sinks: Array<{
    sink: string;
    contract: { template: string; version: number };
    total: number;
    reasons: Array<{ reason: ContractReason; count: number; last: QuarantinedSample[] }>;
  }>;
}

interface SinkEntry {
  contract: { template: string; version: number };
  counts: Map<ContractReason, number>;
  last: Map<ContractReason, QuarantinedSample[]>;
}

export class Quarantine {
  readonly #sinks = new Map<string, SinkEntry>();

  /** Make a sink with a contract show up in reports, with zero counts. */
  register(sink: string, contract: { template: string; version: number }): void {
    if (!this.#sinks.has(sink)) this.#sinks.set(sink, { contract, counts: new Map(), last: new Map() });
  }

  record(sink: string, sample: Sample, v: Violation, at: number): void {
    const e = this.#sinks.get(sink);
    if (!e) return;
    e.counts.set(v.reason, (e.counts.get(v.reason) ?? 0) + 1);
    const last = e.last.get(v.reason) ?? [];
    last.push({ ...sample, problem: v.problem, at });
    if (last.length > KEEP_LAST) last.shift();
    e.last.set(v.reason, last);
  }

  /** Counts and last samples, per sink (optionally one) and reason; newest sample first. */
  report(sink?: string): QuarantineReport {
    const sinks = [...this.#sinks].filter(([id]) => sink === undefined || id === sink).map(([id, e]) => {
      const reasons = CONTRACT_REASONS.filter((r) => e.counts.has(r)).map((reason) => ({ reason, count: e.counts.get(reason)!, last: [...(e.last.get(reason) ?? [])].reverse() }));
      return { sink: id, contract: e.contract, total: reasons.reduce((n, r) => n + r.count, 0), reasons };
    });
    return { total: sinks.reduce((n, s) => n + s.total, 0), sinks };
  }

  has(sink: string): boolean {
    return this.#sinks.has(sink);
  }
}
