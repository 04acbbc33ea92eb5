/**
 * The correctness suite against both storage backends: identical cases, hand-computed answers
 * (correctness-data.ts), on a DuckDB file and on PostgreSQL; their M4 SQL against the reference
 * (trend-cases.ts); retention by path pattern (retention-cases.ts); rollups against raw samples
 * (rollup-cases.ts).
 */
import { describe } from 'vitest';
import { describeWithService } from '../test-support/services.js';
import { correctnessSuite } from './correctness-cases.js';
import { openHistorian, tempFile } from './duckdb/test-helpers.js';
import { openPostgres, uniqueSchema } from './postgres/test-helpers.js';
import { retentionSuite } from './retention-cases.js';
import { rollupSuite } from './rollup-cases.js';
import type { RetentionOpen } from './retention-cases.js';
import { trendSuite } from './trend-cases.js';

/** An opener that reuses the last file or schema when asked. */
function reopening<K>(fresh: () => K, open: (key: K, opts: Parameters<RetentionOpen>[0]) => ReturnType<RetentionOpen>): RetentionOpen {
  let last: K | undefined;
  return (opts, same) => {
    if (!same || last === undefined) last = fresh();
    return open(last, opts);
  };
}

describe('correctness: DuckDB', () => {
  correctnessSuite(() => openHistorian({ file: tempFile() }));
  trendSuite(() => openHistorian({ file: tempFile() }));
  retentionSuite(reopening(tempFile, (file, opts) => openHistorian({ file, ...opts })), false);
  rollupSuite((opts) => openHistorian({ file: tempFile(), ...opts }));
});

await describeWithService('postgres', 'correctness: PostgreSQL', () => {
  correctnessSuite(() => openPostgres());
  trendSuite(() => openPostgres());
  retentionSuite(reopening(uniqueSchema, (schema, opts) => openPostgres({ schema, ...opts })), true);
  rollupSuite((opts) => openPostgres(opts));
});
