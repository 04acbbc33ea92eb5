import { describe, expect, it } from 'vitest';
import { matchCpe, parseCpe, parsePurl, purlKey } from './identifiers.js';

describe('CPE 2.3', () => {
  it('reads the eleven attributes, with escaped characters', () => {
    const c = parseCpe('cpe:2.3:o:siemens:simatic_s7-1500_cpu_firmware:2.9.4:*:*:*:*:*:*:*')!;
    expect(c).toMatchObject({ part: 'o', vendor: 'siemens', product: 'simatic_s7-1500_cpu_firmware', version: '2.9.4' });
    expect(parseCpe('cpe:2.3:a:acme:a\\:b:1.0:*:*:*:*:*:*:*')!.product).toBe('a:b');
    expect(parseCpe('cpe:/a:siemens:x')).toBeUndefined();
    expect(parseCpe('cpe:2.3:a:siemens')).toBeUndefined();
  });
  it('matches ANY, NA and wildcards, and leaves the version to the range', () => {
    const adv = parseCpe('cpe:2.3:o:siemens:simatic_s7-1500_cpu_*:*:*:*:*:*:*:*:*')!;
    const asset = parseCpe('cpe:2.3:o:siemens:simatic_s7-1500_cpu_firmware:2.9.4:*:*:*:*:*:*:*')!;
    expect(matchCpe(adv, asset)).toEqual({ matched: true, differs: [] });
    const other = parseCpe('cpe:2.3:o:siemens:scalance_x200_firmware:2.9.4:*:*:*:*:*:*:*')!;
    expect(matchCpe(adv, other)).toMatchObject({ matched: false, differs: ['product'] });
    const na = parseCpe('cpe:2.3:o:siemens:simatic_s7-1500_cpu_firmware:2.9.4:-:*:*:*:*:*:*')!;
    expect(matchCpe(na, asset).matched).toBe(false);
    expect(matchCpe(parseCpe('cpe:2.3:o:siemens:simatic_s7-1500_cpu_firmware:2.9.4:*:*:*:*:*:*:*')!, asset).advisoryVersion).toBe('2.9.4');
  });
});

describe('PURL', () => {
  it('reads type, namespace, name and version', () => {
    const p = parsePurl('pkg:generic/codesys/codesys-control-runtime@3.5.18.40?arch=x64')!;
    expect(p).toEqual({ type: 'generic', namespace: 'codesys', name: 'codesys-control-runtime', version: '3.5.18.40' });
    expect(purlKey(p)).toBe('generic/codesys/codesys-control-runtime');
    expect(parsePurl('pkg:npm/%40scope/name')).toMatchObject({ namespace: '@scope', name: 'name' });
    expect(parsePurl('not a purl')).toBeUndefined();
  });
});
