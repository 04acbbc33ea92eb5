/** Bytes per stored point: write a data set through the historian, close it (checkpoint), divide the file size by the points. */
import fs from 'node:fs';
import { DuckDbHistorian } from '../../dist/historian/duckdb/index.js';
import { progress } from './report.js';

/**
 * Run the historian's background upkeep now (compaction, rollups), as a hub that has been running
 * a while has; answers what happened, for the table: 'maintained', 'none' (no upkeep in this
 * build) or the failure.
 */
export async function maintain(h) {
  if (typeof h.maintain !== 'function') return 'none';
  try {
    await h.maintain();
    return 'maintained';
  } catch (e) {
    return `maintenance failed: ${e.message}`;
  }
}

/** Write `batches` (any iterable of sample arrays) to a new historian file, run its upkeep, close it; answers points, bytes and bytes per point. */
export async function bytesPerPoint(file, batches, label, expected) {
  const h = new DuckDbHistorian({ file, flushIntervalMs: 1000 });
  await h.open();
  let points = 0;
  for (const b of batches) {
    await h.write(b);
    points += b.length;
    progress(`${label}: ${points.toLocaleString('en-US')} of ${expected.toLocaleString('en-US')} points`);
  }
  await h.flush();
  const upkeep = await maintain(h);
  await h.close(); // flushes, then CHECKPOINT folds the write-ahead log into the file
  const wal = `${file}.wal`;
  const bytes = fs.statSync(file).size + (fs.existsSync(wal) ? fs.statSync(wal).size : 0);
  return { points, bytes, perPoint: bytes / points, upkeep };
}
