/**
 * Open the historian a hub config names, to read it from another process (`causeway export`,
 * `causeway query`): read-only, so nothing is written, no upkeep runs and no writer lock is
 * taken. PostgreSQL is read while a hub writes the same schema. A DuckDB file cannot be: DuckDB
 * lets one process open a file for writing and no other process open it meanwhile, not even
 * read-only; then the answer is CW_EXPORT_LOCKED with the API command that gets the same data
 * from the running hub.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import pino from 'pino';
import type { HistorianConfig } from '../../config/schema.js';
import { CausewayError, isCausewayError } from '../../core/errors.js';
import { createHistorian } from '../create.js';
import type { Historian } from '../types.js';

/** What DuckDB says when another process (or this one) holds the file. */
const LOCKED = /Could not set lock on file|already open in this process/i;

/** The DuckDB file a config uses (as createHistorian resolves it), or undefined for PostgreSQL. */
export function historianFile(config: HistorianConfig | undefined, dataDir: string): string | undefined {
  if (config?.kind === 'postgres') return undefined;
  const p = config?.path;
  return p ? (isAbsolute(p) ? p : join(dataDir, p)) : join(dataDir, 'historian.duckdb');
}

/**
 * The opened historian of `config` for reading. Throws CW_HISTORIAN_NOT_FOUND when the DuckDB
 * file does not exist (rather than creating an empty one), CW_EXPORT_LOCKED (hint: `command`)
 * when a running hub holds it, else the backend's CW_HISTORIAN_OPEN_FAILED.
 */
export async function openForReading(config: HistorianConfig | undefined, dataDir: string, command: string): Promise<Historian> {
  const file = historianFile(config, dataDir);
  if (file !== undefined && file !== ':memory:' && !existsSync(file)) throw new CausewayError('CW_HISTORIAN_NOT_FOUND', { file });
  const historian = createHistorian(config, dataDir, pino({ level: 'silent' }), { readOnly: true });
  try {
    await historian.open();
  } catch (e) {
    if (isCausewayError(e, 'CW_HISTORIAN_OPEN_FAILED') && LOCKED.test(e.params.reason)) {
      throw new CausewayError('CW_EXPORT_LOCKED', { file: e.params.target, command }, { cause: e });
    }
    throw e;
  }
  return historian;
}
