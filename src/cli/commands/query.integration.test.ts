import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { PG, openPostgres, uniqueSchema } from '../../historian/postgres/test-helpers.js';
import { describeWithService } from '../../test-support/services.js';
import { capture, T0 } from './cli-test-helpers.js';
import { exportCommand } from './export.js';
import { queryCommand } from './query.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A hub config whose historian is PostgreSQL schema `schema`. */
function pgConfig(schema: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'causeway-cli-pg-'));
  dirs.push(dir);
  const file = path.join(dir, 'hub.yaml');
  fs.writeFileSync(file, [
    'site: { enterprise: Acme, name: Springfield, hubZone: ops }',
    'zones: [{ id: ops, level: 3 }]',
    `historian: { kind: postgres, host: ${PG.host}, port: ${PG.port}, user: ${PG.user}, database: ${PG.database}, schema: ${schema} }`,
    '',
  ].join('\n'));
  return file;
}

async function run(command: typeof queryCommand, args: string[]) {
  const out = capture();
  const err = capture();
  await command({ out, err, now: () => T0 + 3_600_000 }).exitOverride().parseAsync(args, { from: 'user' });
  const code = process.exitCode;
  process.exitCode = undefined;
  return { code, out: out.text(), err: err.text() };
}

await describeWithService('postgres', 'causeway query and export on PostgreSQL', () => {
  it('read the schema while the hub holds its writer lock and keeps writing', async () => {
    const schema = uniqueSchema();
    const hub = await openPostgres({ schema });
    await hub.write([
      { path: 'acme/line1/filler/speed', ts: T0, value: 600, quality: 'good' },
      { path: 'acme/line1/filler/speed', ts: T0 + 1000, value: 601.5, quality: 'good' },
    ]);
    await hub.flush();
    const config = pgConfig(schema);
    const q = await run(queryCommand, ['acme/line1/filler/speed', '-c', config, '--from', new Date(T0).toISOString(), '--format', 'csv']);
    expect(q.err).toBe('');
    expect(q.out).toBe('time,path,value,quality\r\n2026-03-08T06:00:00.000Z,acme/line1/filler/speed,600,good\r\n2026-03-08T06:00:01.000Z,acme/line1/filler/speed,601.5,good\r\n');
    const file = path.join(dirs[0]!, 'out.csv');
    const e = await run(exportCommand, ['-c', config, '--path', 'acme/line1/filler/speed', '--from', new Date(T0).toISOString(), '-o', file]);
    expect(e.code).toBe(0);
    expect(fs.readFileSync(file, 'utf8').split('\r\n')).toHaveLength(4);
    await hub.write([{ path: 'acme/line1/filler/speed', ts: T0 + 2000, value: 602, quality: 'good' }]);
    await hub.flush();
    expect(hub.stats()).toMatchObject({ written: 3, failedFlushes: 0 });
  });
});
