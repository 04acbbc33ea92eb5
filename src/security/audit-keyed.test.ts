/**
 * The keyed audit chain against someone who can rewrite hub-state.sqlite but does not hold the
 * audit key: an edit with the old hash chain recomputed, records cut from the end, the keyed chain
 * removed, a forged checkpoint; and the migration of a log written before the key.
 */
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson, recordHash } from './audit.js';
import { CHECKPOINT_FILE, defaultCheckpointDir } from './audit-checkpoints.js';
import { AUDIT_KEY_FILE, policyOf, Security } from './index.js';
import { getSetting, openStateDb, setSetting } from './store.js';
import { recomputeOldChain } from './__fixtures__/tamper.js';
import { tempSecurity, type TempSecurity } from './__fixtures__/temp-security.js';

let t: TempSecurity;
afterEach(() => t?.cleanup());

function fill(n: number): void {
  for (let i = 1; i <= n; i++) {
    t.clock.now += 1000;
    t.security.audit.append({ actor: `user${i}`, address: '10.0.0.9', action: i % 2 ? 'login' : 'write.request', target: `acme/x${i}`, outcome: 'success', detail: { n: i } });
  }
}

/** The hub as it runs: a Security exporting checkpoints to the default folder. */
function reopenExporting(): void {
  t.security.close();
  t.security = Security.open({ dataDir: t.dir, now: () => t.clock.now, policy: policyOf(undefined), audit: { export: true, checkpointIntervalMs: 3_600_000 } });
}

describe('the keyed audit chain', () => {
  it('finds a record edited with the old hash chain recomputed (which the unkeyed chain called intact)', () => {
    t = tempSecurity();
    fill(6);
    t.security.db.prepare("UPDATE audit SET actor = 'mallory', outcome = 'failure' WHERE seq = 3").run();
    recomputeOldChain(t.security.db, 3);
    expect(t.security.audit.verify()).toMatchObject({ ok: false, seq: 3, count: 2, problem: expect.stringContaining('its MAC does not match') });
  });

  it('finds a record whose MAC was removed, and a log whose keyed chain was removed', () => {
    t = tempSecurity();
    fill(4);
    t.security.db.prepare('UPDATE audit SET mac = NULL WHERE seq = 4').run();
    expect(t.security.audit.verify()).toMatchObject({ ok: false, seq: 4, problem: expect.stringContaining('has no MAC') });
    t.security.db.prepare('UPDATE audit SET mac = NULL').run();
    setSetting(t.security.db, 'audit.anchor', undefined);
    expect(t.security.audit.verify()).toMatchObject({ ok: false, seq: 1, problem: expect.stringContaining('its anchor was removed') });
  });

  it('finds records cut from the end through the exported checkpoint, even with the head rewritten', () => {
    t = tempSecurity();
    reopenExporting();
    fill(8);
    t.security.close(); // the hub stops: a last checkpoint names record 8
    t.security = Security.open({ dataDir: t.dir, now: () => t.clock.now, policy: policyOf(undefined) });
    const lines = readFileSync(join(defaultCheckpointDir(t.dir), CHECKPOINT_FILE), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string; seq: number });
    expect(lines.map((l) => [l.kind, l.seq])).toEqual([['anchor', 1], ['checkpoint', 8]]);
    expect(t.security.audit.verify()).toMatchObject({ ok: true, count: 8, checkpoint: { seq: 8 }, warnings: [] });
    t.security.db.prepare('DELETE FROM audit WHERE seq >= 6').run();
    recomputeOldChain(t.security.db);
    expect(t.security.audit.verify()).toMatchObject({ ok: false, seq: 6, count: 5, problem: expect.stringContaining('records 6 to 8 were cut from the end') });
  });

  it('warns, without failing, when no checkpoint was exported', () => {
    t = tempSecurity();
    fill(2);
    expect(t.security.audit.verify()).toMatchObject({ ok: true, warnings: [expect.stringContaining('no exported checkpoint')] });
  });

  it('refuses a checkpoint line edited or written without the key', () => {
    t = tempSecurity();
    reopenExporting();
    fill(3);
    t.security.close();
    t.security = Security.open({ dataDir: t.dir, now: () => t.clock.now, policy: policyOf(undefined) });
    const file = join(defaultCheckpointDir(t.dir), CHECKPOINT_FILE);
    appendFileSync(file, `${JSON.stringify({ v: 1, kind: 'checkpoint', seq: 2, mac: 'f'.repeat(64), at: 1, keyId: 'x', sig: '0'.repeat(64) })}\n`);
    expect(t.security.audit.verify()).toMatchObject({ ok: false, problem: expect.stringMatching(/^line 3 of the exported checkpoints .*: its MAC does not match/) });
  });

  it('names a missing audit key instead of calling every record edited', () => {
    t = tempSecurity();
    fill(2);
    t.security.close();
    rmSync(join(t.dir, AUDIT_KEY_FILE));
    t.security = Security.open({ dataDir: t.dir, now: () => t.clock.now, policy: policyOf(undefined), audit: { readOnly: true } });
    expect(t.security.audit.verify()).toMatchObject({ ok: false, seq: 1, problem: expect.stringContaining('audit.key is missing or unreadable') });
    writeFileSync(join(t.dir, AUDIT_KEY_FILE), `${Buffer.alloc(32, 9).toString('base64')}\n`);
    t.security.close();
    t.security = Security.open({ dataDir: t.dir, now: () => t.clock.now, policy: policyOf(undefined), audit: { readOnly: true } });
    expect(t.security.audit.verify()).toMatchObject({ ok: false, seq: 1, problem: expect.stringContaining('its MAC does not match') });
  });
});

describe('a log written before the keyed chain', () => {
  /** A data directory as the previous version left it: hash-chained records, no key, no anchor. */
  function legacyDir(n: number): string {
    t = tempSecurity();
    t.security.close();
    rmSync(join(t.dir, AUDIT_KEY_FILE));
    const db = openStateDb(t.dir);
    setSetting(db, 'audit.anchor', undefined);
    let prev = '0'.repeat(64);
    for (let seq = 1; seq <= n; seq++) {
      const r = { seq, ts: 1_700_000_000_000 + seq, actor: 'old', action: 'login', outcome: 'success' as const, detail: { seq } };
      const hash = recordHash(prev, r);
      db.prepare('INSERT INTO audit (seq, ts, actor, action, outcome, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(seq, r.ts, r.actor, r.action, r.outcome, canonicalJson(r.detail), prev, hash);
      prev = hash;
    }
    setSetting(db, 'audit.head', `${n}:${prev}`);
    db.close();
    return prev;
  }

  it('stays readable: anchored by a keyed record naming the old head, old records verified with the hash chain', () => {
    const oldHead = legacyDir(3);
    t.security = Security.open({ dataDir: t.dir, now: () => t.clock.now, policy: policyOf(undefined) });
    const [anchor] = t.security.audit.query({ limit: 1 });
    expect(anchor).toMatchObject({ seq: 4, actor: 'system', action: 'audit.anchor', detail: { previousRecords: 3, previousHead: oldHead, previousChain: 'intact' }, mac: expect.any(String) });
    fill(2);
    expect(t.security.audit.verify()).toMatchObject({ ok: true, count: 6, legacy: 3, keyedFrom: 4 });
    expect(getSetting(t.security.db, 'audit.anchor')).toBe('4');
    // An old record edited with the old chain recomputed: the anchor's link and MAC no longer hold.
    t.security.db.prepare("UPDATE audit SET actor = 'mallory' WHERE seq = 2").run();
    recomputeOldChain(t.security.db, 2);
    expect(t.security.audit.verify()).toMatchObject({ ok: false, seq: 4, problem: expect.stringContaining('its MAC does not match') });
  });

  it('records in the anchor that the old chain was already broken', () => {
    legacyDir(3);
    const db = openStateDb(t.dir);
    db.prepare("UPDATE audit SET actor = 'x' WHERE seq = 2").run();
    db.close();
    t.security = Security.open({ dataDir: t.dir, now: () => t.clock.now, policy: policyOf(undefined) });
    expect(t.security.audit.query({ limit: 1 })[0]!.detail).toMatchObject({ previousChain: expect.stringContaining('broken at record 2') });
    expect(t.security.audit.verify()).toMatchObject({ ok: false, seq: 2 });
  });
});
