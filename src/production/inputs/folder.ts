/**
 * A drop folder for ERP files: B2MML ProductionSchedule (`*.xml`) and CSV (`*.csv`). Each poll
 * takes the files that have settled (not changed for a moment, so a file still being written is
 * left alone), oldest name first. A file whose records were all kept moves to `processed/`; a file
 * with a rejected record (the good ones are still kept) or that cannot be read moves to
 * `rejected/` with `<file>.problems.txt` beside it naming each problem, and the next file is taken:
 * an XML file with a DOCTYPE is rejected unread. Files are never read twice.
 */
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CausewayError, detailOf } from '../../core/errors.js';
import { csvRecords } from '../formats/csv.js';
import { parseSchedule } from '../formats/b2mml.js';
import type { RejectedRecord } from '../orders.js';

export interface FolderSettings {
  path: string;
  /** A file is taken once it has not changed for this long (default 1000 ms). */
  settleMs?: number;
}

export interface ReceiveSummary {
  accepted: Array<{ id: string; change: string }>;
  rejected: RejectedRecord[];
}

export type ReceiveOrders = (records: ReadonlyArray<{ ref: string; raw: unknown }>) => ReceiveSummary;

/** What one file gave. */
export interface FileOutcome {
  file: string;
  accepted: number;
  rejected: number;
  movedTo: 'processed' | 'rejected';
}

const TAKEN = /\.(xml|csv)$/i;

/** The records of one file, or the problem with the whole file. */
export function recordsOf(name: string, text: string): { records: Array<{ ref: string; raw: unknown }>; bad: RejectedRecord[] } | string {
  if (/\.xml$/i.test(name)) {
    const r = parseSchedule(text, name);
    return typeof r === 'string' ? r : { records: r, bad: [] };
  }
  const rows = csvRecords(text, name);
  return {
    records: rows.filter((r) => r.raw !== undefined).map((r) => ({ ref: r.ref, raw: r.raw })),
    bad: rows.filter((r) => r.raw === undefined).map((r) => ({ ref: r.ref, problems: [r.problem!] })),
  };
}

/** recordsOf(), with a file that breaks the reader rejected like any unreadable file: it must not hold up the folder. */
function readable(name: string, text: string): ReturnType<typeof recordsOf> {
  try {
    return recordsOf(name, text);
  } catch (e) {
    return `it cannot be read: ${detailOf(e) ?? 'unknown error'}`;
  }
}

export class FolderInput {
  readonly settings: FolderSettings;
  readonly #receive: ReceiveOrders;
  readonly #now: () => number;

  constructor(settings: FolderSettings, receive: ReceiveOrders, now: () => number = Date.now) {
    this.settings = settings;
    this.#receive = receive;
    this.#now = now;
  }

  #fail(e: unknown): CausewayError {
    return new CausewayError('CW_ERP_FOLDER_FAILED', { folder: this.settings.path, reason: detailOf(e) ?? 'unknown error' }, { cause: e });
  }

  /** Take every settled file in the folder; returns what each gave. */
  async poll(): Promise<FileOutcome[]> {
    let names: string[];
    try {
      await mkdir(this.settings.path, { recursive: true });
      names = (await readdir(this.settings.path, { withFileTypes: true })).filter((d) => d.isFile() && TAKEN.test(d.name) && !d.name.startsWith('.')).map((d) => d.name).sort();
    } catch (e) {
      throw this.#fail(e);
    }
    const out: FileOutcome[] = [];
    for (const name of names) {
      const outcome = await this.#take(name);
      if (outcome) out.push(outcome);
    }
    return out;
  }

  async #take(name: string): Promise<FileOutcome | undefined> {
    const file = join(this.settings.path, name);
    try {
      const st = await stat(file);
      if (this.#now() - st.mtimeMs < (this.settings.settleMs ?? 1000)) return undefined;
      const parsed = readable(name, await readFile(file, 'utf8'));
      const got = typeof parsed === 'string' ? { accepted: [], rejected: [{ ref: name, problems: [parsed] }] } : this.#receive(parsed.records);
      const rejected = [...(typeof parsed === 'string' ? [] : parsed.bad), ...got.rejected];
      const movedTo = rejected.length === 0 ? 'processed' : 'rejected';
      const target = await this.#move(file, movedTo);
      if (rejected.length > 0) await writeFile(`${target}.problems.txt`, rejected.map((r) => `${r.ref}${r.id ? ` (order ${r.id})` : ''}: ${r.problems.join('; ')}`).join('\n') + '\n');
      return { file: name, accepted: got.accepted.length, rejected: rejected.length, movedTo };
    } catch (e) {
      throw this.#fail(e);
    }
  }

  /** Move a file into a subfolder, its name prefixed with the time so a name sent again does not collide. */
  async #move(file: string, sub: 'processed' | 'rejected'): Promise<string> {
    const dir = join(this.settings.path, sub);
    await mkdir(dir, { recursive: true });
    const stamp = new Date(this.#now()).toISOString().replace(/[:.]/g, '-');
    const target = join(dir, `${stamp}_${basename(file)}`);
    await rename(file, target);
    return target;
  }
}
