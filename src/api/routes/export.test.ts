import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { openHistorian, sql, tempFile } from '../../historian/duckdb/test-helpers.js';
import { planExport } from '../../historian/export/index.js';
import type { ExportLimits } from '../../historian/export/index.js';
import type { Historian } from '../../historian/types.js';
import { allowAllSecurity } from '../../test-support/auth.js';
import { buildApi } from '../server.js';
import type { HubServices } from '../services.js';
import { exportFileName } from './export.js';

const T0 = Date.UTC(2026, 2, 8);
const NOW = T0 + 3_600_000;

async function historian(): Promise<Historian> {
  const h = await openHistorian({ file: tempFile() });
  const batch = Array.from({ length: 120 }, (_, i) => [
    { path: 'acme/line1/filler/speed', ts: T0 + i * 1000, value: 600 + i / 4, quality: 'good' as const },
    { path: 'acme/line1/filler/state', ts: T0 + i * 1000, value: i < 60 ? 'running' : 'down, jam', quality: 'good' as const },
  ]).flat();
  await h.write(batch);
  await h.flush();
  return h;
}

/** The API over a real historian, with the services the export route needs. */
async function api(h: Historian, limits: ExportLimits = {}) {
  const services = {
    info: () => ({ enterprise: 'Acme', site: 'Springfield', version: 'test', startedAt: 0 }),
    security: allowAllSecurity(),
    now: () => NOW,
    ingestBodyLimit: () => 1_048_576,
    namespace: { attribute: () => undefined, has: (p: string) => p.startsWith('acme/line1/') },
    prepareExport: (req: Parameters<HubServices['prepareExport']>[0]) => planExport(h, req, limits),
  } as unknown as HubServices;
  return buildApi({ services, logger: pino({ level: 'silent' }) });
}

describe('GET /api/v1/export', () => {
  it('streams CSV as an attachment with the row count up front', async () => {
    const app = await api(await historian());
    const r = await app.inject(`/api/v1/export?path=acme/line1/filler/speed,acme/line1/filler/state&from=${T0}&to=${T0 + 120_000}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(r.headers['content-disposition']).toBe('attachment; filename="2-paths_20260308T000000Z_20260308T000200Z.csv"');
    expect(r.headers['x-export-rows']).toBe('240');
    const lines = r.body.split('\r\n');
    expect(lines).toHaveLength(242);
    expect(lines.slice(0, 3)).toEqual(['time,path,value,quality', '2026-03-08T00:00:00.000Z,acme/line1/filler/speed,600,good', '2026-03-08T00:00:00.000Z,acme/line1/filler/state,running,good']);
    expect(lines[240]).toBe('2026-03-08T00:01:59.000Z,acme/line1/filler/state,"down, jam",good');
    await app.close();
  });

  it('exports aggregates in the wide layout', async () => {
    const app = await api(await historian());
    const r = await app.inject(`/api/v1/export?path=acme/line1/filler/speed&from=${T0}&to=${T0 + 120_000}&agg=avg&interval=1m&wide=true`);
    expect(r.statusCode).toBe(200);
    expect(r.body).toBe('time,acme/line1/filler/speed\r\n2026-03-08T00:00:00.000Z,607.375\r\n2026-03-08T00:01:00.000Z,622.375\r\n');
    expect(r.headers['content-disposition']).toBe('attachment; filename="filler_speed_20260308T000000Z_20260308T000200Z.csv"');
    await app.close();
  });

  it('streams Parquet that DuckDB reads back', async () => {
    const app = await api(await historian());
    const r = await app.inject(`/api/v1/export?path=acme/line1/filler/speed&from=-1h&format=parquet`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/vnd.apache.parquet');
    expect(r.headers['content-disposition']).toMatch(/^attachment; filename="filler_speed_\d{8}T\d{6}Z_\d{8}T\d{6}Z\.parquet"$/);
    const file = path.join(path.dirname(tempFile()), 'download.parquet');
    fs.writeFileSync(file, r.rawPayload);
    expect(await sql(':memory:', `SELECT count(*)::INTEGER, min(value), max(value) FROM read_parquet('${file}')`)).toEqual([[120, 600, 629.75]]);
    await app.close();
  });

  it.each([
    ['', 'CW_API_BAD_REQUEST'],
    ['?path=acme/line1/filler/speed&from=yesterday', 'CW_API_BAD_TIME'],
    ['?path=acme/line1/filler/speed&from=now&to=-1h', 'CW_API_BAD_RANGE'],
    ['?path=acme/line1/filler/speed&interval=1m', 'CW_API_BAD_REQUEST'],
    ['?path=acme/line1/filler/speed&agg=twa', 'CW_API_BAD_REQUEST'],
    ['?path=acme/line1/filler/speed&agg=avg&interval=1m&tz=Mars/Olympus', 'CW_HISTORIAN_QUERY_INVALID'],
    ['?path=acme/line1/filler/speed&format=parquet&wide=true', 'CW_HISTORIAN_QUERY_INVALID'],
    ['?path=acme//speed', 'CW_PATH_INVALID'],
  ])('answers %s with a 400 problem %s', async (query, code) => {
    const app = await api(await historian());
    const r = await app.inject(`/api/v1/export${query}`);
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(r.json()).toMatchObject({ code, status: 400 });
    await app.close();
  });

  it('refuses an export above the limits with a problem that says what to do', async () => {
    const app = await api(await historian(), { maxSamples: 100, maxRangeMs: 7 * 86_400_000 });
    const many = await app.inject(`/api/v1/export?path=acme/line1/filler/speed,acme/line1/filler/state&from=-1h`);
    expect(many.statusCode).toBe(400);
    expect(many.json()).toMatchObject({
      code: 'CW_EXPORT_TOO_LARGE',
      title: 'The export is too large: 240 samples, more than the limit of 100 samples.',
      hint: expect.stringContaining('agg=avg&interval=1m'),
    });
    const long = await app.inject(`/api/v1/export?path=acme/line1/filler/speed&from=-30d`);
    expect(long.json()).toMatchObject({ code: 'CW_EXPORT_TOO_LARGE', title: expect.stringContaining('a range of 30 days') });
    await app.close();
  });

  it('is in the OpenAPI document', async () => {
    const app = await api(await historian());
    const doc = (await app.inject('/api/v1/openapi.json')).json();
    expect(doc.paths['/api/v1/export'].get.summary).toMatch(/CSV or Parquet/);
    await app.close();
  });

  it('names downloads with safe characters only', () => {
    expect(exportFileName(['acme/line 1/"x"'], 0, 60_000, 'csv')).toBe('line_1__x__19700101T000000Z_19700101T000100Z.csv');
  });
});
