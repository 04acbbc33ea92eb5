import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { sql } from '../../historian/duckdb/test-helpers.js';
import { capture, configFile, dataDir, holdOpen, T0 } from './cli-test-helpers.js';
import { exportCommand, ProgressLine } from './export.js';
import type { CliIo } from './export.js';

/** Run `causeway export ...args` in-process. */
async function exportCli(args: string[], io: Partial<CliIo> = {}) {
  const out = capture();
  const err = capture();
  await exportCommand({ out, err, now: () => T0 + 7_200_000, ...io }).exitOverride().parseAsync(args, { from: 'user' });
  const code = process.exitCode;
  process.exitCode = undefined;
  return { code, out: out.text(), err: err.text() };
}

const iso = (ms: number) => new Date(ms).toISOString();

describe('causeway export', () => {
  it('writes a CSV file of a data directory\'s historian, with progress and a summary', async () => {
    const dir = await dataDir();
    const file = path.join(dir, 'out.csv');
    const r = await exportCli(['--data-dir', dir, '--path', 'acme/line1/filler/speed', '--path', 'acme/line1/filler/state', '--from', iso(T0), '--to', iso(T0 + 600_000), '-o', file]);
    // Not a terminal: the first page's line, then the final figures.
    expect(r.err).toMatch(/^Exporting… [\d,]+ samples of 1,200 \([\d.]+ %\)\nExporting… 1,200 samples of 1,200 \(100\.0 %\)\n$/);
    expect(r.out).toMatch(/^Exported 1,200 samples of 2 paths \(2026-03-08T06:00:00.000Z to 2026-03-08T06:10:00.000Z\) to .*out\.csv as CSV: [\d.]+ kB in [\d.]+ s\.\n$/);
    expect(r.code).toBe(0);
    const lines = fs.readFileSync(file, 'utf8').split('\r\n');
    expect(lines).toHaveLength(1202);
    expect(lines.slice(0, 3)).toEqual(['time,path,value,quality', '2026-03-08T06:00:00.000Z,acme/line1/filler/speed,600,good', '2026-03-08T06:00:00.000Z,acme/line1/filler/state,running,good']);
    expect(lines[199]).toBe('2026-03-08T06:01:39.000Z,acme/line1/filler/speed,609.9,bad');
  });

  it('fills empty buckets with --fill and uses the config\'s step interpolation', async () => {
    const dir = await dataDir('plant.duckdb');
    const config = configFile(dir, 'plant.duckdb');
    fs.appendFileSync(config, 'templates:\n  - { id: Filler, attributes: [{ name: speed, type: number, interpolation: step }] }\nassets:\n  - { path: acme/line1/filler, template: Filler }\n');
    const file = path.join(dir, 'twa.csv');
    const r = await exportCli(['-c', config, '-d', dir, '--path', 'acme/line1/filler/speed', '--from', iso(T0 + 3_540_000), '--to', iso(T0 + 3_720_000), '--agg', 'twa', '--interval', '1m', '--fill', 'previous', '-o', file]);
    expect(r.err).toContain('Exporting');
    const rows = fs.readFileSync(file, 'utf8').trim().split('\r\n').slice(1);
    // 06:59: step TWA of 954 … 959.9 (the bad last second holds 959.8): (sum 954.0..959.9 - 0.1) / 60; then filled.
    const twa = (Array.from({ length: 60 }, (_, i) => 954 + i / 10).reduce((x, y) => x + y, 0) - 0.1) / 60;
    // After the last sample its value stays in force: the time-weighted average needs no fill.
    expect(rows.map((l) => Number(l.split(',')[2]))).toEqual([expect.closeTo(twa, 9), 959.8, 959.8]);
    const avgFile = path.join(dir, 'avg.csv');
    await exportCli(['-c', config, '-d', dir, '--path', 'acme/line1/filler/speed', '--from', iso(T0 + 3_540_000), '--to', iso(T0 + 3_720_000), '--agg', 'max', '--interval', '1m', '--fill', 'previous', '-o', avgFile]);
    expect(fs.readFileSync(avgFile, 'utf8').trim().split('\r\n').slice(1).map((l) => Number(l.split(',')[2]))).toEqual([959.8, 959.8, 959.8]);
  });

  it('reads the historian a config names and writes Parquet of aggregates', async () => {
    const dir = await dataDir('plant.duckdb');
    const file = path.join(dir, 'avg.parquet');
    const r = await exportCli(['-c', configFile(dir, 'plant.duckdb'), '-d', dir, '--path', 'acme/line1/filler/speed', '--from', iso(T0), '--to', iso(T0 + 3_600_000), '--agg', 'avg', '--interval', '10m', '--format', 'parquet', '-o', file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Exported 6 buckets of 1 path');
    const rows = await sql(':memory:', `SELECT path, value, count FROM read_parquet('${file}') ORDER BY time`);
    expect(rows).toHaveLength(6);
    expect(rows[0]).toEqual(['acme/line1/filler/speed', expect.closeTo(629.9, 1), 594n]);
  });

  it('streams CSV to stdout with -o -, the summary going to stderr', async () => {
    const dir = await dataDir();
    const data = new PassThrough();
    const chunks: Buffer[] = [];
    data.on('data', (c: Buffer) => chunks.push(c));
    const r = await exportCli(['-d', dir, '--path', 'acme/line1/filler/state', '--from', iso(T0 + 1_799_000), '--to', iso(T0 + 1_801_000), '--wide', '-o', '-'], { data });
    expect(r.code).toBe(0);
    expect(Buffer.concat(chunks).toString()).toBe('time,acme/line1/filler/state\r\n2026-03-08T06:29:59.000Z,running\r\n2026-03-08T06:30:00.000Z,"down, ""jam"""\r\n');
    expect(r.out).toBe('');
    expect(r.err).toContain('Exported 2 samples of 1 path');
  });

  it('says the file is in use by a running hub and gives the API command instead', async () => {
    const dir = await dataDir('plant.duckdb');
    await holdOpen(path.join(dir, 'plant.duckdb'));
    const r = await exportCli(['-c', configFile(dir, 'plant.duckdb'), '-d', dir, '--path', 'acme/line1/filler/speed', '--from', iso(T0), '--to', iso(T0 + 60_000), '-o', path.join(dir, 'x.csv')]);
    expect(r.code).toBe(1);
    expect(r.err).toBe([
      `CW_EXPORT_LOCKED: The historian file ${path.join(dir, 'plant.duckdb')} is in use by a running hub, so it cannot be opened here.`,
      'Ask the running hub instead, signed in: curl -s -c op.jar -o /dev/null -H \'content-type: application/json\' -d \'{"username":"<you>","password":"<your password>"}\' http://127.0.0.1:8123/api/v1/login, ' +
        'then curl -b op.jar -fo ' + path.join(dir, 'x.csv') + ' "http://127.0.0.1:8123/api/v1/export?path=acme%2Fline1%2Ffiller%2Fspeed&from=2026-03-08T06%3A00%3A00.000Z&to=2026-03-08T06%3A01%3A00.000Z&format=csv" ' +
        '(a script sends -H "Authorization: Bearer <token>" instead of -b op.jar) — or stop the hub and run this command again.',
      '',
    ].join('\n'));
    expect(fs.existsSync(path.join(dir, 'x.csv'))).toBe(false);
  });

  it('opens the historian read-only: the file is left exactly as it was, closed days not compacted', async () => {
    const dir = await dataDir();
    const file = path.join(dir, 'historian.duckdb');
    const before = fs.readFileSync(file);
    const r = await exportCli(['-d', dir, '--path', 'acme/line1/filler/speed', '--from', iso(T0), '--to', iso(T0 + 60_000), '-o', path.join(dir, 'x.csv')]);
    expect(r.code).toBe(0);
    // A hub opening this file (its day closed months ago) would compact it and fill the rollups.
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(await sql(file, 'SELECT (SELECT count(*) FROM samples_recent)::INTEGER, (SELECT count(*) FROM rollup_1m)::INTEGER')).toEqual([[7200, 0]]);
  });

  it('explains a missing historian, a bad time and a bad path without touching the disk', async () => {
    const dir = await dataDir();
    const missing = await exportCli(['-d', path.join(dir, 'nowhere'), '--path', 'a/b', '--from', '-1h', '-o', path.join(dir, 'x.csv')]);
    expect(missing.err).toMatch(/^CW_HISTORIAN_NOT_FOUND: There is no historian file at .*nowhere\/historian\.duckdb\./);
    expect(fs.existsSync(path.join(dir, 'nowhere'))).toBe(false);
    const time = await exportCli(['-d', dir, '--path', 'a/b', '--from', 'yesterday', '-o', 'x.csv']);
    expect(time.err).toContain('"yesterday" is not a time the hub understands (parameter --from).');
    const bad = await exportCli(['-d', dir, '--path', 'a//b', '--from', '-1h', '-o', 'x.csv']);
    expect(bad.err).toContain('CW_PATH_INVALID');
    expect([missing.code, time.code, bad.code]).toEqual([1, 1, 1]);
  });

  it('reports a broken config with its problems', async () => {
    const dir = await dataDir();
    const file = path.join(dir, 'broken.yaml');
    fs.writeFileSync(file, 'site: { name: x }\n');
    const r = await exportCli(['-c', file, '--path', 'a/b', '--from', '-1h', '-o', 'x.csv']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('CW_CONFIG_INVALID');
  });
});

describe('export progress', () => {
  it('redraws one line in place on a terminal, at most ten times a second', () => {
    const err = capture(true);
    let t = 0;
    const line = new ProgressLine(err, 'samples', () => t);
    line.update({ written: 10_000, total: 40_000, percent: 25 });
    t = 50;
    line.update({ written: 20_000, total: 40_000, percent: 50 });
    t = 150;
    line.update({ written: 30_000, total: 40_000, percent: 75 });
    line.update({ written: 40_000, total: 40_000, percent: 100 });
    line.done();
    expect(err.text()).toBe([
      '\rExporting… 10,000 samples of 40,000 (25.0 %)\x1b[K',
      '\rExporting… 30,000 samples of 40,000 (75.0 %)\x1b[K',
      '\rExporting… 40,000 samples of 40,000 (100.0 %)\x1b[K\n',
    ].join(''));
  });

  it('writes plain lines every few seconds elsewhere', () => {
    const err = capture(false);
    let t = 0;
    const line = new ProgressLine(err, 'samples', () => t);
    for (let i = 1; i <= 12; i++) {
      t = i * 1000;
      line.update({ written: i * 1000 });
    }
    line.done();
    expect(err.text()).toBe('Exporting… 1,000 samples\nExporting… 6,000 samples\nExporting… 11,000 samples\nExporting… 12,000 samples\n');
  });
});
