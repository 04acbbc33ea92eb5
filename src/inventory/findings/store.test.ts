import { afterEach, describe, expect, it } from 'vitest';
import type { CausewayError } from '../../core/errors.js';
import type { RiskScore } from '../exposure.js';
import type { Finding } from '../types.js';
import { FindingStore, type RankedMatch } from './store.js';

const HOUR = 3_600_000;
const risk = (score: number, priority: RiskScore['priority']): RiskScore => ({ score, priority, reasons: [`CVSS base score ${score}.`] });
const finding = (assetId: string, cve: string, verdict: Finding['verdict'] = 'affected'): Finding => ({
  assetId, advisoryId: 'ICSA-23-005-01', cve, productId: 'CSAFPID-0001', verdict, reasons: [`${assetId} runs Intuition 9 firmware 4.10, within "< 4.21".`], remediations: [],
});
const ranked = (f: Finding, score: number, priority: RiskScore['priority']): RankedMatch => ({ finding: f, risk: risk(score, priority), exposure: ['Zone cell has no conduit path to an IT zone.'] });

let store: FindingStore | undefined;
afterEach(() => store?.close());

describe('findings: reconcile and workflow', () => {
  it('opens new findings ranked by score, and keeps the match and the risk reasons', () => {
    store = FindingStore.open(':memory:');
    const written = store.reconcile(new Set(['plc1', 'plc2']), [ranked(finding('plc1', 'CVE-1'), 7.5, 'P2'), ranked(finding('plc2', 'CVE-2'), 9.1, 'P1')], 1000);
    expect(written.map((w) => [w.action, w.to])).toEqual([['found', 'open'], ['found', 'open']]);
    const { total, items } = store.list({ limit: 10 });
    expect(total).toBe(2);
    expect(items.map((f) => [f.assetId, f.priority, f.state])).toEqual([['plc2', 'P1', 'open'], ['plc1', 'P2', 'open']]);
    expect(items[1]).toMatchObject({ riskReasons: ['CVSS base score 7.5.'], exposure: ['Zone cell has no conduit path to an IT zone.'], firstSeen: 1000 });
    expect(store.openByPriority()).toEqual({ P1: 1, P2: 1, P3: 0, P4: 0 });
  });

  it('fixes a finding when its asset no longer matches, and reopens it when it matches again', () => {
    store = FindingStore.open(':memory:');
    const f = finding('plc1', 'CVE-1');
    store.reconcile(new Set(['plc1']), [ranked(f, 7.5, 'P2')], 1000);
    // The firmware changed: the re-match of plc1 finds nothing.
    const fixed = store.reconcile(new Set(['plc1']), [], 2000);
    expect(fixed.map((w) => [w.action, w.from, w.to])).toEqual([['fixed', 'open', 'fixed']]);
    // A re-match of other assets leaves plc1's findings alone.
    expect(store.reconcile(new Set(['plc2']), [], 2500)).toEqual([]);
    const again = store.reconcile(new Set(['plc1']), [ranked(f, 7.5, 'P2')], 3000);
    expect(again.map((w) => [w.action, w.from, w.to])).toEqual([['rematched', 'fixed', 'open']]);
    const id = again[0]!.finding;
    expect(store.history(id).map((h) => h.action)).toEqual(['found', 'fixed', 'rematched']);
  });

  it('mitigates, accepts with an expiry that reopens it, and refuses steps the workflow does not allow', () => {
    store = FindingStore.open(':memory:');
    const [w] = store.reconcile(new Set(['plc1']), [ranked(finding('plc1', 'CVE-1'), 7.5, 'P2')], 0);
    const id = w!.finding;
    const refused = (fn: () => unknown) => { try { fn(); } catch (e) { return (e as CausewayError).code; } return undefined; };
    expect(refused(() => store!.act(id, { action: 'reopen', comment: 'x' }, 'ana', 10))).toBe('CW_INVENTORY_FINDING_STATE');
    expect(refused(() => store!.act(id, { action: 'accept', comment: 'x', until: 5 }, 'ana', 10))).toBe('CW_INVENTORY_FINDING_STATE');
    expect(refused(() => store!.act(id, { action: 'accept', comment: 'x', until: 400 * 24 * HOUR }, 'ana', 10))).toBe('CW_INVENTORY_FINDING_STATE');
    expect(refused(() => store!.act('nope', { action: 'comment', comment: 'x' }, 'ana', 10))).toBe('CW_INVENTORY_FINDING_NOT_FOUND');

    store.act(id, { action: 'assign', owner: 'ot-security' }, 'ana', 20);
    const accepted = store.act(id, { action: 'accept', comment: 'Cell is air-gapped until the March shutdown.', until: 10 * HOUR }, 'ana', 30);
    expect(accepted.finding).toMatchObject({ state: 'accepted', acceptedUntil: 10 * HOUR, owner: 'ot-security' });
    expect(store.openByPriority()).toEqual({ P1: 0, P2: 0, P3: 0, P4: 0 });
    // Before the expiry, a re-match leaves it accepted; after it, the finding is open again.
    expect(store.reconcile(new Set(['plc1']), [ranked(finding('plc1', 'CVE-1'), 7.5, 'P2')], 5 * HOUR)).toEqual([]);
    const expired = store.reconcile(new Set(), [], 11 * HOUR);
    expect(expired.map((e) => [e.action, e.from, e.to])).toEqual([['expired', 'accepted', 'open']]);
    store.act(id, { action: 'mitigate', comment: 'Firewall rule 42 blocks port 502 from the office.' }, 'ben', 12 * HOUR);
    expect(store.get(id)).toMatchObject({ state: 'mitigated', owner: 'ot-security' });
    expect(store.history(id).map((h) => [h.action, h.user ?? null])).toEqual([
      ['found', null], ['assign', 'ana'], ['accept', 'ana'], ['expired', null], ['mitigate', 'ben'],
    ]);
  });

  it('filters by state, priority and the assets a caller may see, with paging', () => {
    store = FindingStore.open(':memory:');
    const matches = Array.from({ length: 5 }, (_, i) => ranked(finding(`a${i}`, `CVE-${i}`), 3 + i, i >= 3 ? 'P2' : 'P3'));
    store.reconcile(new Set(matches.map((m) => m.finding.assetId)), matches, 0);
    expect(store.list({ priority: 'P2', limit: 10 }).items.map((f) => f.assetId)).toEqual(['a4', 'a3']);
    expect(store.list({ assets: new Set(['a0', 'a1']), limit: 10 }).total).toBe(2);
    const page = store.list({ limit: 2, offset: 2 });
    expect([page.total, page.items.map((f) => f.assetId)]).toEqual([5, ['a2', 'a1']]);
    expect(store.list({ states: ['fixed'], limit: 10 }).total).toBe(0);
  });
});
