/**
 * The advisories' products, read once and indexed so that an asset meets only the products it
 * could be: by normalized vendor, then by the product name's rarest word, by exact name, by model
 * number; and globally by CPE vendor:product and by PURL.
 */
import type { Advisory, AdvisoryProduct, AdvisoryVulnerability, ProductStatus } from '../types.js';
import { parseCpe, parsePurl, purlKey, type Cpe, type Purl } from './identifiers.js';
import { compactModel, productKey, vendorKey, type NameKey, type ProductKey } from './normalize.js';
import { readProductVersion, type ProductVersion } from './product-version.js';

export interface ProductEntry {
  advisory: Advisory;
  product: AdvisoryProduct;
  vendor: NameKey;
  name: ProductKey;
  /** Model and order numbers, compacted. */
  models: Set<string>;
  version: ProductVersion;
  cpe?: Cpe;
  purls: Purl[];
  /** This product's statuses, one per vulnerability that names it. */
  statuses: { vuln: AdvisoryVulnerability; status: ProductStatus }[];
}

/** Entries of one vendor with the same product name and model numbers: the name rules are decided once for them all. */
export interface ProductGroup {
  vendorKey: string;
  name: ProductKey;
  models: Set<string>;
  /** The product name as the first advisory wrote it, for the reasons. */
  written: string;
  entries: ProductEntry[];
}

interface VendorBucket {
  groups: Map<string, ProductGroup>;
  byAnchor: Map<string, ProductGroup[]>;
  byKey: Map<string, ProductGroup[]>;
  byModel: Map<string, ProductGroup[]>;
}

export interface AdvisoryIndex {
  byVendor: Map<string, VendorBucket>;
  byCpe: Map<string, ProductEntry[]>;
  /** CPEs whose vendor or product holds a wildcard: tried for every asset with a CPE. */
  cpeWild: ProductEntry[];
  byPurl: Map<string, ProductEntry[]>;
  products: number;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v); else m.set(k, [v]);
}

/** Product id → the statuses the advisory's vulnerabilities give it. */
function statusesOf(a: Advisory): Map<string, { vuln: AdvisoryVulnerability; status: ProductStatus }[]> {
  const out = new Map<string, { vuln: AdvisoryVulnerability; status: ProductStatus }[]>();
  for (const vuln of a.vulnerabilities) {
    for (const [status, ids] of Object.entries(vuln.status) as [ProductStatus, string[] | undefined][]) {
      for (const id of ids ?? []) push(out, id, { vuln, status });
    }
  }
  return out;
}

function entryOf(advisory: Advisory, p: AdvisoryProduct, statuses: ProductEntry['statuses']): ProductEntry {
  const name = productKey(p.product, p.vendor);
  const models = new Set<string>([...(p.modelNumbers ?? []).map(compactModel), ...name.orderNumbers].filter((m) => m.length >= 4));
  const e: ProductEntry = {
    advisory, product: p, vendor: vendorKey(p.vendor), name, models, version: readProductVersion(p),
    purls: (p.purls ?? []).map(parsePurl).filter((x): x is Purl => !!x), statuses,
  };
  const cpe = p.cpe ? parseCpe(p.cpe) : undefined;
  if (cpe) e.cpe = cpe;
  return e;
}

/** Read and index every product of every advisory that some vulnerability names. */
export function buildAdvisoryIndex(advisories: Advisory[]): AdvisoryIndex {
  const index: AdvisoryIndex = { byVendor: new Map(), byCpe: new Map(), cpeWild: [], byPurl: new Map(), products: 0 };
  const entries: ProductEntry[] = [];
  for (const a of advisories) {
    const statuses = statusesOf(a);
    for (const p of a.products) {
      const st = statuses.get(p.productId);
      if (!st) continue;
      entries.push(entryOf(a, p, st));
    }
  }
  index.products = entries.length;
  const freq = new Map<string, Map<string, number>>();
  for (const e of entries) {
    let f = freq.get(e.vendor.key);
    if (!f) freq.set(e.vendor.key, (f = new Map()));
    for (const t of new Set(e.name.tokens)) f.set(t, (f.get(t) ?? 0) + 1);
  }
  for (const e of entries) {
    let b = index.byVendor.get(e.vendor.key);
    if (!b) index.byVendor.set(e.vendor.key, (b = { groups: new Map(), byAnchor: new Map(), byKey: new Map(), byModel: new Map() }));
    const gk = `${e.name.key}|${e.name.nameVersion?.raw ?? ''}|${[...e.models].sort().join(',')}`;
    const g = b.groups.get(gk);
    if (g) g.entries.push(e);
    else {
      const ng: ProductGroup = { vendorKey: e.vendor.key, name: e.name, models: e.models, written: e.product.product.trim(), entries: [e] };
      b.groups.set(gk, ng);
      if (e.name.key) push(b.byKey, e.name.key, ng);
      if (e.name.tokens.length >= 2) {
        const f = freq.get(e.vendor.key)!;
        const anchor = e.name.tokens.reduce((best, t) => (f.get(t)! < f.get(best)! ? t : best));
        push(b.byAnchor, anchor, ng);
      }
      for (const m of e.models) push(b.byModel, m, ng);
    }
    if (e.cpe) {
      if (/[*?]/.test(e.cpe.vendor + e.cpe.product)) index.cpeWild.push(e);
      else push(index.byCpe, `${e.cpe.vendor}:${e.cpe.product}`, e);
    }
    for (const p of e.purls) push(index.byPurl, purlKey(p), e);
  }
  return index;
}
