/** Shared set-up of the export and query command tests: a closed historian file with known data, captured output. */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { DuckDbHistorian } from '../../historian/duckdb/index.js';

export const T0 = Date.UTC(2026, 2, 8, 6);

const dirs: string[] = [];
const children: ChildProcess[] = [];

afterEach(() => {
  for (const c of children.splice(0)) c.kill();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/**
 * A data directory holding `file` (default historian.duckdb) with an hour of 1 s samples from T0:
 * line1/filler/speed (600 + i/10, every 100th bad) and line1/filler/state (text with a comma).
 */
export async function dataDir(file = 'historian.duckdb'): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'causeway-cli-history-'));
  dirs.push(dir);
  const h = new DuckDbHistorian({ file: path.join(dir, file), flushIntervalMs: 3_600_000 });
  await h.open();
  const batch = [];
  for (let i = 0; i < 3600; i++) {
    batch.push({ path: 'acme/line1/filler/speed', ts: T0 + i * 1000, value: 600 + i / 10, quality: i % 100 === 99 ? 'bad' as const : 'good' as const });
    batch.push({ path: 'acme/line1/filler/state', ts: T0 + i * 1000, value: i < 1800 ? 'running' : 'down, "jam"', quality: 'good' as const });
  }
  await h.write(batch);
  await h.close();
  return dir;
}

/** A hub config in `dir` naming `historianPath` and API port 8123. */
export function configFile(dir: string, historianPath: string): string {
  const file = path.join(dir, 'hub.yaml');
  fs.writeFileSync(file, [
    'site: { enterprise: Acme, name: Springfield, hubZone: ops }',
    'zones: [{ id: ops, level: 3 }]',
    `historian: { path: ${historianPath} }`,
    'api: { port: 8123 }',
    '',
  ].join('\n'));
  return file;
}

/** Captured writes, optionally pretending to be a terminal. */
export function capture(isTTY = false) {
  let text = '';
  return { isTTY, write: (t: string) => (text += t), text: () => text };
}

/** Another process holding `file` open in DuckDB, as a running hub does; killed after the test. */
export async function holdOpen(file: string): Promise<void> {
  const code = `import { DuckDBInstance } from '@duckdb/node-api';
    const i = await DuckDBInstance.create(${JSON.stringify(file)});
    process.stdout.write('ready\\n');
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (c) => reject(new Error(`the process holding ${file} exited with ${String(c)}`)));
  });
}
