import { describe, expect, it } from 'vitest';
import type { StoredFinding } from '../findings/store.js';
import { reportCsv, csvCell } from './csv.js';
import { reportHtml } from './html.js';
import { buildReport, type ReportInput } from './model.js';
import { reportPdf } from './pdf.js';

const DAY = 86_400_000;
const finding = (over: Partial<StoredFinding>): StoredFinding => ({
  id: 'f1', assetId: 'plc1', advisoryId: 'ICSA-23-005-01', cve: 'CVE-2023-38422', productId: 'CSAFPID-0001', verdict: 'affected',
  reasons: ['Walchem Intuition 9 firmware 4.10 is within "< 4.21".'],
  remediations: [
    { category: 'mitigation', details: 'Minimize network exposure.', productIds: ['CSAFPID-0001'] },
    { category: 'vendor_fix', details: 'Upgrade to v4.21 or later.', url: 'https://www.walchem.com/', productIds: ['CSAFPID-0001'] },
  ],
  state: 'open', score: 9, priority: 'P1', riskReasons: ['CVSS base score 7.5.', '+1.5: commands can reach it from IT.'], exposure: ['Commands can reach zone cell from IT along office → cell.'],
  firstSeen: 10 * DAY, lastSeen: 10 * DAY, updatedAt: 10 * DAY, ...over,
});

const input = (): ReportInput => ({
  site: 'Springfield <plant>',
  generatedAt: 12 * DAY,
  assets: [
    { id: 'plc1', vendor: 'Walchem', product: 'Intuition 9', version: '4.10', zone: 'cell', linkEncrypted: false },
    { id: 'hmi1', vendor: 'Siemens', product: '=HYPERLINK("x")', zone: 'cell' },
    { id: 'sw1', zone: 'office' },
  ],
  findings: [
    finding({}),
    finding({ id: 'f2', assetId: 'hmi1', cve: 'CVE-2023-1', score: 5, priority: 'P3', verdict: 'possibly-affected', firstSeen: 2 * DAY }),
    finding({ id: 'f3', assetId: 'hmi1', cve: 'CVE-2023-2', state: 'fixed', firstSeen: 2 * DAY, updatedAt: 11 * DAY }),
    finding({ id: 'f4', assetId: 'sw1', cve: 'CVE-2023-3', state: 'accepted', score: 8, priority: 'P2', firstSeen: 1 * DAY }),
  ],
  zones: [{ id: 'office', level: 4 }, { id: 'cell', level: 1, description: 'Filling line <1>' }],
  conduits: [{ from: 'office', to: 'cell', allow: ['commands'], require: { tls: true } }],
  previousAt: 5 * DAY,
  trend: [{ at: 5 * DAY, open: { P1: 0, P2: 1, P3: 1, P4: 0 }, assets: 2 }],
});

describe('assessment report', () => {
  it('counts the inventory, the open findings and the changes since the last report', () => {
    const r = buildReport(input());
    expect(r.summary).toMatchObject({ assets: 3, unknownVersion: 2, unencryptedLinks: 1, affectedAssets: 2, openFindings: { P1: 1, P2: 0, P3: 1, P4: 0 } });
    expect(r.summary.byZone).toEqual([{ zone: 'cell', assets: 2 }, { zone: 'office', assets: 1 }]);
    expect(r.findings.map((f) => f.id)).toEqual(['f1', 'f2']);
    expect(r.changes.found.map((f) => f.id)).toEqual(['f1']);
    expect(r.changes.fixed.map((f) => f.id)).toEqual(['f3']);
    expect(r.trend.map((t) => t.open.P1)).toEqual([0, 1]);
  });

  it('renders HTML with every outside text escaped and the vendor fix first', () => {
    const html = reportHtml(buildReport(input()));
    expect(html).toContain('Springfield &lt;plant&gt;');
    expect(html).toContain('Filling line &lt;1&gt;');
    expect(html).not.toContain('<plant>');
    expect(html).toContain('vendor fix: Upgrade to v4.21 or later. (https://www.walchem.com/)');
    expect(html).toContain('<polyline');
  });

  it('writes CSV a spreadsheet cannot run', () => {
    const csv = reportCsv(buildReport(input()), input().assets);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^priority,score,state,verdict,cve,/);
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell('a,b')).toBe('"a,b"');
  });

  it('draws a PDF that says the same', async () => {
    const pdf = await reportPdf(buildReport(input()), { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // pdfkit writes each text run as hex strings in TJ arrays; read them back.
    const text = [...pdf.toString('latin1').matchAll(/<([0-9a-f]+)>/g)].map((m) => Buffer.from(m[1]!, 'hex').toString('latin1')).join('');
    expect(text).toContain('P1 (9)');
    expect(text).toContain('CVE-2023-38422 on plc1');
    expect(text).toContain('office -> cell: commands, TLS required');
    expect(text).toContain('vendor fix: Upgrade to v4.21 or later.');
  });
});
