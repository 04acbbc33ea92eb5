/** Shared set-up of the DuckDB historian tests: temp files, historians closed after each test, a log spy. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Logger } from 'pino';
import { afterEach, vi } from 'vitest';
import { DuckDbHistorian } from './index.js';
import type { DuckDbHistorianOptions } from './index.js';

const dirs: string[] = [];
const open: DuckDbHistorian[] = [];

afterEach(async () => {
  vi.restoreAllMocks();
  for (const h of open.splice(0)) await h.close().catch(() => undefined);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A fresh .duckdb path in its own temp directory, removed after the test. */
export function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'causeway-duckdb-'));
  dirs.push(dir);
  return path.join(dir, 'history.duckdb');
}

/** An opened historian (no background flush unless asked), closed after the test. */
export async function openHistorian(opts: Partial<DuckDbHistorianOptions> & { file: string }): Promise<DuckDbHistorian> {
  const h = new DuckDbHistorian({ flushIntervalMs: 3_600_000, ...opts });
  await h.open();
  open.push(h);
  return h;
}

/** Run SQL against a closed historian file, straight through DuckDB. */
export async function sql(file: string, text: string): Promise<unknown[][]> {
  const instance = await DuckDBInstance.create(file);
  try {
    const conn = await instance.connect();
    const rows = (await conn.runAndReadAll(text)).getRowsJS();
    conn.closeSync();
    return rows;
  } finally {
    instance.closeSync();
  }
}

/** A logger whose calls are recorded. */
export function spyLogger(): { logger: Logger; error: ReturnType<typeof vi.fn>; warn: ReturnType<typeof vi.fn>; info: ReturnType<typeof vi.fn> } {
  const error = vi.fn();
  const warn = vi.fn();
  const info = vi.fn();
  const logger = { error, warn, info, debug: vi.fn(), child: () => logger } as unknown as Logger;
  return { logger, error, warn, info };
}

/** 'settled' when p settles within a few ticks, else 'pending'. */
export async function settledSoon(p: Promise<unknown>): Promise<'settled' | 'pending'> {
  return Promise.race([p.then(() => 'settled' as const), new Promise<'pending'>((r) => setTimeout(() => r('pending'), 50))]);
}
