import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isCausewayError } from '../../core/errors.js';
import { AdvisoryRefusal, parseCsaf, readCsaf, sha512 } from './reader.js';

const CISA = new URL('./__fixtures__/cisa/csaf_files/OT/white/2023/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, CISA));

function refusal(f: () => unknown): AdvisoryRefusal {
  try {
    f();
  } catch (e) {
    if (e instanceof AdvisoryRefusal) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** A small valid CSAF document to vary. */
function minimal(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    document: {
      category: 'csaf_security_advisory', csaf_version: '2.0', title: 'Acme PLC', publisher: { category: 'vendor', name: 'Acme PSIRT', namespace: 'https://acme.example' },
      tracking: { id: 'ACME-2024-001', version: '2', status: 'final', initial_release_date: '2024-01-02T00:00:00Z', current_release_date: '2024-02-03T00:00:00Z', revision_history: [] },
    },
    ...extra,
  };
}

describe('CSAF reader on real CISA advisories', () => {
  it('flattens ICSA-23-012-10 (Siemens ALM): ranges in vers: and free-text form, scores, every remediation kind with its URL', () => {
    const bytes = fixture('icsa-23-012-10.json');
    const { advisory: a, warnings } = parseCsaf(bytes, 'icsa-23-012-10.json');
    expect(warnings).toEqual([]);
    expect(a).toMatchObject({ id: 'ICSA-23-012-10', title: 'Siemens Automation License Manager', publisher: 'CISA', revision: '1', initialReleaseDate: '2023-01-12T00:00:00.000000Z', currentReleaseDate: '2023-01-12T00:00:00.000000Z', trackingStatus: 'final' });
    expect(a.sha512).toBe(sha512(bytes));
    expect(a.products).toEqual([
      { productId: 'CSAFPID-0001', vendor: 'Siemens', product: 'Automation License Manager V5', fullName: 'Automation License Manager V5', version: 'vers:all/*', versionKind: 'product_version_range' },
      { productId: 'CSAFPID-0002', vendor: 'Siemens', product: 'Automation License Manager V6', fullName: 'Automation License Manager V6', version: '< V6.0 SP9 Upd4', versionKind: 'product_version_range' },
    ]);
    expect(a.vulnerabilities.map((v) => v.cve)).toEqual(['CVE-2022-43513', 'CVE-2022-43514']);
    const [v1] = a.vulnerabilities;
    expect(v1!.cwe).toEqual({ id: 'CWE-73', name: expect.stringMatching(/External Control of File Name or Path/) });
    expect(v1!.status).toEqual({ known_affected: ['CSAFPID-0001', 'CSAFPID-0002'] });
    expect(v1!.cvss3).toEqual({ version: '3.1', baseScore: 8.2, baseSeverity: 'HIGH', vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:L/E:P/RL:O/RC:C' });
    expect(v1!.scores).toBeUndefined(); // one score for both products
    expect(v1!.remediations.map((r) => [r.category, r.productIds])).toEqual([
      ['mitigation', ['CSAFPID-0001', 'CSAFPID-0002']], ['no_fix_planned', ['CSAFPID-0001']], ['vendor_fix', ['CSAFPID-0002']],
      ['workaround', ['CSAFPID-0001', 'CSAFPID-0002']], ['mitigation', ['CSAFPID-0001', 'CSAFPID-0002']],
    ]);
    expect(v1!.remediations[2]).toMatchObject({ details: 'Update to V6.0 SP9 Upd4 or later version', url: 'https://support.industry.siemens.com/cs/ww/en/view/114358/' });
    expect(a.vulnerabilities[1]!.cvss3?.baseScore).toBe(7.7);
  });

  it('keeps known_not_affected apart from known_affected (ICSA-23-243-04, Digi RealPort), and the vendor name as written', () => {
    const { advisory: a } = parseCsaf(fixture('icsa-23-243-04.json'));
    expect(a.products).toHaveLength(23);
    expect(a.products[0]).toEqual({ productId: 'CSAFPID-0001', vendor: 'Digi International, Inc. ', product: 'Digi RealPort for Windows', fullName: 'Digi RealPort for Windows: <= 4.8.488.0', version: '<= 4.8.488.0', versionKind: 'product_version_range' });
    const [v] = a.vulnerabilities;
    expect(v!.status.known_affected).toHaveLength(21);
    expect(v!.status.known_not_affected).toEqual(['CSAFPID-0022', 'CSAFPID-0023']);
    expect(a.products.find((p) => p.productId === 'CSAFPID-0022')?.product).toBe('Digi 6350-SR');
    expect(v!.cvss3).toMatchObject({ baseScore: 9, baseSeverity: 'CRITICAL', version: '3.0' });
  });

  it('reads product_version leaves (ICSA-23-005-01, Hitachi Energy UNEM)', () => {
    const { advisory: a } = parseCsaf(fixture('icsa-23-005-01.json'));
    expect(a.products[0]).toEqual({ productId: 'CSAFPID-0001', vendor: 'Hitachi Energy', product: 'UNEM', fullName: 'UNEM: UNEM R16A', version: 'R16A', versionKind: 'product_version' });
    expect(a.products.map((p) => p.version)).toEqual(['R16A', 'R15B', 'R15A', 'R14B', 'R14A', 'R11B', 'R11A', 'R10C', 'R9C']);
    expect(a.vulnerabilities[0]!.cwe?.id).toBe('CWE-326');
  });
});

describe('CSAF reader: the rest of the product tree', () => {
  const doc = minimal({
    product_tree: {
      branches: [{
        category: 'vendor', name: 'Acme',
        branches: [{
          category: 'product_family', name: 'S-100',
          branches: [{ category: 'product_name', name: 'S-110', branches: [
            { category: 'product_version', name: '2.4.1', product: { name: 'Acme S-110 2.4.1', product_id: 'P1', product_identification_helper: { cpe: 'cpe:2.3:h:acme:s-110:2.4.1:*:*:*:*:*:*:*', purl: 'pkg:generic/acme/s-110@2.4.1', model_numbers: ['S110-A'] } } },
            { category: 'product_version_range', name: 'vers:semver/>=3.0.0|<3.2.0', product: { name: 'Acme S-110 3.x', product_id: 'P2' } },
          ] }],
        }],
      }],
      full_product_names: [{ name: 'Gizmo OS 7', product_id: 'P3', product_identification_helper: { cpe: 'cpe:2.3:o:gizmo:gizmo_os:7.0:*:*:*:*:*:*:*' } }],
      relationships: [{ category: 'installed_on', product_reference: 'P1', relates_to_product_reference: 'P3', full_product_name: { name: 'Acme S-110 2.4.1 on Gizmo OS 7', product_id: 'P4' } }],
      product_groups: [{ group_id: 'G1', product_ids: ['P1', 'P2'] }],
    },
    vulnerabilities: [{
      cve: 'CVE-2024-0001', notes: [{ category: 'description', text: 'Buffer overflow.' }, { category: 'summary', text: 'Overflow in the web server.' }],
      product_status: { known_affected: ['P1', 'P4'], fixed: ['P2'], first_fixed: ['P2'], under_investigation: ['P3'] },
      scores: [
        { products: ['P1'], cvss_v3: { version: '3.1', baseScore: 9.8, baseSeverity: 'CRITICAL', vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' } },
        { products: ['P4'], cvss_v3: { version: '3.1', baseScore: 7.5, vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' }, cvss_v4: { version: '4.0', baseScore: 8.7, vectorString: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N' } },
      ],
      remediations: [{ category: 'vendor_fix', details: 'Update to 3.2.0.', url: 'https://acme.example/fix', group_ids: ['G1'], date: '2024-02-01T00:00:00Z' }, { category: 'none_available', details: 'No fix for Gizmo.', product_ids: ['P4'] }],
      release_date: '2024-01-02T00:00:00Z',
    }],
  });

  it('takes families, identification helpers, full_product_names (vendor from the CPE) and relationships', () => {
    const { advisory: a, warnings } = readCsaf(doc);
    expect(warnings).toEqual([]);
    expect(a.products).toEqual([
      { productId: 'P1', vendor: 'Acme', product: 'S-110', family: 'S-100', fullName: 'Acme S-110 2.4.1', version: '2.4.1', versionKind: 'product_version', cpe: 'cpe:2.3:h:acme:s-110:2.4.1:*:*:*:*:*:*:*', purls: ['pkg:generic/acme/s-110@2.4.1'], modelNumbers: ['S110-A'] },
      { productId: 'P2', vendor: 'Acme', product: 'S-110', family: 'S-100', fullName: 'Acme S-110 3.x', version: 'vers:semver/>=3.0.0|<3.2.0', versionKind: 'product_version_range' },
      { productId: 'P3', vendor: 'gizmo', product: 'gizmo_os', fullName: 'Gizmo OS 7', version: '7.0', versionKind: 'product_version', cpe: 'cpe:2.3:o:gizmo:gizmo_os:7.0:*:*:*:*:*:*:*' },
      { productId: 'P4', vendor: 'Acme', product: 'S-110', family: 'S-100', fullName: 'Acme S-110 2.4.1 on Gizmo OS 7', version: '2.4.1', versionKind: 'product_version', relationship: { category: 'installed_on', productId: 'P1', relatesTo: 'P3', relatesToName: 'Gizmo OS 7' } },
    ]);
  });

  it('reads every status kind, scores per product (highest v3 and v4 on top), groups expanded in remediations', () => {
    const [v] = readCsaf(doc).advisory.vulnerabilities;
    expect(v!.status).toEqual({ known_affected: ['P1', 'P4'], fixed: ['P2'], first_fixed: ['P2'], under_investigation: ['P3'] });
    expect(v!.summary).toBe('Overflow in the web server.');
    expect(v!.cvss3?.baseScore).toBe(9.8);
    expect(v!.cvss4).toMatchObject({ baseScore: 8.7, version: '4.0' });
    expect(v!.scores?.map((s) => [s.productIds, s.cvss3?.baseScore, s.cvss4?.baseScore])).toEqual([[['P1'], 9.8, undefined], [['P4'], 7.5, 8.7]]);
    expect(v!.remediations).toEqual([
      { category: 'vendor_fix', details: 'Update to 3.2.0.', url: 'https://acme.example/fix', productIds: ['P1', 'P2'], date: '2024-02-01T00:00:00Z' },
      { category: 'none_available', details: 'No fix for Gizmo.', productIds: ['P4'] },
    ]);
    expect(v!.releaseDate).toBe('2024-01-02T00:00:00Z');
  });

  it('reads CSAF 2.1 metrics with CVSS v4', () => {
    const d = minimal({ product_tree: { full_product_names: [{ name: 'X', product_id: 'X1' }] }, vulnerabilities: [{ product_status: { known_affected: ['X1'] }, metrics: [{ products: ['X1'], content: { cvss_v4: { version: '4.0', baseScore: 6.9, baseSeverity: 'MEDIUM', vectorString: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N' } } }] }] });
    (d.document as Record<string, unknown>).csaf_version = '2.1';
    const [v] = readCsaf(d).advisory.vulnerabilities;
    expect(v!.cvss4?.baseScore).toBe(6.9);
    expect(v!.cvss3).toBeUndefined();
  });

  it('warns, without refusing, about statuses that name undefined products', () => {
    const d = minimal({ product_tree: { full_product_names: [{ name: 'X', product_id: 'X1' }] }, vulnerabilities: [{ product_status: { known_affected: ['X1', 'X9'] } }] });
    const r = readCsaf(d);
    expect(r.warnings).toEqual(['vulnerabilities[0] names product ids the product tree does not define: X9']);
    expect(r.advisory.vulnerabilities[0]!.status.known_affected).toEqual(['X1', 'X9']);
  });
});

describe('CSAF reader refusals', () => {
  it('refuses what is not JSON, not CSAF, or CSAF with a broken structure, naming the problem and its JSON path', () => {
    expect(refusal(() => parseCsaf('{"document": {', 'cut.json'))).toMatchObject({ kind: 'not-json', message: expect.stringMatching(/^The file cut\.json is not a usable CSAF 2\.0 advisory: it is not valid JSON/) });
    expect(refusal(() => parseCsaf('{"name": "tool"}', 'pkg.json')).kind).toBe('not-csaf');
    expect(refusal(() => parseCsaf('[1,2]', 'arr.json')).kind).toBe('not-csaf');
    expect(refusal(() => parseCsaf('null')).kind).toBe('not-csaf');
    const v1 = minimal();
    (v1.document as Record<string, unknown>).csaf_version = '1.2';
    expect(refusal(() => readCsaf(v1)).message).toMatch(/CSAF version "1.2" is not supported/);
    const noId = minimal();
    delete ((noId.document as Record<string, unknown>).tracking as Record<string, unknown>).id;
    expect(refusal(() => readCsaf(noId, 'x.json')).message).toMatch(/document\.tracking\.id is missing/);
    const badScore = minimal({ vulnerabilities: [{ scores: [{ products: [], cvss_v3: { version: '3.1', baseScore: 'high', vectorString: 'CVSS:3.1/AV:N' } }] }] });
    expect(refusal(() => readCsaf(badScore)).message).toMatch(/vulnerabilities\[0\]\.scores\[0\]\.cvss_v3\.baseScore must be a number from 0 to 10/);
    const badBranch = minimal({ product_tree: { branches: [{ category: 'vendor', name: 'A', branches: 'none' }] } });
    expect(refusal(() => readCsaf(badBranch)).message).toMatch(/product_tree\.branches\[0\]\.branches must be an array/);
    const badDate = minimal();
    ((badDate.document as Record<string, unknown>).tracking as Record<string, unknown>).current_release_date = 'yesterday';
    expect(refusal(() => readCsaf(badDate)).message).toMatch(/current_release_date is not a date/);
    expect(isCausewayError(refusal(() => readCsaf(badDate)), 'CW_ADVISORY_INVALID')).toBe(true);
  });

  it('refuses a product tree nested without end instead of overflowing the stack', () => {
    let branch: Record<string, unknown> = { category: 'product_version', name: '1', product: { name: 'deep', product_id: 'D' } };
    for (let i = 0; i < 5000; i++) branch = { category: 'product_family', name: `f${i}`, branches: [branch] };
    expect(refusal(() => readCsaf(minimal({ product_tree: { branches: [branch] } }))).message).toMatch(/nests branches deeper than 32 levels/);
  });

  it('never throws anything but a refusal on a damaged real advisory', () => {
    const text = fixture('icsa-23-243-04.json').toString('utf8');
    const doc = JSON.parse(text) as Record<string, unknown>;
    const values: unknown[] = [null, 0, 'x', [], {}, [null], true];
    // Replace each value on the paths the reader walks with each wrong kind of value.
    const paths = [['document'], ['document', 'tracking'], ['document', 'publisher'], ['product_tree'], ['product_tree', 'branches'], ['vulnerabilities'], ['document', 'references']];
    for (const path of paths) {
      for (const value of values) {
        const copy = JSON.parse(text) as Record<string, unknown>;
        let at: Record<string, unknown> = copy;
        for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
        at[path.at(-1)!] = value;
        try {
          readCsaf(copy);
        } catch (e) {
          expect(e).toBeInstanceOf(AdvisoryRefusal);
        }
      }
    }
    const vulns = doc.vulnerabilities as Array<Record<string, unknown>>;
    for (const key of Object.keys(vulns[0]!)) {
      for (const value of values) {
        const copy = JSON.parse(text) as { vulnerabilities: Array<Record<string, unknown>> };
        copy.vulnerabilities[0]![key] = value;
        try {
          readCsaf(copy);
        } catch (e) {
          expect(e).toBeInstanceOf(AdvisoryRefusal);
        }
      }
    }
  });
});
