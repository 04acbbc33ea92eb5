/**
 * The hub's ingest spool: the write-ahead log in `<data dir>/spool/` sized from the config (or from
 * the free disk), numbered after what the historian and the sink buffers already hold, and
 * described for status and for the message a stop prints.
 */
import { statfs } from 'node:fs/promises';
import { join } from 'node:path';
import type { HubConfig } from '../config/schema.js';
import { IngestLog, type IngestLogStats } from '../state/ingest-log/index.js';
import type { ReaderStats } from '../pipeline/index.js';
import type { SpoolStatus } from '../api/services.js';

export type { SpoolStatus } from '../api/services.js';

export const SPOOL_DIR = 'spool';
const MIB = 1024 * 1024;
const MIN_DEFAULT = 64 * MIB;
const MAX_DEFAULT = 10 * 1024 * MIB;

/** The default bound: a quarter of the free space at start, between 64 MiB and 10 GiB. */
export async function defaultSpoolBytes(dir: string): Promise<number> {
  try {
    const s = await statfs(dir);
    return Math.min(MAX_DEFAULT, Math.max(MIN_DEFAULT, Math.floor((s.bavail * s.bsize) / 4)));
  } catch {
    return MIN_DEFAULT;
  }
}

/** Open the spool; `startAfter` is the newest mark any consumer already holds. */
export async function openIngestSpool(config: HubConfig, dataDir: string, startAfter: number): Promise<IngestLog> {
  const o = config.pipeline?.spool;
  const maxBytes = o?.maxBytes ?? (await defaultSpoolBytes(dataDir));
  return IngestLog.open(join(dataDir, SPOOL_DIR), { maxBytes, startAfter, ...(o?.fsync !== undefined ? { fsync: o.fsync } : {}) });
}


/** Status of the spool and of how far each consumer is behind. */
export function spoolStatus(stats: IngestLogStats, readers: readonly ReaderStats[], samplesAfter: (seq: number) => number): SpoolStatus {
  return {
    samples: stats.samples, bytes: stats.bytes, maxBytes: stats.maxBytes, full: stats.full,
    ...(stats.oldestAt !== undefined ? { oldestAt: stats.oldestAt } : {}),
    ...(stats.diskFreeBytes !== undefined ? { diskFreeBytes: stats.diskFreeBytes } : {}),
    consumers: readers.map((r) => ({ name: r.name, lagSamples: samplesAfter(r.durable) })),
  };
}

/** What a stop leaves in the spool, as one honest sentence. */
export function stopSentence(stats: IngestLogStats): string {
  if (stats.samples === 0) return 'Stopped cleanly; every accepted sample is stored (the ingest spool is empty).';
  const mib = (stats.bytes / MIB).toFixed(1);
  return `Stopped; ${stats.samples} accepted samples (${mib} MiB) are still in the ingest spool and are handed to the historian and sinks at the next start.`;
}
