import { afterEach, describe, expect, it } from 'vitest';
import { CausewayError } from '../core/errors.js';
import type { Value } from '../core/sample.js';
import type { ConduitRule } from '../core/zones.js';
import { WriteGate, type Requester, type WritePlant } from './write-gate.js';
import type { WriteAttribute } from './write-steps.js';
import { tempSecurity, type TempSecurity } from './__fixtures__/temp-security.js';

let t: TempSecurity;
afterEach(() => t?.cleanup());

const SP = 'acme/line1/filler/speed_sp';
const attrs: Record<string, WriteAttribute> = {
  [SP]: { path: SP, type: 'number', valueType: 'number', writable: true, min: 0, max: 900, boundTo: 'plc1/speed_sp' },
  'acme/line1/filler/speed': { path: 'acme/line1/filler/speed', type: 'number', valueType: 'number', writable: false, boundTo: 'plc1/speed' },
  'acme/line2/capper/torque_sp': { path: 'acme/line2/capper/torque_sp', type: 'number', valueType: 'number', writable: true, boundTo: 'plc2/torque_sp' },
  'acme/line1/oee': { path: 'acme/line1/oee', type: 'number', valueType: 'number', writable: true, calc: 'a / b' },
};

/** A plant whose device takes writes (raw = value / 0.5) and echoes them into the live values. */
function fakePlant(clock: { now: number }, opts: { failWrite?: boolean; ignore?: boolean } = {}) {
  const live = new Map<string, { value: Value; ts: number }>([[SP, { value: 600, ts: clock.now - 1000 }]]);
  const written: Array<[string, Value]> = [];
  const plant: WritePlant = {
    attribute: (p) => attrs[p],
    source: (id) => (id === 'plc1' || id === 'plc2' ? {
      zone: id === 'plc1' ? 'line1-ot' : 'line2-ot', kind: 'simulator', canWrite: true, state: 'connected',
      async write(tag, value) {
        if (opts.failWrite) throw new CausewayError('CW_SOURCE_WRITE_REJECTED', { source: id, tag, reason: 'the device said no' });
        written.push([tag, value]);
        if (!opts.ignore) live.set(SP, { value: (value as number) * 0.5, ts: clock.now });
      },
    } : undefined),
    transforms: () => [{ stage: 'normalize', scale: 0.5, offset: 0 }],
    live: (p) => live.get(p),
  };
  return { plant, written, live };
}

const who = (name: string, role: 'operator' | 'ot-engineer' | 'viewer', zones?: string[]): Requester => ({ id: `id-${name}`, name, subject: { grants: [{ role, ...(zones ? { zones } : {}) }] }, address: '10.0.0.7' });
const op = who('olga', 'operator');
const eng = who('ed', 'ot-engineer');

interface GateOptions { failWrite?: boolean; ignore?: boolean; perMinute?: number; requestsPerMinute?: number; allow?: Array<'commands' | 'orders'>; extra?: ConduitRule[]; active?: (id: string) => boolean }

function gate(approval: boolean, o: GateOptions = {}) {
  t = tempSecurity({ writes: { approvalTimeout: '5m', perMinute: o.perMinute ?? 10, verifyTimeout: '200ms', ...(o.requestsPerMinute ? { requestsPerMinute: o.requestsPerMinute } : {}) } });
  const fake = fakePlant(t.clock, o);
  const conduits: ConduitRule[] = [{ from: 'ops', to: 'line1-ot', allow: o.allow ?? ['commands' as const], ...(approval ? { require: { approval: true } } : {}) }, ...(o.extra ?? [])];
  // The read-back polls; the fake clock moves with each wait.
  const clock = t.clock;
  const sleep = async (ms: number) => void (clock.now += ms);
  const g = new WriteGate({ pending: t.security.pending, audit: t.security.audit, plant: fake.plant, conduits, hubZone: 'ops', policy: t.security.policy.writes, now: () => clock.now, sleep, ...(o.active ? { active: o.active } : {}) });
  return { g, ...fake };
}

async function refusal(p: Promise<unknown>): Promise<{ code: string; step: unknown }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CausewayError) return { code: e.code, step: (e.params as Record<string, unknown>).step };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('the write gate', () => {
  it('writes the raw value, reads it back and records old and new value', async () => {
    const { g, written } = gate(false);
    const w = await g.request(op, { path: SP, value: 650, reason: 'new SKU' });
    expect(w).toMatchObject({ state: 'done', value: 650, requester: { name: 'olga' }, outcome: { oldValue: 600, newValue: 650, verified: true } });
    expect(written).toEqual([['speed_sp', 1300]]);
    const trail = t.security.audit.query({ limit: 10 }).reverse().map((r) => [r.action, r.outcome, r.actor]);
    expect(trail).toEqual([['write.request', 'success', 'olga'], ['write.dispatch', 'pending', 'olga'], ['write.execute', 'success', 'olga']]);
    expect(t.security.audit.query({ action: 'write.execute', limit: 1 })[0]).toMatchObject({ address: '10.0.0.7', target: SP, detail: { oldValue: 600, newValue: 650, requester: 'olga' } });
  });

  it.each([
    ['permission', who('vic', 'viewer'), SP, 650, 'CW_WRITE_FORBIDDEN'],
    ['permission', who('zed', 'operator', ['line2-ot']), SP, 650, 'CW_WRITE_FORBIDDEN'],
    ['target', op, 'acme/nothing', 1, 'CW_WRITE_TARGET'],
    ['target', op, 'acme/line1/oee', 1, 'CW_WRITE_TARGET'],
    ['conduit', op, 'acme/line2/capper/torque_sp', 5, 'CW_WRITE_NO_CONDUIT'],
    ['limits', op, 'acme/line1/filler/speed', 5, 'CW_WRITE_NOT_WRITABLE'],
    ['limits', op, SP, 901, 'CW_WRITE_OUT_OF_LIMITS'],
    ['limits', op, SP, '650', 'CW_WRITE_BAD_VALUE'],
  ] as const)('refuses at the %s step (%s → %s = %j)', async (step, requester, path, value, code) => {
    const { g, written } = gate(false);
    expect(await refusal(g.request(requester, { path, value }))).toEqual({ code, step });
    expect(written).toEqual([]);
    expect(t.security.audit.query({ limit: 1 })[0]).toMatchObject({ action: 'write.request', outcome: 'refused', detail: { step, code } });
  });

  it('waits for a second person when the conduit requires approval', async () => {
    const { g, written } = gate(true);
    const w = await g.request(op, { path: SP, value: 700 });
    expect(w).toMatchObject({ state: 'pending', expiresAt: t.clock.now + 5 * 60_000 });
    expect(written).toEqual([]);
    expect(await refusal(g.approve(op, w.id))).toEqual({ code: 'CW_WRITE_APPROVAL_REFUSED', step: 'approval' });
    expect(await refusal(g.approve(who('otto', 'operator'), w.id))).toEqual({ code: 'CW_WRITE_APPROVAL_REFUSED', step: 'approval' });
    const done = await g.approve(eng, w.id);
    expect(done).toMatchObject({ state: 'done', approver: { name: 'ed' }, outcome: { oldValue: 600, newValue: 700, requester: 'olga', approver: 'ed' } });
    expect(written).toEqual([['speed_sp', 1400]]);
    expect(await refusal(g.approve(eng, w.id))).toEqual({ code: 'CW_WRITE_NOT_PENDING', step: 'approval' });
    const actions = t.security.audit.query({ action: 'write', limit: 20 }).reverse().map((r) => `${r.action}:${r.outcome}:${r.actor}`);
    expect(actions).toEqual(['write.request:pending:olga', 'write.approve:refused:olga', 'write.approve:refused:otto', 'write.approve:success:ed', 'write.dispatch:pending:ed', 'write.execute:success:ed', 'write.approve:refused:ed']);
  });

  it('lets the approval time run out', async () => {
    const { g } = gate(true);
    const w = await g.request(op, { path: SP, value: 700 });
    t.clock.now += 5 * 60_000;
    expect(await refusal(g.approve(eng, w.id))).toEqual({ code: 'CW_WRITE_NOT_PENDING', step: 'approval' });
    expect(g.get(w.id)?.state).toBe('expired');
    expect(t.security.audit.query({ action: 'write.expire', limit: 1 })[0]).toMatchObject({ actor: 'system', target: SP });
  });

  it('lets an approver deny and the requester withdraw', async () => {
    const { g, written } = gate(true);
    const a = await g.request(op, { path: SP, value: 700 });
    expect(g.deny(eng, a.id, 'not during the run')).toMatchObject({ state: 'denied', approver: { name: 'ed' } });
    const b = await g.request(op, { path: SP, value: 710 });
    expect(() => g.deny(who('otto', 'operator'), b.id)).toThrow(/may not approve/);
    expect(g.deny(op, b.id)).toMatchObject({ state: 'denied' });
    expect(written).toEqual([]);
  });

  it('refuses at the rate step after the per-minute budget', async () => {
    const { g } = gate(false, { perMinute: 2 });
    await g.request(op, { path: SP, value: 610 });
    await g.request(op, { path: SP, value: 620 });
    expect(await refusal(g.request(op, { path: SP, value: 630 }))).toEqual({ code: 'CW_WRITE_RATE_LIMITED', step: 'rate' });
    t.clock.now += 30_000;
    expect((await g.request(op, { path: SP, value: 640 })).state).toBe('done');
  });

  it('names the source and verify steps when the device refuses or ignores the value', async () => {
    const failing = gate(false, { failWrite: true });
    expect(await refusal(failing.g.request(op, { path: SP, value: 650 }))).toEqual({ code: 'CW_WRITE_SOURCE_FAILED', step: 'source' });
    t.cleanup();
    const ignoring = gate(false, { ignore: true });
    expect(await refusal(ignoring.g.request(op, { path: SP, value: 650 }))).toEqual({ code: 'CW_WRITE_NOT_VERIFIED', step: 'verify' });
    expect(ignoring.g.list({ limit: 1 })[0]).toMatchObject({ state: 'failed', outcome: { step: 'verify', code: 'CW_WRITE_NOT_VERIFIED', oldValue: 600 } });
  });

  it('takes work-order setpoints on the orders flow only where a conduit allows orders', async () => {
    const { g, written } = gate(false, { allow: ['orders'] });
    expect(await refusal(g.request(op, { path: SP, value: 650 }))).toEqual({ code: 'CW_WRITE_NO_CONDUIT', step: 'conduit' });
    expect(await g.request(op, { path: SP, value: 650, flow: 'orders', reason: 'start work order WO-1' })).toMatchObject({ state: 'done' });
    expect(written).toEqual([['speed_sp', 1300]]);
    expect(t.security.audit.query({ action: 'write.request', limit: 1 })[0]).toMatchObject({ outcome: 'success', detail: { flow: 'orders', reason: 'start work order WO-1' } });
  });

  it('refuses at the audit step when the audit log cannot record, and nothing goes down', async () => {
    const { g, written } = gate(false);
    t.security.db.exec("CREATE TRIGGER full BEFORE INSERT ON audit BEGIN SELECT RAISE(FAIL, 'disk full'); END");
    expect(await refusal(g.request(op, { path: SP, value: 650 }))).toEqual({ code: 'CW_WRITE_AUDIT_UNAVAILABLE', step: 'audit' });
    expect(written).toEqual([]);
  });

  // The pen test's values: each was coerced to a number by the API's schema and accepted for a numeric setpoint.
  it.each([
    ['null', null], ['false', false], ['true', true], ['[null]', [null]], ['"0x10"', '0x10'], ['[600]', [600]], ['{}', {}], ['"600"', '600'], ['NaN', Number.NaN], ['Infinity', Number.POSITIVE_INFINITY],
  ] as const)('refuses %s for a numeric setpoint with CW_WRITE_BAD_VALUE, before anything is pending or written', async (_label, value) => {
    const { g, written } = gate(true);
    expect(await refusal(g.request(op, { path: SP, value }))).toEqual({ code: 'CW_WRITE_BAD_VALUE', step: 'limits' });
    expect(written).toEqual([]);
    expect(g.list({ limit: 10 })).toEqual([]);
  });

  it('holds a work order\'s setpoint for approval when the conduit of operators\' commands into the zone requires it', async () => {
    // An orders conduit without approval beside a commands conduit with it: the pen test's road around the two-person rule.
    const { g, written } = gate(true, { extra: [{ from: 'ops', to: 'line1-ot', allow: ['orders'] }] });
    const w = await g.request(op, { path: SP, value: 650, flow: 'orders', reason: 'start work order WO-1' });
    expect(w.state).toBe('pending');
    expect(written).toEqual([]);
    expect((await g.approve(eng, w.id)).state).toBe('done');
    expect(written).toEqual([['speed_sp', 1300]]);
  });

  it('cancels a pending write when its requester is disabled, audited, and never carries it out', async () => {
    const disabled = new Set<string>();
    const { g, written } = gate(true, { active: (id) => !disabled.has(id) });
    const settled: string[] = [];
    g.onSettled((x) => settled.push(`${x.id}:${x.state}`));
    const w = await g.request(op, { path: SP, value: 700 });
    disabled.add(op.id);
    expect(await refusal(g.approve(eng, w.id))).toEqual({ code: 'CW_WRITE_REQUESTER_DISABLED', step: 'approval' });
    expect(written).toEqual([]);
    expect(g.get(w.id)).toMatchObject({ state: 'cancelled', outcome: { reason: 'requester disabled', by: 'system' } });
    expect(t.security.audit.query({ action: 'write.cancel', limit: 1 })[0]).toMatchObject({ actor: 'system', target: SP, outcome: 'success', detail: { writeId: w.id, requester: 'olga', reason: 'requester disabled' } });
    expect(settled).toEqual([`${w.id}:cancelled`]);
  });

  it('limits write requests per account, refused ones included, with the seconds to wait', async () => {
    const { g } = gate(false, { requestsPerMinute: 3, perMinute: 100 });
    await g.request(op, { path: SP, value: 610 });
    await refusal(g.request(op, { path: SP, value: null }));
    await refusal(g.request(op, { path: 'acme/nothing', value: 1 }));
    let err: unknown;
    await g.request(op, { path: SP, value: 620 }).catch((e: unknown) => void (err = e));
    expect(err).toMatchObject({ code: 'CW_WRITE_TOO_MANY_REQUESTS', retryAfterSeconds: 20 });
    // Another account has its own budget; after the wait the first may write again.
    expect((await g.request(eng, { path: SP, value: 630 })).state).toBe('done');
    t.clock.now += 20_000;
    expect((await g.request(op, { path: SP, value: 640 })).state).toBe('done');
  });
});
