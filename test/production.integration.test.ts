/**
 * Production against real peers: the ERP staging schema in PostgreSQL (orders read once by their
 * watermark, bad rows reported, a confirmation row written exactly once however often it is
 * sent), a B2MML round trip through the drop folder, and a real hub over HTTP: work orders pushed,
 * dispatched through the orders conduit to a simulator's setpoints, tracked, OEE served and
 * published, the order completed and confirmed.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckedText } from '../src/cli/config-io.js';
import { MemoryHistorian } from '../src/historian/memory.js';
import { parsePerformance, parseSchedule } from '../src/production/formats/b2mml.js';
import { Production } from '../src/production/index.js';
import { productionSettings } from '../src/production/settings.js';
import { ProductionStore } from '../src/production/store.js';
import { folderTarget, stagingTarget } from '../src/production/targets.js';
import { Hub } from '../src/runtime/hub.js';
import { describeWithService, SERVICES } from '../src/test-support/services.js';

const PG = { host: SERVICES.postgres.host, port: SERVICES.postgres.port, user: 'postgres', database: 'test' };
const LINE = 'acme/springfield/packaging/line1';
const BASE = {
  products: [{ id: 'COLA-500', idealRate: 600, unit: 'bottles' }, { id: 'WATER-1000', idealRate: 400, unit: 'bottles' }],
  lines: [{ id: 'line1', path: LINE, state: { attribute: 'filler/state', map: { '1': 'running' as const, '3': 'down' as const } }, good: { attribute: 'filler/good' }, reject: { attribute: 'filler/reject' } }],
};

async function sql(text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const c = new pg.Client(PG);
  await c.connect();
  try {
    return (await c.query(text, params)).rows;
  } finally {
    await c.end();
  }
}

/** A production application over a memory historian, with the given config block. */
function application(block: Record<string, unknown>, dir: string, targets: (p: () => Production) => ConstructorParameters<typeof Production>[1]['targets'] = () => []) {
  const store = ProductionStore.open(':memory:');
  const settings = productionSettings({ ...BASE, ...block } as never, 'UTC', dir);
  // The targets reach the application after it is built, through this reference.
  const ref: { production?: Production } = {};
  ref.production = new Production(settings, { store, historian: new MemoryHistorian(), publish: async () => undefined, now: Date.now, targets: targets(() => ref.production!) });
  return { production: ref.production, store };
}

await describeWithService('postgres', 'ERP staging schema in PostgreSQL', () => {
  const schema = `cw_prod_${process.pid}_${Date.now().toString(36)}`;
  const dir = mkdtempSync(join(tmpdir(), 'cw-staging-'));
  let app: ReturnType<typeof application>;

  beforeAll(async () => {
    await sql(`CREATE SCHEMA ${schema}`);
    await sql(`CREATE TABLE ${schema}.work_orders (seq bigserial PRIMARY KEY, order_id text, product text, quantity numeric, unit text, due_date timestamptz, line text, status text DEFAULT 'released')`);
    await sql(`CREATE TABLE ${schema}.production_confirmations (idempotency_key text PRIMARY KEY, order_id text NOT NULL, sequence integer NOT NULL, final boolean NOT NULL, status text NOT NULL, good numeric, scrap numeric, unit text, payload jsonb NOT NULL, received_at timestamptz NOT NULL DEFAULT now())`);
  });
  afterEach(async () => {
    await app?.production.close();
    app?.store.close();
  });
  afterAll(async () => {
    await sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads each order row once, reports bad rows, and writes a confirmation row exactly once', async () => {
    await sql(`INSERT INTO ${schema}.work_orders (order_id, product, quantity, unit, due_date, line) VALUES
      ('WO-1', 'COLA-500', 12000, 'bottles', '2026-11-24T22:00:00Z', 'line1'),
      ('WO-2', 'BEER-330', 100, NULL, NULL, 'line1'),
      ('WO-3', 'WATER-1000', -4, NULL, NULL, 'line7'),
      ('WO-4', 'WATER-1000', 8000, NULL, NULL, 'line1')`);
    app = application({ erp: { staging: { ...PG, table: `${schema}.work_orders`, confirmTable: `${schema}.production_confirmations` } }, confirmations: { targets: [{ id: 'erp', kind: 'staging' }] } }, dir,
      (p) => [{ id: 'erp', kind: 'staging', send: (c) => stagingTarget('erp', p().staging!).send(c) }]);
    const first = await app.production.pollStaging();
    expect(first.accepted).toEqual([{ id: 'WO-1', change: 'created' }, { id: 'WO-4', change: 'created' }]);
    expect(first.rejected).toEqual([
      { ref: `${schema}.work_orders row seq=2`, id: 'WO-2', problems: ['product "BEER-330" is not configured (known: COLA-500, WATER-1000)'] },
      { ref: `${schema}.work_orders row seq=3`, id: 'WO-3', problems: ['line "line7" is not configured (known: line1)', 'quantity "-4" is not a number above 0 and at most 1000000000'] },
    ]);
    expect(app.production.order('WO-1')).toMatchObject({ product: 'COLA-500', quantity: 12000, unit: 'bottles', due: Date.parse('2026-11-24T22:00:00Z'), source: 'staging' });
    expect(app.production.rejections().map((r) => r.id)).toEqual(['WO-3', 'WO-2']);

    // The watermark: nothing is read twice; a new row is read once.
    expect(await app.production.pollStaging()).toEqual({ accepted: [], rejected: [] });
    await sql(`INSERT INTO ${schema}.work_orders (order_id, product, quantity, line, status) VALUES ('WO-4', 'WATER-1000', 8000, 'line1', 'cancelled')`);
    expect((await app.production.pollStaging()).accepted).toEqual([{ id: 'WO-4', change: 'cancelled' }]);
    expect(await app.production.pollStaging()).toEqual({ accepted: [], rejected: [] });

    await app.production.start('WO-1', { id: 'u', name: 'olga' });
    await app.production.complete('WO-1');
    expect(await app.production.deliver()).toBe(1);
    // Sent again (a lost answer, a retry by hand): still one row.
    expect(app.production.outbox.retry('WO-1-1', Date.now())).toBe(false);
    const [delivery] = app.production.deliveries();
    await stagingTarget('erp', app.production.staging!).send(delivery!.confirmation);
    const rows = await sql(`SELECT idempotency_key, order_id, sequence, final, status, payload FROM ${schema}.production_confirmations`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ idempotency_key: 'WO-1-1', order_id: 'WO-1', sequence: 1, final: true, status: 'completed', payload: { orderId: 'WO-1', good: 0, scrap: 0 } });
  });

  it('keeps a confirmation pending with its error while PostgreSQL refuses it, then delivers it', async () => {
    app = application({ erp: { staging: { ...PG, table: `${schema}.work_orders`, confirmTable: `${schema}.missing_table` } }, confirmations: { targets: [{ id: 'erp', kind: 'staging' }] } }, dir,
      (p) => [{ id: 'erp', kind: 'staging', send: (c) => stagingTarget('erp', p().staging!).send(c) }]);
    app.production.receive('rest', [{ ref: '0', raw: { id: 'WO-9', product: 'COLA-500', quantity: 10, line: 'line1' } }]);
    await app.production.start('WO-9', { id: 'u', name: 'u' });
    await app.production.complete('WO-9');
    expect(await app.production.deliver()).toBe(0);
    expect(app.production.deliveries()[0]).toMatchObject({ state: 'pending', attempts: 1, lastError: expect.stringContaining('missing_table') });
  });
});

describe('B2MML through the drop folder', () => {
  it('takes a ProductionSchedule in and writes a ProductionPerformance that parses back equal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-b2mml-'));
    const app = application({ erp: { folder: { path: 'erp-in', settle: 0 } }, confirmations: { targets: [{ id: 'files', kind: 'folder', path: 'erp-out' }] } }, dir, () => [folderTarget('files', join(dir, 'erp-out'))]);
    try {
      const schedule = readFileSync(new URL('../src/production/__fixtures__/schedule.xml', import.meta.url), 'utf8');
      mkdirSync(join(dir, 'erp-in'), { recursive: true });
      writeFileSync(join(dir, 'erp-in', 'schedule.xml'), schedule);
      writeFileSync(join(dir, 'erp-in', 'orders.csv'), 'order_id,product,quantity,line\nWO-2001,WATER-1000,8000,line1\nWO-2002,WATER-1000,lots,line1\n');
      const outcomes = await app.production.folder!.poll();
      expect(outcomes.map((o) => [o.file, o.accepted, o.rejected, o.movedTo])).toEqual([['orders.csv', 1, 1, 'rejected'], ['schedule.xml', 2, 0, 'processed']]);
      const problems = readdirSync(join(dir, 'erp-in', 'rejected')).find((f) => f.endsWith('.problems.txt'))!;
      expect(readFileSync(join(dir, 'erp-in', 'rejected', problems), 'utf8')).toBe('orders.csv row 3 (order WO-2002): quantity "lots" is not a number above 0 and at most 1000000000\n');
      expect(await app.production.folder!.poll()).toEqual([]);

      const records = parseSchedule(schedule, 'x') as Array<{ raw: { id: string } }>;
      const id = records[0]!.raw.id;
      await app.production.start(id, { id: 'u', name: 'u' });
      await app.production.complete(id);
      await app.production.deliver();
      const [d] = app.production.deliveries();
      const xml = readFileSync(join(dir, 'erp-out', `${d!.key}.xml`), 'utf8');
      expect(parsePerformance(xml)).toEqual(d!.confirmation);
      expect(d!.confirmation).toMatchObject({ orderId: id, product: 'COLA-500', quantity: 12000, unit: 'bottles', final: true, status: 'completed' });
    } finally {
      await app.production.close();
      app.store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const HUB_CONFIG = `
site: { enterprise: Acme, name: Springfield, timezone: America/Chicago, hubZone: site-ops }
zones: [{ id: packaging, level: 1 }, { id: site-ops, level: 3 }]
conduits:
  - { from: packaging, to: site-ops, allow: [telemetry] }
  - { from: site-ops, to: packaging, allow: [orders] }
sources:
  - id: plc
    kind: simulator
    zone: packaging
    pollInterval: 100ms
    config: { seed: 3, period: 100ms }
    tags:
      - { id: state, signal: { kind: setpoint, value: 1 } }
      - { id: good, signal: { kind: counter, ratePerSecond: 20, rolloverAt: 65536 } }
      - { id: reject, signal: { kind: counter, ratePerSecond: 1, rolloverAt: 65536 } }
      - { id: order, type: string, signal: { kind: setpoint, value: "" } }
      - { id: speed_sp, signal: { kind: setpoint, value: 0 } }
templates:
  - id: Filler
    attributes:
      - { name: state, type: state, states: { "1": running, "3": down } }
      - { name: good, type: number }
      - { name: reject, type: number }
      - { name: order, type: string, writable: true }
      - { name: speed_sp, type: number, writable: true, min: 0, max: 1200 }
  - id: Line
    attributes: []
    children: [{ name: filler, template: Filler }]
assets:
  - { path: ${LINE}, template: Line }
  - { path: ${LINE}/filler, template: Filler, bindings: { state: plc/state, good: plc/good, reject: plc/reject, order: plc/order, speed_sp: plc/speed_sp } }
production:
  shifts: [{ name: A, start: "00:00", end: "12:00" }, { name: B, start: "12:00", end: "00:00" }]
  publishInterval: 200ms
  products: [{ id: COLA-500, idealRate: 1500, speed: 570 }]
  reasons: [{ code: 12, label: Jam at infeed, loss: breakdown }, { code: 30, label: Changeover, loss: setup }]
  lines:
    - id: line1
      path: ${LINE}
      state: { attribute: filler/state, map: { "1": running, "3": down } }
      good: { attribute: filler/good, rolloverAt: 65536 }
      reject: { attribute: filler/reject, rolloverAt: 65536 }
      dispatch: { order: filler/order, speed: filler/speed_sp }
  confirmations: { targets: [{ id: files, kind: folder, path: erp-out }] }
historian: { flushInterval: 100ms }
api: { port: 0 }
`;

describe('production in a running hub, over HTTP', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cw-production-hub-'));
  let hub: Hub;
  let url: string;
  let api: typeof fetch = fetch;
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await api(`${url}${path}`, { method, ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}) });
    return { status: res.status, body: await res.json() as any };
  };
  const until = async <T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 8000): Promise<T> => {
    const end = Date.now() + ms;
    for (;;) {
      const v = await read();
      if (ok(v) || Date.now() > end) return v;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  beforeAll(async () => {
    const { config, problems } = await loadCheckedText(HUB_CONFIG, 'hub.yaml');
    expect(problems).toEqual([]);
    hub = await Hub.create({ config: config!, dataDir: dir, logger: pino({ level: 'silent' }), port: 0 });
    url = await hub.start();
    // Once the API asks for credentials (hub security), sign in as the test admin.
    const auth = await import(/* @vite-ignore */ `${'../src/test-support/auth.js'}`).catch(() => undefined) as { adminFetch?: (h: Hub) => Promise<typeof fetch> } | undefined;
    if (auth?.adminFetch) api = await auth.adminFetch(hub);
  });
  afterAll(async () => {
    await hub?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes pushed orders, dispatches one to the PLC, tracks it, serves and publishes OEE, and confirms it', async () => {
    const pushed = await call('POST', '/api/v1/work-orders', [{ id: 'WO-7', product: 'COLA-500', quantity: 5000, line: 'line1' }, { id: 'WO-8', product: 'COLA-500', quantity: 0, line: 'line1' }]);
    expect(pushed).toEqual({ status: 207, body: { accepted: [{ id: 'WO-7', change: 'created' }], rejected: [{ ref: 'record 1', id: 'WO-8', problems: ['quantity "0" is not a number above 0 and at most 1000000000'] }] } });
    expect((await call('GET', '/api/v1/work-orders?status=released')).body.orders.map((o: any) => o.id)).toEqual(['WO-7']);

    const started = await call('POST', '/api/v1/work-orders/WO-7/start');
    expect(started.body).toMatchObject({ id: 'WO-7', status: 'running' });
    // The order number and the product's speed reached the PLC, and the line's values carry the order.
    const values = await until(() => call('GET', `/api/v1/values?path=${LINE}`), (r) => {
      const v = Object.fromEntries(r.body.values?.map((x: any) => [x.path, x.value]) ?? []);
      return v[`${LINE}/filler/order`] === 'WO-7' && v[`${LINE}/filler/speed_sp`] === 570 && v[`${LINE}/oee/oee`] !== undefined;
    });
    const v = Object.fromEntries(values.body.values.map((x: any) => [x.path, x.value]));
    expect(v).toMatchObject({ [`${LINE}/filler/order`]: 'WO-7', [`${LINE}/filler/speed_sp`]: 570, [`${LINE}/order/id`]: 'WO-7', [`${LINE}/order/product`]: 'COLA-500' });
    expect(v[`${LINE}/oee/availability`]).toBe(1);

    await hub.historian.flush();
    const oee = await call('GET', '/api/v1/oee?line=line1&by=order&from=-1h');
    expect(oee.status).toBe(200);
    expect(oee.body.periods[0]).toMatchObject({ line: 'line1', period: { kind: 'order', orderId: 'WO-7' }, availability: 1 });
    expect(oee.body.periods[0].counts.total).toBeGreaterThan(0);

    const done = await call('POST', '/api/v1/work-orders/WO-7/complete');
    expect(done.body).toMatchObject({ status: 'completed' });
    expect(done.body.good).toBeGreaterThan(0);
    const confirmed = await until(() => call('GET', '/api/v1/confirmations'), (r) => r.body.confirmations?.[0]?.state === 'delivered');
    expect(confirmed.body.confirmations[0]).toMatchObject({ key: 'WO-7-1', target: 'files', state: 'delivered', confirmation: { orderId: 'WO-7', final: true, good: done.body.good } });
    expect(readdirSync(join(dir, 'erp-out'))).toEqual(['WO-7-1.xml']);

    expect((await call('POST', '/api/v1/work-orders/WO-7/start')).body).toMatchObject({ status: 409, code: 'CW_PRODUCTION_ORDER_STATE' });
  });

  it('checks reason codes assigned afterwards and leaves other orders released', async () => {
    await call('POST', '/api/v1/work-orders', { id: 'WO-9', product: 'COLA-500', quantity: 10, line: 'line1' });
    const bad = await call('POST', '/api/v1/downtime/line1.1/reason', { code: 999 });
    expect(bad.body).toMatchObject({ status: 400, code: 'CW_PRODUCTION_REASON_UNKNOWN' });
    // The stops list names the reasons an operator may pick (the console's reason picker).
    const downtime = await call('GET', '/api/v1/downtime?line=line1&from=-1h');
    expect(downtime.status).toBe(200);
    expect(downtime.body.reasons).toEqual([{ code: 12, label: 'Jam at infeed', loss: 'breakdown' }, { code: 30, label: 'Changeover', loss: 'setup' }]);
    expect(Array.isArray(downtime.body.stops)).toBe(true);
    expect((await call('GET', '/api/v1/work-orders/WO-9')).body.status).toBe('released');
  });
});
