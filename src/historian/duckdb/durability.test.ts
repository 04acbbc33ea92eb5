/**
 * Kill durability: a child process writes through the historian, waits for flush(), and is killed
 * with SIGKILL (no close, no checkpoint). A fresh historian on the file must then see every
 * flushed sample and none of the unflushed ones. Node 20 cannot run TypeScript, so the test
 * transpiles the historian's import graph into a temp directory first.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { openHistorian, tempFile } from './test-helpers.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const T0 = Date.UTC(2026, 10, 23, 8, 0, 0);
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'causeway-duckdb-child-'));
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

/** Transpile `entry` and every relative module it imports into `outDir`, keeping the layout. */
function transpileGraph(entry: string): void {
  const todo = [entry];
  const done = new Set<string>();
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (done.has(file)) continue;
    done.add(file);
    const source = fs.readFileSync(file, 'utf8');
    for (const m of source.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) todo.push(path.resolve(path.dirname(file), `${m[1]}.ts`));
    const js = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    }).outputText;
    const out = path.join(outDir, path.relative(REPO, file)).replace(/\.ts$/, '.js');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, js);
  }
}

const CHILD = `
import { DuckDbHistorian } from './src/historian/duckdb/index.js';
const [file, t0] = [process.argv[2], Number(process.argv[3])];
const h = new DuckDbHistorian({ file, flushIntervalMs: 3_600_000 });
await h.open();
await h.write([
  { path: 'kill/num', value: 42.5, ts: t0, quality: 'good' },
  { path: 'kill/bool', value: true, ts: t0 + 1, quality: 'uncertain' },
  { path: 'kill/str', value: 'batch-7', ts: t0 + 2, quality: 'bad' },
]);
await h.flush();
await h.write([{ path: 'kill/num', value: -1, ts: t0 + 3, quality: 'good' }]); // never flushed
process.stdout.write('flushed\\n');
setInterval(() => {}, 60_000); // hold the file until killed
`;

/** Run the child until it reports "flushed", then SIGKILL it. */
async function runAndKill(file: string): Promise<void> {
  const child = spawn(process.execPath, [path.join(outDir, 'child.mjs'), file, String(T0)], { cwd: outDir });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  const flushed = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('flushed') && resolve());
    void exited.then(() => reject(new Error(`child exited before flushing:\n${stderr}`)));
  });
  await flushed;
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
}

describe('DuckDbHistorian kill durability', () => {
  it('keeps every flushed sample when the process is killed without close()', async () => {
    transpileGraph(path.join(REPO, 'src/historian/duckdb/index.ts'));
    fs.writeFileSync(path.join(outDir, 'package.json'), '{"type":"module"}');
    fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(outDir, 'node_modules'), 'dir');
    fs.writeFileSync(path.join(outDir, 'child.mjs'), CHILD);

    const file = tempFile();
    await runAndKill(file);
    expect(fs.existsSync(`${file}.wal`)).toBe(true); // the rows live in the log, not yet checkpointed

    const h = await openHistorian({ file });
    expect(await h.queryRaw({ paths: ['kill/num', 'kill/bool', 'kill/str'], from: T0, to: T0 + 10 })).toEqual([
      { path: 'kill/num', value: 42.5, ts: T0, quality: 'good' },
      { path: 'kill/bool', value: true, ts: T0 + 1, quality: 'uncertain' },
      { path: 'kill/str', value: 'batch-7', ts: T0 + 2, quality: 'bad' },
    ]);
    expect((await h.tags()).map((t) => t.path)).toEqual(['kill/num', 'kill/bool', 'kill/str']);
    expect(await h.lastValues(['kill/num'])).toEqual([{ path: 'kill/num', value: 42.5, ts: T0, quality: 'good' }]);
  });
});
