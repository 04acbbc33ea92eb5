/**
 * Flatten a CSAF 2.0 `product_tree` (pure): every product it defines — leaves of the branches
 * (vendor → product_family → product_name → product_version | product_version_range, other
 * categories kept as context), `full_product_names` and the products `relationships` make (a
 * firmware installed on a device) — with the vendor, product, family and version text of the path
 * that named it, its CPE, PURLs and model numbers. `product_groups` are resolved to their products.
 */
import type { AdvisoryProduct } from '../types.js';
import { obj, objects, str, strings, type Json, type Problems } from './shape.js';

/** Deeper branch nesting than any real tree has: refuse it instead of overflowing the stack. */
const MAX_DEPTH = 32;

export interface FlatTree {
  products: AdvisoryProduct[];
  /** product_groups: group id → product ids. */
  groups: Map<string, string[]>;
}

interface Context {
  vendor?: string;
  family?: string;
  product?: string;
  version?: string;
  versionKind?: AdvisoryProduct['versionKind'];
}

/** Vendor, product and version from a CPE (2.3 formatted string or 2.2 URI), for products named by CPE only. */
export function cpeParts(cpe: string): { vendor?: string; product?: string; version?: string } {
  const parts = cpe.startsWith('cpe:2.3:') ? cpe.split(':').slice(3) : cpe.startsWith('cpe:/') ? cpe.slice(5).split(':').slice(1) : [];
  const part = (i: number) => {
    const v = parts[i]?.replace(/\\(.)/g, '$1');
    return v && v !== '*' && v !== '-' ? v : undefined;
  };
  const [vendor, product, version] = [part(0), part(1), part(2)];
  return { ...(vendor ? { vendor } : {}), ...(product ? { product } : {}), ...(version ? { version } : {}) };
}

/** A product definition (`full_product_name`) with its identification helper, in the context of its path. */
function productOf(fp: Json, path: string, ctx: Context, p: Problems): AdvisoryProduct | undefined {
  const productId = str(fp, 'product_id', path, p, true);
  const fullName = str(fp, 'name', path, p, true);
  if (productId === undefined || fullName === undefined) return undefined;
  const pih = obj(fp, 'product_identification_helper', path, p);
  const cpe = pih ? str(pih, 'cpe', `${path}.product_identification_helper`, p) : undefined;
  const purls = pih ? strings(pih, 'purls', `${path}.product_identification_helper`, p) : [];
  const purl = pih ? str(pih, 'purl', `${path}.product_identification_helper`, p) : undefined; // CSAF 2.0 has one purl
  if (purl) purls.unshift(purl);
  const modelNumbers = pih ? strings(pih, 'model_numbers', `${path}.product_identification_helper`, p) : [];
  const fromCpe = ctx.vendor === undefined && cpe ? cpeParts(cpe) : {};
  const vendor = ctx.vendor ?? fromCpe.vendor ?? '';
  const product = ctx.product ?? ctx.family ?? fromCpe.product ?? fullName;
  const version = ctx.version ?? fromCpe.version;
  return {
    productId, vendor, product, fullName,
    ...(ctx.family !== undefined ? { family: ctx.family } : {}),
    ...(version !== undefined ? { version, versionKind: ctx.versionKind ?? 'product_version' } : {}),
    ...(cpe ? { cpe } : {}), ...(purls.length ? { purls } : {}), ...(modelNumbers.length ? { modelNumbers } : {}),
  };
}

/** The context a branch adds for the branches and product below it. */
function within(ctx: Context, category: string, name: string): Context {
  switch (category) {
    case 'vendor': return { ...ctx, vendor: name };
    case 'product_family': return { ...ctx, family: ctx.family ? `${ctx.family} ${name}` : name };
    case 'product_name': return { ...ctx, product: name };
    case 'product_version': return { ...ctx, version: name, versionKind: 'product_version' };
    case 'product_version_range': return { ...ctx, version: name, versionKind: 'product_version_range' };
    // architecture, patch_level, service_pack, language, legacy, specification, host_name: the leaf's full name says them
    default: return ctx;
  }
}

function walk(branches: Array<[Json, string]>, ctx: Context, depth: number, out: AdvisoryProduct[], p: Problems): void {
  if (depth > MAX_DEPTH) {
    p.add(branches[0]?.[1] ?? 'product_tree', `nests branches deeper than ${MAX_DEPTH} levels`);
    return;
  }
  for (const [b, path] of branches) {
    const category = str(b, 'category', path, p, true) ?? '';
    const name = str(b, 'name', path, p, true) ?? '';
    const here = within(ctx, category, name);
    const product = obj(b, 'product', path, p);
    if (product) {
      const found = productOf(product, `${path}.product`, here, p);
      if (found) out.push(found);
    }
    walk(objects(b, 'branches', path, p), here, depth + 1, out, p);
  }
}

/** The products of a relationship: the component's vendor, product and version, under the relationship's own id and name. */
function relationshipProducts(tree: Json, byId: Map<string, AdvisoryProduct>, p: Problems): AdvisoryProduct[] {
  const out: AdvisoryProduct[] = [];
  for (const [r, path] of objects(tree, 'relationships', 'product_tree', p)) {
    const category = str(r, 'category', path, p, true);
    const ref = str(r, 'product_reference', path, p, true);
    const relatesTo = str(r, 'relates_to_product_reference', path, p, true);
    const fp = obj(r, 'full_product_name', path, p, true);
    if (!fp || !ref || !relatesTo || !category) continue;
    const component = byId.get(ref);
    const platform = byId.get(relatesTo);
    const ctx: Context = component
      ? { vendor: component.vendor, product: component.product, ...(component.family ? { family: component.family } : {}), ...(component.version ? { version: component.version, versionKind: component.versionKind } : {}) }
      : {};
    const found = productOf(fp, `${path}.full_product_name`, ctx, p);
    if (found) out.push({ ...found, relationship: { category, productId: ref, relatesTo, ...(platform ? { relatesToName: platform.fullName } : {}) } });
  }
  return out;
}

/** Every product the tree defines, each id once (a repeated id is a problem; the first stands). */
export function flattenProductTree(doc: Json, p: Problems): FlatTree {
  const tree = obj(doc, 'product_tree', '', p);
  const groups = new Map<string, string[]>();
  if (!tree) return { products: [], groups };
  const all: AdvisoryProduct[] = [];
  walk(objects(tree, 'branches', 'product_tree', p), {}, 0, all, p);
  for (const [fp, path] of objects(tree, 'full_product_names', 'product_tree', p)) {
    const found = productOf(fp, path, {}, p);
    if (found) all.push(found);
  }
  const byId = new Map<string, AdvisoryProduct>();
  const keep = (list: AdvisoryProduct[]) => {
    for (const product of list) {
      if (byId.has(product.productId)) p.warn('product_tree', `defines product id ${product.productId} more than once`);
      else byId.set(product.productId, product);
    }
  };
  keep(all);
  keep(relationshipProducts(tree, byId, p));
  for (const [g, path] of objects(tree, 'product_groups', 'product_tree', p)) {
    const id = str(g, 'group_id', path, p, true);
    if (id) groups.set(id, strings(g, 'product_ids', path, p));
  }
  return { products: [...byId.values()], groups };
}

/** Product ids named directly and through groups, each once. */
export function productIdsOf(o: Json, path: string, groups: ReadonlyMap<string, string[]>, p: Problems, key = 'product_ids'): string[] {
  const ids = new Set(strings(o, key, path, p));
  for (const g of strings(o, 'group_ids', path, p)) {
    const members = groups.get(g);
    if (members) members.forEach((id) => ids.add(id));
    else p.warn(`${path}.group_ids`, `names group ${g}, which product_tree.product_groups does not define`);
  }
  return [...ids];
}
