/** The assessment's findings as CSV (RFC 4180), one row per open finding, safe to open in a spreadsheet. */
import { firstRemediation, type ReportAsset, type ReportData } from './model.js';

/** A cell quoted as RFC 4180 wants, and never read as a formula by a spreadsheet (a leading = + - @ gets a '). */
export function csvCell(v: unknown): string {
  let s = v === undefined || v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const HEAD = ['priority', 'score', 'state', 'verdict', 'cve', 'advisory', 'asset', 'vendor', 'product', 'version', 'zone', 'owner', 'remediation', 'reasons'];

export function reportCsv(r: ReportData, assets: readonly ReportAsset[]): string {
  const byId = new Map(assets.map((a) => [a.id, a]));
  const rows = r.findings.map((f) => {
    const a = byId.get(f.assetId);
    return [f.priority, f.score, f.state, f.verdict, f.cve, f.advisoryId, f.assetId, a?.vendor, a?.product, a?.version, a?.zone, f.owner, firstRemediation(f), [...f.reasons, ...f.riskReasons].join(' ')];
  });
  return [HEAD, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
