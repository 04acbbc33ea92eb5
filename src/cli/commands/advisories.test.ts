/** `causeway advisories`: the compiled CLI end to end on real fixtures, and its progress output. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { progressReporter } from './advisories.js';

const BIN = fileURLToPath(new URL('../../../bin/causeway.js', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../inventory/advisories/__fixtures__/', import.meta.url));
const built = existsSync(fileURLToPath(new URL('../../../dist/cli/commands/advisories.js', import.meta.url)));
const dirs: string[] = [];

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'cw-cli-advisories-'));
  dirs.push(d);
  return d;
}

const causeway = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, CAUSEWAY_DATA_DIR: '' } });

describe.skipIf(!built)('causeway advisories (compiled CLI; run `npx tsc -p tsconfig.build.json` first)', () => {
  it('imports CISA\'s layout and a flat folder, reports each rejected file, and re-imports incrementally', () => {
    const data = join(tmp(), 'data');
    const first = causeway('advisories', 'import', join(FIXTURES, 'cisa'), '-d', data);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Read 3 advisory files from .*cisa in \d+\.\d s: 3 added, 0 updated, 0 unchanged, 0 rejected\.\nThe store holds 3 advisories with 34 products and \d+ vulnerabilities \(.*advisories\.sqlite\)\.\n$/);
    // Not a terminal: periodic lines, no bar drawn in place.
    expect(first.stderr).not.toMatch(/\r/);

    const flat = causeway('advisories', 'import', join(FIXTURES, 'flat'), '--data-dir', data);
    expect(flat.status, flat.stderr).toBe(0);
    expect(flat.stdout).toContain('5 advisory files');
    expect(flat.stdout).toContain('2 added, 0 updated, 0 unchanged, 3 rejected.');
    expect(flat.stdout).toContain('1 imported without a checksum file to check them against (unverified)');
    expect(flat.stdout).toMatch(/Rejected \(skipped\):\n {2}icsa-23-257-05\.json: checksum-mismatch: its SHA512 is .*\n {2}icsa-23-348-13-truncated\.json: not-json: it is not valid JSON .*\n {2}tool-settings\.json: not-csaf: it is not a CSAF document \(it has no document\.csaf_version\)\n/);

    const again = causeway('advisories', 'import', join(FIXTURES, 'cisa'), '-d', data);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('0 added, 0 updated, 3 unchanged, 0 rejected.');

    const status = causeway('advisories', 'status', '-d', data);
    expect(status.status).toBe(0);
    expect(status.stdout).toMatch(/^5 advisories, 39 products, \d+ vulnerabilities\.\n/);
    expect(status.stdout).toContain('  tool-settings.json: not-csaf: ');
  });

  it('exits 1 only when nothing could be read', () => {
    const root = tmp();
    const data = join(root, 'data');
    const bad = join(root, 'bad');
    mkdirSync(bad);
    cpSync(join(FIXTURES, 'flat/tool-settings.json'), join(bad, 'tool-settings.json'));
    writeFileSync(join(bad, 'empty.json'), '');
    const none = causeway('advisories', 'import', bad, '-d', data);
    expect(none.status).toBe(1);
    expect(none.stdout).toContain('0 added, 0 updated, 0 unchanged, 2 rejected.');
    const empty = join(root, 'empty');
    mkdirSync(empty);
    const nothing = causeway('advisories', 'import', empty, '-d', data);
    expect(nothing.status).toBe(1);
    expect(nothing.stderr).toContain('No advisory (*.json) was found under');
    const missing = causeway('advisories', 'import', join(root, 'nowhere'), '-d', data);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^CW_ADVISORY_FOLDER: The advisory folder .*nowhere cannot be read: ENOENT/);
  });
});

describe('import progress', () => {
  it('draws a bar in place on a terminal and prints a line every 100 files otherwise', () => {
    let t = 0;
    const tty = { isTTY: true, text: '', write(s: string) { this.text += s; } };
    const p = progressReporter(tty, () => (t += 100));
    p.update({ done: 0, total: 4, file: 'a.json' });
    p.update({ done: 2, total: 4, file: 'c.json' });
    p.update({ done: 4, total: 4, file: '' });
    p.done();
    expect(tty.text).toBe(`\r[${'.'.repeat(30)}] 0/4 a.json\x1b[K\r[${'#'.repeat(15)}${'.'.repeat(15)}] 2/4 c.json\x1b[K\r[${'#'.repeat(30)}] 4/4 \x1b[K\n`);
    const log = { text: '', write(s: string) { this.text += s; } };
    const q = progressReporter(log, () => 0);
    for (let i = 0; i <= 250; i++) q.update({ done: i, total: 250, file: `f${i}.json` });
    q.done();
    expect(log.text).toBe('Read 100 of 250 files…\nRead 200 of 250 files…\n');
  });
});
