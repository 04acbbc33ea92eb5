/**
 * Advisories × assets → findings. For each asset: the products it could be (by index), the rule
 * by which it is each of them, then for each vulnerability of each advisory the statuses of the
 * products it matched: not affected or fixed at its version wins (no finding), then affected,
 * then possibly affected (version unknown, range text not understood, under investigation).
 * Every finding carries the sentences that say why.
 */
import type { Advisory, AdvisoryVulnerability, AssetIdentity, CvssScore, Finding } from '../types.js';
import { buildAdvisoryIndex, type AdvisoryIndex, type ProductEntry } from './advisory-index.js';
import { assetVersion, evaluate, type Evaluation } from './evaluate.js';
import { byIdentifier, candidates, groupRule, prepareAsset, type PreparedAsset, type ProductRule } from './product-match.js';

interface Hit { e: ProductEntry; rule: ProductRule }
interface Judged { hit: Hit; status: string; ev: Evaluation; lines?: string[] }

const RANK: Record<string, number> = { 'not-affected': 4, fixed: 3, affected: 2, possibly: 1 };

function cvssFor(v: AdvisoryVulnerability, productId: string): CvssScore | undefined {
  const s = v.scores?.find((x) => x.productIds.includes(productId));
  return s?.cvss3 ?? s?.cvss4 ?? v.cvss3 ?? v.cvss4;
}

function vendorSentence(a: PreparedAsset, e: ProductEntry): string {
  const rules = [...new Set([...(a.vendor?.rules ?? []), ...e.vendor.rules])];
  return `Vendor: the asset's "${a.asset.vendor ?? ''}" is the advisory's "${e.product.vendor.trim()}"${rules.length ? ` (${rules.join('; ')})` : ' (same name)'}.`;
}

/** The sentences for one matched product and status: the same for every vulnerability that names them, so made once. */
function linesOf(a: PreparedAsset, j: Judged): string[] {
  if (j.lines) return j.lines;
  const { e, rule } = j.hit;
  const r: string[] = [];
  if (rule.rule !== 'CPE' && rule.rule !== 'PURL') r.push(vendorSentence(a, e));
  r.push(`Product (${rule.rule}): ${rule.detail}; branch "${[e.product.vendor, e.product.product, e.product.version].filter(Boolean).map((s) => s!.trim()).join(' / ')}", product id ${e.product.productId} ("${e.product.fullName.trim()}").`);
  if (rule.note) r.push(`Note: ${rule.note}.`);
  r.push(`Version: ${j.ev.versionReason}.`);
  r.push(`Status: ${j.status} in ${e.advisory.id}.`);
  const fields = new Set(rule.fields);
  if (!j.ev.versionReason.includes('unknown') || a.asset.version) fields.add(j.ev.versionReason.includes("asset's cpe") ? 'cpe' : j.ev.versionReason.includes("asset's purl") ? 'purl' : 'version');
  r.push(`Asset fields used: ${[...fields].join(', ')}.`);
  if (j.ev.outcome === 'possibly') r.push(`Possibly affected: ${j.ev.possiblyReason ?? 'see above'}.`);
  return (j.lines = r);
}

function reasonsOf(a: PreparedAsset, j: Judged, others: Judged[]): string[] {
  const lines = linesOf(a, j);
  if (!others.length) return lines.slice();
  return [...lines, ...others.map((o) => `Also listed: product id ${o.hit.e.product.productId} as ${o.status} — ${o.ev.outcome === 'out' ? 'not this version' : o.ev.outcome}.`)];
}

/**
 * first_affected and last_affected together bound one range: a version below every first_affected
 * is not made affected by a last_affected, nor one above every last_affected by a first_affected.
 */
function boundedByFirstAndLast(judged: Judged[]): Judged[] {
  const firsts = judged.filter((j) => j.status === 'first_affected');
  const lasts = judged.filter((j) => j.status === 'last_affected');
  if (!firsts.length || !lasts.length) return judged;
  const belowAll = firsts.every((j) => j.ev.outcome === 'out');
  const aboveAll = lasts.every((j) => j.ev.outcome === 'out');
  return judged.filter((j) => !((j.status === 'last_affected' && belowAll) || (j.status === 'first_affected' && aboveAll)));
}

/** The finding for one vulnerability of one advisory, from its judged statuses. */
function judge(a: PreparedAsset, all: Judged[], vuln: AdvisoryVulnerability): Finding | undefined {
  const judged = boundedByFirstAndLast(all);
  let best: Judged | undefined;
  for (const j of judged) if ((RANK[j.ev.outcome] ?? 0) > (RANK[best?.ev.outcome ?? ''] ?? 0)) best = j;
  if (!best || best.ev.outcome === 'not-affected' || best.ev.outcome === 'fixed') return undefined;
  const verdict = best.ev.outcome === 'affected' ? 'affected' : 'possibly-affected';
  const productId = best.hit.e.product.productId;
  const f: Finding = {
    assetId: a.asset.id,
    advisoryId: best.hit.e.advisory.id,
    productId,
    verdict,
    reasons: reasonsOf(a, best, judged.filter((j) => j !== best && j.ev.outcome !== 'out').slice(0, 3)),
    remediations: vuln.remediations.filter((m) => m.productIds.length === 0 || m.productIds.includes(productId)),
  };
  if (vuln.cve) f.cve = vuln.cve;
  const cvss = cvssFor(vuln, productId);
  if (cvss) f.cvss = cvss;
  return f;
}

/** Each matched product's statuses, grouped by vulnerability; one evaluation per product and status kind. */
function judgeHits(a: PreparedAsset, hits: Hit[]): Map<AdvisoryVulnerability, Judged[]> {
  const byVuln = new Map<AdvisoryVulnerability, Judged[]>();
  for (const hit of hits) {
    const av = assetVersion(a.asset, a.version, hit.rule);
    const memo = new Map<string, Judged>();
    for (const s of hit.e.statuses) {
      let j = memo.get(s.status);
      if (!j) memo.set(s.status, (j = { hit, status: s.status, ev: evaluate(s.status, hit.e, hit.rule, av) }));
      if (j.ev.outcome === 'ignored') continue;
      const list = byVuln.get(s.vuln);
      if (list) list.push(j); else byVuln.set(s.vuln, [j]);
    }
  }
  return byVuln;
}

/** Findings for one asset against an index. */
export function matchAsset(index: AdvisoryIndex, asset: AssetIdentity): Finding[] {
  const a = prepareAsset(asset);
  const byAdvisory = new Map<Advisory, Hit[]>();
  const seen = new Set<ProductEntry>();
  const hit = (e: ProductEntry, rule: ProductRule) => {
    seen.add(e);
    const list = byAdvisory.get(e.advisory);
    if (list) list.push({ e, rule }); else byAdvisory.set(e.advisory, [{ e, rule }]);
  };
  const { byId, groups } = candidates(index, a);
  for (const e of byId) {
    const rule = byIdentifier(a, e);
    if (rule) hit(e, rule);
  }
  for (const g of groups) {
    if (!a.vendor || a.vendor.key !== g.vendorKey) continue;
    const rule = groupRule(a, g);
    if (rule) for (const e of g.entries) if (!seen.has(e)) hit(e, rule);
  }
  const out: Finding[] = [];
  for (const hits of byAdvisory.values()) {
    for (const [vuln, judged] of judgeHits(a, hits)) {
      const f = judge(a, judged, vuln);
      if (f) out.push(f);
    }
  }
  return out;
}

/** Every finding of the assets against the advisories (builds the index once). */
export function matchAll(advisories: Advisory[] | AdvisoryIndex, assets: AssetIdentity[]): Finding[] {
  const index = Array.isArray(advisories) ? buildAdvisoryIndex(advisories) : advisories;
  const out: Finding[] = [];
  for (const asset of assets) for (const f of matchAsset(index, asset)) out.push(f);
  return out;
}
