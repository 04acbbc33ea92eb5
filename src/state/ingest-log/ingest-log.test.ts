import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sample } from '../../core/sample.js';
import { IngestLog } from './index.js';

const dirs: string[] = [];
const logs: IngestLog[] = [];
afterEach(async () => {
  for (const l of logs.splice(0)) await l.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function folder(): string {
  const d = mkdtempSync(join(tmpdir(), 'cw-ingest-log-'));
  dirs.push(d);
  return d;
}

async function open(dir: string, opts: Partial<Parameters<typeof IngestLog.open>[1]> = {}): Promise<IngestLog> {
  const log = await IngestLog.open(dir, { maxBytes: 1024 * 1024, fsync: false, ...opts });
  logs.push(log);
  return log;
}

const batch = (seq: number, n = 1): Sample[] => Array.from({ length: n }, (_, i) => ({ path: `dev/t${i}`, value: seq * 100 + i, ts: 1_700_000_000_000 + seq, quality: 'good' }));

async function readAll(log: IngestLog, after = 0): Promise<number[]> {
  const seqs: number[] = [];
  for (let at = after; ; ) {
    const recs = await log.read(at, 1_000_000);
    if (recs.length === 0) return seqs;
    for (const r of recs) seqs.push(r.seq);
    at = recs.at(-1)!.seq;
  }
}

describe('IngestLog', () => {
  it('numbers batches in order, commits concurrent appends together, and reads them back from memory and disk', async () => {
    const dir = folder();
    const log = await open(dir, { tailSamples: 3 });
    const seqs = await Promise.all([1, 2, 3, 4, 5].map((k) => log.append(batch(k, 2))));
    expect(seqs).toEqual([1, 2, 3, 4, 5]);
    // The tail holds the newest samples only: seq 1 comes from the file, the last from memory.
    const first = await log.read(0, 2);
    expect(first.map((r) => r.seq)).toEqual([1]);
    expect(first[0]!.samples).toEqual(batch(1, 2));
    expect(await readAll(log)).toEqual([1, 2, 3, 4, 5]);
    expect(log.stats()).toMatchObject({ records: 5, samples: 10, full: false });
  });

  it('keeps every record across a restart and continues the numbering', async () => {
    const dir = folder();
    const a = await open(dir);
    for (let k = 1; k <= 3; k++) await a.append(batch(k));
    await a.close();
    logs.splice(logs.indexOf(a), 1);
    const b = await open(dir);
    expect(b.head).toBe(3);
    expect((await b.read(1, 10)).map((r) => r.samples[0]!.value)).toEqual([200, 300]);
    expect(await b.append(batch(4))).toBe(4);
  });

  it('cuts a torn tail left by a crash in the middle of a write, and keeps what came before', async () => {
    const dir = folder();
    const a = await open(dir);
    for (let k = 1; k <= 3; k++) await a.append(batch(k));
    await a.close();
    logs.splice(0);
    const file = join(dir, readdirSync(dir).find((n) => n.endsWith('.log'))!);
    const whole = statSync(file).size;
    truncateSync(file, whole - 5); // the last record loses its end
    appendFileSync(file, Buffer.from([1, 2, 3]));
    const b = await open(dir);
    expect(b.head).toBe(2);
    expect(b.stats().recoveredCutBytes).toBeGreaterThan(0);
    expect(await readAll(b)).toEqual([1, 2]);
    expect(await b.append(batch(9))).toBe(3);
    expect((await b.read(2, 10))[0]!.samples[0]!.value).toBe(900);
  });

  it('refuses a batch larger than its whole bound without marking itself full', async () => {
    const log = await open(folder(), { maxBytes: 4096 });
    await expect(log.append(batch(1, 200))).rejects.toMatchObject({ code: 'CW_PIPELINE_OVERLOADED' });
    expect(log.stats().full).toBe(false);
    expect(() => log.checkRoom()).not.toThrow();
    expect(await log.append(batch(2))).toBe(1);
  });

  it('reads across a gap in the numbering (records lost before a consumer mark jumped ahead)', async () => {
    const dir = folder();
    const a = await open(dir);
    for (let k = 1; k <= 3; k++) await a.append(batch(k));
    await a.close();
    logs.splice(0);
    const b = await open(dir, { startAfter: 10 });
    expect(await b.append(batch(11))).toBe(11);
    expect(await readAll(b, 0)).toEqual([1, 2, 3, 11]);
    expect(await readAll(b, 5)).toEqual([11]);
    expect(b.stats()).toMatchObject({ records: 4, samples: 4 });
  });

  it('continues after the newest mark a consumer holds, even when the log was emptied', async () => {
    const log = await open(folder(), { startAfter: 41 });
    expect(await log.append(batch(1))).toBe(42);
  });

  it('refuses an append that would pass its size, with Retry-After, until records are released', async () => {
    const dir = folder();
    const log = await open(dir, { maxBytes: 4096, segmentBytes: 1024 });
    const accepted: number[] = [];
    let refusal: unknown;
    for (let k = 1; k < 100 && refusal === undefined; k++) {
      await log.append(batch(k, 4)).then((s) => accepted.push(s), (e: unknown) => (refusal = e));
    }
    expect(refusal).toMatchObject({ code: 'CW_PIPELINE_OVERLOADED', status: 503, retryAfterSeconds: 2 });
    expect(log.stats().full).toBe(true);
    // Releasing what every consumer holds deletes whole segments and makes room again.
    const segmentsBefore = readdirSync(dir).length;
    log.release(accepted.at(-1)!);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readdirSync(dir).length).toBeLessThan(segmentsBefore);
    expect(() => log.checkRoom()).not.toThrow();
    expect(await log.append(batch(500))).toBe(accepted.at(-1)! + 1);
    expect(log.stats()).toMatchObject({ records: 1, samples: 1 });
    // Released records are not read again.
    expect(await readAll(log)).toEqual([accepted.at(-1)! + 1]);
  });

  it('refuses a write the disk refuses (full file system), keeps nothing of it, and keeps every record before it', async (t) => {
    const dir = folder();
    // A 64 KiB file system: root can mount one here; elsewhere this case cannot be staged.
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    } catch {
      t.skip('needs root to mount a small tmpfs (mount -t tmpfs) for a full disk');
      return;
    }
    try {
      const log = await open(dir, { maxBytes: 1024 * 1024, segmentBytes: 1024 * 1024 });
      const accepted: number[] = [];
      let refusal: unknown;
      for (let k = 1; k < 1000 && refusal === undefined; k++) {
        await log.append(batch(k, 20)).then((s) => accepted.push(s), (e: unknown) => (refusal = e));
      }
      expect(refusal).toMatchObject({ code: 'CW_PIPELINE_SPOOL_FAILED', status: 503 });
      expect((refusal as Error).message).toMatch(/ENOSPC|no space/i);
      await log.close();
      logs.splice(0);
      const again = await open(dir, { maxBytes: 1024 * 1024 });
      expect(again.head).toBe(accepted.length);
      expect(await readAll(again)).toEqual(accepted);
      await again.close();
      logs.splice(0);
    } finally {
      execFileSync('umount', [dir]);
    }
  });
});
