import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDbHistorian } from '../../historian/duckdb/index.js';
import { queryAggregates } from '../../historian/query/aggregate.js';
import { buildModel } from '../../namespace/model.js';
import { loadChecked } from '../config-io.js';
import { capture, configFile, dataDir, holdOpen, T0 } from './cli-test-helpers.js';
import { alignedTable, queryCommand } from './query.js';

/** Run `causeway query ...args` in-process. */
async function query(args: string[]) {
  const out = capture();
  const err = capture();
  await queryCommand({ out, err, now: () => T0 + 3_600_000 }).exitOverride().parseAsync(args, { from: 'user' });
  const code = process.exitCode;
  process.exitCode = undefined;
  return { code, out: out.text(), err: err.text() };
}

const SPEED = 'acme/line1/filler/speed';

/** The test hub config, plus a Filler template whose speed is declared a step attribute. */
function stepConfig(dir: string): string {
  const file = configFile(dir, 'plant.duckdb');
  fs.appendFileSync(file, [
    'templates:',
    '  - { id: Filler, attributes: [{ name: speed, type: number, interpolation: step }, { name: state, type: string }] }',
    'assets:',
    '  - { path: acme/line1/filler, template: Filler }',
    '',
  ].join('\n'));
  return file;
}
const STATE = 'acme/line1/filler/state';

describe('causeway query', () => {
  it('prints raw samples as an aligned table', async () => {
    const dir = await dataDir();
    const r = await query([SPEED, STATE, '-d', dir, '--from', '2026-03-08T06:29:59Z', '--to', '2026-03-08T06:30:01Z']);
    expect(r.code).toBe(0);
    expect(r.out).toBe([
      'TIME                      PATH                     VALUE        QUALITY',
      '2026-03-08T06:29:59.000Z  acme/line1/filler/speed  779.9        bad',
      '2026-03-08T06:29:59.000Z  acme/line1/filler/state  running      good',
      '2026-03-08T06:30:00.000Z  acme/line1/filler/speed  780          good',
      '2026-03-08T06:30:00.000Z  acme/line1/filler/state  down, "jam"  good',
      '4 samples from 2026-03-08T06:29:59.000Z to 2026-03-08T06:30:01.000Z.',
      '',
    ].join('\n'));
  });

  it('says when it shows only the first samples', async () => {
    const dir = await dataDir();
    const r = await query([SPEED, '-d', dir, '--limit', '3']);
    expect(r.out.split('\n')).toHaveLength(6);
    expect(r.out).toContain('Showing the first 3 samples, up to 2026-03-08T06:00:02.000Z: narrow the range, raise --limit, or write them all with `causeway export`.');
  });

  it('answers aggregates per bucket from the last hour by default', async () => {
    const dir = await dataDir();
    const r = await query([SPEED, '-d', dir, '--agg', 'twa', '--interval', '15m']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^TIME {22}PATH {21,}TWA {2}SAMPLES {2}BAD$/);
    expect(lines[1]).toMatch(/^2026-03-08T06:00:00.000Z {2}acme\/line1\/filler\/speed +645 {6}891 {4}9$/);
    expect(lines[4]).toMatch(/^2026-03-08T06:45:00.000Z {2}acme\/line1\/filler\/speed +914\.99\d+ {6}891 {4}9$/);
    expect(lines).toHaveLength(7);
    expect(lines[5]).toMatch(/^twa per 15m from 2026-03-08T06:00:00.000Z to 2026-03-08T07:00:00.000Z; empty buckets left out/);
  });

  it('answers values at an instant, as JSON when asked', async () => {
    const dir = await dataDir();
    const r = await query([SPEED, STATE, '-d', dir, '--at', '2026-03-08T06:00:10.500Z', '--format', 'json']);
    const json = JSON.parse(r.out);
    expect(json.values).toEqual([
      { path: SPEED, ts: T0 + 10_500, value: 601.05, quality: 'good', method: 'linear', priorTs: T0 + 10_000, nextTs: T0 + 11_000 },
      { path: STATE, ts: T0 + 10_500, value: 'running', quality: 'good', method: 'step', priorTs: T0 + 10_000 },
    ]);
  });

  it('writes CSV with RFC 4180 quoting', async () => {
    const dir = await dataDir();
    const r = await query([STATE, '-d', dir, '--from', '2026-03-08T06:30:00Z', '--to', '2026-03-08T06:30:01Z', '--format', 'csv']);
    expect(r.out).toBe('time,path,value,quality\r\n2026-03-08T06:30:00.000Z,acme/line1/filler/state,"down, ""jam""",good\r\n');
  });

  it('points to the API of the running hub when it holds the file', async () => {
    const dir = await dataDir('plant.duckdb');
    await holdOpen(path.join(dir, 'plant.duckdb'));
    const r = await query([SPEED, '-c', configFile(dir, 'plant.duckdb'), '-d', dir, '--at', 'now']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('CW_EXPORT_LOCKED: The historian file');
    expect(r.err).toContain('http://127.0.0.1:8123/api/v1/login, then curl -b op.jar "http://127.0.0.1:8123/api/v1/history/at?path=acme%2Fline1%2Ffiller%2Fspeed&time=2026-03-08T07%3A00%3A00.000Z"');
  });

  it('leaves the historian file exactly as it was (read-only: no upkeep, no checkpoint)', async () => {
    const dir = await dataDir();
    const file = path.join(dir, 'historian.duckdb');
    const before = fs.readFileSync(file);
    const r = await query([SPEED, '-d', dir, '--agg', 'avg', '--interval', '1h']);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses an aggregate without an interval', async () => {
    const dir = await dataDir();
    const r = await query([SPEED, '-d', dir, '--agg', 'avg']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('--agg avg needs --interval');
  });

  it('takes each attribute\'s interpolation from the hub\'s config: a step attribute\'s TWA equals the API\'s', async () => {
    const dir = await dataDir('plant.duckdb');
    const file = stepConfig(dir);
    const r = await query([SPEED, '-c', file, '-d', dir, '--from', '2026-03-08T06:00:00Z', '--to', '2026-03-08T06:15:00Z', '--agg', 'twa', '--interval', '15m', '--format', 'json']);
    expect(r.err).toBe('');
    const cli = JSON.parse(r.out).series[0].buckets[0].value as number;
    // By hand: 600 + i/10 held for a second each over 900 s; the 9 bad samples (i = 99, 199 … 899)
    // leave the value before them in force, 0.1 lower: (540000 + 40455 - 0.9) / 900. Linear gives 645.
    expect(cli).toBeCloseTo(580_454.1 / 900, 9);
    // The API's rule: the namespace's interpolation of each path (runtime/services.ts).
    const { config } = await loadChecked(file);
    const model = buildModel(config!.templates!, config!.assets!);
    const h = new DuckDbHistorian({ file: path.join(dir, 'plant.duckdb') });
    await h.open();
    try {
      const api = await queryAggregates(h, { paths: [SPEED], from: T0, to: T0 + 900_000, interval: '15m', agg: 'twa', interpolation: (p) => model.attributes.get(p)!.interpolation });
      expect(api[0]!.buckets[0]!.value).toBe(cli);
    } finally {
      await h.close();
    }
  });

  it('fills empty buckets with --fill', async () => {
    const dir = await dataDir();
    const args = [SPEED, '-d', dir, '--from', '2026-03-08T06:59:00Z', '--to', '2026-03-08T07:03:00Z', '--agg', 'last', '--interval', '1m', '--format', 'json'];
    const none = JSON.parse((await query(args)).out).series[0].buckets;
    const filled = JSON.parse((await query([...args, '--fill', 'previous'])).out).series[0].buckets;
    // The last good sample is 959.8 at 06:59:58 (the one at 06:59:59 is bad); fill none leaves out empty buckets.
    expect(none.map((b: { value: unknown }) => b.value)).toEqual([959.8]);
    expect(filled.map((b: { value: unknown }) => b.value)).toEqual([959.8, 959.8, 959.8, 959.8]);
  });

  it('aligns tables: text left, numeric columns right, no trailing spaces', () => {
    expect(alignedTable(['name', 'n', 'note'], [['a', 1, 'x'], ['bbb', 100, undefined]])).toBe('NAME    N  NOTE\na       1  x\nbbb   100\n');
  });
});
