/** The assessment report as one self-contained HTML page (inline style, an SVG trend, no scripts). */
import type { FindingPriority } from '../exposure.js';
import { firstRemediation, type PostureSnapshot, type ReportData } from './model.js';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text made safe for HTML; every value from a device, an advisory or a person goes through it. */
export const esc = (s: unknown): string => String(s).replace(/[&<>"']/g, (c) => ESC[c]!);

const COLORS: Record<FindingPriority, string> = { P1: '#b3261e', P2: '#e8710a', P3: '#c9a100', P4: '#5f6368' };

function table(head: readonly string[], rows: readonly (readonly unknown[])[]): string {
  if (rows.length === 0) return '<p class="none">None.</p>';
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** The open findings by priority over time, one line per priority. */
function trendSvg(trend: readonly PostureSnapshot[]): string {
  if (trend.length < 2) return '<p class="none">The trend starts with this report.</p>';
  const w = 560, h = 160, pad = 24;
  const max = Math.max(1, ...trend.flatMap((s) => Object.values(s.open)));
  const t0 = trend[0]!.at, t1 = trend[trend.length - 1]!.at;
  const x = (t: number) => pad + ((t - t0) / Math.max(1, t1 - t0)) * (w - 2 * pad);
  const y = (n: number) => h - pad - (n / max) * (h - 2 * pad);
  const lines = (Object.keys(COLORS) as FindingPriority[]).map((p) =>
    `<polyline fill="none" stroke="${COLORS[p]}" stroke-width="2" points="${trend.map((s) => `${x(s.at).toFixed(1)},${y(s.open[p]).toFixed(1)}`).join(' ')}"><title>${p}</title></polyline>`);
  return `<svg viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="Open findings by priority over time">
<line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" stroke="#999"/><text x="${pad}" y="14" font-size="11">max ${max}</text>${lines.join('')}</svg>`;
}

export function reportHtml(r: ReportData): string {
  const s = r.summary;
  const pri = (Object.keys(s.openFindings) as FindingPriority[]).map((p) => `<span class="pill" style="background:${COLORS[p]}">${p}: ${s.openFindings[p]}</span>`).join(' ');
  const findings = r.findings.map((f) => `<section class="finding"><h3><span class="pill" style="background:${COLORS[f.priority]}">${esc(f.priority)} · ${esc(f.score)}</span> ${esc(f.cve ?? 'no CVE')} on ${esc(f.assetId)} <small>${esc(f.advisoryId)}</small></h3>
<p><b>${f.verdict === 'affected' ? 'Affected' : 'Possibly affected'}.</b> ${esc(f.reasons.join(' '))}</p>
<p><b>Why this priority:</b> ${esc(f.riskReasons.join(' '))} ${esc(f.exposure.join(' '))}</p>
<p><b>Remediation:</b> ${esc(firstRemediation(f))}</p>${f.owner ? `<p><b>Owner:</b> ${esc(f.owner)}</p>` : ''}</section>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Vulnerability assessment — ${esc(r.site)}</title>
<style>body{font:14px/1.45 system-ui,sans-serif;max-width:960px;margin:2em auto;color:#202124}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left}
.pill{color:#fff;border-radius:9px;padding:1px 8px;font-size:12px}.finding{border-left:3px solid #ddd;padding-left:12px;margin:1em 0}.none{color:#666}small{color:#666}</style></head><body>
<h1>Vulnerability assessment and security audit — ${esc(r.site)}</h1>
<p>Generated ${esc(r.generatedAt)}${r.since ? `; changes since the last report of ${esc(r.since)}` : ''}.</p>
<h2>Summary</h2>
<p>${esc(s.assets)} assets, ${esc(s.affectedAssets)} with open findings; ${esc(s.unknownVersion)} without a known firmware version (matched as possibly affected); ${esc(s.unencryptedLinks)} reached over unencrypted links.</p>
<p>Open findings: ${pri}</p>
${table(['Zone', 'Assets'], s.byZone.map((z) => [z.zone, z.assets]))}
${table(['Vendor', 'Assets'], s.byVendor.map((v) => [v.vendor, v.assets]))}
<h2>Changes since the last report</h2>
${table(['Change', 'Priority', 'CVE', 'Asset', 'Advisory'], [...r.changes.found.map((f) => ['new', f.priority, f.cve ?? '', f.assetId, f.advisoryId]), ...r.changes.fixed.map((f) => ['fixed', f.priority, f.cve ?? '', f.assetId, f.advisoryId])])}
<h2>Findings by priority</h2>
${findings || '<p class="none">No open findings.</p>'}
<h2>Zones and conduits</h2>
${table(['Zone', 'Purdue level', 'Description'], r.zones.map((z) => [z.id, z.level, z.description ?? '']))}
${table(['From', 'To', 'Allows', 'Requires'], r.conduits.map((c) => [c.from, c.to, c.allow.join(', '), [c.require?.tls ? 'TLS' : '', c.require?.approval ? 'approval' : ''].filter(Boolean).join(', ')]))}
<h2>Posture trend</h2>
${trendSvg(r.trend)}
${table(['Report', 'P1', 'P2', 'P3', 'P4', 'Assets'], r.trend.map((t) => [new Date(t.at).toISOString(), t.open.P1, t.open.P2, t.open.P3, t.open.P4, t.assets]))}
</body></html>
`;
}
