/** The historian a hub config asks for: the embedded DuckDB file (the default) or PostgreSQL. */
import { isAbsolute, join } from 'node:path';
import type { Logger } from 'pino';
import type { HistorianConfig } from '../config/schema.js';
import { durationMs } from '../core/time.js';
import { DuckDbHistorian } from './duckdb/index.js';
import { PostgresHistorian } from './postgres/index.js';
import type { Historian } from './types.js';

/**
 * Build (not open) the historian of `config`; DuckDB files are taken relative to `dataDir`.
 * `readOnly`: a reader for another process (`causeway export`, `causeway query`), see
 * BufferedHistorianOptions.readOnly.
 */
export function createHistorian(config: HistorianConfig | undefined, dataDir: string, logger: Logger, opts: { readOnly?: boolean } = {}): Historian {
  const h = config ?? {};
  const common = {
    ...(opts.readOnly ? { readOnly: true } : {}),
    flushIntervalMs: durationMs(h.flushInterval, 1000),
    ...(h.batchSize ? { batchSize: h.batchSize } : {}),
    ...(h.retention ? { retention: h.retention } : {}),
    ...(h.rollups ? { rollups: h.rollups } : {}),
    logger,
  };
  if (h.kind === 'postgres') {
    const { kind: _kind, flushInterval: _f, batchSize: _b, retention: _r, rollups: _u, ...conn } = h;
    return new PostgresHistorian({ ...conn, ...common });
  }
  const file = h.path ? (isAbsolute(h.path) ? h.path : join(dataDir, h.path)) : join(dataDir, 'historian.duckdb');
  return new DuckDbHistorian({ file, ...common });
}
