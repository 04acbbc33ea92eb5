/**
 * Advisories in SQLite (`<data dir>/advisories.sqlite`, WAL): each advisory flattened as the
 * reader makes it (one JSON row, so the matcher loads all of them in one pass), with its products
 * and CVEs in their own tables for the API's filters, and the imports with their rejected files.
 * Keyed by the tracking id; the SHA-512 of the file it came from tells unchanged from updated.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CausewayError, detailOf } from '../../core/errors.js';
import { openStateDatabase, type SqliteDb } from '../../state/sqlite.js';
import type { Advisory } from '../types.js';

export const ADVISORIES_FILE = 'advisories.sqlite';

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE advisories (
     id TEXT PRIMARY KEY, title TEXT NOT NULL, publisher TEXT NOT NULL, initial_release TEXT, current_release TEXT, revision TEXT,
     source_file TEXT, sha512 TEXT NOT NULL, checksum TEXT NOT NULL, warnings TEXT, imported_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
     products INTEGER NOT NULL, vulnerabilities INTEGER NOT NULL, max_cvss REAL, vendors TEXT NOT NULL, cves TEXT NOT NULL, search TEXT NOT NULL, body TEXT NOT NULL
   );
   CREATE INDEX advisories_sha512 ON advisories(sha512);
   CREATE INDEX advisories_release ON advisories(current_release);
   CREATE TABLE advisory_products (advisory TEXT NOT NULL, product_id TEXT NOT NULL, vendor TEXT NOT NULL, product TEXT NOT NULL, full_name TEXT NOT NULL);
   CREATE INDEX advisory_products_advisory ON advisory_products(advisory);
   CREATE TABLE advisory_cves (advisory TEXT NOT NULL, cve TEXT NOT NULL);
   CREATE INDEX advisory_cves_cve ON advisory_cves(cve);
   CREATE INDEX advisory_cves_advisory ON advisory_cves(advisory);
   CREATE TABLE imports (
     seq INTEGER PRIMARY KEY, started_at INTEGER NOT NULL, finished_at INTEGER NOT NULL, source TEXT NOT NULL, actor TEXT NOT NULL,
     files INTEGER NOT NULL, added INTEGER NOT NULL, updated INTEGER NOT NULL, unchanged INTEGER NOT NULL, rejected INTEGER NOT NULL, unverified INTEGER NOT NULL
   );
   CREATE TABLE import_rejections (import_seq INTEGER NOT NULL, file TEXT NOT NULL, kind TEXT NOT NULL, reason TEXT NOT NULL);
   CREATE INDEX import_rejections_seq ON import_rejections(import_seq);`,
];

/** How a stored advisory's file was checked: against its .sha512 (or .sha256), not at all (no checksum file), or uploaded through the API. */
export type ChecksumState = 'verified' | 'missing' | 'upload';

/** One advisory in a list: what it is about, without its products and vulnerabilities. */
export interface AdvisorySummary {
  id: string;
  title: string;
  publisher: string;
  initialReleaseDate?: string;
  currentReleaseDate?: string;
  revision?: string;
  vendors: string[];
  cves: string[];
  products: number;
  vulnerabilities: number;
  /** The highest CVSS v3 (else v4) base score of its vulnerabilities. */
  maxCvss?: number;
  checksum: ChecksumState;
  sourceFile?: string;
  importedAt: number;
  updatedAt: number;
}

/** A stored advisory: the flattened document, how it was checked and the reader's warnings. */
export interface StoredAdvisory {
  advisory: Advisory;
  summary: AdvisorySummary;
  warnings: string[];
}

export interface AdvisoryQuery {
  /** Vendor name, case-insensitive, a part of it matches. */
  vendor?: string;
  /** Product name or full product name, case-insensitive, a part of it matches. */
  product?: string;
  /** A CVE id, exactly (case-insensitive). */
  cve?: string;
  /** Words that must all appear in the id, title, publisher, vendors, products or CVEs. */
  text?: string;
  limit: number;
  offset: number;
}

/** A file an import refused, and why. */
export interface Rejection {
  file: string;
  /** checksum-mismatch, checksum-unreadable, unreadable, not-json, not-csaf, invalid. */
  kind: string;
  reason: string;
}

export interface ImportRecord {
  seq: number;
  startedAt: number;
  finishedAt: number;
  /** The folder (CLI) or `upload` (API). */
  source: string;
  actor: string;
  files: number;
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
  unverified: number;
  rejections: Rejection[];
}

type Row = Record<string, unknown>;
const opt = <K extends string>(k: K, v: unknown) => (v === null || v === undefined ? {} : { [k]: v });

function summaryOf(r: Row): AdvisorySummary {
  return {
    id: r.id as string, title: r.title as string, publisher: r.publisher as string,
    ...opt('initialReleaseDate', r.initial_release), ...opt('currentReleaseDate', r.current_release), ...opt('revision', r.revision),
    vendors: JSON.parse(r.vendors as string) as string[], cves: JSON.parse(r.cves as string) as string[],
    products: r.products as number, vulnerabilities: r.vulnerabilities as number, ...opt('maxCvss', r.max_cvss),
    checksum: r.checksum as ChecksumState, ...opt('sourceFile', r.source_file), importedAt: r.imported_at as number, updatedAt: r.updated_at as number,
  };
}

const SUMMARY_COLUMNS = 'id, title, publisher, initial_release, current_release, revision, vendors, cves, products, vulnerabilities, max_cvss, checksum, source_file, imported_at, updated_at';
const like = (s: string) => `%${s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function maxCvss(a: Advisory): number | null {
  const scores = a.vulnerabilities.map((v) => (v.cvss3 ?? v.cvss4)?.baseScore).filter((s): s is number => s !== undefined);
  return scores.length ? Math.max(...scores) : null;
}

export class AdvisoryStore {
  readonly db: SqliteDb;

  private constructor(db: SqliteDb) {
    this.db = db;
  }

  /** Open (and migrate) the store in `dir`; `:memory:` for tests. Throws CW_ADVISORY_STORE. */
  static open(dir: string | ':memory:'): AdvisoryStore {
    try {
      if (dir !== ':memory:') mkdirSync(dir, { recursive: true });
      const file = dir === ':memory:' ? ':memory:' : join(dir, ADVISORIES_FILE);
      return new AdvisoryStore(openStateDatabase(file, { pragmas: ['journal_mode = WAL', 'synchronous = NORMAL', 'busy_timeout = 5000'], migrations: MIGRATIONS }));
    } catch (e) {
      throw new CausewayError('CW_ADVISORY_STORE', { dir: String(dir), reason: detailOf(e) ?? 'unknown error' }, { cause: e });
    }
  }

  /** The stored advisory's file hash and release date, to tell an import what changed. */
  version(id: string): { sha512: string; currentReleaseDate?: string; revision?: string } | undefined {
    const r = this.db.prepare('SELECT sha512, current_release, revision FROM advisories WHERE id = ?').get(id) as Row | undefined;
    return r ? { sha512: r.sha512 as string, ...opt('currentReleaseDate', r.current_release), ...opt('revision', r.revision) } : undefined;
  }

  /** The SHA-512 of every stored advisory's file and how it was checked: a file with one of these is unchanged without reading it. */
  hashes(): Map<string, ChecksumState> {
    return new Map((this.db.prepare('SELECT sha512, checksum FROM advisories').all() as Row[]).map((r) => [r.sha512 as string, r.checksum as ChecksumState]));
  }

  /** Add or replace advisories (each with how it was checked and the reader's warnings), in one transaction. */
  put(entries: ReadonlyArray<{ advisory: Advisory; checksum: ChecksumState; warnings: readonly string[] }>, at: number): void {
    const upsert = this.db.prepare(`INSERT INTO advisories (id, title, publisher, initial_release, current_release, revision, source_file, sha512, checksum, warnings, imported_at, updated_at, products, vulnerabilities, max_cvss, vendors, cves, search, body)
      VALUES (@id, @title, @publisher, @initial, @current, @revision, @source, @sha512, @checksum, @warnings, @at, @at, @products, @vulnerabilities, @maxCvss, @vendors, @cves, @search, @body)
      ON CONFLICT(id) DO UPDATE SET title = excluded.title, publisher = excluded.publisher, initial_release = excluded.initial_release, current_release = excluded.current_release,
        revision = excluded.revision, source_file = excluded.source_file, sha512 = excluded.sha512, checksum = excluded.checksum, warnings = excluded.warnings, updated_at = excluded.updated_at,
        products = excluded.products, vulnerabilities = excluded.vulnerabilities, max_cvss = excluded.max_cvss, vendors = excluded.vendors, cves = excluded.cves, search = excluded.search, body = excluded.body`);
    const dropProducts = this.db.prepare('DELETE FROM advisory_products WHERE advisory = ?');
    const dropCves = this.db.prepare('DELETE FROM advisory_cves WHERE advisory = ?');
    const addProduct = this.db.prepare('INSERT INTO advisory_products (advisory, product_id, vendor, product, full_name) VALUES (?, ?, ?, ?, ?)');
    const addCve = this.db.prepare('INSERT INTO advisory_cves (advisory, cve) VALUES (?, ?)');
    this.db.transaction(() => {
      for (const { advisory: a, checksum, warnings } of entries) {
        const vendors = [...new Set(a.products.map((p) => p.vendor).filter(Boolean))];
        const cves = [...new Set(a.vulnerabilities.map((v) => v.cve).filter((c): c is string => c !== undefined))];
        const search = [a.id, a.title, a.publisher, ...vendors, ...new Set(a.products.map((p) => p.fullName)), ...cves].join('\n').toLowerCase();
        upsert.run({
          id: a.id, title: a.title, publisher: a.publisher, initial: a.initialReleaseDate ?? null, current: a.currentReleaseDate ?? null, revision: a.revision ?? null,
          source: a.sourceFile ?? null, sha512: a.sha512 ?? '', checksum, warnings: warnings.length ? JSON.stringify(warnings) : null, at,
          products: a.products.length, vulnerabilities: a.vulnerabilities.length, maxCvss: maxCvss(a), vendors: JSON.stringify(vendors), cves: JSON.stringify(cves), search, body: JSON.stringify(a),
        });
        dropProducts.run(a.id);
        dropCves.run(a.id);
        for (const p of a.products) addProduct.run(a.id, p.productId, p.vendor.toLowerCase(), p.product.toLowerCase(), p.fullName.toLowerCase());
        for (const c of cves) addCve.run(a.id, c.toUpperCase());
      }
    })();
  }

  /** Advisories matching the filters, newest release first, one page, with the count of all matches. */
  list(q: AdvisoryQuery): { advisories: AdvisorySummary[]; total: number } {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.vendor) {
      where.push("id IN (SELECT advisory FROM advisory_products WHERE vendor LIKE ? ESCAPE '\\')");
      args.push(like(q.vendor));
    }
    if (q.product) {
      where.push("id IN (SELECT advisory FROM advisory_products WHERE product LIKE ? ESCAPE '\\' OR full_name LIKE ? ESCAPE '\\')");
      args.push(like(q.product), like(q.product));
    }
    if (q.cve) {
      where.push('id IN (SELECT advisory FROM advisory_cves WHERE cve = ?)');
      args.push(q.cve.trim().toUpperCase());
    }
    for (const word of (q.text ?? '').split(/\s+/).filter(Boolean)) {
      where.push("search LIKE ? ESCAPE '\\'");
      args.push(like(word));
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM advisories ${clause}`).get(...args) as Row).n as number;
    const rows = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM advisories ${clause} ORDER BY current_release DESC, id LIMIT ? OFFSET ?`).all(...args, q.limit, q.offset) as Row[];
    return { advisories: rows.map(summaryOf), total };
  }

  /** One advisory with its products, vulnerabilities and remediations; undefined when unknown. */
  get(id: string): StoredAdvisory | undefined {
    const r = this.db.prepare(`SELECT ${SUMMARY_COLUMNS}, warnings, body FROM advisories WHERE id = ?`).get(id) as Row | undefined;
    if (!r) return undefined;
    return { advisory: JSON.parse(r.body as string) as Advisory, summary: summaryOf(r), warnings: r.warnings ? (JSON.parse(r.warnings as string) as string[]) : [] };
  }

  /** Every advisory, flattened: the matcher's input. */
  all(): Advisory[] {
    return (this.db.prepare('SELECT body FROM advisories ORDER BY id').all() as Row[]).map((r) => JSON.parse(r.body as string) as Advisory);
  }

  /** Advisories, products and CVEs stored. */
  counts(): { advisories: number; products: number; vulnerabilities: number } {
    const r = this.db.prepare('SELECT count(*) AS advisories, coalesce(sum(products), 0) AS products, coalesce(sum(vulnerabilities), 0) AS vulnerabilities FROM advisories').get() as Row;
    return { advisories: r.advisories as number, products: r.products as number, vulnerabilities: r.vulnerabilities as number };
  }

  /** Record a finished import with its rejected files; returns its number. */
  recordImport(i: Omit<ImportRecord, 'seq'>): number {
    return this.db.transaction(() => {
      const seq = Number(this.db.prepare(`INSERT INTO imports (started_at, finished_at, source, actor, files, added, updated, unchanged, rejected, unverified)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(i.startedAt, i.finishedAt, i.source, i.actor, i.files, i.added, i.updated, i.unchanged, i.rejected, i.unverified).lastInsertRowid);
      const reject = this.db.prepare('INSERT INTO import_rejections (import_seq, file, kind, reason) VALUES (?, ?, ?, ?)');
      for (const r of i.rejections) reject.run(seq, r.file, r.kind, r.reason);
      return seq;
    })();
  }

  /** The newest imports (newest first), each with its rejected files. */
  imports(limit = 10): ImportRecord[] {
    const rows = this.db.prepare('SELECT * FROM imports ORDER BY seq DESC LIMIT ?').all(limit) as Row[];
    const rejections = this.db.prepare('SELECT file, kind, reason FROM import_rejections WHERE import_seq = ? ORDER BY rowid');
    return rows.map((r) => ({
      seq: r.seq as number, startedAt: r.started_at as number, finishedAt: r.finished_at as number, source: r.source as string, actor: r.actor as string,
      files: r.files as number, added: r.added as number, updated: r.updated as number, unchanged: r.unchanged as number, rejected: r.rejected as number, unverified: r.unverified as number,
      rejections: rejections.all(r.seq) as Rejection[],
    }));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
