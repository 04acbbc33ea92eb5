import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../production/formats/csv.js';
import { validateOrders } from '../production/orders.js';
import { DEMO_ERP_INBOX, DEMO_PRODUCTS, demoOrders, demoProduction, prepareDemoErp } from './production.js';

const NOW = Date.parse('2026-11-24T07:30:00Z');

describe('the demo ERP', () => {
  it('releases three orders per line, of both products, that the hub accepts', () => {
    const ctx = { lines: new Set(['line1', 'line2']), products: new Map(DEMO_PRODUCTS.map((p) => [p.id, p])) };
    const { accepted, rejected } = validateOrders(demoOrders(NOW).map((raw, i) => ({ ref: String(i), raw })), ctx);
    expect(rejected).toEqual([]);
    expect(accepted.map((o) => `${o.id} ${o.line} ${o.product}`)).toEqual([
      'WO-20261124-L1-1 line1 WATER-1000', 'WO-20261124-L1-2 line1 COLA-500', 'WO-20261124-L1-3 line1 WATER-1000',
      'WO-20261124-L2-1 line2 COLA-500', 'WO-20261124-L2-2 line2 WATER-1000', 'WO-20261124-L2-3 line2 COLA-500',
    ]);
  });

  it('drops the orders as CSV into the inbox when PostgreSQL is not used, once a day', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-demo-erp-'));
    expect(await prepareDemoErp(dir, NOW, { CAUSEWAY_DEMO_ERP: 'folder' })).toEqual({ kind: 'folder' });
    expect(await prepareDemoErp(dir, NOW, { CAUSEWAY_DEMO_ERP: 'folder' })).toEqual({ kind: 'folder' });
    const inbox = join(dir, DEMO_ERP_INBOX);
    expect(readdirSync(inbox)).toEqual(['demo-orders-2026-11-24.csv']);
    const rows = csvRecords(readFileSync(join(inbox, 'demo-orders-2026-11-24.csv'), 'utf8'), 'x');
    expect(rows).toHaveLength(6);
    expect(rows[0]!.raw).toMatchObject({ order_id: 'WO-20261124-L1-1', product: 'WATER-1000', quantity: '20000', line: 'line1' });
  });

  it('reads the staging table when PostgreSQL answered, and dispatches the product speed to the filler', () => {
    const staged = demoProduction({ kind: 'staging', connectionString: 'postgres://db/erp' });
    expect(staged.erp?.staging).toMatchObject({ table: 'causeway_demo_erp.work_orders', confirmTable: 'causeway_demo_erp.production_confirmations' });
    expect(staged.confirmations?.targets.map((t) => t.kind)).toEqual(['folder', 'staging']);
    expect(staged.lines[0]!.dispatch).toEqual({ speed: 'filler/speed_setpoint' });
    const folder = demoProduction({ kind: 'folder' });
    expect(folder.erp?.staging).toBeUndefined();
    expect(folder.confirmations?.targets.map((t) => t.kind)).toEqual(['folder']);
    expect(folder.lines[0]!.dispatch).toEqual({ speed: 'filler/speed_setpoint' });
  });
});
