/** The correctness suite on the in-memory historian: the query layer alone, no database. */
import { describe } from 'vitest';
import { correctnessSuite } from './correctness-cases.js';
import { MemoryHistorian } from './memory.js';

describe('correctness: in memory', () => {
  correctnessSuite(async () => new MemoryHistorian());
});
