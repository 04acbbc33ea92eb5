/**
 * The store-and-forward buffer on disk (`<data dir>/buffer.sqlite`, WAL): batches of samples per
 * channel (one channel per sink), in order. A batch is appended before the pipeline counts it as
 * taken, and removed only after its sink acknowledged it; what a stopped or crashed hub left is sent
 * at the next start. Bounded per channel by a sample count: past it the oldest batches go first.
 */
import type { Sample } from '../core/sample.js';
import type { ArrivalRun } from '../pipeline/sample-age.js';
import { openStateDatabase, type SqliteDb } from './sqlite.js';

const MIGRATIONS = [
  `CREATE TABLE spool (seq INTEGER PRIMARY KEY AUTOINCREMENT, channel TEXT NOT NULL, samples INTEGER NOT NULL, body TEXT NOT NULL);
   CREATE INDEX spool_channel ON spool(channel, seq);`,
  // The ingest-log mark of the newest batch each channel took: the log does not hand it over again after a restart.
  `CREATE TABLE marks (channel TEXT PRIMARY KEY, mark INTEGER NOT NULL);`,
  // When the batch's samples arrived at the hub, as [[epoch ms, samples], ...]: their age once sent.
  `ALTER TABLE spool ADD COLUMN arrivals TEXT;`,
];

/** Batches read back for sending: their samples in order, and the last sequence number to remove after. */
export interface SpoolRead {
  lastSeq: number;
  batch: Sample[];
  /** When the samples arrived at the hub, where known (batches buffered before it was recorded have none). */
  arrivals: ArrivalRun[];
}

export interface SpoolSize {
  batches: number;
  samples: number;
}

export class SqliteSpool {
  readonly file: string;
  readonly #db: SqliteDb;
  readonly #sizes = new Map<string, SpoolSize>();

  private constructor(file: string, db: SqliteDb) {
    this.file = file;
    this.#db = db;
    const rows = db.prepare('SELECT channel, count(*) AS batches, sum(samples) AS samples FROM spool GROUP BY channel').all() as Array<{ channel: string; batches: number; samples: number }>;
    for (const r of rows) this.#sizes.set(r.channel, { batches: Number(r.batches), samples: Number(r.samples) });
  }

  /** Open (creating) the buffer file; `:memory:` for tests. */
  static open(file: string): SqliteSpool {
    // synchronous = FULL: a batch is in the buffer once the ingest spool lets it go, so it must survive
    // a power loss too. A short busy timeout: the caller retries, the event loop must not wait long.
    return new SqliteSpool(file, openStateDatabase(file, { pragmas: ['journal_mode = WAL', 'synchronous = FULL', 'busy_timeout = 100'], migrations: MIGRATIONS }));
  }

  /** Append a batch (and record the ingest-log `mark` it came with) in one transaction. */
  append(channel: string, batch: readonly Sample[], mark?: number, arrivals?: readonly ArrivalRun[]): void {
    if (batch.length === 0) return;
    const runs = arrivals && arrivals.length > 0 ? JSON.stringify(arrivals.map((r) => [r.at, r.samples])) : null;
    this.#db.transaction(() => {
      this.#db.prepare('INSERT INTO spool (channel, samples, body, arrivals) VALUES (?, ?, ?, ?)').run(channel, batch.length, JSON.stringify(batch), runs);
      if (mark !== undefined) this.#db.prepare('INSERT INTO marks (channel, mark) VALUES (?, ?) ON CONFLICT (channel) DO UPDATE SET mark = excluded.mark').run(channel, mark);
    })();
    const size = this.size(channel);
    this.#sizes.set(channel, { batches: size.batches + 1, samples: size.samples + batch.length });
  }

  /** The oldest batches of a channel, joined up to about `maxSamples` (at least one batch); undefined when empty. */
  peek(channel: string, maxSamples: number): SpoolRead | undefined {
    const rows = this.#db.prepare('SELECT seq, samples, body, arrivals FROM spool WHERE channel = ? ORDER BY seq LIMIT 64').all(channel) as Array<{ seq: number; samples: number; body: string; arrivals: string | null }>;
    if (rows.length === 0) return undefined;
    const batch: Sample[] = [];
    const arrivals: ArrivalRun[] = [];
    let lastSeq = 0;
    for (const r of rows) {
      if (batch.length > 0 && batch.length + Number(r.samples) > maxSamples) break;
      for (const s of JSON.parse(r.body) as Sample[]) batch.push(s);
      if (r.arrivals) for (const [at, samples] of JSON.parse(r.arrivals) as Array<[number, number]>) arrivals.push({ at, samples });
      lastSeq = Number(r.seq);
    }
    return { lastSeq, batch, arrivals };
  }

  /**
   * Remove a channel's batches up to and including `lastSeq` (they were delivered, or given up).
   * Committed without waiting for the disk (synchronous = NORMAL, still atomic in WAL): a removal a
   * power loss undoes only sends those samples again — at least once, as a retry does — while the
   * appends, which must never be lost, keep their fsync.
   */
  remove(channel: string, lastSeq: number): void {
    this.#db.pragma('synchronous = NORMAL');
    try {
      this.#removeThrough(channel, lastSeq);
    } finally {
      this.#db.pragma('synchronous = FULL');
    }
  }

  #removeThrough(channel: string, lastSeq: number): void {
    this.#db.transaction(() => {
      const gone = this.#db.prepare('SELECT count(*) AS batches, coalesce(sum(samples), 0) AS samples FROM spool WHERE channel = ? AND seq <= ?').get(channel, lastSeq) as { batches: number; samples: number };
      this.#db.prepare('DELETE FROM spool WHERE channel = ? AND seq <= ?').run(channel, lastSeq);
      const size = this.size(channel);
      this.#sizes.set(channel, { batches: size.batches - Number(gone.batches), samples: size.samples - Number(gone.samples) });
    })();
  }

  /** Drop the oldest batches until the channel holds at most `maxSamples`; returns the samples dropped. */
  trim(channel: string, maxSamples: number): number {
    let dropped = 0;
    while (this.size(channel).samples > maxSamples) {
      const oldest = this.#db.prepare('SELECT seq, samples FROM spool WHERE channel = ? ORDER BY seq LIMIT 1').get(channel) as { seq: number; samples: number } | undefined;
      if (!oldest) break;
      this.remove(channel, Number(oldest.seq));
      dropped += Number(oldest.samples);
    }
    return dropped;
  }

  /** The ingest-log mark of the newest batch the channel took (0 for none). */
  markOf(channel: string): number {
    const row = this.#db.prepare('SELECT mark FROM marks WHERE channel = ?').get(channel) as { mark: number } | undefined;
    return row ? Number(row.mark) : 0;
  }

  size(channel: string): SpoolSize {
    return this.#sizes.get(channel) ?? { batches: 0, samples: 0 };
  }

  close(): void {
    this.#db.close();
  }
}
