/**
 * STAND-IN for the real CSAF reader (helper `csaf-import`, src/inventory/advisories/): a minimal
 * flattening of a CSAF 2.0 document into the shared `Advisory` shape (src/inventory/types.ts), for
 * the matching benchmark and the range coverage report only. No checksum check, no validation.
 * The integrator replaces `flattenCsaf` with the real reader's function.
 */
import fs from 'node:fs';
import path from 'node:path';

function leaves(branches, trail, out) {
  for (const b of branches ?? []) {
    const next = [...trail, b];
    if (b.product) out.push({ trail: next, product: b.product });
    leaves(b.branches, next, out);
  }
  return out;
}

/** One CSAF document (parsed JSON) → Advisory. */
export function flattenCsaf(doc, sourceFile) {
  const products = leaves(doc.product_tree?.branches, [], []).map(({ trail, product }) => {
    const by = (cat) => trail.find((b) => b.category === cat)?.name;
    const ver = trail.find((b) => b.category === 'product_version' || b.category === 'product_version_range');
    const helper = product.product_identification_helper ?? {};
    return {
      productId: product.product_id,
      vendor: by('vendor') ?? '',
      product: by('product_name') ?? product.name,
      family: by('product_family'),
      version: ver?.name,
      versionKind: ver?.category,
      fullName: product.name,
      cpe: helper.cpe,
      purls: helper.purl ? [helper.purl] : helper.purls,
      modelNumbers: helper.model_numbers,
    };
  });
  const vulnerabilities = (doc.vulnerabilities ?? []).map((v) => {
    const cvss3 = v.scores?.find((s) => s.cvss_v3)?.cvss_v3;
    return {
      cve: v.cve,
      cwe: v.cwe,
      title: v.title,
      status: v.product_status ?? {},
      cvss3: cvss3 ? { version: cvss3.version, baseScore: cvss3.baseScore, baseSeverity: cvss3.baseSeverity, vectorString: cvss3.vectorString } : undefined,
      remediations: (v.remediations ?? []).map((r) => ({ category: r.category, details: r.details, url: r.url, productIds: r.product_ids ?? [] })),
    };
  });
  return {
    id: doc.document?.tracking?.id ?? sourceFile,
    title: doc.document?.title ?? '',
    publisher: doc.document?.publisher?.name ?? '',
    sourceFile,
    products,
    vulnerabilities,
  };
}

/** Every `*.json` of a folder, flattened. */
export function readFolder(dir) {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => flattenCsaf(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')), f));
}

/** CSAF_DIR, else the 2023 set beside the checkout (`../shared/…` from the main checkout, `../../shared/…` from a worktree). */
export function defaultCsafDir() {
  if (process.env.CSAF_DIR) return process.env.CSAF_DIR;
  const tries = ['../shared/data/csaf/ot-2023', '../../shared/data/csaf/ot-2023'].map((p) => path.resolve(p));
  return tries.find((p) => fs.existsSync(p)) ?? tries[0];
}
