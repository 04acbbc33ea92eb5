import { describe, expect, it } from 'vitest';
import type { AssetIdentity, Finding } from '../types.js';
import { ALL, CODESYS, DIGI, GOAHEAD, IGSS, INROUTER, LUMADA, MAXVIEW, S7_1500, SIMATIC, TIA } from './__fixtures__/advisories.js';
import { buildAdvisoryIndex, matchAll, matchAsset } from './index.js';
import { readProductVersion } from './product-version.js';

const index = buildAdvisoryIndex(ALL);
let n = 0;
const asset = (a: Omit<AssetIdentity, 'id'>): AssetIdentity => ({ id: `asset-${++n}`, ...a });
const match = (a: Omit<AssetIdentity, 'id'>) => matchAsset(index, asset(a));
const one = (fs: Finding[], cve?: string): Finding => {
  const hits = cve ? fs.filter((f) => f.cve === cve) : fs;
  expect(hits, JSON.stringify(fs.map((f) => [f.advisoryId, f.cve, f.verdict]))).toHaveLength(1);
  return hits[0]!;
};
const text = (f: Finding) => f.reasons.join('\n');

describe('matching real advisories (ICSA-23-243-04 Digi RealPort)', () => {
  it('finds an affected version and says why', () => {
    const f = one(match({ vendor: 'Digi International', product: 'Digi RealPort for Windows', version: '4.8.488.0' }));
    expect(f).toMatchObject({ advisoryId: DIGI.id, cve: 'CVE-2023-4299', productId: 'CSAFPID-0001', verdict: 'affected', cvss: { baseScore: 9 } });
    const r = text(f);
    expect(r).toContain('legal suffix "inc" dropped');
    expect(r).toContain('Product (same product name)');
    expect(r).toContain('product id CSAFPID-0001');
    expect(r).toContain('"<= 4.8.488.0"');
    expect(r).toContain('read as up to and including 4.8.488.0');
    expect(r).toContain('"4.8.488.0" is within');
    expect(r).toContain('Status: known_affected in ICSA-23-243-04');
    expect(r).toContain('Asset fields used: vendor, product, version');
  });
  it('is silent for a version above the range', () => {
    expect(match({ vendor: 'Digi International', product: 'Digi RealPort for Windows', version: '4.8.489.0' })).toEqual([]);
  });
  it('respects known_not_affected', () => {
    expect(match({ vendor: 'Digi International', product: 'Digi 6350-SR', version: '1.0' })).toEqual([]);
    expect(match({ vendor: 'Digi International', product: 'Digi 6350-SR' })).toEqual([]);
  });
  it('a family covers the models that begin with it; a name with the same words in another order is another product', () => {
    const f = one(match({ vendor: 'Digi International', product: 'Digi PortServer TS MEI Hardened' }));
    expect(f.verdict).toBe('affected');
    expect(text(f)).toContain('Product (product family)');
    expect(text(f)).toContain('covers any version');
    expect(match({ vendor: 'Digi International', product: 'Digi One SP IA', version: '1.0' })).toEqual([]);
  });
  it('an unknown version gives "possibly affected" with that reason, never "affected"', () => {
    const f = one(match({ vendor: 'Digi', product: 'Digi ConnectPort TS 8/16' }));
    expect(f.verdict).toBe('possibly-affected');
    expect(text(f)).toContain("Possibly affected: the asset's version is unknown");
    for (const version of ['unknown', 'n/a', '-', '']) {
      expect(one(match({ vendor: 'Digi', product: 'Digi ConnectPort TS 8/16', version })).verdict, version).toBe('possibly-affected');
    }
  });
});

describe('version texts of the 2023 set', () => {
  it('a single product_version and a range with a qualifier (ICSA-23-005-03)', () => {
    const mid = match({ vendor: 'Hitachi Energy Ltd.', product: 'Lumada APM', version: '6.3.0.0' });
    const f = one(mid);
    expect(f).toMatchObject({ advisoryId: LUMADA.id, cve: 'CVE-2022-37434', productId: 'CSAFPID-0002', verdict: 'affected' });
    expect(text(f)).toContain('the qualifier (CVE-2022-37434 only) is not evaluated');
    expect(f.remediations.map((m) => m.details)).toEqual(['For CVE-2022-37434 only: Lumada APM Version 6.4.0.1 or later']);
    expect(match({ vendor: 'Hitachi Energy', product: 'Lumada APM', version: '6.5.0.0' }).map((x) => x.cve).sort()).toEqual(['CVE-2022-3602', 'CVE-2022-37434']);
    expect(match({ vendor: 'Hitachi Energy', product: 'Lumada APM', version: '6.5.0.1' })).toEqual([]);
  });
  it('"up to and including", "V28 - V32" and single versions, with the Allen-Bradley alias (ICSA-23-026-06)', () => {
    const f = one(match({ vendor: 'Allen-Bradley', product: '1756-EN2TR/C', version: '11.001' }));
    expect(f).toMatchObject({ advisoryId: GOAHEAD.id, productId: 'CSAFPID-00012', verdict: 'affected' });
    expect(text(f)).toContain('alias: "Allen-Bradley" is "Rockwell Automation" for Allen-Bradley hardware lines');
    expect(one(match({ vendor: 'Allen-Bradley', product: 'ControlLogix 5580 Controller', version: '32.011' })).productId).toBe('CSAFPID-00019');
    expect(match({ vendor: 'Allen-Bradley', product: 'ControlLogix 5580 Controller', version: '33.011' })).toEqual([]);
    expect(one(match({ vendor: 'Rockwell Automation, Inc.', product: '1747-AENTR', version: '2.002' })).verdict).toBe('affected');
    expect(match({ vendor: 'Rockwell Automation', product: '1747-AENTR', version: '2.003' })).toEqual([]);
  });
  it('a version in the product name and "All versions < V17 Update 6" (ICSA-23-047-07)', () => {
    expect(one(match({ vendor: 'Siemens AG', product: 'TIA Project-Server', version: 'V16.0' })).productId).toBe('CSAFPID-0004');
    expect(one(match({ vendor: 'Siemens AG', product: 'TIA Project-Server', version: 'V17 Update 5' })).productId).toBe('CSAFPID-0005');
    expect(match({ vendor: 'Siemens AG', product: 'TIA Project-Server', version: 'V17 Update 6' })).toEqual([]);
    expect(one(match({ vendor: 'Siemens', product: 'TIA Project-Server', version: 'V1.0' })).productId).toBe('CSAFPID-0003');
    expect(match({ vendor: 'Siemens', product: 'TIA Project-Server', version: 'V1.1' })).toEqual([]);
    expect(TIA.products).toHaveLength(3);
  });
  it('"All versions prior to IR302 V3.5.56" with a label before the version (ICSA-23-012-03)', () => {
    expect(one(match({ vendor: 'InHand Networks', product: 'InRouter 302', version: 'V3.5.40' })).advisoryId).toBe(INROUTER.id);
    expect(match({ vendor: 'InHand Networks', product: 'InRouter 302', version: 'IR302 V3.5.56' })).toEqual([]);
  });
  it('a version text that is not understood gives "possibly affected" quoting it (ICSA-23-103-01)', () => {
    const f = one(match({ vendor: 'Siemens', product: 'SIMATIC IPC647E', version: '1.0' }));
    expect(f).toMatchObject({ advisoryId: MAXVIEW.id, verdict: 'possibly-affected' });
    expect(text(f)).toContain("Possibly affected: the advisory's version text 'All versions with maxView Storage Manager < 4.09.00.25611 on Windows' is not understood");
  });
  it('reads the full name when the branch text is not understood', () => {
    const r = readProductVersion({ productId: 'x', vendor: 'Korenix', product: 'Korenix JetWave4221 HP-E', version: '<= ???', versionKind: 'product_version_range', fullName: 'Korenix JetWave4221 HP-E: versions V1.3.0 and prior' });
    expect(r).toMatchObject({ source: 'full name', text: 'versions V1.3.0 and prior', range: { ok: true, form: 'X and prior' } });
  });
});

describe('product status kinds (DERIVED from ICSA-23-082-04)', () => {
  const igss = (product: string, version?: string) => match({ vendor: 'Schneider Electric SE', product, ...(version ? { version } : {}) }).filter((f) => f.advisoryId === IGSS.id);
  it('known_affected within the range is affected; first_fixed at or above its version wins', () => {
    expect(one(igss('IGSS Data Server', '16.0.0.23040'), 'CVE-2023-27980').verdict).toBe('affected');
    expect(igss('IGSS Data Server', '16.0.0.23041')).toEqual([]);
    expect(igss('IGSS Data Server', '17.0')).toEqual([]);
  });
  it('first_affected and last_affected bound one range', () => {
    expect(one(igss('IGSS Dashboard', '15.5'), 'CVE-2023-27982').verdict).toBe('affected');
    expect(igss('IGSS Dashboard', '14.0')).toEqual([]);
    expect(igss('IGSS Dashboard', '16.1')).toEqual([]);
    expect(one(igss('IGSS Dashboard'), 'CVE-2023-27982').verdict).toBe('possibly-affected');
  });
  it('under_investigation is "possibly affected" with that reason', () => {
    const f = one(igss('Custom Reports', '16.0.0.23040'), 'CVE-2023-27980');
    expect(f.verdict).toBe('possibly-affected');
    expect(text(f)).toContain('under_investigation');
    expect(f.remediations[0]?.url).toBe('https://igss.schneiderelectric.com/igss/igssupdates/v160/IGSSUPDATE.ZIP');
  });
});

describe('identifiers and model numbers', () => {
  it('CPE with a wildcard version and the asset CPE version (DERIVED from ICSA-23-236-03)', () => {
    const f = one(match({ cpe: 'cpe:2.3:a:codesys:development_system:3.5.18.0:*:*:*:*:*:*:*' }));
    expect(f).toMatchObject({ advisoryId: CODESYS.id, verdict: 'affected' });
    expect(text(f)).toContain('Product (CPE)');
    expect(text(f)).toContain('Asset fields used: cpe');
    expect(match({ cpe: 'cpe:2.3:a:codesys:development_system:3.5.19.20:*:*:*:*:*:*:*' })).toEqual([]);
    expect(match({ cpe: 'cpe:2.3:a:codesys:control_runtime:3.5.18.0:*:*:*:*:*:*:*' })).toEqual([]);
  });
  it('PURL', () => {
    expect(one(match({ purl: 'pkg:generic/codesys/development-system@3.5.17.5' })).verdict).toBe('affected');
    expect(match({ purl: 'pkg:generic/codesys/development-system@3.5.16.0' })).toEqual([]);
  });
  it('an order number from model_numbers, with two ranges for one product (ICSA-23-222-07)', () => {
    const f = one(match({ vendor: 'Siemens AG', product: 'CPU 1504D TF', model: '6ES7615-4DF10-0AB0', version: 'V3.0.2' }));
    expect(f).toMatchObject({ advisoryId: SIMATIC.id, productId: '2', verdict: 'affected' });
    expect(text(f)).toContain('Product (model number)');
    expect(match({ vendor: 'Siemens AG', product: 'CPU 1504D TF', model: '6ES7615-4DF10-0AB0', version: 'V2.9.8' })).toEqual([]);
    expect(match({ vendor: 'Siemens AG', product: 'CPU 1504D TF', model: '6ES7615-4DF10-0AB0', version: 'V3.0.3' })).toEqual([]);
    expect(one(match({ vendor: 'Siemens', product: 'SIMATIC ET 200SP Open Controller CPU 1515SP PC2', version: 'V21.9' })).productId).toBe('5');
  });
  it('the order number picks the variant when one name has several (ICSA-23-012-08)', () => {
    const f = one(match({ vendor: 'Siemens AG', product: 'SIMATIC S7-1500 CPU 1510SP F-1 PN', model: '6ES7510-1SJ01-0AB0', version: 'V2.9.4' }));
    expect(f).toMatchObject({ advisoryId: S7_1500.id, productId: 'CSAFPID-0004', verdict: 'affected' });
    expect(text(f)).not.toContain('CSAFPID-0003');
    // Without a model, the name meets both variants: one finding, the other listed in the reasons.
    const g = one(match({ vendor: 'Siemens AG', product: 'SIMATIC S7-1500 CPU 1510SP F-1 PN', version: 'V2.9.4' }));
    expect(text(g)).toMatch(/CSAFPID-0003[\s\S]*CSAFPID-0004/);
  });
  it('nothing for a vendor no advisory names, or an asset with no identity', () => {
    expect(match({ vendor: 'Acme Process Controls', product: 'Digi RealPort for Windows', version: '1.0' })).toEqual([]);
    expect(match({})).toEqual([]);
  });
  it('matchAll over a list gives the same findings as one asset at a time', () => {
    const assets = [asset({ vendor: 'Digi', product: 'Digi ConnectPort TS 8/16' }), asset({ vendor: 'Siemens', product: 'SIMATIC IPC647E', version: '1.0' })];
    expect(matchAll(ALL, assets)).toEqual(assets.flatMap((a) => matchAsset(index, a)));
  });
});
