import { describe, expect, it } from 'vitest';
import { inRange, parseRange } from './ranges.js';
import { compareVersions, parseVersion } from './version.js';

const v = (s: string) => parseVersion(s)!;

/** [range text as written in a 2023 CISA advisory (ICSA id; "full name" when the text is the product name's version sentence), versions inside, versions outside] */
const FORMS: [string, string, string[], string[]][] = [
  ['vers:all/<V2.9.7', 'ICSA-23-222-07', ['V2.9.6', '2.8', 'V2.9.6a'], ['V2.9.7', '2.10.0', 'V3.0']],
  ['vers:all/*', 'ICSA-23-243-04', ['0.1', 'V99'], []],
  ['vers:all/>=V7.80<V9.40', 'ICSA-23-103-06', ['V7.80', 'V8.0', 'V9.39'], ['V7.79', 'V9.40', 'V10']],
  ['vers:all/>=V5.4<V5.5 SP1', 'ICSA-23-166-04', ['V5.4', 'V5.5'], ['V5.5 SP1', 'V5.5.1', 'V5.3']],
  ['vers:intdot/>=1.0|<2.0', 'vers spec', ['1.0', '1.9.9'], ['2.0', '0.9']],
  ['vers:generic/>=1.0|<2.0|>=3.0|<4.0', 'vers spec', ['1.5', '3.0', '3.9'], ['0.9', '2.0', '2.5', '4.0']],
  ['vers:semver/!=1.2.3', 'vers spec', ['1.2.4'], ['1.2.3']],
  ['< 8.0.10', 'issue #16', ['8.0.9', '7.99'], ['8.0.10', '8.1']],
  ['<=Firmware_6.62', 'issue #16', ['6.62', 'Firmware_6.61', 'FW 6.5'], ['6.63', '7.0']],
  ['< V7.2', 'ICSA-23-075-01', ['V7.1.9'], ['V7.2']],
  ['<= 11.001', 'ICSA-23-026-06', ['11.001', '10.5', '11.001.2'], ['11.002', '12']],
  ['>= V7.80 < V9.30', 'ICSA-23-080-04', ['V8.30'], ['V9.30', 'V7.0']],
  ['>=1.220|<=1.281', 'ICSA-23-143-03', ['1.220', '1.250', '1.281'], ['1.219', '1.282']],
  ['>= 1.46 | <= 1.50.598', 'ICSA-23-180-03', ['1.50.598', '1.47'], ['1.45', '1.50.599']],
  ['5.011  | < 8.011', 'ICSA-23-131-14', ['5.011', '7.0'], ['8.011']],
  ['2.00 | 2.03', 'ICSA-23-075-07', ['2.00', '2.03'], ['2.01', '2.04']],
  ['28  - 32', 'ICSA-23-026-06', ['28', '30.011', '32.011'], ['27.9', '33']],
  ['V2.0 and prior', 'issue #16', ['V2.0', '1.9', 'V2.0.0', 'V2.0.1'], ['V2.1', '2.1.0', '3']],
  ['versions prior to 3.2', 'issue #16', ['3.1.9'], ['3.2', '3.2.1']],
  ['All firmware versions prior to 2.8', 'ICSA-23-040-01, full name', ['2.7'], ['2.8']],
  ['before 4.16.0', 'issue #16 ("before")', ['4.15.9'], ['4.16.0']],
  ['Versions 1.6.9.0 and earlier', 'ICSA-23-096-03, full name', ['1.6.9.0', '1.5'], ['1.6.9.1']],
  ['Versions 6.1.0.0 through 6.4.0.0 (CVE-2022-37434 only)', 'ICSA-23-005-03, full name', ['6.1.0.0', '6.3.2.1', '6.4.0.0'], ['6.0.9.9', '6.4.0.1', '6.5.0.0']],
  ['>FW16_up_to_and_including_FW26', 'ICSA-23-325-01', ['FW17', '26', 'FW26'], ['FW16', '27']],
  ['>= 9.3.0 -  but not including 9.3.8', 'ICSA-23-019-01', ['9.3.0', '9.3.7'], ['9.3.8', '9.2']],
  ['All versions < V15.1 Update 8', 'ICSA-23-047-07', ['V15.1 Update 7', 'V15.1', 'V15.0'], ['V15.1 Update 8', 'V15.2']],
  ['All versions', 'issue #16', ['1', 'anything 2'], []],
  ['>= 6.x | <= 10.x', 'ICSA-23-080-06', ['6.0', '10.9.9'], ['5.9', '11.0']],
  ['v6.12 or lower', 'ICSA-23-054-01, full name', ['6.12', '6.11.9'], ['6.13']],
  ['3.2.0.0 and earlier', 'ICSA-23-059-01, full name', ['3.2.0.0'], ['3.2.0.1']],
  ['<April/20/2023', 'ICSA-23-115-01', ['2023.04.19'], ['2023.04.20']],
  ['<=3.2.30_build221223', 'ICSA-23-285-14', ['3.2.30', '3.2.29'], ['3.2.31']],
  ['firmware version V32', 'ICSA-23-026-06, full name', ['32', '32.011'], ['31.9', '33']],
  ['<= 3.3-006 (with <= bacnetstac 4.2.1)', 'ICSA-23-012-05', ['3.3-006', '3.3-005'], ['3.3-007']],
];

describe('version ranges as the 2023 advisories write them', () => {
  for (const [text, source, inside, outside] of FORMS) {
    it(`${text} (${source})`, () => {
      const r = parseRange(text);
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (!r.ok) return;
      for (const x of inside) expect(inRange(r, v(x)), `${x} in ${text} (${r.reading})`).toBe(true);
      for (const x of outside) expect(inRange(r, v(x)), `${x} not in ${text} (${r.reading})`).toBe(false);
    });
  }

  it('says what it reads and notes qualifiers it does not evaluate', () => {
    const r = parseRange('Versions 6.1.0.0 through 6.4.0.0 (CVE-2022-37434 only)');
    expect(r).toMatchObject({ ok: true, form: 'X through Y', reading: 'from 6.1.0.0, up to and including 6.4.0.0' });
    expect(r.ok && r.note).toContain('(CVE-2022-37434 only)');
    expect(parseRange('vers:all/<V2.9.7')).toMatchObject({ form: 'vers:all', reading: 'below V2.9.7 (scheme "all" read as generic)' });
  });

  it('does not pretend to understand texts it cannot read, and says why', () => {
    for (const [text, why] of [
      ['All versions with maxView Storage Manager < 4.09.00.25611 on Windows', 'condition on another component'],
      ['<= Serial Numbers 2310****', 'serial numbers'],
      ['<=', 'without a version'],
      ['16XXXXXXXXX.', 'wildcard'],
      ['', 'empty'],
    ]) {
      const r = parseRange(text!);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.why).toContain(why);
    }
  });
});

describe('version comparison', () => {
  const ordered = [
    ['1.9', '1.10'], ['5.008', '5.028'], ['V2.3', 'V2.3a'], ['V2.3a', 'V2.3b'], ['5.0 beta', '5.0'],
    ['V5.5', 'V5.5 SP1'], ['V5.5 SP1', 'V5.5.1'], ['V17', 'V17 Update 6'], ['R16A', 'R16B'], ['1.00A', '1.29F'],
    ['3.2.30', '3.2.30_build221223'], ['IR302 3.5.40', 'IR302 V3.5.56'], ['99999999999999999998', '99999999999999999999'],
  ];
  for (const [lo, hi] of ordered) {
    it(`${lo} < ${hi}`, () => {
      expect(compareVersions(v(lo!), v(hi!))).toBe(-1);
      expect(compareVersions(v(hi!), v(lo!))).toBe(1);
    });
  }
  it('treats prefixes and leading zeros as the same version', () => {
    for (const [a, b] of [['V2.9.7', '2.9.7'], ['Firmware_6.62', '6.62'], ['FW 3.1', '3.1'], ['Rev. 2.0', '2.0'], ['01.49.000', '1.49.0'], ['v6.14', 'V6.14']]) {
      expect(compareVersions(v(a!), v(b!)), `${a} = ${b}`).toBe(0);
    }
  });
});
