/**
 * Checkpoints of the keyed audit chain, exported outside the hub's database: one JSON line per
 * checkpoint appended to `<dir>/audit-checkpoints.jsonl` (the anchor of the keyed chain first),
 * each with its own MAC under the audit key. Whoever rewrites the database cannot take back what
 * was exported: `causeway audit verify` checks that the log still holds every record a checkpoint
 * names, with the same MAC, so records cut from the end show too.
 */
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CausewayError, detailOf } from '../core/errors.js';
import { valueMac } from './audit-chain.js';

export const CHECKPOINT_FILE = 'audit-checkpoints.jsonl';
export const CHECKPOINT_DIR = 'audit-checkpoints';

/** One exported line. */
export interface Checkpoint {
  v: 1;
  /** `anchor`: where the keyed chain starts; `checkpoint`: the chain's head at `at`. */
  kind: 'anchor' | 'checkpoint';
  /** The record named: the anchor's first keyed record, or the head. */
  seq: number;
  /** That record's MAC (absent on an anchor of an empty log). */
  mac?: string;
  /** The hash of the last record before the anchor (GENESIS when none). */
  legacyHead?: string;
  at: number;
  keyId: string;
}

export interface ReadCheckpoints {
  file: string;
  found: boolean;
  lines: Checkpoint[];
  /** A line whose MAC does not verify, or that is not JSON (1-based line number). */
  bad?: { line: number; problem: string };
}

/** The default checkpoint folder of a data directory. */
export function defaultCheckpointDir(dataDir: string): string {
  return join(dataDir, CHECKPOINT_DIR);
}

/** Append a checkpoint line (with its MAC); throws CW_AUDIT_CHECKPOINT. */
export function appendCheckpoint(dir: string, key: Buffer, cp: Checkpoint): void {
  const file = join(dir, CHECKPOINT_FILE);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    appendFileSync(file, `${JSON.stringify({ ...cp, sig: valueMac(key, cp) })}\n`, { mode: 0o600 });
  } catch (e) {
    throw new CausewayError('CW_AUDIT_CHECKPOINT', { file, reason: detailOf(e) ?? 'unknown error' }, { cause: e });
  }
}

/** Read every line of the checkpoint file; each line's MAC is checked when the key is given. */
export function readCheckpoints(dir: string, key: Buffer | undefined): ReadCheckpoints {
  const file = join(dir, CHECKPOINT_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return { file, found: false, lines: [] };
    throw new CausewayError('CW_AUDIT_CHECKPOINT', { file, reason: detailOf(e) ?? 'unknown error' }, { cause: e });
  }
  const lines: Checkpoint[] = [];
  const rows = text.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!.trim();
    if (row === '') continue;
    let parsed: Checkpoint & { sig?: string };
    try {
      parsed = JSON.parse(row) as Checkpoint & { sig?: string };
    } catch {
      // A torn last line (the hub stopped mid-write) is not tampering; anything else is.
      if (i === rows.length - 1 || rows.slice(i + 1).every((r) => r.trim() === '')) break;
      return { file, found: true, lines, bad: { line: i + 1, problem: 'it is not JSON' } };
    }
    const { sig, ...cp } = parsed;
    if (key && sig !== valueMac(key, cp)) return { file, found: true, lines, bad: { line: i + 1, problem: 'its MAC does not match (it was edited, or not written with this audit key)' } };
    lines.push(cp);
  }
  return { file, found: true, lines };
}

export interface CheckpointTimerOptions {
  dir: string;
  key: Buffer;
  keyId: string;
  intervalMs: number;
  /** A reason when exporting fails, undefined when it works again. */
  onFailure: (reason: string | undefined) => void;
}

interface Exporter {
  exportCheckpoint(since: number | undefined, withAnchor: boolean): number | undefined;
}

/**
 * Exports a checkpoint every `intervalMs` when records were added (whoever added them: the hub or
 * a `causeway` command on the same data directory), and a last one when stopped.
 */
export class CheckpointTimer {
  readonly #log: Exporter;
  readonly #o: CheckpointTimerOptions;
  #timer: NodeJS.Timeout | undefined;
  #last: number | undefined;
  #anchorExported = false;
  #failing = false;

  constructor(log: Exporter, o: CheckpointTimerOptions) {
    this.#log = log;
    this.#o = o;
  }

  /** Read what was exported before, export now, then on every interval. */
  start(): void {
    try {
      const before = readCheckpoints(this.#o.dir, this.#o.key).lines.filter((l) => l.keyId === this.#o.keyId);
      this.#anchorExported = before.some((l) => l.kind === 'anchor');
      this.#last = before.filter((l) => l.kind === 'checkpoint').reduce<number | undefined>((a, l) => Math.max(a ?? 0, l.seq), undefined);
    } catch (e) {
      this.#o.onFailure(detailOf(e) ?? 'unknown error');
    }
    this.tick();
    this.#timer = setInterval(() => this.tick(), this.#o.intervalMs);
    this.#timer.unref();
  }

  /** Export a checkpoint if records were added since the last one. */
  tick(): void {
    try {
      this.#last = this.#log.exportCheckpoint(this.#last, !this.#anchorExported);
      this.#anchorExported = true;
      if (this.#failing) this.#o.onFailure(undefined);
      this.#failing = false;
    } catch (e) {
      if (!this.#failing) this.#o.onFailure(detailOf(e) ?? 'unknown error');
      this.#failing = true;
    }
  }

  /** Stop, after a last checkpoint. */
  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    this.tick();
  }
}
