/**
 * Counting by sequence number: which seqs were sent, acknowledged, refused and stored, and the one
 * line each scenario prints. Stored seqs are read from the historian itself after the hub stopped
 * (DuckDB file opened read-only; PostgreSQL tables), window by window so that every row — duplicates
 * included — is seen.
 */
import { appendFileSync } from 'node:fs';
import pino from 'pino';
import type { HistorianConfig } from '../../../src/config/schema.js';
import { createHistorian } from '../../../src/historian/create.js';

export class Tally {
  readonly #sent = new Set<number>();
  readonly #acked = new Set<number>();
  readonly #stored = new Map<number, number>();
  #rejected = 0;
  #refused = 0;
  #rows = 0;

  sent(seq: number): void {
    this.#sent.add(seq);
  }
  acknowledged(seq: number): void {
    this.#acked.add(seq);
  }
  /** A sample the hub answered for and refused by itself (listed in `rejected`). */
  rejected(_seq: number): void {
    this.#rejected++;
  }
  /** Samples of a request answered 503 or 429 (sent again later). */
  refused(n: number): void {
    this.#refused += n;
  }
  stored(seq: number): void {
    this.#rows++;
    this.#stored.set(seq, (this.#stored.get(seq) ?? 0) + 1);
  }
  get acknowledgedSeqs(): ReadonlySet<number> {
    return this.#acked;
  }
  get storedSeqs(): ReadonlyMap<number, number> {
    return this.#stored;
  }

  /** Acknowledged seqs that are not stored, ascending. */
  lost(): number[] {
    return [...this.#acked].filter((s) => !this.#stored.has(s)).sort((a, b) => a - b);
  }

  summary(): Summary {
    return {
      sent: this.#sent.size,
      acknowledged: this.#acked.size,
      stored: this.#stored.size,
      duplicates: this.#rows - this.#stored.size,
      refused: this.#refused,
      rejected: this.#rejected,
      lost: this.lost().length,
    };
  }
}

export interface Summary {
  sent: number;
  acknowledged: number;
  stored: number;
  duplicates: number;
  refused: number;
  rejected: number;
  lost: number;
}

/** Print the scenario's line (and append it as JSON to $CHAOS_REPORT when set); returns it. */
export function report(scenario: string, s: Summary, extra: Record<string, number | string> = {}): string {
  const more = Object.entries(extra).map(([k, v]) => ` / ${k} ${v}`).join('');
  const rejected = s.rejected > 0 ? ` / rejected ${s.rejected}` : '';
  const line = `[chaos] ${scenario}: sent ${s.sent} / acknowledged ${s.acknowledged} / stored ${s.stored} / duplicates ${s.duplicates} / refused ${s.refused}${rejected}${more} / acknowledged-but-not-stored ${s.lost}`;
  console.log(line);
  if (process.env.CHAOS_REPORT) appendFileSync(process.env.CHAOS_REPORT, `${JSON.stringify({ scenario, ...s, ...extra, at: new Date().toISOString() })}\n`);
  return line;
}

/** A sentence naming the first lost seqs, for the assertion message. */
export function lostMessage(t: Tally): string {
  const lost = t.lost();
  return `${lost.length} acknowledged samples are not stored${lost.length ? `, e.g. seqs ${lost.slice(0, 12).join(', ')}` : ''}`;
}

/**
 * Read every stored value of `path` with ts in [from, to) from the historian of a stopped hub
 * (read-only) into `tally.stored`; values must be the seqs. `windowMs` bounds the rows per query.
 */
export async function readStored(historian: HistorianConfig | undefined, dataDir: string, path: string, range: { from: number; to: number }, tally: Tally, windowMs = 60_000): Promise<void> {
  const h = createHistorian(historian, dataDir, pino({ level: 'silent' }), { readOnly: true });
  await h.open();
  try {
    for (let from = range.from; from < range.to; from += windowMs) {
      const rows = await h.queryRaw({ paths: [path], from, to: Math.min(range.to, from + windowMs) });
      for (const r of rows) {
        if (typeof r.value !== 'number' || !Number.isInteger(r.value)) throw new Error(`a stored value of ${path} is not a sequence number: ${JSON.stringify(r)}`);
        tally.stored(r.value);
      }
    }
  } finally {
    await h.close();
  }
}
