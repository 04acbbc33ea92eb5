import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openHistorian, tempFile } from '../../historian/duckdb/test-helpers.js';
import { queryTrend } from '../../historian/query/trend.js';
import type { Historian } from '../../historian/types.js';
import { allowAllSecurity } from '../../test-support/auth.js';
import { buildApi } from '../server.js';
import type { HubServices } from '../services.js';

const T0 = Date.UTC(2026, 2, 8);
const NOW = T0 + 3_600_000;
const SPEED = 'acme/line1/filler/speed';
const apps: FastifyInstance[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});

/** A minute of 1 s speeds with a spike and a dip, and a state, half flushed. */
async function historian(): Promise<Historian> {
  const h = await openHistorian({ file: tempFile() });
  const speed = Array.from({ length: 60 }, (_, i) => ({ path: SPEED, ts: T0 + i * 1000, value: i === 17 ? 900 : i === 43 ? 10 : 600, quality: 'good' as const }));
  await h.write(speed.slice(0, 30));
  await h.flush();
  await h.write([...speed.slice(30), { path: 'acme/line1/filler/state', ts: T0 + 5000, value: 'running', quality: 'good' }]);
  return h;
}

async function api(h: Historian): Promise<FastifyInstance> {
  const services = {
    info: () => ({ enterprise: 'Acme', site: 'Springfield', version: 'test', startedAt: 0 }),
    security: allowAllSecurity(),
    now: () => NOW,
    ingestBodyLimit: () => 1_048_576,
    namespace: { attribute: (p: string) => (p === SPEED ? { unit: 'bpm' } : undefined), has: (p: string) => p.startsWith('acme/line1/') },
    historyTrend: (req: Parameters<HubServices['historyTrend']>[0]) => queryTrend(h, req),
  } as unknown as HubServices;
  const app = await buildApi({ services, logger: pino({ level: 'silent' }) });
  apps.push(app);
  return app;
}

describe('GET /api/v1/trend', () => {
  it('reduces each path to at most four points a pixel, keeping the spike and the dip', async () => {
    const app = await api(await historian());
    const r = await app.inject(`/api/v1/trend?path=${SPEED},acme/line1/filler/state&from=${T0}&to=${T0 + 60_000}&pixels=2`);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({ from: T0, to: T0 + 60_000, pixels: 2, grain: 1 });
    expect(body.series[0]).toMatchObject({ path: SPEED, unit: 'bpm' });
    // Column 0 is [0 s, 30 s): first 600, max 900 at 17 s, last 600 at 29 s (min 600 is the first).
    expect(body.series[0].points.map((p: { ts: number; value: number }) => [(p.ts - T0) / 1000, p.value])).toEqual([[0, 600], [17, 900], [29, 600], [30, 600], [43, 10], [59, 600]]);
    expect(body.series[1].points).toEqual([{ ts: T0 + 5000, value: 'running', quality: 'good' }]);
  });

  it('defaults to the last hour and 1000 pixels', async () => {
    const app = await api(await historian());
    const body = (await app.inject(`/api/v1/trend?path=${SPEED}`)).json();
    expect(body).toMatchObject({ from: NOW - 3_600_000, to: NOW, pixels: 1000 });
    // Columns of 3.6 s hold 3 or 4 samples: the repeated 600s between each column's first and last go.
    const values = body.series[0].points.map((p: { value: number }) => p.value);
    expect(values.length).toBeLessThan(60);
    expect(values).toContain(900);
    expect(values).toContain(10);
  });

  it.each([
    ['', 400, 'CW_API_BAD_REQUEST'],
    [`?path=${SPEED}&pixels=0`, 400, 'CW_API_BAD_REQUEST'],
    [`?path=${SPEED}&pixels=10001`, 400, 'CW_API_BAD_REQUEST'],
    [`?path=${SPEED}&pixels=wide`, 400, 'CW_API_BAD_REQUEST'],
    [`?path=${SPEED}&from=yesterday`, 400, 'CW_API_BAD_TIME'],
    [`?path=${SPEED}&from=now&to=-1h`, 400, 'CW_API_BAD_RANGE'],
    [`?path=${SPEED}&from=${T0}&to=${T0}`, 400, 'CW_HISTORIAN_QUERY_INVALID'],
    ['?path=line%201/x', 400, 'CW_PATH_INVALID'],
  ])('GET /api/v1/trend%s answers %i %s as problem+json', async (query, status, code) => {
    const app = await api(await historian());
    const r = await app.inject(`/api/v1/trend${query}`);
    expect(r.statusCode).toBe(status);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json()).toMatchObject({ status, code });
  });
});
