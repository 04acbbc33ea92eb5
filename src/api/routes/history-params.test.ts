import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { planExport } from '../../historian/export/index.js';
import { MemoryHistorian } from '../../historian/memory.js';
import { queryAggregates } from '../../historian/query/aggregate.js';
import { valuesAt } from '../../historian/query/interpolate.js';
import { queryRawPage } from '../../historian/query/raw.js';
import { queryTrend } from '../../historian/query/trend.js';
import { allowAllSecurity } from '../../test-support/auth.js';
import { buildApi } from '../server.js';
import type { HubServices } from '../services.js';

const T0 = Date.UTC(2026, 2, 8);
const SPEED = 'acme/line1/filler/speed';
let app: FastifyInstance;

beforeAll(async () => {
  const h = new MemoryHistorian();
  await h.write([{ path: SPEED, ts: T0, value: 600, quality: 'good' }]);
  const services = {
    info: () => ({ enterprise: 'Acme', site: 'Springfield', version: 'test', startedAt: 0 }),
    security: allowAllSecurity(),
    now: () => T0 + 3_600_000,
    ingestBodyLimit: () => 1_048_576,
    namespace: { attribute: () => undefined, has: (p: string) => SPEED === p || SPEED.startsWith(`${p}/`) },
    historyRaw: (req: Parameters<HubServices['historyRaw']>[0]) => queryRawPage(h, req),
    historyAggregate: (req: Parameters<HubServices['historyAggregate']>[0]) => queryAggregates(h, req),
    historyAt: (paths: string[], time: number) => valuesAt(h, paths, time),
    historyTrend: (req: Parameters<HubServices['historyTrend']>[0]) => queryTrend(h, req),
    prepareExport: (req: Parameters<HubServices['prepareExport']>[0]) => planExport(h, req, {}),
  } as unknown as HubServices;
  app = await buildApi({ services, logger: pino({ level: 'silent' }) });
});
afterAll(async () => app.close());

describe('history query parameters', () => {
  it.each([
    ['/history', 'timezone=Europe/Berlin&agg=avg&interval=1h', 'timezone', 'Did you mean "tz"?'],
    ['/history/at', 'time=now&tz=UTC', 'tz', 'Its parameters are: path, time.'],
    ['/trend', 'pixel=100', 'pixel', 'Did you mean "pixels"?'],
    ['/export', 'formt=csv', 'formt', 'Did you mean "format"?'],
  ])('%s refuses an unknown parameter (%s) with the allowed ones', async (route, query, param, hint) => {
    const r = await app.inject(`/api/v1${route}?path=${SPEED}&${query}`);
    expect(r.statusCode).toBe(422);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json()).toMatchObject({ code: 'CW_API_UNKNOWN_PARAMETER', title: `The request GET /api/v1${route} has no parameter "${param}".`, hint: expect.stringContaining(hint) });
  });

  it.each([
    ['/history', 'agg=average&interval=1h', 'agg', 'average', 'avg, twa, min, max, count, first, last, sum, stddev, delta, integral'],
    ['/history', 'agg=avg&interval=1h&fill=zero', 'fill', 'zero', 'none, previous, linear'],
    ['/export', 'agg=avg&interval=1h&fill=last', 'fill', 'last', 'none, previous, linear'],
    ['/export', 'format=xlsx', 'format', 'xlsx', 'csv, parquet'],
    // Every one-of query value says what it may be, on any route (here OEE periods).
    ['/oee', 'by=week', 'by', 'week', 'shift, day, order, range'],
  ])('%s refuses %s, listing the allowed values', async (route, query, param, value, allowed) => {
    const r = await app.inject(`/api/v1${route}?path=${SPEED}&${query}`);
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ code: 'CW_API_BAD_VALUE', title: `"${value}" is not a value of parameter ${param}.`, hint: `Use one of: ${allowed}.` });
  });

  it.each(['/history', '/history/at?time=now&', '/trend', '/export'])('%s answers 404 for a path nothing is at, as /values does', async (route) => {
    const sep = route.includes('?') ? '' : '?';
    const r = await app.inject(`/api/v1${route}${sep}path=acme/line1/filler/sped`);
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({ code: 'CW_API_PATH_NOT_FOUND', title: 'Nothing in the namespace is at or below "acme/line1/filler/sped".' });
  });

  it('still answers a known path', async () => {
    const r = await app.inject(`/api/v1/history?path=${SPEED}&from=${T0}&to=${T0 + 60_000}&agg=avg&interval=1m&tz=UTC`);
    expect(r.statusCode).toBe(200);
    expect(r.json().series[0].buckets[0].value).toBe(600);
  });
});
