/**
 * The demo plant's production: two products with different ideal rates and speeds, the fillers'
 * reason codes, three shifts, both packaging lines tracked, and a demo ERP. Before the hub starts,
 * prepareDemoErp() hands today's work orders over the way an ERP would: rows in a PostgreSQL
 * staging table when PostgreSQL answers (CAUSEWAY_DEMO_ERP_PG, default the local server), else a
 * CSV file in the drop folder under the data directory. Confirmations come back as B2MML files in
 * <data dir>/erp/outbox, and as rows in the staging schema when it is used.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { ProductionConfig } from '../config/schema.js';
import { DEMO_LINES, DEMO_ROOT } from './plant.js';

export const DEMO_ERP_SCHEMA = 'causeway_demo_erp';
export const DEMO_ERP_INBOX = 'erp/inbox';
export const DEMO_ERP_OUTBOX = 'erp/outbox';
const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/postgres';

/** How the demo's ERP hands over orders. */
export type DemoErp = { kind: 'folder' } | { kind: 'staging'; connectionString: string };

/** Products: the line runs each at its own speed setpoint; performance is measured against the ideal rate. */
export const DEMO_PRODUCTS = [
  { id: 'COLA-500', description: 'Cola 0.5 l PET', unit: 'bottles', idealRate: 640, speed: 600 },
  { id: 'WATER-1000', description: 'Still water 1.0 l PET', unit: 'bottles', idealRate: 680, speed: 520 },
] as const;

/** Today's orders for both lines, as the ERP releases them (ids carry the date, so a new day brings new orders). */
export function demoOrders(now: number): Array<{ order_id: string; product: string; quantity: number; unit: string; due_date: string; line: string }> {
  const day = new Date(now).toISOString().slice(0, 10).replace(/-/g, '');
  const due = new Date(now + 24 * 3_600_000).toISOString();
  return DEMO_LINES.flatMap((n) => [0, 1, 2].map((i) => {
    const p = DEMO_PRODUCTS[(n + i) % 2]!;
    return { order_id: `WO-${day}-L${n}-${i + 1}`, product: p.id, quantity: 20_000 + 5_000 * i, unit: p.unit, due_date: due, line: `line${n}` };
  }));
}

/** The production block of the demo config; starting an order writes the product's speed to the line's filler. */
export function demoProduction(erp: DemoErp | undefined): ProductionConfig {
  const staging = erp?.kind === 'staging'
    ? { connectionString: erp.connectionString, table: `${DEMO_ERP_SCHEMA}.work_orders`, confirmTable: `${DEMO_ERP_SCHEMA}.production_confirmations`, pollInterval: '10s' }
    : undefined;
  return {
    shifts: [{ name: 'A', start: '06:00', end: '14:00' }, { name: 'B', start: '14:00', end: '22:00' }, { name: 'C', start: '22:00', end: '06:00' }],
    minorStop: '2m',
    publishInterval: '15s',
    products: DEMO_PRODUCTS.map((p) => ({ ...p })),
    reasons: [
      { code: 101, label: 'Bottle jam at infeed', loss: 'breakdown' },
      { code: 102, label: 'Low product level in bowl', loss: 'breakdown' },
      { code: 103, label: 'Blocked by capper', loss: 'minor' },
      { code: 104, label: 'Product changeover', loss: 'setup' },
      { code: 105, label: 'Fill valve fault', loss: 'breakdown' },
      { code: 900, label: 'Planned maintenance', loss: 'planned' },
      { code: 901, label: 'Break', loss: 'planned' },
    ],
    lines: DEMO_LINES.map((n) => ({
      id: `line${n}`, path: `${DEMO_ROOT}/packaging/line${n}`,
      state: { attribute: 'filler/state', map: { '1': 'running', '2': 'idle', '3': 'down' } },
      reason: 'filler/down_reason',
      // The counters' range (16-bit) is declared on the attributes, the one rule for OEE and history.
      good: { attribute: 'filler/good_count' },
      reject: { attribute: 'filler/reject_count' },
      idealRate: 640,
      dispatch: { speed: 'filler/speed_setpoint' },
    })),
    erp: { folder: { path: DEMO_ERP_INBOX, pollInterval: '5s' }, ...(staging ? { staging } : {}) },
    confirmations: { targets: [{ id: 'erp-files', kind: 'folder', path: DEMO_ERP_OUTBOX }, ...(staging ? [{ id: 'erp-staging', kind: 'staging' as const }] : [])] },
  };
}

const DDL = [
  `CREATE SCHEMA IF NOT EXISTS ${DEMO_ERP_SCHEMA}`,
  `CREATE TABLE IF NOT EXISTS ${DEMO_ERP_SCHEMA}.work_orders (seq bigserial PRIMARY KEY, order_id text NOT NULL, product text NOT NULL, quantity numeric NOT NULL, unit text, due_date timestamptz, line text NOT NULL, status text NOT NULL DEFAULT 'released', description text)`,
  `CREATE TABLE IF NOT EXISTS ${DEMO_ERP_SCHEMA}.production_confirmations (idempotency_key text PRIMARY KEY, order_id text NOT NULL, sequence integer NOT NULL, final boolean NOT NULL, status text NOT NULL, good numeric, scrap numeric, unit text, payload jsonb NOT NULL, received_at timestamptz NOT NULL DEFAULT now())`,
];

/** Release today's orders into the staging table (those not there yet). */
async function seedStaging(connectionString: string, now: number): Promise<void> {
  const c = new pg.Client({ connectionString, connectionTimeoutMillis: 2000 });
  await c.connect();
  try {
    for (const sql of DDL) await c.query(sql);
    for (const o of demoOrders(now)) {
      await c.query(`INSERT INTO ${DEMO_ERP_SCHEMA}.work_orders (order_id, product, quantity, unit, due_date, line)
        SELECT $1, $2, $3, $4, $5, $6 WHERE NOT EXISTS (SELECT 1 FROM ${DEMO_ERP_SCHEMA}.work_orders WHERE order_id = $1)`, [o.order_id, o.product, o.quantity, o.unit, o.due_date, o.line]);
    }
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** Drop today's orders as a CSV file into the inbox, unless that file was taken already. */
function seedFolder(dataDir: string, now: number): void {
  const inbox = join(dataDir, DEMO_ERP_INBOX);
  const name = `demo-orders-${new Date(now).toISOString().slice(0, 10)}.csv`;
  mkdirSync(inbox, { recursive: true });
  const taken = ['processed', 'rejected'].some((sub) => existsSync(join(inbox, sub)) && readdirSync(join(inbox, sub)).some((f) => f.endsWith(`_${name}`)));
  if (taken || existsSync(join(inbox, name))) return;
  const rows = demoOrders(now).map((o) => [o.order_id, o.product, o.quantity, o.unit, o.due_date, o.line].join(','));
  writeFileSync(join(inbox, name), ['order_id,product,quantity,unit,due_date,line', ...rows].join('\n') + '\n');
}

/** Hand today's orders over: through PostgreSQL when it answers, else through the drop folder. */
export async function prepareDemoErp(dataDir: string, now: number, env: Record<string, string | undefined> = process.env): Promise<DemoErp> {
  const connectionString = env.CAUSEWAY_DEMO_ERP_PG ?? DEFAULT_PG;
  if (env.CAUSEWAY_DEMO_ERP !== 'folder') {
    try {
      await seedStaging(connectionString, now);
      return { kind: 'staging', connectionString };
    } catch {
      // No PostgreSQL here: the folder it is.
    }
  }
  seedFolder(dataDir, now);
  return { kind: 'folder' };
}
