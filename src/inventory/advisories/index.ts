/**
 * Security advisories (CSAF 2.0) for the inventory: the reader, the folder import and the store,
 * behind one object the hub, the API and the CLI share (`<data dir>/advisories.sqlite`).
 * The matcher reads `allAdvisories()`: every advisory flattened, in one pass.
 */
import type { Advisory } from '../types.js';
import { importDocument, importFolder, type ImportOptions, type ImportReport } from './import.js';
import { AdvisoryStore, type AdvisoryQuery, type AdvisorySummary, type ImportRecord, type StoredAdvisory } from './store.js';

export { ADVISORIES_FILE, AdvisoryStore } from './store.js';
export type { AdvisoryQuery, AdvisorySummary, ChecksumState, ImportRecord, Rejection, StoredAdvisory } from './store.js';
export type { ImportNote, ImportOptions, ImportProgress, ImportReport } from './import.js';
export { AdvisoryRefusal, parseCsaf, readCsaf, type ReadResult } from './reader.js';

/** What the import status shows: what is stored, and the latest imports with their rejected files. */
export interface AdvisoryStatus {
  advisories: number;
  products: number;
  vulnerabilities: number;
  /** When the latest import (folder or upload) finished; absent before the first. */
  lastImportAt?: number;
  /** The latest imports, newest first. */
  imports: ImportRecord[];
}

export interface UploadResult {
  outcome: 'added' | 'updated' | 'unchanged';
  advisory: AdvisorySummary;
  warnings: string[];
  note?: string;
}

/** What the API (and the matcher in the hub) needs of the advisories: list, one, the import status, an upload, all of them. */
export type AdvisoryService = Pick<Advisories, 'list' | 'get' | 'status' | 'upload' | 'allAdvisories'>;

export class Advisories {
  readonly store: AdvisoryStore;

  constructor(store: AdvisoryStore) {
    this.store = store;
  }

  /** Open the store in the data directory (`:memory:` for tests). Throws CW_ADVISORY_STORE. */
  static open(dataDir: string | ':memory:'): Advisories {
    return new Advisories(AdvisoryStore.open(dataDir));
  }

  list(q: AdvisoryQuery): { advisories: AdvisorySummary[]; total: number } {
    return this.store.list(q);
  }

  get(id: string): StoredAdvisory | undefined {
    return this.store.get(id);
  }

  /** Every advisory, flattened, ordered by id: the matcher's input (380 advisories load in about 0.1 s). */
  allAdvisories(): Advisory[] {
    return this.store.all();
  }

  status(limit = 5): AdvisoryStatus {
    const imports = this.store.imports(limit);
    return { ...this.store.counts(), ...(imports[0] ? { lastImportAt: imports[0].finishedAt } : {}), imports };
  }

  /** Import a folder (CISA layout or flat), incrementally. */
  importFolder(folder: string, o: ImportOptions): Promise<ImportReport> {
    return importFolder(this.store, folder, o);
  }

  /** Import one uploaded document; throws CW_ADVISORY_INVALID naming what is wrong. */
  upload(bytes: Buffer, o: { actor: string; name?: string; now?: () => number }): UploadResult {
    const r = importDocument(this.store, bytes, o);
    const stored = this.store.get(r.advisory.id);
    return { outcome: r.outcome, advisory: stored!.summary, warnings: r.warnings, ...(r.note ? { note: r.note } : {}) };
  }

  close(): void {
    this.store.close();
  }
}
