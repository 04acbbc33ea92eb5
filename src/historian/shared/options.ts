/** Options of the shared historian, and what a backend tells it. */
import type { Logger } from 'pino';
import type { RollupSpec } from '../rollup/job.js';
import type { HistorianStore } from './store.js';

export interface BufferedHistorianOptions {
  /** Background flush period; default 1000 ms. */
  flushIntervalMs?: number;
  /** Flush early once this many samples are pending; default 50 000. */
  batchSize?: number;
  /** Bound of the write buffer; write() waits while it is full. Default 500 000. */
  maxPending?: number;
  logger?: Logger;
  /** Clock for tag creation times and stats; default Date.now. */
  now?: () => number;
  /**
   * Open for reading only (`causeway export`, `causeway query`): write() rejects, no flush timer,
   * no upkeep, nothing changed in the store, no writer lock. Tags are those stored at open.
   */
  readOnly?: boolean;
}

/** What a backend tells the shared historian: its name, where it stores, how to open its store. */
export interface BackendSpec {
  backend: string;
  /** Where the data goes, for messages: a file, or a database and schema. */
  target: string;
  openStore: () => Promise<HistorianStore>;
}

/** A backend whose store keeps the rollups it is given. */
export interface RollupBackendSpec extends Omit<BackendSpec, 'openStore'> {
  openStore: (rollups: readonly RollupSpec[]) => Promise<HistorianStore>;
}
