/**
 * The embedded historian: samples go into a bounded in-memory buffer and are appended to a DuckDB
 * file in the background, grouped by tag, one transaction per flush. Reads merge what is still
 * buffered, so a sample is visible from the moment write() accepts it. The buffer, timer and
 * reads are shared with the PostgreSQL backend (../shared/buffered-historian.ts); this folder
 * holds the DuckDB store.
 */
import { CausewayError } from '../../core/errors.js';
import { MaintainedHistorian } from '../shared/maintained-historian.js';
import type { MaintainedHistorianOptions } from '../shared/maintained-historian.js';
import { DuckDbStore } from './store.js';

export interface DuckDbHistorianOptions extends MaintainedHistorianOptions {
  /** Path to the .duckdb file (created when missing), or ':memory:'. */
  file: string;
  /** Rows of closed days that make a flush start compaction before the timer (default: the larger of 2 M and 16 384 a tag). */
  compactAfterRows?: number;
}

/** The DuckDB historian. See README.md in this folder for the layout and the write path. */
export class DuckDbHistorian extends MaintainedHistorian {
  constructor(opts: DuckDbHistorianOptions) {
    const file = opts.file;
    if (typeof file !== 'string' || file.length === 0) {
      throw new CausewayError('CW_HISTORIAN_OPEN_FAILED', { target: String(file), reason: 'no database file was given' });
    }
    super({ backend: 'duckdb', target: file, openStore: (rollups) => DuckDbStore.open(file, { compactAfterRows: opts.compactAfterRows, rollups, readOnly: opts.readOnly }) }, opts);
  }
}
