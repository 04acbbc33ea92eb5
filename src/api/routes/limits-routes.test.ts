import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { allowAllSecurity } from '../../test-support/auth.js';
import { apiLimits, type ApiLimits } from '../limits.js';
import { buildApi } from '../server.js';
import type { HubServices } from '../services.js';

const NOW = Date.UTC(2026, 11, 1);
const apps: FastifyInstance[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});

/** The API over services that record what reached them: a refused request must reach nothing. */
async function api(limits: Partial<ApiLimits>) {
  const calls: Array<[string, unknown]> = [];
  const services = {
    info: () => ({ enterprise: 'Acme', site: 'Springfield', version: 'test', startedAt: 0 }),
    security: allowAllSecurity(),
    now: () => NOW,
    ingestBodyLimit: () => 1_048_576,
    limits: apiLimits(limits),
    namespace: { attribute: () => undefined, has: () => true },
    zones: () => ({ hubZone: 'ops' }),
    historyRaw: async (req: unknown) => (calls.push(['raw', req]), { samples: [] }),
    historyAggregate: async (req: unknown) => (calls.push(['aggregate', req]), []),
    historyTrend: async (req: unknown) => (calls.push(['trend', req]), { grain: 1, series: [] }),
    production: {
      lines: () => ['line1', 'line2'].map((id) => ({ id, path: `acme/${id}`, state: { path: `acme/${id}/state` }, good: { path: `acme/${id}/good` }, counts: { total: { path: `acme/${id}/total` } } })),
      line: (id: string) => ({ id }),
      settings: { calendar: { timeZone: 'UTC', shifts: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] }, reasons: new Map() },
      oee: async (q: unknown) => (calls.push(['oee', q]), []),
      stops: async (line: string) => (calls.push(['stops', line]), []),
    },
  } as unknown as HubServices;
  const app = await buildApi({ services, logger: pino({ level: 'silent' }) });
  apps.push(app);
  return { app, calls };
}

describe('query routes check their cost before they start', () => {
  it('refuses OEE over 100,000 days with 422 at once, and serves what fits', async () => {
    const { app, calls } = await api({});
    const r = await app.inject('/api/v1/oee?from=-100000d');
    expect(r.statusCode).toBe(422);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json()).toMatchObject({ code: 'CW_API_QUERY_TOO_LARGE', title: 'The request asks for a range of 100,000 days; the limit is 366 days (api.limits.maxRangeDays).' });
    // A year by shift of two lines with three shifts: 367 × 3 × 2 periods.
    const year = await app.inject('/api/v1/oee?from=-366d');
    expect(year.statusCode).toBe(200);
    const tight = await api({ maxBuckets: 1000 });
    expect((await tight.app.inject('/api/v1/oee?from=-366d')).json()).toMatchObject({ code: 'CW_API_QUERY_TOO_LARGE', title: expect.stringContaining('2,202 OEE periods') });
    expect((await tight.app.inject('/api/v1/oee?from=-366d&line=line1&by=day')).statusCode).toBe(200);
    expect(calls.map(([k]) => k)).toEqual(['oee']);
    expect(tight.calls.map(([k]) => k)).toEqual(['oee']);
  });

  it('refuses a history aggregate over the bucket limit before it asks the historian', async () => {
    const { app, calls } = await api({ maxBuckets: 1000 });
    const r = await app.inject('/api/v1/history?path=acme/a,acme/b&from=-1d&agg=avg&interval=1m');
    expect(r.json()).toMatchObject({ status: 422, code: 'CW_API_QUERY_TOO_LARGE', title: 'The request asks for 2,880 buckets; the limit is 1,000 (api.limits.maxBuckets).' });
    expect((await app.inject('/api/v1/history?path=acme/a,acme/b&from=-1d&agg=avg&interval=5m')).statusCode).toBe(200);
    expect(calls.map(([k]) => k)).toEqual(['aggregate']);
  });

  it('pages raw history at most maxRows at a time, by default as large as allowed', async () => {
    const { app, calls } = await api({ maxRows: 10 });
    expect((await app.inject('/api/v1/history?path=acme/a&limit=11')).json()).toMatchObject({ status: 422, title: 'The request asks for pages of 11 rows; the limit is 10 (api.limits.maxRows).' });
    expect((await app.inject('/api/v1/history?path=acme/a')).statusCode).toBe(200);
    expect(calls).toEqual([['raw', expect.objectContaining({ limit: 10 })]]);
  });

  it('refuses trends of too many pixel columns and downtime over too long a range', async () => {
    const { app, calls } = await api({ maxBuckets: 5000, maxRangeDays: 31 });
    expect((await app.inject('/api/v1/trend?path=acme/a,acme/b&pixels=3000')).json()).toMatchObject({ status: 422, title: expect.stringContaining('6,000 pixel columns') });
    expect((await app.inject('/api/v1/downtime?line=line1&from=-32d')).json()).toMatchObject({ status: 422, title: expect.stringContaining('(api.limits.maxRangeDays)') });
    expect(calls).toEqual([]);
  });
});
