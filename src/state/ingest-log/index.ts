/**
 * The ingest write-ahead log (`<data dir>/spool/`): every batch the pipeline accepts is appended
 * here, and only once it is on disk does the pipeline answer the source (HTTP 200, PUBACK, a poll
 * counted as taken). Appends that arrive while a write is under way are committed together: one
 * write and one fdatasync per group, never per sample. The consumers (historian, sinks) read the
 * log in order — from memory while they keep up, from disk when they fall behind — and once every
 * consumer holds a record durably it is released; whole released segments are deleted. Bounded by
 * bytes on disk: an append that would pass the bound is refused (the source is told to come back).
 */
import { mkdir, open, statfs, unlink } from 'node:fs/promises';
import { setImmediate as yieldTurn } from 'node:timers/promises';
import type { FileHandle } from 'node:fs/promises';
import { CausewayError, detailOf } from '../../core/errors.js';
import type { Sample } from '../../core/sample.js';
import { encodeBody, encodeHeader, HEADER_BYTES } from './record.js';
import { emptySegment, lastSeqOf, noteRecord, readRecords, samplesThrough, scanSegments, type LogRecord, type Segment } from './segment.js';
import { Tail } from './tail.js';

export type { LogRecord } from './segment.js';

export interface IngestLogOptions {
  /** Bytes the log may hold on disk; an append past it is refused. */
  maxBytes: number;
  /** fdatasync each group commit (default true): survives a power loss, not only a crash of the hub. */
  fsync?: boolean;
  /** A segment is closed and a new one started past this size (default: min(64 MiB, maxBytes / 8)). */
  segmentBytes?: number;
  /** Samples kept in memory for consumers that keep up (default 500,000). */
  tailSamples?: number;
  /** The highest seq any consumer already holds: numbering continues after it even if the log is empty. */
  startAfter?: number;
  now?: () => number;
}

export interface IngestLogStats {
  /** Records and samples held (appended, not yet released by every consumer). */
  records: number;
  samples: number;
  /** Bytes on disk, and the bound. */
  bytes: number;
  maxBytes: number;
  /** Hub time the oldest held record was appended. */
  oldestAt?: number;
  diskFreeBytes?: number;
  /** True while the last append was refused for room and nothing was released since. */
  full: boolean;
  /** Samples refused since start because the log was full or could not be written. */
  refused: number;
  /** Bytes of a torn tail cut off at start-up (a crash in the middle of a write). */
  recoveredCutBytes: number;
}

type Resolved = Required<Omit<IngestLogOptions, 'startAfter'>>;

interface Pending {
  body: Buffer;
  samples: readonly Sample[];
  resolve: (seq: number) => void;
  reject: (e: unknown) => void;
}

/** Seconds a refused source is asked to wait before it sends again. */
export const RETRY_AFTER_SECONDS = 2;

export class IngestLog {
  readonly dir: string;
  readonly #o: Resolved;
  readonly #segments: Segment[];
  readonly #tail: Tail;
  #fh: FileHandle | undefined;
  #next: number;
  #released: number;
  #bytes = 0;
  #queuedBytes = 0;
  #held = 0;
  #queue: Pending[] = [];
  #committing: Promise<void> | undefined;
  #waiters: Array<() => void> = [];
  #full = false;
  #refused = 0;
  #closed = false;
  #diskFree: { bytes?: number; at: number } = { at: 0 };
  readonly #cut: number;

  private constructor(dir: string, segments: Segment[], o: Resolved, startAfter: number, cut: number) {
    this.dir = dir;
    this.#o = o;
    this.#segments = segments;
    this.#cut = cut;
    this.#tail = new Tail(o.tailSamples);
    const last = segments.at(-1);
    this.#next = Math.max(last ? lastSeqOf(last) : 0, startAfter) + 1;
    this.#released = segments[0] ? segments[0].first - 1 : this.#next - 1;
    for (const s of segments) {
      this.#bytes += s.bytes;
      this.#held += s.cum.at(-1) ?? 0;
    }
  }

  /** Open (creating) the log folder, check every record and cut a torn tail. */
  static async open(dir: string, opts: IngestLogOptions): Promise<IngestLog> {
    const fail = (reason: string, cause?: unknown) => new CausewayError('CW_PIPELINE_SPOOL_FAILED', { dir, reason }, cause ? { cause } : undefined);
    if (!(opts.maxBytes >= 4096)) throw fail(`its size limit must be at least 4096 bytes, not ${opts.maxBytes}`);
    let scanned: Awaited<ReturnType<typeof scanSegments>>;
    try {
      await mkdir(dir, { recursive: true });
      scanned = await scanSegments(dir);
    } catch (e) {
      throw fail(detailOf(e) ?? 'unknown error', e);
    }
    const o = {
      maxBytes: opts.maxBytes, fsync: opts.fsync ?? true, now: opts.now ?? Date.now, tailSamples: opts.tailSamples ?? 500_000,
      segmentBytes: opts.segmentBytes ?? Math.max(1024, Math.min(64 * 1024 * 1024, Math.floor(opts.maxBytes / 8))),
    };
    const log = new IngestLog(dir, scanned.segments, o, opts.startAfter ?? 0, scanned.cutBytes);
    try {
      await log.#openActive();
    } catch (e) {
      throw fail(detailOf(e) ?? 'unknown error', e);
    }
    // An empty segment may have been replaced by one that continues the numbering.
    const firstHeld = log.#segments.find((s) => s.offsets.length > 0);
    log.#released = firstHeld ? firstHeld.first - 1 : log.#next - 1;
    return log;
  }

  /** Seq of the newest record on disk (0 when none was ever written). */
  get head(): number {
    return this.#next - 1;
  }

  /** Every record up to this seq has been released. */
  get released(): number {
    return this.#released;
  }

  /**
   * Append a batch; resolves with its seq once it is on disk (with every append of the same
   * group). Rejects with CW_PIPELINE_OVERLOADED (retryable, Retry-After) when the log is full, or
   * CW_PIPELINE_SPOOL_FAILED when the disk refuses the write; then nothing of the batch is kept.
   */
  append(samples: readonly Sample[]): Promise<number> {
    if (this.#closed) return Promise.reject(new CausewayError('CW_PIPELINE_SPOOL_FAILED', { dir: this.dir, reason: 'the spool is closed (the hub is stopping)' }, { retryAfterSeconds: RETRY_AFTER_SECONDS }));
    const body = encodeBody(samples);
    const size = HEADER_BYTES + body.length;
    if (this.#liveBytes() + this.#queuedBytes + size > this.#o.maxBytes) {
      this.#refused += samples.length;
      try {
        this.#refuse(size <= this.#o.maxBytes);
      } catch (e) {
        return Promise.reject(e);
      }
    }
    this.#queuedBytes += size;
    return new Promise<number>((resolve, reject) => {
      this.#queue.push({ body, samples, resolve, reject });
      this.#committing ??= this.#commitLoop();
    });
  }

  /** Throws CW_PIPELINE_OVERLOADED while the log is full (before a batch is worked on at all). */
  checkRoom(): void {
    if (this.#liveBytes() + this.#queuedBytes >= this.#o.maxBytes) this.#refuse();
  }

  /** Refuse for room; `full` marks the log full (not for a batch larger than the whole bound, which never fits). */
  #refuse(full = true): never {
    if (full) this.#full = true;
    throw new CausewayError('CW_PIPELINE_OVERLOADED', { held: mib(this.#liveBytes() + this.#queuedBytes), limit: mib(this.#o.maxBytes) }, { retryAfterSeconds: RETRY_AFTER_SECONDS });
  }

  /** Records after `after`, up to about `maxSamples` (at least one record); [] when none is there yet. */
  async read(after: number, maxSamples: number): Promise<LogRecord[]> {
    const from = Math.max(after + 1, this.#released + 1);
    if (from > this.head) return [];
    const fromTail = this.#tail.read(from, maxSamples);
    if (fromTail) return fromTail;
    const seg = this.#segments.find((s) => s.offsets.length > 0 && lastSeqOf(s) >= from);
    if (!seg) return [];
    const start = Math.max(from, seg.first);
    let to = start;
    const base = samplesThrough(seg, start - 1);
    while (to < lastSeqOf(seg) && samplesThrough(seg, to + 1) - base <= maxSamples) to++;
    return readRecords(seg, start, to);
  }

  /** Resolves once a record after `after` is on disk, or the log closes, or `signal` aborts. */
  waitFor(after: number, signal: AbortSignal): Promise<void> {
    if (this.head > after || this.#closed || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        signal.removeEventListener('abort', done);
        resolve();
      };
      this.#waiters.push(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  /** Every consumer holds the records up to `through` durably: forget them, delete whole segments. */
  release(through: number): void {
    const upTo = Math.min(through, this.head);
    if (upTo <= this.#released) return;
    this.#held -= this.#samplesBetween(this.#released, upTo);
    this.#released = upTo;
    this.#full = false;
    // The active segment stays (it is being written); the commit loop rolls it once it is released.
    this.#dropReleasedHead();
  }

  /** Samples in the records after `seq` (how far a consumer at `seq` is behind). */
  samplesAfter(seq: number): number {
    return this.#samplesBetween(Math.max(seq, this.#released), this.head);
  }

  stats(): IngestLogStats {
    this.#refreshDiskFree();
    const oldest = this.#released + 1 <= this.head ? this.#atOf(this.#released + 1) : undefined;
    return {
      records: this.#segments.reduce((n, s) => n + Math.max(0, lastSeqOf(s) - Math.max(s.first - 1, this.#released)), 0), samples: this.#held, bytes: this.#bytes, maxBytes: this.#o.maxBytes,
      ...(oldest !== undefined ? { oldestAt: oldest } : {}), ...(this.#diskFree.bytes !== undefined ? { diskFreeBytes: this.#diskFree.bytes } : {}),
      full: this.#full, refused: this.#refused, recoveredCutBytes: this.#cut,
    };
  }

  /** Finish the writes under way, then close; later appends are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#committing;
    for (const w of this.#waiters.splice(0)) w();
    await this.#fh?.close();
    this.#fh = undefined;
  }

  async #commitLoop(): Promise<void> {
    try {
      while (this.#queue.length > 0) {
        // One turn of the event loop first: appends made by what the last commit answered join this group.
        await yieldTurn();
        const group = this.#queue;
        this.#queue = [];
        await this.#commit(group);
      }
    } finally {
      // In the same turn as the last empty-queue check: an append cannot slip in between.
      this.#committing = undefined;
    }
  }

  async #commit(group: Pending[]): Promise<void> {
    const at = this.#o.now();
    const parts: Buffer[] = [];
    for (let i = 0; i < group.length; i++) parts.push(encodeHeader(this.#next + i, at, group[i]!.samples.length, group[i]!.body), group[i]!.body);
    const size = parts.reduce((n, r) => n + r.length, 0);
    this.#queuedBytes -= size;
    let seg: Segment;
    try {
      seg = await this.#activeForWrite();
      await writeAllAt(this.#fh!, parts, size, seg.bytes);
      if (this.#o.fsync) await this.#fh!.datasync();
    } catch (e) {
      // Nothing of the group counts: cut whatever part of it reached the file.
      const active = this.#segments.at(-1);
      if (active && this.#fh) await this.#fh.truncate(active.bytes).catch(() => undefined);
      this.#refused += group.reduce((n, p) => n + p.samples.length, 0);
      const err = new CausewayError('CW_PIPELINE_SPOOL_FAILED', { dir: this.dir, reason: detailOf(e) ?? 'unknown error' }, { cause: e, retryAfterSeconds: RETRY_AFTER_SECONDS });
      for (const p of group) p.reject(err);
      return;
    }
    for (let i = 0; i < group.length; i++) {
      const p = group[i]!;
      const seq = this.#next++;
      const recordSize = HEADER_BYTES + p.body.length;
      noteRecord(seg, recordSize, p.samples.length, at);
      this.#bytes += recordSize;
      this.#held += p.samples.length;
      this.#tail.push(seq, at, p.samples);
      p.resolve(seq);
    }
    this.#full = false;
    for (const w of this.#waiters.splice(0)) w();
  }

  /** Bytes of records not released yet: what counts against the bound (released ones wait for their segment to go). */
  #liveBytes(): number {
    let n = 0;
    for (const s of this.#segments) {
      if (lastSeqOf(s) <= this.#released) continue;
      n += s.first > this.#released ? s.bytes : s.bytes - s.offsets[this.#released + 1 - s.first]!;
    }
    return n;
  }

  /** The segment to write to: a new one once the active one is large, or released entirely. */
  async #activeForWrite(): Promise<Segment> {
    const active = this.#segments.at(-1)!;
    const released = active.bytes > 0 && lastSeqOf(active) <= this.#released;
    if (this.#fh && active.bytes < this.#o.segmentBytes && !(released && active.bytes >= this.#o.segmentBytes / 8)) return active;
    if (!this.#fh && active.bytes === 0) {
      // An earlier open of this (empty) segment failed: try it again.
      this.#fh = await open(active.file, 'w');
      return active;
    }
    // Open the next segment first: if that fails, the current one stays active and writable.
    const next = emptySegment(this.dir, this.#next);
    const fh = await open(next.file, 'w');
    await this.#fh?.close().catch(() => undefined);
    this.#fh = fh;
    this.#segments.push(next);
    await syncDir(this.dir).catch(() => undefined);
    this.#dropReleasedHead();
    return next;
  }

  /** Delete sealed segments whose every record is released. */
  #dropReleasedHead(): void {
    while (this.#segments.length > 1 && lastSeqOf(this.#segments[0]!) <= this.#released) {
      const seg = this.#segments.shift()!;
      this.#bytes -= seg.bytes;
      unlink(seg.file).catch(() => undefined);
    }
  }

  /** Open the newest segment for appending, starting a new one where numbering does not continue it. */
  async #openActive(): Promise<void> {
    const last = this.#segments.at(-1);
    if (!last || lastSeqOf(last) + 1 !== this.#next) {
      if (last && last.bytes === 0) {
        this.#segments.pop();
        await unlink(last.file).catch(() => undefined);
      }
      this.#segments.push(emptySegment(this.dir, this.#next));
    }
    const active = this.#segments.at(-1)!;
    this.#fh = await open(active.file, active.bytes === 0 ? 'w' : 'r+');
    if (active.bytes === 0) await syncDir(this.dir);
  }

  #samplesBetween(after: number, through: number): number {
    let n = 0;
    for (const s of this.#segments) {
      if (lastSeqOf(s) <= after || s.first > through) continue;
      n += samplesThrough(s, through) - samplesThrough(s, after);
    }
    return n;
  }

  #atOf(seq: number): number | undefined {
    const seg = this.#segments.find((s) => lastSeqOf(s) >= seq && s.first <= seq);
    return seg?.ats[seq - seg.first];
  }

  #refreshDiskFree(): void {
    const now = Date.now();
    if (now - this.#diskFree.at < 5000) return;
    this.#diskFree.at = now;
    statfs(this.dir).then((s) => (this.#diskFree.bytes = s.bavail * s.bsize), () => undefined);
  }
}

/** Write the parts back to back at `position` with one writev (finishing a short write with plain writes). */
async function writeAllAt(fh: FileHandle, parts: Buffer[], size: number, position: number): Promise<void> {
  const done = (await fh.writev(parts, position)).bytesWritten;
  if (done === size) return;
  const rest = Buffer.concat(parts, size).subarray(done);
  for (let o = 0; o < rest.length; ) {
    const { bytesWritten } = await fh.write(rest, o, rest.length - o, position + done + o);
    o += bytesWritten;
  }
}

/** Make a new file's directory entry durable too. */
async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.datasync();
  } catch {
    // Some file systems refuse fsync on a directory; the record data itself is still synced.
  } finally {
    await fh.close();
  }
}

function mib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
