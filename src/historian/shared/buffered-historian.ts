/**
 * The historian every backend shares: samples go into a bounded in-memory buffer and are written
 * to the store in the background, one transaction per flush. Reads merge what is still buffered,
 * so a sample is visible from the moment write() accepts it. See duckdb/README.md (write path,
 * reads) for the reasons; a backend supplies only its HistorianStore.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import pino from 'pino';
import type { Logger } from 'pino';
import { CausewayError, detailOf } from '../../core/errors.js';
import type { Sample } from '../../core/sample.js';
import type { BucketStats, BucketStatsQuery, EdgeOptions, Historian, HistorianStats, RawQuery, StoredSample, TagInfo } from '../types.js';
import { WriteBuffer } from './buffer.js';
import { bufferedStats, mergeEdges } from './buffered-reads.js';
import type { BufferedRows } from './buffered-reads.js';
import { sortForAppend } from './append-order.js';
import { checkedRawQuery, collectMatches, compareByTimeThenPath, mergeSorted, qualityCode, sampleProblem, toRow, toStored } from './encoding.js';
import type { Row } from './encoding.js';
import { TagDictionary } from './dictionary.js';
import { FlushStats } from './flush-stats.js';
import type { BackendSpec, BufferedHistorianOptions } from './options.js';
import type { EdgeRead, HistorianStore, StoreRead } from './store.js';

export type { BackendSpec, BufferedHistorianOptions } from './options.js';

type State = 'new' | 'open' | 'closing' | 'closed';
/** A batch of rows as admitted, with the ingest-log mark write() was given. */
type MarkedRows = Row[] & { mark?: number };
const QUERY_FAILED = 'CW_HISTORIAN_QUERY_FAILED';

/** A historian over any HistorianStore. */
export class BufferedHistorian implements Historian {
  readonly #spec: BackendSpec;
  readonly #flushIntervalMs: number;
  readonly #batchSize: number;
  readonly #log: Logger;
  readonly #now: () => number;
  readonly #readOnly: boolean;
  readonly #buffer: WriteBuffer<Row>;
  readonly #tags = new TagDictionary();
  /** The newest accepted row of each tag, by tag id, durable or not. */
  readonly #last: (Row | undefined)[] = [];
  readonly #stats = new FlushStats();
  /** Number of the latest flush attempt; the store records the latest committed one. */
  #seq = 0;
  /** Ingest-log mark of the newest durable batch, and of an admitted batch that had no storable row. */
  #durableMark = 0;
  #emptyMark = 0;
  #state: State = 'new';
  #store: HistorianStore | undefined;
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> | undefined;

  constructor(spec: BackendSpec, opts: BufferedHistorianOptions) {
    const fail = (reason: string) => new CausewayError('CW_HISTORIAN_OPEN_FAILED', { target: spec.target, reason });
    const whole = (name: string, v: number | undefined, fallback: number): number => {
      const x = v ?? fallback;
      if (!Number.isSafeInteger(x) || x < 1) throw fail(`${name} must be a whole number of at least 1, not ${String(v)}`);
      return x;
    };
    this.#spec = spec;
    this.#flushIntervalMs = whole('flushIntervalMs', opts.flushIntervalMs, 1000);
    this.#batchSize = whole('batchSize', opts.batchSize, 50_000);
    const maxPending = whole('maxPending', opts.maxPending, 500_000);
    this.#log = (opts.logger ?? pino({ level: 'silent' })).child({ component: 'historian', backend: spec.backend });
    this.#now = opts.now ?? Date.now;
    this.#readOnly = opts.readOnly === true;
    this.#buffer = new WriteBuffer<Row>(maxPending, (rows) => this.#noteLast(rows));
    if (this.#batchSize > maxPending) {
      this.#log.warn({ batchSize: this.#batchSize, maxPending }, 'batchSize exceeds maxPending: a full buffer waits for the flush interval');
    }
  }

  async open(): Promise<void> {
    const target = this.#spec.target;
    if (this.#state !== 'new') throw new CausewayError('CW_HISTORIAN_OPEN_FAILED', { target, reason: `the historian is already ${this.#state}` });
    let store: HistorianStore | undefined;
    try {
      store = await this.#spec.openStore();
      this.#tags.load(await store.loadTags());
      this.#seq = await store.loadFlushSeq();
      this.#durableMark = await store.loadIngestMark();
      // A reader asks the store when asked (lastValues); a writer keeps them current in memory.
      if (!this.#readOnly) for (const r of this.#lastRows(await store.loadLastValues())) this.#last[r.tagId] = r;
    } catch (e) {
      await store?.close().catch(() => undefined);
      this.#tags.clear();
      this.#last.length = 0;
      throw new CausewayError('CW_HISTORIAN_OPEN_FAILED', { target, reason: detailOf(e) ?? 'unknown error' }, { cause: e });
    }
    this.#store = store;
    this.#state = 'open';
    if (!this.#readOnly) {
      this.#timer = setInterval(() => this.#tick(), this.#flushIntervalMs);
      this.#timer.unref();
    }
    this.#log.info({ target, tags: this.#tags.size, flushSeq: this.#seq, readOnly: this.#readOnly }, 'historian open');
  }

  async write(batch: readonly Sample[], mark?: number): Promise<void> {
    if (this.#state !== 'open') {
      throw new CausewayError('CW_HISTORIAN_WRITE_FAILED', { reason: `the historian is ${this.#state === 'new' ? 'not open yet' : this.#state}` });
    }
    if (this.#readOnly) throw new CausewayError('CW_HISTORIAN_WRITE_FAILED', { reason: 'the historian is open read-only' });
    const rows: Row[] = [];
    for (const s of batch) {
      const problem = sampleProblem(s);
      if (problem === undefined) rows.push(toRow(s, this.#tags.idFor(s)));
      else this.#stats.noteRejected(s, problem);
    }
    if (mark !== undefined) (rows as MarkedRows).mark = mark;
    if (rows.length === 0) {
      if (mark === undefined) return;
      // Nothing to store: durable at once when nothing is waiting, else with the next flush.
      if (this.#buffer.size === 0 && this.#buffer.waiting === 0) this.#durableMark = Math.max(this.#durableMark, mark);
      else this.#emptyMark = Math.max(this.#emptyMark, mark);
      return;
    }
    const accepted = this.#buffer.offer(rows);
    this.#flushIfBatchFull();
    await accepted;
  }

  async flush(): Promise<void> {
    this.#assertUsable('CW_HISTORIAN_WRITE_FAILED');
    // One flush at a time: let the running one finish, then take everything accepted so far.
    while (this.#flushing) await this.#flushing.catch(() => undefined);
    await this.#startFlush();
  }

  async queryRaw(q: RawQuery): Promise<StoredSample[]> {
    this.#assertUsable(QUERY_FAILED);
    const checked = checkedRawQuery(q);
    if (typeof checked === 'string') throw new CausewayError(QUERY_FAILED, { reason: checked });
    const { bounds, limit, after } = checked;
    const ids = this.#tags.idsOf(q.paths);
    if (ids.length === 0 || bounds.from >= bounds.to || limit === 0) return [];
    const { db, buffered } = await this.#read((s) => s.readRaw(ids, bounds.from, bounds.to, limit, after));
    const wanted = new Set(ids);
    const mem: StoredSample[] = [];
    for (const { rows, n } of buffered) collectMatches(rows, n, wanted, { ...bounds, ...(after ? { after } : {}) }, mem);
    mem.sort(compareByTimeThenPath);
    return mergeSorted(db, mem, limit);
  }

  priorValues(paths: readonly string[], before: number, options?: EdgeOptions): Promise<StoredSample[]> {
    return this.#edges(paths, { side: 'before', at: before, excludeBad: options?.excludeBad === true });
  }

  nextValues(paths: readonly string[], atOrAfter: number, options?: EdgeOptions): Promise<StoredSample[]> {
    return this.#edges(paths, { side: 'atOrAfter', at: atOrAfter, excludeBad: options?.excludeBad === true });
  }

  /**
   * Value statistics per path and bucket from the store's SQL, plus those of buffered rows the
   * store does not hold yet. A (path, bucket) may appear twice: the entries add up (mergeStats).
   */
  async bucketStats(q: BucketStatsQuery): Promise<BucketStats[]> {
    this.#assertUsable(QUERY_FAILED);
    const ids = this.#tags.idsOf(q.paths);
    if (ids.length === 0 || q.edges.length < 2) return [];
    const { db, buffered } = await this.#read((s) => s.readBucketStats(ids, q.edges, q.firstLast === true));
    return db.concat(bufferedStats(buffered, new Set(ids), q.edges));
  }

  async lastValues(paths?: readonly string[]): Promise<StoredSample[]> {
    this.#assertUsable(QUERY_FAILED);
    const last = this.#readOnly ? await this.#storedLast() : this.#last;
    if (paths === undefined) {
      const all: StoredSample[] = [];
      for (const r of last) if (r !== undefined) all.push(toStored(r));
      return all.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    }
    return [...new Set(paths)].flatMap((p) => {
      const id = this.#tags.ids.get(p);
      const r = id === undefined ? undefined : last[id];
      return r ? [toStored(r)] : [];
    });
  }

  async tags(): Promise<TagInfo[]> {
    this.#assertUsable(QUERY_FAILED);
    return this.#tags.list();
  }

  durableMark(): number {
    return this.#durableMark;
  }

  stats(): HistorianStats {
    return { pending: this.#buffer.size, ...this.#stats.snapshot() };
  }

  /**
   * Stop accepting writes, flush everything accepted (and every write already waiting), then
   * close the store. When the final flush fails it rejects and the historian stays open, so
   * nothing accepted is dropped; call close() again to retry.
   */
  async close(): Promise<void> {
    if (this.#state === 'closed') return;
    if (this.#state === 'new') {
      this.#state = 'closed';
      return;
    }
    this.#state = 'closing';
    try {
      while (this.#buffer.size > 0 || this.#buffer.waiting > 0 || this.#tags.unsavedCount > 0) await this.flush();
    } catch (e) {
      this.#state = 'open';
      throw e;
    }
    this.#state = 'closed';
    clearInterval(this.#timer);
    this.#stats.reportRejected(this.#log);
    try {
      await this.#store!.close();
    } catch (e) {
      // Every flush is committed already; closing only tidies up (a checkpoint, a connection).
      this.#log.warn({ err: detailOf(e) }, 'closing the store failed; every flush was committed before');
    }
    this.#log.info({ written: this.#stats.written }, 'historian closed');
  }

  /** True when opened for reading only (BufferedHistorianOptions.readOnly). */
  get readOnly(): boolean {
    return this.#readOnly;
  }

  /** For subclasses: a checked read (see #read), the tag ids of `paths`, the store and the clock. */
  protected snapshotRead<T>(read: (store: HistorianStore) => Promise<StoreRead<T>>): Promise<{ db: T; buffered: BufferedRows }> {
    this.#assertUsable(QUERY_FAILED);
    return this.#read(read);
  }

  protected tagIdsOf(paths: readonly string[]): number[] {
    return this.#tags.idsOf(paths);
  }

  protected get store(): HistorianStore | undefined {
    return this.#state === 'open' || this.#state === 'closing' ? this.#store : undefined;
  }

  /** Runs after each committed flush; subclasses schedule follow-up work (it must not throw). */
  protected afterFlush(): void {}

  /**
   * A store read plus the buffered rows it does not hold. The buffer snapshot is taken before the
   * store's: the flush number read with the rows then says which buffered rows the store already
   * holds, so none is lost or doubled while a flush commits.
   */
  async #read<T>(read: (store: HistorianStore) => Promise<StoreRead<T>>): Promise<{ db: T; buffered: BufferedRows }> {
    const snap = this.#buffer.snapshot();
    const inflightSeq = this.#seq;
    let got: StoreRead<T>;
    try {
      got = await read(this.#store!);
    } catch (e) {
      throw new CausewayError(QUERY_FAILED, { reason: detailOf(e) ?? 'unknown error' }, { cause: e });
    }
    const buffered: { rows: readonly Row[]; n: number }[] = [];
    if (got.flushSeq < inflightSeq) for (const rows of snap.inflight) buffered.push({ rows, n: rows.length });
    if (got.flushSeq <= inflightSeq) for (const rows of snap.pending) buffered.push({ rows, n: rows.length });
    return { db: got.rows, buffered };
  }

  async #edges(paths: readonly string[], edge: EdgeRead): Promise<StoredSample[]> {
    this.#assertUsable(QUERY_FAILED);
    if (typeof edge.at !== 'number' || Number.isNaN(edge.at)) throw new CausewayError(QUERY_FAILED, { reason: `${String(edge.at)} is not a time in epoch milliseconds` });
    const unique = [...new Set(paths)];
    const at = Math.min(Number.MAX_SAFE_INTEGER, Math.max(Number.MIN_SAFE_INTEGER, Math.ceil(edge.at)));
    // A writer knows each tag's newest sample, stored or buffered: none at or after `at` when it is
    // older. Queries ending now ask exactly that, and the store would search every window to find nothing.
    const ids = this.#tags.idsOf(unique).filter((id) => edge.side === 'before' || this.#readOnly || (this.#last[id]?.ts ?? -Infinity) >= at);
    if (ids.length === 0) return [];
    const e = { ...edge, at };
    const { db, buffered } = await this.#read((s) => s.readEdges(ids, e));
    return mergeEdges(unique, this.#tags.ids, db, buffered, e);
  }

  /** Stored last values as rows of known tags. */
  #lastRows(stored: ReadonlyMap<number, Omit<StoredSample, 'path'>>): Row[] {
    const byId = this.#tags.byId();
    const rows: Row[] = [];
    for (const [id, last] of stored) {
      const tag = byId.get(id);
      if (tag) rows.push({ tagId: id, path: tag.path, ts: last.ts, value: last.value, quality: qualityCode(last.quality) });
    }
    return rows;
  }

  /** A reader's last values, read from the store now, by tag id. */
  async #storedLast(): Promise<(Row | undefined)[]> {
    let stored;
    try {
      stored = await this.#store!.loadLastValues();
    } catch (e) {
      throw new CausewayError(QUERY_FAILED, { reason: detailOf(e) ?? 'unknown error' }, { cause: e });
    }
    const last: (Row | undefined)[] = [];
    for (const r of this.#lastRows(stored)) last[r.tagId] = r;
    return last;
  }

  #tick(): void {
    this.#stats.reportRejected(this.#log);
    if (!this.#flushing) this.#startFlush().catch(() => undefined); // recorded in stats and the log
  }

  #flushIfBatchFull(): void {
    // After a failure, retry on the interval only: a full buffer must not hammer a failing store.
    if (!this.#flushing && !this.#stats.failing && this.#buffer.pendingCount >= this.#batchSize) this.#startFlush().catch(() => undefined);
  }

  #startFlush(): Promise<void> {
    if (this.#buffer.pendingCount === 0 && this.#tags.unsavedCount === 0) {
      // Only marks of batches with nothing to store are left: nothing is in flight, so they hold.
      if (this.#buffer.size === 0 && this.#emptyMark > this.#durableMark) this.#durableMark = this.#emptyMark;
      return Promise.resolve();
    }
    const p = this.#flushOnce().finally(() => {
      this.#flushing = undefined;
      this.#flushIfBatchFull();
    });
    this.#flushing = p;
    return p;
  }

  async #flushOnce(): Promise<void> {
    await yieldToLoop(); // start on a later turn, so the write() that triggered it returns at once
    const taken = this.#buffer.take();
    let mark = this.#emptyMark;
    for (const b of taken) mark = Math.max(mark, (b as MarkedRows).mark ?? 0);
    const rows = sortForAppend(taken);
    const tags = this.#tags.takeUnsaved();
    const seq = ++this.#seq;
    try {
      await this.#store!.writeFlush(rows, tags, seq, this.#now(), mark > 0 ? mark : undefined);
    } catch (e) {
      // A COMMIT whose answer was lost may have happened: then writing the rows again would double them.
      if ((await this.#store!.loadFlushSeq().catch(() => undefined)) === seq) return this.#flushed(rows.length, mark);
      this.#buffer.restore();
      this.#tags.restoreUnsaved(tags);
      const reason = this.#stats.noteFailure(e, this.#log, this.#buffer.size);
      throw new CausewayError('CW_HISTORIAN_WRITE_FAILED', { reason }, { cause: e });
    }
    this.#flushed(rows.length, mark);
  }

  #flushed(rows: number, mark: number): void {
    this.#buffer.commit();
    if (mark > this.#durableMark) this.#durableMark = mark;
    this.#stats.noteSuccess(rows, this.#now(), this.#log);
    this.afterFlush();
  }

  #noteLast(rows: readonly Row[]): void {
    const last = this.#last;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const prev = last[r.tagId];
      if (prev === undefined || r.ts >= prev.ts) last[r.tagId] = r;
    }
  }

  #assertUsable(code: 'CW_HISTORIAN_WRITE_FAILED' | typeof QUERY_FAILED): void {
    if (this.#state !== 'open' && this.#state !== 'closing') {
      throw new CausewayError(code, { reason: `the historian is ${this.#state === 'new' ? 'not open yet' : 'closed'}` });
    }
  }
}
