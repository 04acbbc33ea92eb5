/**
 * Import CSAF advisories from a folder, recursively: CISA's layout (`csaf_files/OT/white/<year>/
 * *.json`) or a flat folder. Each file is checked against its `.sha512` (or `.sha256`) — a mismatch
 * or an unreadable checksum file rejects it; a file without one is imported as unverified (or
 * rejected with `requireChecksums`). Incremental: a file whose SHA-512 is stored is unchanged
 * without being read further; an advisory is added, updated (a new file for its tracking id), or
 * kept when the stored one is a later release. A bad file is reported and skipped, never fatal.
 */
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { CausewayError, isCausewayError } from '../../core/errors.js';
import type { Advisory } from '../types.js';
import { checkChecksum } from './checksums.js';
import { AdvisoryRefusal, parseCsaf, sha512 } from './reader.js';
import type { AdvisoryStore, ChecksumState, Rejection } from './store.js';

/** JSON files of a CSAF provider's folder that are not advisories. */
const NOT_ADVISORIES = /^(provider-metadata|aggregator|service|index)\.json$|feed.*\.json$/i;
/** Files written per transaction. */
const BATCH = 100;

export interface ImportProgress {
  done: number;
  total: number;
  file: string;
}

export interface ImportOptions {
  /** Who imports, for the import record (`cli:<os user>`, or the API's user). */
  actor: string;
  /** Reject files without a checksum file instead of importing them as unverified. */
  requireChecksums?: boolean;
  now?: () => number;
  onProgress?: (p: ImportProgress) => void;
}

/** A file imported with something to say about it: no checksum, an older release, the reader's warnings. */
export interface ImportNote {
  file: string;
  note: string;
}

export interface ImportReport {
  seq: number;
  folder: string;
  files: number;
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Imported without a checksum file to check them against. */
  unverified: number;
  rejections: Rejection[];
  notes: ImportNote[];
  /** Advisories, products and vulnerabilities in the store afterwards. */
  stored: { advisories: number; products: number; vulnerabilities: number };
  seconds: number;
}

/** Every file under `folder` (hidden folders skipped), and the advisory candidates among them. */
function listFiles(folder: string, rejections: Rejection[]): { names: Set<string>; json: string[] } {
  const names = new Set<string>();
  const json: string[] = [];
  const visit = (dir: string, depth: number) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      if (dir === folder) throw new CausewayError('CW_ADVISORY_FOLDER', { folder, reason: e instanceof Error ? e.message : String(e) }, { cause: e });
      rejections.push({ file: relative(folder, dir) + sep, kind: 'unreadable', reason: `the folder cannot be read (${e instanceof Error ? e.message : String(e)})` });
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, e.name);
      if (e.name.startsWith('.')) continue;
      // Symbolic links to folders are not followed (no loops); to files they are read.
      const isFile = e.isFile() || (e.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isFile() === true);
      if (e.isDirectory() && depth < 16) visit(path, depth + 1);
      else if (isFile) {
        names.add(path);
        if (e.name.toLowerCase().endsWith('.json') && !NOT_ADVISORIES.test(e.name)) json.push(path);
      }
    }
  };
  let st;
  try {
    st = statSync(folder);
  } catch (e) {
    throw new CausewayError('CW_ADVISORY_FOLDER', { folder, reason: e instanceof Error ? e.message : String(e) }, { cause: e });
  }
  if (!st.isDirectory()) throw new CausewayError('CW_ADVISORY_FOLDER', { folder, reason: 'it is not a folder' });
  visit(folder, 0);
  return { names, json };
}

/** What to do with a read advisory given the stored (or earlier in this run) release of its id. */
export function outcomeOf(stored: { sha512: string; currentReleaseDate?: string; revision?: string } | undefined, a: Advisory): { outcome: 'added' | 'updated' | 'unchanged'; note?: string } {
  if (!stored) return { outcome: 'added' };
  if (stored.sha512 === a.sha512) return { outcome: 'unchanged' };
  const was = stored.currentReleaseDate ? Date.parse(stored.currentReleaseDate) : Number.NaN;
  const is = a.currentReleaseDate ? Date.parse(a.currentReleaseDate) : Number.NaN;
  if (was > is) {
    return { outcome: 'unchanged', note: `${a.id} revision ${a.revision ?? '?'} (${a.currentReleaseDate}) is older than the stored revision ${stored.revision ?? '?'} (${stored.currentReleaseDate}); the stored one is kept` };
  }
  return { outcome: 'updated' };
}

type Pending = { advisory: Advisory; checksum: ChecksumState; warnings: string[] };

/** Read one file: its rejection, or the advisory (undefined when its bytes are stored already). */
function readOne(path: string, rel: string, names: ReadonlySet<string>, known: Map<string, ChecksumState>, o: ImportOptions): Rejection | { read?: Pending; checksum: ChecksumState } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return { file: rel, kind: 'unreadable', reason: `the file cannot be read (${e instanceof Error ? e.message : String(e)})` };
  }
  const digest = sha512(bytes);
  const check = checkChecksum(path, bytes, names, digest);
  if (check.state === 'mismatch') return { file: rel, kind: 'checksum-mismatch', reason: `its ${check.algorithm.toUpperCase()} is ${check.actual.slice(0, 16)}…, the checksum file says ${check.expected.slice(0, 16)}…: the file was changed or damaged after it was published` };
  if (check.state === 'unreadable') return { file: rel, kind: 'checksum-unreadable', reason: `its checksum file ${basename(check.file)} cannot be used: ${check.reason}` };
  if (check.state === 'missing' && o.requireChecksums) return { file: rel, kind: 'checksum-missing', reason: `there is no ${basename(path)}.sha512 beside it to check it against` };
  const checksum: ChecksumState = check.state === 'verified' ? 'verified' : 'missing';
  const stored = known.get(digest);
  // The same bytes are stored: unchanged, unless they are now verified where they were not.
  if (stored !== undefined && !(stored === 'missing' && checksum === 'verified')) return { checksum };
  try {
    const { advisory, warnings } = parseCsaf(bytes, rel);
    advisory.sourceFile = rel.split(sep).join('/');
    return { read: { advisory, checksum, warnings }, checksum };
  } catch (e) {
    if (e instanceof AdvisoryRefusal) return { file: rel, kind: e.kind, reason: e.params.problem };
    throw e;
  }
}

/** Import every advisory under `folder` into the store; throws CW_ADVISORY_FOLDER only when the folder itself cannot be read. */
export async function importFolder(store: AdvisoryStore, folder: string, o: ImportOptions): Promise<ImportReport> {
  const now = o.now ?? Date.now;
  const startedAt = now();
  const t0 = performance.now();
  const rejections: Rejection[] = [];
  const notes: ImportNote[] = [];
  const { names, json } = listFiles(folder, rejections);
  const known = store.hashes();
  const seen = new Map<string, { sha512: string; currentReleaseDate?: string; revision?: string }>();
  const counts = { added: 0, updated: 0, unchanged: 0, unverified: 0 };
  let batch: Pending[] = [];
  const flush = () => {
    if (batch.length) store.put(batch, now());
    batch = [];
  };
  for (const [i, path] of json.entries()) {
    const rel = relative(folder, path);
    o.onProgress?.({ done: i, total: json.length, file: rel });
    if (i % 25 === 24) await new Promise((r) => setImmediate(r));
    const r = readOne(path, rel, names, known, o);
    if ('kind' in r) {
      rejections.push(r);
      continue;
    }
    if (r.checksum === 'missing') {
      counts.unverified++;
      notes.push({ file: rel, note: 'no checksum file beside it: imported unverified' });
    }
    if (!r.read) {
      counts.unchanged++;
      continue;
    }
    const a = r.read.advisory;
    const { outcome, note } = outcomeOf(seen.get(a.id) ?? store.version(a.id), a);
    // Same content under a new file hash is still unchanged, unless its checksum state improved.
    const upgrade = outcome === 'unchanged' && !note && known.get(a.sha512!) === 'missing';
    counts[upgrade ? 'updated' : outcome]++;
    for (const w of r.read.warnings) notes.push({ file: rel, note: w });
    if (note) notes.push({ file: rel, note });
    if (outcome === 'unchanged' && !upgrade) continue;
    seen.set(a.id, { sha512: a.sha512!, ...(a.currentReleaseDate ? { currentReleaseDate: a.currentReleaseDate } : {}), ...(a.revision ? { revision: a.revision } : {}) });
    batch.push(r.read);
    if (batch.length >= BATCH) flush();
  }
  flush();
  o.onProgress?.({ done: json.length, total: json.length, file: '' });
  const report = { folder, files: json.length, ...counts, rejected: rejections.length, rejections, notes };
  const seq = store.recordImport({ startedAt, finishedAt: now(), source: folder, actor: o.actor, ...counts, files: json.length, rejected: rejections.length, rejections });
  return { ...report, seq, stored: store.counts(), seconds: (performance.now() - t0) / 1000 };
}

/** Import one uploaded document (the API's POST); throws CW_ADVISORY_INVALID when it cannot be used. */
export function importDocument(store: AdvisoryStore, bytes: Buffer, o: { actor: string; name?: string; now?: () => number }): { outcome: 'added' | 'updated' | 'unchanged'; advisory: Advisory; warnings: string[]; note?: string } {
  const now = o.now ?? Date.now;
  const startedAt = now();
  const name = o.name ?? 'upload';
  try {
    const { advisory, warnings } = parseCsaf(bytes, name);
    advisory.sourceFile = name;
    const { outcome, note } = outcomeOf(store.version(advisory.id), advisory);
    if (outcome !== 'unchanged') store.put([{ advisory, checksum: 'upload', warnings }], now());
    const counts = { added: outcome === 'added' ? 1 : 0, updated: outcome === 'updated' ? 1 : 0, unchanged: outcome === 'unchanged' ? 1 : 0 };
    store.recordImport({ startedAt, finishedAt: now(), source: 'upload', actor: o.actor, files: 1, ...counts, rejected: 0, unverified: 0, rejections: [] });
    return { outcome, advisory, warnings, ...(note ? { note } : {}) };
  } catch (e) {
    if (isCausewayError(e, 'CW_ADVISORY_INVALID') && e instanceof AdvisoryRefusal) {
      store.recordImport({ startedAt, finishedAt: now(), source: 'upload', actor: o.actor, files: 1, added: 0, updated: 0, unchanged: 0, rejected: 1, unverified: 0, rejections: [{ file: name, kind: e.kind, reason: e.params.problem }] });
    }
    throw e;
  }
}
