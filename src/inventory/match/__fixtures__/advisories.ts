/**
 * Advisory fixtures for the matcher's tests, written BY HAND as `Advisory` objects (the shape the
 * CSAF reader of src/inventory/advisories/ produces), from excerpts of real CISA CSAF 2023
 * documents (ICSA id on each). Vendor, product, version text, full name, product ids, CVE and
 * CVSS are copied from the documents. Where a test needs what the 2023 set never contains (status
 * kinds other than known_affected / known_not_affected, CPE, PURL), the fixture says "DERIVED" and
 * what was changed. The integrator may replace these with the real reader over the same files.
 */
import type { Advisory, AdvisoryProduct, CvssScore, ProductStatus } from '../../types.js';

const RANGE = 'product_version_range' as const;
const VERSION = 'product_version' as const;

function p(productId: string, vendor: string, product: string, version: string | undefined, versionKind: AdvisoryProduct['versionKind'], fullName: string, extra: Partial<AdvisoryProduct> = {}): AdvisoryProduct {
  const out: AdvisoryProduct = { productId, vendor, product, fullName, ...extra };
  if (version !== undefined) { out.version = version; out.versionKind = versionKind; }
  return out;
}

function cvss(baseScore: number, vectorString: string): CvssScore {
  return { version: vectorString.startsWith('CVSS:3.1') ? '3.1' : '3.0', baseScore, vectorString };
}

function vuln(cve: string, status: Partial<Record<ProductStatus, string[]>>, score: CvssScore, fix?: { details: string; url?: string; productIds: string[] }) {
  return { cve, status, cvss3: score, remediations: fix ? [{ category: 'vendor_fix', ...fix }] : [] };
}

/** ICSA-23-243-04 Digi RealPort Protocol (excerpt): `<=`, `<`, `vers:all/*`, known_not_affected. */
export const DIGI: Advisory = {
  id: 'ICSA-23-243-04', title: 'Digi RealPort Protocol', publisher: 'CISA',
  products: [
    p('CSAFPID-0001', 'Digi International, Inc. ', 'Digi RealPort for Windows', '<= 4.8.488.0', RANGE, 'Digi RealPort for Windows: <= 4.8.488.0'),
    p('CSAFPID-0003', 'Digi International, Inc. ', 'Digi ConnectPort TS 8/16', '< 2.26.2.4', RANGE, 'Digi ConnectPort TS 8/16: < 2.26.2.4'),
    p('CSAFPID-0007', 'Digi International, Inc. ', 'Digi PortServer TS', 'vers:all/*', RANGE, 'Digi PortServer TS: *'),
    p('CSAFPID-0013', 'Digi International, Inc. ', 'Digi One IA', 'vers:all/*', RANGE, 'Digi One IA: *'),
    p('CSAFPID-0022', 'Digi International, Inc. ', 'Digi 6350-SR', 'vers:all/*', RANGE, 'Digi 6350-SR: *'),
  ],
  vulnerabilities: [vuln('CVE-2023-4299', { known_affected: ['CSAFPID-0001', 'CSAFPID-0003', 'CSAFPID-0007', 'CSAFPID-0013'], known_not_affected: ['CSAFPID-0022'] },
    cvss(9.0, 'CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:H'))],
};

/** ICSA-23-005-03 Hitachi Energy Lumada APM: a single `product_version`, and a range with a qualifier. */
export const LUMADA: Advisory = {
  id: 'ICSA-23-005-03', title: 'Hitachi Energy Lumada Asset Performance Management', publisher: 'CISA',
  products: [
    p('CSAFPID-0001', 'Hitachi Energy', 'Lumada APM', '6.5.0.0', VERSION, 'Lumada Asset Performance Management (APM): Lumada APM: Version 6.5.0.0'),
    p('CSAFPID-0002', 'Hitachi Energy', 'Lumada APM', '>= 6.1.0.0 | <= 6.4.0.0 (CVE-2022-37434 only)', RANGE, 'Lumada Asset Performance Management (APM): Lumada APM: Versions 6.1.0.0 through 6.4.0.0 (CVE-2022-37434 only)'),
  ],
  vulnerabilities: [
    vuln('CVE-2022-3602', { known_affected: ['CSAFPID-0001'] }, cvss(7.5, 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H')),
    vuln('CVE-2022-37434', { known_affected: ['CSAFPID-0001', 'CSAFPID-0002'] }, cvss(7.5, 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H'),
      { details: 'For CVE-2022-37434 only: Lumada APM Version 6.4.0.1 or later', productIds: ['CSAFPID-0002'] }),
  ],
};

/** ICSA-23-026-06 Rockwell Automation products using GoAhead Web Server (excerpt): "up to and including", "V28 - V32", single versions. */
export const GOAHEAD: Advisory = {
  id: 'ICSA-23-026-06', title: 'Rockwell Automation products using GoAhead Web Server', publisher: 'CISA',
  products: [
    p('CSAFPID-0009', 'Rockwell Automation', '1747-AENTR', '2.002', VERSION, 'Products using GoAhead Web Server: 1747-AENTR: firmware version 2.002'),
    p('CSAFPID-00012', 'Rockwell Automation', '1756-EN2TR/C', '<= 11.001', RANGE, 'Products using GoAhead Web Server: 1756-EN2TR/C: firmware versions up to and including 11.001'),
    p('CSAFPID-00019', 'Rockwell Automation', 'ControlLogix 5580 controllers', '28  - 32', VERSION, 'Products using GoAhead Web Server: ControlLogix 5580 controllers: firmware version V28 - V32'),
  ],
  vulnerabilities: [vuln('CVE-2019-5096', { known_affected: ['CSAFPID-0009', 'CSAFPID-00012', 'CSAFPID-00019'] }, cvss(9.8, 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'))],
};

/** ICSA-23-047-07 Siemens TIA Project-Server: a version in the product name, `All versions < V17 Update 6`. */
export const TIA: Advisory = {
  id: 'ICSA-23-047-07', title: 'Siemens TIA Project-Server formerly known as TIA Multiuser Server', publisher: 'CISA',
  products: [
    p('CSAFPID-0003', 'Siemens', 'TIA Project-Server ', 'vers:all/<V1.1', RANGE, 'TIA Project-Server '),
    p('CSAFPID-0004', 'Siemens', 'TIA Project-Server V16', 'vers:all/*', RANGE, 'TIA Project-Server V16'),
    p('CSAFPID-0005', 'Siemens', 'TIA Project-Server V17', 'All versions < V17 Update 6', RANGE, 'TIA Project-Server V17'),
  ],
  vulnerabilities: [vuln('CVE-2022-35868', { known_affected: ['CSAFPID-0003', 'CSAFPID-0004', 'CSAFPID-0005'] }, cvss(6.7, 'CVSS:3.1/AV:L/AC:H/PR:L/UI:R/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C'))],
};

/** ICSA-23-012-03 InHand Networks InRouter: "All versions prior to" with a product label before the version. */
export const INROUTER: Advisory = {
  id: 'ICSA-23-012-03', title: 'InHand Networks InRouter', publisher: 'CISA',
  products: [
    p('CSAFPID-0002', 'InHand Networks', 'InRouter 302', '< IR302 3.5.56', RANGE, 'InRouter302, InRouter615: InRouter 302: All versions prior to IR302 V3.5.56'),
  ],
  vulnerabilities: [vuln('CVE-2023-22600', { known_affected: ['CSAFPID-0002'] }, cvss(10, 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:H/A:H'))],
};

/** ICSA-23-103-01 Siemens Adaptec Maxview Application (excerpt): a version text that names another component, not understood. */
export const MAXVIEW: Advisory = {
  id: 'ICSA-23-103-01', title: 'Siemens Adaptec Maxview Application', publisher: 'CISA',
  products: [
    p('CSAFPID-0004', 'Siemens', 'SIMATIC IPC647E', 'All versions with maxView Storage Manager < 4.09.00.25611 on Windows', RANGE, 'SIMATIC IPC647E'),
  ],
  vulnerabilities: [vuln('CVE-2023-23588', { known_affected: ['CSAFPID-0004'] }, cvss(6.2, 'CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N/E:P/RL:O/RC:C'))],
};

/**
 * DERIVED from ICSA-23-082-04 Schneider Electric IGSS ("V16.0.0.23040 and prior", fix in
 * 16.0.0.23041). The 2023 set uses only known_affected and known_not_affected, so the other status
 * kinds are written here for the test: first_fixed 16.0.0.23041 (against a known_affected "All
 * versions"), first_affected / last_affected on the Dashboard, under_investigation on Custom Reports.
 */
export const IGSS: Advisory = {
  id: 'ICSA-23-082-04', title: 'Schneider Electric IGSS', publisher: 'CISA',
  products: [
    p('CSAFPID-0001', 'Schneider Electric', 'IGSS Data Server (IGSSdataServer.exe)', 'V16.0.0.23040 and prior', RANGE, 'IGSS Data Server (IGSSdataServer.exe): V16.0.0.23040 and prior'),
    p('CSAFPID-0101', 'Schneider Electric', 'IGSS Data Server (IGSSdataServer.exe)', '16.0.0.23041', VERSION, 'IGSS Data Server (IGSSdataServer.exe): 16.0.0.23041 (DERIVED)'),
    p('CSAFPID-0103', 'Schneider Electric', 'IGSS Data Server', 'All versions', RANGE, 'IGSS Data Server: All versions (DERIVED)'),
    p('CSAFPID-0002', 'Schneider Electric', 'IGSS Dashboard (DashBoard.exe)', '15.0.0.22074', VERSION, 'IGSS Dashboard (DashBoard.exe): 15.0.0.22074 (DERIVED)'),
    p('CSAFPID-0102', 'Schneider Electric', 'IGSS Dashboard (DashBoard.exe)', '16.0.0.23040', VERSION, 'IGSS Dashboard (DashBoard.exe): 16.0.0.23040 (DERIVED)'),
    p('CSAFPID-0003', 'Schneider Electric', 'Custom Reports (RMS16.dll)', 'V16.0.0.23040 and prior', RANGE, 'Custom Reports (RMS16.dll): V16.0.0.23040 and prior'),
  ],
  vulnerabilities: [
    vuln('CVE-2023-27980', { known_affected: ['CSAFPID-0001', 'CSAFPID-0103'], first_fixed: ['CSAFPID-0101'], under_investigation: ['CSAFPID-0003'] }, cvss(8.8, 'CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H'),
      { details: 'Version 16.0.0.23041 of IGSS Data Server, Dashboard and Custom Reports', url: 'https://igss.schneiderelectric.com/igss/igssupdates/v160/IGSSUPDATE.ZIP', productIds: ['CSAFPID-0001', 'CSAFPID-0002', 'CSAFPID-0003'] }),
    vuln('CVE-2023-27982', { first_affected: ['CSAFPID-0002'], last_affected: ['CSAFPID-0102'] }, cvss(8.8, 'CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H')),
  ],
};

/**
 * DERIVED from ICSA-23-236-03 CODESYS Development System (`>= 3.5.17.0 | < 3.5.19.20`): the 2023
 * set carries no CPE or PURL, so the product here has both (written for the test), as a CSAF
 * document may give them in product_identification_helper.
 */
export const CODESYS: Advisory = {
  id: 'ICSA-23-236-03', title: 'CODESYS Development System', publisher: 'CISA',
  products: [
    p('CSAFPID-0001', 'CODESYS, GmbH', 'CODESYS Development System', '>= 3.5.17.0 | < 3.5.19.20', RANGE, 'CODESYS Development System: >= 3.5.17.0 | < 3.5.19.20', {
      cpe: 'cpe:2.3:a:codesys:development_system:*:*:*:*:*:*:*:*',
      purls: ['pkg:generic/codesys/development-system'],
    }),
  ],
  vulnerabilities: [vuln('CVE-2023-3662', { known_affected: ['CSAFPID-0001'] }, cvss(7.3, 'CVSS:3.0/AV:L/AC:L/PR:L/UI:R/S:U/C:H/I:H/A:H'))],
};

/** ICSA-23-222-07 Siemens Address Processing in SIMATIC (excerpt): order numbers as model_numbers, two ranges for one product, a family. */
export const SIMATIC: Advisory = {
  id: 'ICSA-23-222-07', title: 'Siemens Address Processing in SIMATIC', publisher: 'CISA',
  products: [
    p('1', 'Siemens', 'SIMATIC Drive Controller CPU 1504D TF (6ES7615-4DF10-0AB0)', 'vers:all/<V2.9.7', RANGE, 'SIMATIC Drive Controller CPU 1504D TF (6ES7615-4DF10-0AB0)', { modelNumbers: ['6ES7615-4DF10-0AB0'] }),
    p('2', 'Siemens', 'SIMATIC Drive Controller CPU 1504D TF (6ES7615-4DF10-0AB0)', 'vers:all/>=V3.0.1<V3.0.3', RANGE, 'SIMATIC Drive Controller CPU 1504D TF (6ES7615-4DF10-0AB0)', { modelNumbers: ['6ES7615-4DF10-0AB0'] }),
    p('5', 'Siemens', 'SIMATIC ET 200SP Open Controller (incl. SIPLUS variants)', 'vers:all/*', RANGE, 'SIMATIC ET 200SP Open Controller (incl. SIPLUS variants)'),
  ],
  vulnerabilities: [vuln('CVE-2023-0286', { known_affected: ['1', '2', '5'] }, cvss(7.4, 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:H/E:U/RL:O/RC:C'))],
};

/** ICSA-23-012-08 Siemens S7-1500 CPU devices (excerpt): one product name, two order numbers. */
export const S7_1500: Advisory = {
  id: 'ICSA-23-012-08', title: 'Siemens S7-1500 CPU devices', publisher: 'CISA',
  products: [
    p('CSAFPID-0003', 'Siemens', 'SIMATIC S7-1500 CPU 1510SP F-1 PN (6ES7510-1SJ00-0AB0)', 'vers:all/*', RANGE, 'SIMATIC S7-1500 CPU 1510SP F-1 PN (6ES7510-1SJ00-0AB0)', { modelNumbers: ['6ES7510-1SJ00-0AB0'] }),
    p('CSAFPID-0004', 'Siemens', 'SIMATIC S7-1500 CPU 1510SP F-1 PN (6ES7510-1SJ01-0AB0)', 'vers:all/*', RANGE, 'SIMATIC S7-1500 CPU 1510SP F-1 PN (6ES7510-1SJ01-0AB0)', { modelNumbers: ['6ES7510-1SJ01-0AB0'] }),
  ],
  vulnerabilities: [vuln('CVE-2022-38773', { known_affected: ['CSAFPID-0003', 'CSAFPID-0004'] }, cvss(4.6, 'CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N/E:P/RL:T/RC:C'))],
};

export const ALL = [DIGI, LUMADA, GOAHEAD, TIA, INROUTER, MAXVIEW, IGSS, CODESYS, SIMATIC, S7_1500];
