/**
 * Whether an asset is an advisory's product, and by which rule: its CPE or PURL, its model number
 * against the advisory's model/order numbers, the same normalized product name, or the product
 * family (every significant word of the advisory's product name is in the asset's product and
 * model: "SIMATIC S7-1500 CPU family" covers "SIMATIC S7-1500 CPU 1511-1 PN").
 */
import type { AssetIdentity } from '../types.js';
import type { AdvisoryIndex, ProductEntry, ProductGroup } from './advisory-index.js';
import { matchCpe, parseCpe, parsePurl, purlKey, type Cpe, type Purl } from './identifiers.js';
import { compactModel, productKey, vendorKey, type NameKey, type ProductKey } from './normalize.js';
import { compareVersions, hasPrefix, parseVersion, type Version } from './version.js';

export interface PreparedAsset {
  asset: AssetIdentity;
  vendor?: NameKey;
  name?: ProductKey;
  /** Words of the product and the model together (for the index). */
  tokens: Set<string>;
  /** Words of the product, and of the model, in order (for the family rule). */
  productTokens: string[];
  modelTokens: string[];
  models: string[];
  /** One of the asset's models is an order number some advisory of its vendor lists (set by `candidates`). */
  modelKnown?: boolean;
  version?: Version;
  cpe?: Cpe;
  purl?: Purl;
}

/** What devices and people write when they do not know the version. */
const NO_VERSION = /^(?:unknown|n\/?a|none|null|undefined|not available|-+|\?+)$/i;

/** Read an asset's identity once. */
export function prepareAsset(asset: AssetIdentity): PreparedAsset {
  const text = [asset.product, asset.model].filter(Boolean).join(' ');
  const p: PreparedAsset = { asset, tokens: new Set(), models: [], productTokens: [], modelTokens: [] };
  if (asset.vendor?.trim()) p.vendor = vendorKey(asset.vendor, text);
  if (asset.product?.trim()) {
    p.name = productKey(asset.product, asset.vendor);
    p.productTokens = p.name.nameVersion ? [...p.name.tokens, `v${p.name.nameVersion.raw.replace(/^v/i, '')}`.toLowerCase()] : p.name.tokens;
  }
  if (asset.model?.trim()) p.modelTokens = productKey(asset.model, asset.vendor).tokens;
  for (const t of [...p.productTokens, ...p.modelTokens]) p.tokens.add(t);
  for (const m of [asset.model, asset.product]) if (m?.trim()) p.models.push(compactModel(m));
  const v = asset.version?.trim() && !NO_VERSION.test(asset.version.trim()) ? parseVersion(asset.version) : undefined;
  if (v) p.version = v;
  const cpe = asset.cpe ? parseCpe(asset.cpe) : undefined;
  if (cpe) p.cpe = cpe;
  const purl = asset.purl ? parsePurl(asset.purl) : undefined;
  if (purl) p.purl = purl;
  return p;
}

/** Every product the asset could be, before the rules decide: by identifier, and groups by name. */
export function candidates(index: AdvisoryIndex, a: PreparedAsset): { byId: Set<ProductEntry>; groups: Set<ProductGroup> } {
  const byId = new Set<ProductEntry>();
  const groups = new Set<ProductGroup>();
  const addE = (list?: ProductEntry[]) => { if (list) for (const e of list) byId.add(e); };
  const addG = (list?: ProductGroup[]) => { if (list) for (const g of list) groups.add(g); };
  if (a.cpe) {
    addE(index.byCpe.get(`${a.cpe.vendor}:${a.cpe.product}`));
    addE(index.cpeWild);
  }
  if (a.purl) addE(index.byPurl.get(purlKey(a.purl)));
  const b = a.vendor ? index.byVendor.get(a.vendor.key) : undefined;
  if (b) {
    if (a.name) addG(b.byKey.get(a.name.key));
    for (const t of a.tokens) addG(b.byAnchor.get(t));
    for (const m of a.models) {
      const list = b.byModel.get(m);
      if (list) { a.modelKnown = true; addG(list); }
    }
  }
  return { byId, groups };
}

export interface ProductRule {
  /** `CPE`, `PURL`, `model number`, `same product name`, `product family`. */
  rule: string;
  /** One sentence on what met what. */
  detail: string;
  /** Asset fields the rule used. */
  fields: string[];
  /** A version the identifier names, compared instead of the branch range when the tree has none. */
  identifierVersion?: string;
  /** The version the identifier gives the asset, when it names one. */
  assetIdentifierVersion?: string;
  note?: string;
}

/** The name version in `TIA Project-Server V16` against the asset's: true, false, or a note when unknown. */
function nameVersionOk(a: PreparedAsset, name: ProductKey): boolean | string {
  const nv = name.nameVersion;
  if (!nv) return true;
  if (a.name?.nameVersion) return compareVersions(a.name.nameVersion, nv) === 0;
  if (a.version) return hasPrefix(a.version, nv);
  return `the advisory's product name names version ${nv.raw}; the asset's version is unknown`;
}

/** The CPE or PURL rule, when both sides carry one and they meet. */
export function byIdentifier(a: PreparedAsset, e: ProductEntry): ProductRule | undefined {
  if (a.cpe && e.cpe) {
    const m = matchCpe(e.cpe, a.cpe);
    if (m.matched) {
      const r: ProductRule = { rule: 'CPE', detail: `the asset's CPE ${a.asset.cpe} matches the advisory's ${e.product.cpe}`, fields: ['cpe'] };
      if (m.advisoryVersion) r.identifierVersion = m.advisoryVersion;
      if (!['*', '-', ''].includes(a.cpe.version)) r.assetIdentifierVersion = a.cpe.version;
      return r;
    }
  }
  if (a.purl) {
    const p = e.purls.find((x) => purlKey(x) === purlKey(a.purl!));
    if (p) {
      const r: ProductRule = { rule: 'PURL', detail: `the asset's PURL ${a.asset.purl} names the advisory's package pkg:${purlKey(p)}`, fields: ['purl'] };
      if (p.version) r.identifierVersion = p.version;
      if (a.purl.version) r.assetIdentifierVersion = a.purl.version;
      return r;
    }
  }
  return undefined;
}

function startsWith(words: string[], prefix: string[]): boolean {
  return prefix.length < words.length && prefix.every((t, i) => words[i] === t);
}

/** The name rule by which the asset is a group's product (vendor already the same), or undefined. */
export function groupRule(a: PreparedAsset, g: ProductGroup): ProductRule | undefined {
  const model = a.models.find((m) => g.models.has(m));
  if (model) {
    const field = a.asset.model && compactModel(a.asset.model) === model ? 'model' : 'product';
    return { rule: 'model number', detail: `the asset's ${field} "${a.asset[field]}" is a model number the advisory lists for "${g.written}"`, fields: ['vendor', field] };
  }
  // The advisory names this product by other order numbers than the asset's, which it knows: another variant.
  if (g.models.size && a.modelKnown) return undefined;
  let rule: ProductRule | undefined;
  if (a.name && g.name.key && a.name.key === g.name.key) {
    rule = { rule: 'same product name', detail: `the asset's product "${a.asset.product}" is the advisory's "${g.written}" (normalized "${g.name.key}")`, fields: ['vendor', 'product'] };
  } else if (g.name.tokens.length >= 2) {
    const field = startsWith(a.productTokens, g.name.tokens) ? 'product' : startsWith(a.modelTokens, g.name.tokens) ? 'model' : undefined;
    if (field) rule = { rule: 'product family', detail: `the advisory's "${g.written}" (${g.name.tokens.join(' ')}) begins the asset's ${field} "${a.asset[field]}"`, fields: ['vendor', field] };
  }
  if (!rule) return undefined;
  const nv = nameVersionOk(a, g.name);
  if (nv === false) return undefined;
  if (typeof nv === 'string') rule.note = nv;
  else if (g.name.nameVersion) rule.detail += `, and its version is of the ${g.name.nameVersion.raw} the name gives`;
  return rule;
}
