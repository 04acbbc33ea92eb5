import { afterEach, describe, expect, it } from 'vitest';
import { isCausewayError } from '../core/errors.js';
import { canonicalJson } from './audit.js';
import { tempSecurity, type TempSecurity } from './__fixtures__/temp-security.js';

let t: TempSecurity;
afterEach(() => t?.cleanup());

function fill(n: number): void {
  for (let i = 1; i <= n; i++) {
    t.clock.now += 1000;
    t.security.audit.append({ actor: `user${i}`, address: '10.0.0.9', action: i % 2 ? 'login' : 'write.request', target: `acme/x${i}`, outcome: 'success', detail: { n: i, nested: { b: 2, a: 1 } } });
  }
}

describe('the audit chain', () => {
  it('writes canonical JSON with sorted keys', () => {
    expect(canonicalJson({ b: 1, a: [{ d: true, c: null }], e: undefined })).toBe('{"a":[{"c":null,"d":true}],"b":1}');
  });

  it('appends linked records and verifies them', () => {
    t = tempSecurity();
    fill(5);
    const newest = t.security.audit.query({ limit: 2 });
    expect(newest.map((r) => r.seq)).toEqual([5, 4]);
    expect(newest[1]!.hash).toBe(newest[0]!.prevHash);
    expect(newest[0]).toMatchObject({ actor: 'user5', address: '10.0.0.9', action: 'login', target: 'acme/x5', outcome: 'success', detail: { n: 5, nested: { a: 1, b: 2 } } });
    expect(newest[0]!.mac).toMatch(/^[0-9a-f]{64}$/);
    expect(t.security.audit.verify()).toMatchObject({ ok: true, count: 5, head: { seq: 5, hash: newest[0]!.hash }, legacy: 0, keyedFrom: 1 });
  });

  it('filters by actor, action family and time, and pages backwards', () => {
    t = tempSecurity();
    const start = t.clock.now;
    fill(6);
    expect(t.security.audit.query({ action: 'write', limit: 10 }).map((r) => r.seq)).toEqual([6, 4, 2]);
    expect(t.security.audit.query({ actor: 'user3', limit: 10 }).map((r) => r.seq)).toEqual([3]);
    expect(t.security.audit.query({ from: start + 2500, to: start + 4500, limit: 10 }).map((r) => r.seq)).toEqual([4, 3]);
    expect(t.security.audit.query({ before: 3, limit: 10 }).map((r) => r.seq)).toEqual([2, 1]);
  });

  it.each([
    ['an edited outcome', "UPDATE audit SET outcome = 'failure' WHERE seq = 3", 3, 'was edited'],
    ['an edited detail', "UPDATE audit SET detail = '{\"n\":99}' WHERE seq = 2", 2, 'was edited'],
    ['a recomputed hash', "UPDATE audit SET actor = 'mallory', hash = 'ab' WHERE seq = 2", 2, 'was edited'],
    ['a deleted record', 'DELETE FROM audit WHERE seq = 3', 3, 'missing (deleted)'],
    ['deleted records at the end', 'DELETE FROM audit WHERE seq >= 4', 4, 'records at the end were deleted'],
  ])('detects %s and names the record', (_what, sql, seq, problem) => {
    t = tempSecurity();
    fill(5);
    t.security.db.exec(sql);
    const v = t.security.audit.verify();
    expect(v.ok).toBe(false);
    expect(v).toMatchObject({ seq });
    expect((v as { problem: string }).problem).toContain(problem);
  });

  it('detects a record rewritten with a matching hash by its broken link', () => {
    t = tempSecurity();
    fill(3);
    const r = t.security.db.prepare('SELECT * FROM audit WHERE seq = 2').get() as { prev_hash: string };
    t.security.db.prepare("UPDATE audit SET prev_hash = ? WHERE seq = 2").run('f'.repeat(64));
    expect(r.prev_hash).not.toBe('f'.repeat(64));
    expect(t.security.audit.verify()).toMatchObject({ ok: false, seq: 2 });
  });

  it('raises the alarm and throws when the store cannot record, and clears it when it can again', () => {
    const health: Array<string | undefined> = [];
    t = tempSecurity(undefined, (f) => health.push(f));
    fill(1);
    t.security.db.exec("CREATE TRIGGER full BEFORE INSERT ON audit BEGIN SELECT RAISE(FAIL, 'disk full'); END");
    let thrown: unknown;
    try {
      t.security.audit.append({ actor: 'a', action: 'login', outcome: 'success' });
    } catch (e) {
      thrown = e;
    }
    expect(isCausewayError(thrown, 'CW_AUDIT_WRITE_FAILED')).toBe(true);
    expect(t.security.audit.failure).toContain('disk full');
    t.security.db.exec('DROP TRIGGER full');
    t.security.audit.append({ actor: 'a', action: 'login', outcome: 'success' });
    expect(health).toEqual([expect.stringContaining('disk full'), undefined]);
    expect(t.security.audit.verify()).toMatchObject({ ok: true, count: 2 });
  });
});
