/**
 * The assessment report as PDF, drawn with pdfkit from the same data as the HTML page. pdfkit's
 * built-in fonts speak WinAnsi only, so arrows and dashes are written as ASCII and anything else
 * outside Latin-1 becomes "?" rather than a wrong glyph.
 */
import PDFDocument from 'pdfkit';
import type { FindingPriority } from '../exposure.js';
import { firstRemediation, type ReportData } from './model.js';

const REPLACE: Record<string, string> = { '→': '->', '←': '<-', '−': '-', '–': '-', '—': '-', '…': '...', '‘': "'", '’': "'", '“': '"', '”': '"', '·': '-' };
/** Text the standard PDF fonts can show. */
export const pdfText = (s: unknown): string => String(s).replace(/[^\x20-\x7e\xa0-\xff\n]/g, (c) => REPLACE[c] ?? '?');

const COLORS: Record<FindingPriority, string> = { P1: '#b3261e', P2: '#e8710a', P3: '#c9a100', P4: '#5f6368' };

/** The PDF; `compress: false` leaves the page streams readable (tests read the text back). */
export function reportPdf(r: ReportData, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, compress: opts.compress ?? true, info: { Title: pdfText(`Vulnerability assessment - ${r.site}`), Producer: 'Causeway' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const h = (text: string, size = 14) => doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).fillColor('#202124').text(pdfText(text)).font('Helvetica').fontSize(10);
  const p = (text: string) => doc.font('Helvetica').fontSize(10).fillColor('#202124').text(pdfText(text));
  const s = r.summary;
  h(`Vulnerability assessment and security audit - ${r.site}`, 18);
  p(`Generated ${r.generatedAt}${r.since ? `; changes since the last report of ${r.since}` : ''}.`);
  h('Summary');
  p(`${s.assets} assets, ${s.affectedAssets} with open findings; ${s.unknownVersion} without a known firmware version; ${s.unencryptedLinks} reached over unencrypted links.`);
  p(`Open findings: ${(Object.keys(s.openFindings) as FindingPriority[]).map((k) => `${k} ${s.openFindings[k]}`).join(', ')}.`);
  p(`Assets by zone: ${s.byZone.map((z) => `${z.zone} ${z.assets}`).join(', ') || 'none'}.`);
  h('Changes since the last report');
  p(r.changes.found.length + r.changes.fixed.length === 0 ? 'None.' : [
    ...r.changes.found.map((f) => `new: ${f.priority} ${f.cve ?? ''} on ${f.assetId} (${f.advisoryId})`),
    ...r.changes.fixed.map((f) => `fixed: ${f.cve ?? ''} on ${f.assetId} (${f.advisoryId})`),
  ].join('\n'));
  h('Findings by priority');
  if (r.findings.length === 0) p('No open findings.');
  for (const f of r.findings) {
    doc.moveDown(0.4).font('Helvetica-Bold').fontSize(11).fillColor(COLORS[f.priority]).text(pdfText(`${f.priority} (${f.score})  ${f.cve ?? 'no CVE'} on ${f.assetId} - ${f.advisoryId}`));
    p(`${f.verdict === 'affected' ? 'Affected' : 'Possibly affected'}. ${f.reasons.join(' ')}`);
    p(`Why this priority: ${[...f.riskReasons, ...f.exposure].join(' ')}`);
    p(`Remediation: ${firstRemediation(f)}`);
  }
  h('Zones and conduits');
  p(r.zones.map((z) => `${z.id} (Purdue level ${z.level})${z.description ? `: ${z.description}` : ''}`).join('\n') || 'No zones.');
  p(r.conduits.map((c) => `${c.from} -> ${c.to}: ${c.allow.join(', ')}${c.require?.tls ? ', TLS required' : ''}${c.require?.approval ? ', approval required' : ''}`).join('\n') || 'No conduits.');
  h('Posture trend');
  p(r.trend.map((t) => `${new Date(t.at).toISOString()}: P1 ${t.open.P1}, P2 ${t.open.P2}, P3 ${t.open.P3}, P4 ${t.open.P4}; ${t.assets} assets`).join('\n'));
  doc.end();
  return done;
}
