/**
 * The vulnerability assessment and security audit report of a site (issue 16 item 5), as data:
 * inventory summary, findings by priority with their remediation, changes since the last report,
 * the zone and conduit picture, and the posture trend. The HTML, PDF and CSV renderings read only
 * this, so all three say the same thing.
 */
import type { ConduitRule } from '../../core/zones.js';
import type { FindingPriority, ZoneLevel } from '../exposure.js';
import type { StoredFinding } from '../findings/store.js';

/** What the report needs to know of an asset. */
export interface ReportAsset {
  id: string;
  name?: string | undefined;
  vendor?: string | undefined;
  product?: string | undefined;
  version?: string | undefined;
  zone?: string | undefined;
  criticality?: string | undefined;
  /** discovered, manual or csv. */
  origin?: string | undefined;
  linkEncrypted?: boolean | undefined;
}

/** The open findings by priority at one moment: the posture trend is a list of these. */
export interface PostureSnapshot {
  at: number;
  open: Record<FindingPriority, number>;
  assets: number;
}

export interface ReportInput {
  site: string;
  generatedAt: number;
  assets: readonly ReportAsset[];
  findings: readonly StoredFinding[];
  zones: readonly (ZoneLevel & { description?: string | undefined })[];
  conduits: readonly ConduitRule[];
  /** The previous report's time (changes are counted since then) and the trend before this one. */
  previousAt?: number | undefined;
  trend: readonly PostureSnapshot[];
}

export interface ReportData {
  site: string;
  generatedAt: string;
  since?: string;
  summary: {
    assets: number;
    byZone: Array<{ zone: string; assets: number }>;
    byVendor: Array<{ vendor: string; assets: number }>;
    unknownVersion: number;
    unencryptedLinks: number;
    openFindings: Record<FindingPriority, number>;
    affectedAssets: number;
  };
  /** Open findings, highest score first. */
  findings: readonly StoredFinding[];
  changes: { found: StoredFinding[]; fixed: StoredFinding[] };
  zones: ReportInput['zones'];
  conduits: readonly ConduitRule[];
  trend: PostureSnapshot[];
}

const PRIORITIES: readonly FindingPriority[] = ['P1', 'P2', 'P3', 'P4'];

function countBy<T>(items: readonly T[], key: (t: T) => string): Array<{ key: string; n: number }> {
  const m = new Map<string, number>();
  for (const t of items) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
  return [...m].map(([k, n]) => ({ key: k, n })).sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
}

/** Build the report's data; the current posture is appended to the trend. */
export function buildReport(input: ReportInput): ReportData {
  const open = input.findings.filter((f) => f.state === 'open').sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const openFindings = Object.fromEntries(PRIORITIES.map((p) => [p, open.filter((f) => f.priority === p).length])) as Record<FindingPriority, number>;
  const since = input.previousAt;
  const found = since === undefined ? [...input.findings] : input.findings.filter((f) => f.firstSeen > since);
  const fixed = since === undefined ? [] : input.findings.filter((f) => f.state === 'fixed' && f.updatedAt > since);
  return {
    site: input.site,
    generatedAt: new Date(input.generatedAt).toISOString(),
    ...(since !== undefined ? { since: new Date(since).toISOString() } : {}),
    summary: {
      assets: input.assets.length,
      byZone: countBy(input.assets, (a) => a.zone ?? '(no zone)').map(({ key, n }) => ({ zone: key, assets: n })),
      byVendor: countBy(input.assets, (a) => a.vendor ?? '(unknown vendor)').map(({ key, n }) => ({ vendor: key, assets: n })),
      unknownVersion: input.assets.filter((a) => a.version === undefined || a.version === '').length,
      unencryptedLinks: input.assets.filter((a) => a.linkEncrypted === false).length,
      openFindings,
      affectedAssets: new Set(open.map((f) => f.assetId)).size,
    },
    findings: open,
    changes: { found, fixed },
    zones: input.zones,
    conduits: input.conduits,
    trend: [...input.trend, { at: input.generatedAt, open: openFindings, assets: input.assets.length }],
  };
}

/** The remediation a finding's reader should act on first: a vendor fix, else a mitigation, else a workaround. */
export function firstRemediation(f: StoredFinding): string {
  const order = ['vendor_fix', 'mitigation', 'workaround', 'none_available', 'no_fix_planned'];
  const r = [...f.remediations].sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category))[0];
  if (!r) return 'The advisory gives no remediation; isolate the device and ask the vendor.';
  return `${r.category.replace(/_/g, ' ')}: ${r.details}${r.url ? ` (${r.url})` : ''}`;
}
