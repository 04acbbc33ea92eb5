/**
 * Security in the demo plant, end to end over the API: the demo makes its admin, operator,
 * approver and auditor with passwords shown once (never logged); an operator's write of line 1's
 * filler speed setpoint waits for a second person, the approver's approval writes it to the OPC UA
 * server (devices in-process, as in the browser tests) and the new value comes back through the
 * namespace; the audit log holds request, approval, dispatch and outcome, and its chain verifies.
 * Then the `--simulated` plant: the same setpoint on its simulator, written with the banner's own
 * curl lines; no commands into Utilities, where no conduit allows them; the demo ERP's orders, and
 * an order's start, whose speed write waits for the approver like any other.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_WRITE_PATH, demoBanner, startDemo, type DemoOptions, type RunningDemo } from '../src/cli/demo.js';
import { COMPRESSOR_PATH } from '../src/demo/config.js';
import { demoOrders } from '../src/demo/production.js';
import { asSession, call, signIn, type Session } from '../src/test-support/http.js';

const SP = DEMO_WRITE_PATH;
const WAIT_MS = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Poll until `ok` holds, at most `ms`; returns the last value either way (the assertion follows). */
async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, ms = WAIT_MS): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what().catch(() => undefined as T);
    if ((v !== undefined && ok(v)) || Date.now() > end) return v;
    await sleep(200);
  }
}

/** Start the demo without CAUSEWAY_ADMIN_PASSWORD, so every password is generated. */
async function start(o: Omit<DemoOptions, 'seed' | 'port'>): Promise<RunningDemo> {
  const saved = process.env.CAUSEWAY_ADMIN_PASSWORD;
  delete process.env.CAUSEWAY_ADMIN_PASSWORD;
  try {
    return await startDemo({ seed: 42, port: 0, ...o });
  } finally {
    if (saved !== undefined) process.env.CAUSEWAY_ADMIN_PASSWORD = saved;
  }
}

/** The current value of one attribute, read as `s`. */
async function valueOf(s: Session, base: string, path: string): Promise<unknown> {
  const r = await asSession(s, base)(`/api/v1/values?path=${path}`);
  return (r.body.values as Array<{ path: string; value: unknown }> | undefined)?.find((v) => v.path === path)?.value;
}

interface AuditRecord { action: string; outcome: string; actor: string; target?: string; detail?: Record<string, unknown> }

describe('the demo plant: its accounts and a two-person write to the OPC UA filler', () => {
  const logs: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(line) });
  let dataDir: string;
  let demo: RunningDemo;
  let password: Record<string, string>;
  let op: Session;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'causeway-demo-security-'));
    demo = await start({ dataDir, logger, mode: 'in-process' });
    password = Object.fromEntries(demo.accounts.map((a) => [a.username, a.password]));
    op = await signIn(demo.url, 'operator', password.operator!);
    await until(() => valueOf(op, demo.url, SP), (v) => typeof v === 'number');
  }, 120_000);

  afterAll(async () => {
    await demo?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('makes admin, operator, approver and auditor with generated passwords, printed once in the banner', async () => {
    expect(demo.accounts.map((a) => [a.username, a.role])).toEqual([['admin', 'admin'], ['operator', 'operator'], ['approver', 'ot-engineer'], ['auditor', 'auditor']]);
    for (const a of demo.accounts) expect(a.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const banner = demoBanner(demo.url, demo.devices(), undefined, { created: demo.accounts, dataDir });
    for (const a of demo.accounts) expect(banner).toContain(a.password);
    expect(banner).toContain('shown only this once');
    expect(banner).toContain(`${demo.url}/api/v1/login`);
    // A second start makes none and shows none; no setup token is needed.
    expect(await demo.hub.security.ensureDemoAccounts({})).toEqual([]);
    const later = demoBanner(demo.url, demo.devices(), undefined, { created: [], dataDir });
    for (const a of demo.accounts) expect(later).not.toContain(a.password);
    expect(later).toContain('--reset');
    expect((await call(`${demo.url}/api/v1/setup`)).body).toEqual({ open: false });
    expect((await call(`${demo.url}/api/v1/sources`)).status).toBe(401);
  });

  it('holds the operator\'s write for approval, lets only a second person approve it, and writes it to the OPC UA server', async () => {
    const before = (await valueOf(op, demo.url, SP)) as number;
    const target = before === 555 ? 565 : 555;
    const asked = await asSession(op, demo.url)('/api/v1/writes', 'POST', { path: SP, value: target, reason: 'end-to-end test' });
    expect(asked).toMatchObject({ status: 202, body: { state: 'pending', zone: 'packaging', value: target, requester: { name: 'operator' } } });
    const id = asked.body.id as string;
    // The operator holds no approve permission: not for their own request, not for any.
    expect(await asSession(op, demo.url)(`/api/v1/writes/${id}/approve`, 'POST')).toMatchObject({ status: 403, body: { code: 'CW_AUTH_FORBIDDEN' } });
    await sleep(1500);
    expect(await valueOf(op, demo.url, SP)).toBe(before);
    expect((await asSession(op, demo.url)(`/api/v1/writes/${id}`)).body.state).toBe('pending');

    const ap = await signIn(demo.url, 'approver', password.approver!);
    const done = await asSession(ap, demo.url)(`/api/v1/writes/${id}/approve`, 'POST');
    expect(done).toMatchObject({ status: 200, body: { state: 'done', approver: { name: 'approver' }, outcome: { oldValue: before, newValue: target, verified: true, requester: 'operator', approver: 'approver' } } });
    // Read back from the server's subscription, through the namespace.
    expect(await valueOf(op, demo.url, SP)).toBe(target);

    // An approver cannot approve their own request either.
    const own = await asSession(ap, demo.url)('/api/v1/writes', 'POST', { path: SP, value: before });
    expect(await asSession(ap, demo.url)(`/api/v1/writes/${own.body.id}/approve`, 'POST')).toMatchObject({ status: 403, body: { code: 'CW_WRITE_APPROVAL_REFUSED', step: 'approval' } });
    expect((await asSession(ap, demo.url)(`/api/v1/writes/${own.body.id}/deny`, 'POST', { reason: 'withdrawn' })).body.state).toBe('denied');

    const au = await signIn(demo.url, 'auditor', password.auditor!);
    const records = (await asSession(au, demo.url)('/api/v1/audit?action=write&limit=50')).body.records as AuditRecord[];
    const trail = records.filter((r) => r.detail?.writeId === id).reverse();
    expect(trail.map((r) => `${r.action} ${r.outcome} ${r.actor}`)).toEqual(['write.request pending operator', 'write.approve success approver', 'write.dispatch pending approver', 'write.execute success approver']);
    expect(trail[2]).toMatchObject({ target: SP, detail: { source: 'packaging-opcua', tag: 'line1_filler_speed_setpoint', oldValue: before, newValue: target } });
    expect(trail[3]).toMatchObject({ detail: { oldValue: before, newValue: target, verified: true, requester: 'operator', approver: 'approver' } });
    const denied = (await asSession(au, demo.url)('/api/v1/audit?action=access.denied&actor=operator')).body.records as AuditRecord[];
    expect(denied[0]).toMatchObject({ target: 'POST /api/v1/writes/:id/approve', outcome: 'refused' });
    expect((await asSession(au, demo.url)('/api/v1/audit/verify')).body).toMatchObject({ ok: true, recording: true });
  });

  it('refuses a setpoint outside the filler\'s range, and a write to a device that takes none, naming the step', async () => {
    const w = asSession(op, demo.url);
    expect((await w('/api/v1/writes', 'POST', { path: SP, value: 5000 })).body).toMatchObject({ status: 400, code: 'CW_WRITE_OUT_OF_LIMITS', step: 'limits' });
    expect((await w('/api/v1/writes', 'POST', { path: `${COMPRESSOR_PATH}/discharge_pressure`, value: 7 })).body).toMatchObject({ status: 404, code: 'CW_WRITE_TARGET', step: 'target' });
  });

  it('never writes a password to the log', () => {
    const log = logs.join('\n');
    expect(log).toContain('demo: created the accounts');
    for (const a of demo.accounts) expect(log).not.toContain(a.password);
  });
});

describe('the simulated demo plant (--simulated)', () => {
  let dataDir: string;
  let jarDir: string;
  let demo: RunningDemo;
  let op: Session;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'causeway-demo-simulated-'));
    jarDir = mkdtempSync(join(tmpdir(), 'causeway-demo-curl-'));
    demo = await start({ dataDir, logger: pino({ level: 'silent' }), simulated: true });
    op = await signIn(demo.url, 'operator', demo.accounts.find((a) => a.username === 'operator')!.password);
    await until(() => valueOf(op, demo.url, SP), (v) => typeof v === 'number');
  }, 60_000);

  afterAll(async () => {
    await demo?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(jarDir, { recursive: true, force: true });
  }, 60_000);

  it('carries out the banner\'s two-person write, curl line by curl line, on the line simulator', async () => {
    const banner = demoBanner(demo.url, [], undefined, { created: demo.accounts, dataDir }).split('\n').map((l) => l.trim());
    const line = (start: string) => {
      const found = banner.find((l) => l.startsWith(start));
      if (!found) throw new Error(`no banner line starts with ${start}:\n${banner.join('\n')}`);
      return found;
    };
    const before = (await valueOf(op, demo.url, SP)) as number;
    const script = [
      'set -eu',
      line('OP_CSRF=$(curl'),
      `${line('curl -s -b op.jar -H "x-csrf-token: $OP_CSRF"')} > asked.json`,
      `ID=$(grep -o '"id":"[^"]*' asked.json | head -1 | cut -d'"' -f4)`,
      line('AP_CSRF=$(curl'),
      'cat asked.json; echo',
      line('curl -s -b ap.jar').replace('<id>', '$ID'),
    ].join('\n');
    const { stdout } = await promisify(execFile)('bash', ['-c', script], { cwd: jarDir, timeout: 30_000 });
    const [asked, done] = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(asked).toMatchObject({ state: 'pending', path: SP, value: 550, requester: { name: 'operator' } });
    expect(done).toMatchObject({ id: asked!.id, state: 'done', approver: { name: 'approver' }, outcome: { oldValue: before, newValue: 550, verified: true } });
    expect(await valueOf(op, demo.url, SP)).toBe(550);
  });

  it('refuses a write into Utilities, where no conduit allows commands, with the catalogue error', async () => {
    const r = await asSession(op, demo.url)('/api/v1/writes', 'POST', { path: `${COMPRESSOR_PATH}/discharge_pressure`, value: 7 });
    expect(r.status).toBe(403);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body).toMatchObject({ code: 'CW_WRITE_NO_CONDUIT', step: 'conduit' });
    expect(r.body.title).toContain('no conduit lets commands go from zone site-ops into zone utilities');
  });

  it('has today\'s work orders from the demo ERP', async () => {
    const wanted = demoOrders(Date.now()).map((o) => o.order_id);
    const orders = await until(
      async () => ((await asSession(op, demo.url)('/api/v1/work-orders')).body.orders as Array<{ id: string }>).map((o) => o.id),
      (ids) => wanted.every((id) => ids.includes(id)),
      30_000,
    );
    expect(orders).toEqual(expect.arrayContaining(wanted));
  });
  it('holds a work order\'s speed setpoint for the approver too: the operator alone cannot change it by starting an order', async () => {
    const wanted = demoOrders(Date.now()).map((o) => o.order_id);
    const orders = await until(
      async () => (await asSession(op, demo.url)('/api/v1/work-orders?status=released')).body.orders as Array<{ id: string; line: string }>,
      (list) => list.some((o) => o.line === 'line1' && wanted.includes(o.id)),
      30_000,
    );
    const order = orders.find((o) => o.line === 'line1')!;
    const before = await valueOf(op, demo.url, SP);
    const started = await asSession(op, demo.url)(`/api/v1/work-orders/${order.id}/start`, 'POST');
    expect(started).toMatchObject({ status: 202, body: { status: 'released', dispatch: { state: 'awaiting-approval', requestedBy: 'operator' } } });
    const [writeId] = started.body.dispatch.writes as string[];
    const pending = (await asSession(op, demo.url)(`/api/v1/writes/${writeId}`)).body;
    expect(pending).toMatchObject({ state: 'pending', path: SP, reason: `start work order ${order.id}` });
    expect(before).not.toBe(pending.value);
    await sleep(1500);
    expect(await valueOf(op, demo.url, SP)).toBe(before);

    const ap = await signIn(demo.url, 'approver', demo.accounts.find((a) => a.username === 'approver')!.password);
    expect((await asSession(ap, demo.url)(`/api/v1/writes/${writeId}/approve`, 'POST')).body).toMatchObject({ state: 'done', outcome: { newValue: pending.value } });
    const running = await until(async () => (await asSession(op, demo.url)(`/api/v1/work-orders/${order.id}`)).body, (o) => o.status === 'running', 15_000);
    expect(running.status).toBe('running');
    expect(await valueOf(op, demo.url, SP)).toBe(pending.value);
  });
});
