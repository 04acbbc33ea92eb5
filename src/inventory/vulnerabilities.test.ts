import { afterEach, describe, expect, it } from 'vitest';
import type { ConduitRule } from '../core/zones.js';
import { FindingStore } from './findings/store.js';
import { DIGI } from './match/__fixtures__/advisories.js';
import { matchAll } from './match/index.js';
import { Vulnerabilities, type AssessedAsset } from './vulnerabilities.js';

const zones = [{ id: 'office', level: 4 }, { id: 'cell', level: 1 }, { id: 'island', level: 1 }];
const conduits: ConduitRule[] = [{ from: 'cell', to: 'office', allow: ['telemetry'] }, { from: 'office', to: 'cell', allow: ['commands'] }];

let store: FindingStore | undefined;
afterEach(() => store?.close());

function assessment(assets: AssessedAsset[], now: { t: number }) {
  store = FindingStore.open(':memory:');
  return new Vulnerabilities({
    site: 'Springfield', store, assets: () => assets, advisories: () => [DIGI], match: (adv, a) => matchAll([...adv], [...a]),
    zones: () => zones, conduits: () => conduits, now: () => now.t,
  });
}

describe('vulnerability assessment (ICSA-23-243-04 Digi RealPort, CVSS 9.0)', () => {
  it('ranks the same vulnerability by where each asset sits, with the reasons', () => {
    const assets: AssessedAsset[] = [
      { id: 'gw-cell', vendor: 'Digi International', product: 'Digi RealPort for Windows', version: '4.8.488.0', zone: 'cell', linkEncrypted: false },
      { id: 'gw-island', vendor: 'Digi International', product: 'Digi RealPort for Windows', version: '4.8.100.0', zone: 'island' },
      { id: 'ts-unknown', vendor: 'Digi International', product: 'Digi ConnectPort TS 8/16', zone: 'island' },
      { id: 'not-affected', vendor: 'Digi International', product: 'Digi 6350-SR', version: '1.0', zone: 'cell' },
    ];
    const v = assessment(assets, { t: 1000 });
    const run = v.rematch();
    expect(run).toMatchObject({ assets: 4, advisories: 1, findings: 3, changes: 3 });
    const items = v.store.list({ limit: 10 }).items;
    expect(items.map((f) => [f.assetId, f.verdict, f.score, f.priority])).toEqual([
      // 9.0 + 1.5 (commands from IT) + 0.5 (unencrypted) = 11 → 10
      ['gw-cell', 'affected', 10, 'P1'],
      // 9.0 − 2 (isolated)
      ['gw-island', 'affected', 7, 'P2'],
      // 9.0 − 2 − 1 (possibly: no version known)
      ['ts-unknown', 'possibly-affected', 6, 'P3'],
    ]);
    expect(items[0]!.exposure[0]).toBe('Commands can reach zone cell from IT along office → cell.');
    expect(items[2]!.reasons.join(' ')).toMatch(/version/i);
  });

  it('fixes a finding when the firmware is updated, and the report counts the change', () => {
    const assets: AssessedAsset[] = [{ id: 'gw', vendor: 'Digi International', product: 'Digi RealPort for Windows', version: '4.8.488.0', zone: 'cell' }];
    const now = { t: 1000 };
    const v = assessment(assets, now);
    v.rematch();
    const first = v.report(() => true, true);
    expect(first.summary.openFindings.P1).toBe(1);
    now.t = 5000;
    assets[0]!.version = '4.8.489.0';
    const run = v.rematch(new Set(['gw']));
    expect(run).toMatchObject({ findings: 0, changes: 1 });
    const [f] = v.store.list({ states: ['fixed'], limit: 10 }).items;
    expect(v.store.history(f!.id).map((h) => h.action)).toEqual(['found', 'fixed']);
    now.t = 9000;
    const second = v.report(() => true, true);
    expect(second.changes.fixed.map((x) => x.assetId)).toEqual(['gw']);
    expect(second.trend.map((t) => t.open.P1)).toEqual([1, 0]);
  });
});
