/**
 * Segment files of the ingest log: `<first seq, 16 digits>.log`, records back to back. A segment
 * is scanned once at start-up (every record's CRC checked; from the first bad record on, the rest
 * is moved to `<segment>.cut-<offset>` — a torn tail after a crash, or damage) and indexed in
 * memory (offset, time and running sample count per record); afterwards reads go straight to
 * the bytes of the records asked for.
 */
import { open, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Sample } from '../../core/sample.js';
import { decodeBody, readHead } from './record.js';

export interface Segment {
  /** Seq of its first record; record i has seq first + i. */
  first: number;
  file: string;
  /** Bytes of whole records in the file. */
  bytes: number;
  /** Byte offset of each record. */
  offsets: number[];
  /** Samples in records 0..i. */
  cum: number[];
  /** Hub time each record was appended, epoch ms. */
  ats: number[];
}

/** A batch read back from the log. */
export interface LogRecord {
  seq: number;
  /** When the log accepted it (epoch ms): the samples' arrival at the hub. */
  at: number;
  samples: readonly Sample[];
}

const NAME = /^(\d{16})\.log$/;

/** File name of a segment starting at `first`. */
export function segmentName(first: number): string {
  return `${String(first).padStart(16, '0')}.log`;
}

/** A new, empty segment. */
export function emptySegment(dir: string, first: number): Segment {
  return { first, file: join(dir, segmentName(first)), bytes: 0, offsets: [], cum: [], ats: [] };
}

/** Seq of the segment's last record, or first - 1 when empty. */
export function lastSeqOf(seg: Segment): number {
  return seg.first + seg.offsets.length - 1;
}

/** Samples in the segment's records up to and including `seq` (0 before its first). */
export function samplesThrough(seg: Segment, seq: number): number {
  const i = Math.min(seq - seg.first, seg.offsets.length - 1);
  return i < 0 ? 0 : seg.cum[i]!;
}

/** Note a record just written at the end of the segment. */
export function noteRecord(seg: Segment, size: number, count: number, at: number): void {
  seg.offsets.push(seg.bytes);
  seg.cum.push((seg.cum.at(-1) ?? 0) + count);
  seg.ats.push(at);
  seg.bytes += size;
}

/**
 * The segments of a log folder, scanned: records checked one by one; at the first torn or
 * corrupt record the file is cut there (a crash mid-write leaves at most a torn tail). Returns
 * them oldest first and what was cut.
 */
export async function scanSegments(dir: string): Promise<{ segments: Segment[]; cutBytes: number }> {
  const names = (await readdir(dir)).filter((n) => NAME.test(n)).sort();
  const segments: Segment[] = [];
  let cutBytes = 0;
  for (const name of names) {
    const seg = emptySegment(dir, Number(NAME.exec(name)![1]));
    const buf = await readFile(seg.file);
    let offset = 0;
    while (offset < buf.length) {
      const head = readHead(buf, offset);
      if (typeof head === 'string' || head.seq !== seg.first + seg.offsets.length) break;
      noteRecord(seg, head.size, head.count, head.at);
      offset += head.size;
    }
    if (offset < buf.length) {
      // Kept beside the segment for a person to look at: a crash leaves a torn tail here, anything
      // larger is damage, and the hub says so at start.
      cutBytes += buf.length - offset;
      await writeFile(`${seg.file}.cut-${offset}`, buf.subarray(offset));
      await truncate(seg.file, offset);
    }
    segments.push(seg);
  }
  return { segments, cutBytes };
}

/** Records `from`..`to` (seqs, inclusive) of a segment, read from its file. */
export async function readRecords(seg: Segment, from: number, to: number): Promise<LogRecord[]> {
  const i = from - seg.first;
  const j = to - seg.first;
  const start = seg.offsets[i]!;
  const end = j + 1 < seg.offsets.length ? seg.offsets[j + 1]! : seg.bytes;
  const buf = Buffer.allocUnsafe(end - start);
  const fh = await open(seg.file, 'r');
  try {
    let got = 0;
    while (got < buf.length) {
      const { bytesRead } = await fh.read(buf, got, buf.length - got, start + got);
      if (bytesRead === 0) throw new Error(`${seg.file} ends before its record ${from + got}`);
      got += bytesRead;
    }
  } finally {
    await fh.close();
  }
  const out: LogRecord[] = [];
  for (let k = i, offset = 0; k <= j; k++) {
    const head = readHead(buf, offset);
    if (typeof head === 'string') throw new Error(`record ${seg.first + k} of ${seg.file} is ${head === 'short' ? 'cut short' : 'corrupt'}`);
    out.push({ seq: head.seq, at: head.at, samples: decodeBody(buf, offset, head) });
    offset += head.size;
  }
  return out;
}
