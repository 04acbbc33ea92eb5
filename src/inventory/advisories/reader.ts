/**
 * The CSAF 2.0 reader (pure): one document's text or parsed JSON to the inventory's `Advisory` —
 * the flattened product tree, each vulnerability's CVE, CWE, CVSS v3 and v4 scores per product,
 * product status, remediations with their URLs, and the dates. A document that is not CSAF, or
 * whose structure is broken, is refused with CW_ADVISORY_INVALID naming what is wrong (with JSON
 * paths); problems that leave it usable (a status naming an undefined product) are warnings.
 */
import { createHash } from 'node:crypto';
import { CausewayError } from '../../core/errors.js';
import { PRODUCT_STATUSES, type Advisory, type AdvisoryVulnerability, type CvssScore, type ProductStatus, type Remediation } from '../types.js';
import { flattenProductTree, productIdsOf } from './product-tree.js';
import { isObject, obj, objects, Problems, str, type Json } from './shape.js';

/** The CSAF versions the reader understands (2.1 documents are read the same way, with their metrics). */
export const CSAF_VERSIONS = ['2.0', '2.1'] as const;

export interface ReadResult {
  advisory: Advisory;
  /** What is wrong but does not stop the document from being used. */
  warnings: string[];
}

/** Why a document is refused: `not-json`, `not-csaf` (some other JSON) or `invalid` (CSAF with broken structure). */
export type RefusalKind = 'not-json' | 'not-csaf' | 'invalid';

/** CW_ADVISORY_INVALID with the kind of refusal, for import reports. */
export class AdvisoryRefusal extends CausewayError<'CW_ADVISORY_INVALID'> {
  readonly kind: RefusalKind;

  constructor(kind: RefusalKind, file: string, problem: string) {
    super('CW_ADVISORY_INVALID', { file, problem });
    this.kind = kind;
  }
}

function cvssOf(o: Json | undefined, path: string, p: Problems): CvssScore | undefined {
  if (!o) return undefined;
  const baseScore = o.baseScore;
  const vectorString = str(o, 'vectorString', path, p, true);
  const version = str(o, 'version', path, p, true);
  if (typeof baseScore !== 'number' || !Number.isFinite(baseScore) || baseScore < 0 || baseScore > 10) {
    p.add(`${path}.baseScore`, 'must be a number from 0 to 10');
    return undefined;
  }
  if (vectorString === undefined || version === undefined) return undefined;
  const baseSeverity = str(o, 'baseSeverity', path, p);
  return { version, baseScore, vectorString, ...(baseSeverity ? { baseSeverity } : {}) };
}

const higher = (a: CvssScore | undefined, b: CvssScore | undefined) => (a === undefined || (b !== undefined && b.baseScore > a.baseScore) ? b : a);

/** Scores per product: CSAF 2.0 `scores[]` (cvss_v3, and cvss_v4 where a producer adds it) and CSAF 2.1 `metrics[].content`. */
function scoresOf(v: Json, path: string, p: Problems): NonNullable<AdvisoryVulnerability['scores']> {
  const out: NonNullable<AdvisoryVulnerability['scores']> = [];
  const entries = [
    ...objects(v, 'scores', path, p).map(([s, at]) => ({ content: s, at, products: s })),
    ...objects(v, 'metrics', path, p).map(([m, at]) => ({ content: obj(m, 'content', at, p, true) ?? {}, at: `${at}.content`, products: m })),
  ];
  for (const { content, at, products } of entries) {
    const cvss3 = cvssOf(obj(content, 'cvss_v3', at, p), `${at}.cvss_v3`, p);
    const cvss4 = cvssOf(obj(content, 'cvss_v4', at, p), `${at}.cvss_v4`, p);
    const productIds = productIdsOf(products, at, new Map(), p, 'products');
    if (cvss3 || cvss4) out.push({ ...(cvss3 ? { cvss3 } : {}), ...(cvss4 ? { cvss4 } : {}), productIds });
  }
  return out;
}

function remediationsOf(v: Json, path: string, groups: ReadonlyMap<string, string[]>, p: Problems): Remediation[] {
  return objects(v, 'remediations', path, p).flatMap(([r, at]) => {
    const category = str(r, 'category', at, p, true);
    const details = str(r, 'details', at, p, true);
    if (category === undefined || details === undefined) return [];
    const url = str(r, 'url', at, p);
    const date = str(r, 'date', at, p);
    return [{ category, details, productIds: productIdsOf(r, at, groups, p), ...(url ? { url } : {}), ...(date ? { date } : {}) }];
  });
}

/** The first note of the given categories, in that order of preference. */
function noteText(v: Json, path: string, p: Problems, categories: readonly string[]): string | undefined {
  const notes = objects(v, 'notes', path, p);
  for (const c of categories) {
    const found = notes.find(([n]) => n.category === c && typeof n.text === 'string');
    if (found) return found[0].text as string;
  }
  return undefined;
}

function vulnerabilityOf(v: Json, path: string, groups: ReadonlyMap<string, string[]>, p: Problems): AdvisoryVulnerability {
  const cve = str(v, 'cve', path, p);
  const cweObj = obj(v, 'cwe', path, p);
  const cweId = cweObj ? str(cweObj, 'id', `${path}.cwe`, p, true) : undefined;
  const cweName = cweObj ? str(cweObj, 'name', `${path}.cwe`, p) : undefined;
  const title = str(v, 'title', path, p);
  const summary = noteText(v, path, p, ['summary', 'description', 'details']);
  const status: Partial<Record<ProductStatus, string[]>> = {};
  const ps = obj(v, 'product_status', path, p);
  if (ps) {
    for (const kind of PRODUCT_STATUSES) {
      const ids = productIdsOf(ps, `${path}.product_status`, groups, p, kind);
      if (ids.length) status[kind] = ids;
    }
  }
  const scores = scoresOf(v, path, p);
  const cvss3 = scores.reduce<CvssScore | undefined>((best, s) => higher(best, s.cvss3), undefined);
  const cvss4 = scores.reduce<CvssScore | undefined>((best, s) => higher(best, s.cvss4), undefined);
  const releaseDate = str(v, 'release_date', path, p) ?? str(v, 'discovery_date', path, p);
  return {
    ...(cve ? { cve } : {}), ...(cweId ? { cwe: { id: cweId, name: cweName ?? '' } } : {}), ...(title ? { title } : {}), ...(summary ? { summary } : {}),
    status, ...(cvss3 ? { cvss3 } : {}), ...(cvss4 ? { cvss4 } : {}), ...(scores.length > 1 ? { scores } : {}),
    remediations: remediationsOf(v, path, groups, p), ...(releaseDate ? { releaseDate } : {}),
  };
}

/** The product ids a vulnerability names that the tree does not define: warnings. */
function checkReferences(a: Advisory, p: Problems): void {
  const known = new Set(a.products.map((x) => x.productId));
  a.vulnerabilities.forEach((v, i) => {
    const named = [...Object.values(v.status).flat(), ...v.remediations.flatMap((r) => r.productIds), ...(v.scores ?? []).flatMap((s) => s.productIds)];
    const missing = [...new Set(named.filter((id) => !known.has(id)))];
    if (missing.length) p.warn(`vulnerabilities[${i}]`, `names product ids the product tree does not define: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`);
  });
}

/** Read a parsed CSAF document; `file` names it in errors. Throws AdvisoryRefusal. */
export function readCsaf(doc: unknown, file = 'the document'): ReadResult {
  if (!isObject(doc)) throw new AdvisoryRefusal('not-csaf', file, 'it is not a CSAF document (the JSON is not an object)');
  const p = new Problems();
  const document = isObject(doc.document) ? doc.document : undefined;
  const version = document?.csaf_version;
  if (!document || version === undefined) throw new AdvisoryRefusal('not-csaf', file, 'it is not a CSAF document (it has no document.csaf_version)');
  if (!(CSAF_VERSIONS as readonly unknown[]).includes(version)) throw new AdvisoryRefusal('invalid', file, `CSAF version ${JSON.stringify(version)} is not supported (only ${CSAF_VERSIONS.join(' and ')})`);
  const title = str(document, 'title', 'document', p, true);
  const publisher = obj(document, 'publisher', 'document', p, true);
  const publisherName = publisher ? str(publisher, 'name', 'document.publisher', p, true) : undefined;
  const tracking = obj(document, 'tracking', 'document', p, true);
  const at = 'document.tracking';
  const id = tracking ? str(tracking, 'id', at, p, true) : undefined;
  const revision = tracking ? str(tracking, 'version', at, p, true) : undefined;
  const initial = tracking ? str(tracking, 'initial_release_date', at, p, true) : undefined;
  const current = tracking ? str(tracking, 'current_release_date', at, p, true) : undefined;
  const trackingStatus = tracking ? str(tracking, 'status', at, p) : undefined;
  for (const [name, date] of [['initial_release_date', initial], ['current_release_date', current]] as const) {
    if (date !== undefined && Number.isNaN(Date.parse(date))) p.add(`${at}.${name}`, `is not a date: ${JSON.stringify(date.slice(0, 40))}`);
  }
  const severity = obj(document, 'aggregate_severity', 'document', p);
  const aggregateSeverity = severity ? str(severity, 'text', 'document.aggregate_severity', p) : undefined;
  const self = objects(document, 'references', 'document', p).find(([r]) => r.category === 'self' && typeof r.url === 'string');
  const tree = flattenProductTree(doc, p);
  const vulnerabilities = objects(doc, 'vulnerabilities', '', p).map(([v, path]) => vulnerabilityOf(v, path.replace(/^\./, ''), tree.groups, p));
  if (p.list.length > 0 || id === undefined || title === undefined) throw new AdvisoryRefusal('invalid', file, p.summary());
  const advisory: Advisory = {
    id, title, publisher: publisherName ?? '',
    ...(initial ? { initialReleaseDate: initial } : {}), ...(current ? { currentReleaseDate: current } : {}), ...(revision ? { revision } : {}),
    ...(trackingStatus ? { trackingStatus } : {}), ...(aggregateSeverity ? { aggregateSeverity } : {}), ...(self ? { url: self[0].url as string } : {}),
    products: tree.products, vulnerabilities,
  };
  checkReferences(advisory, p);
  return { advisory, warnings: p.warnings };
}

/** Parse and read a document's bytes; `file` names it in errors. Throws AdvisoryRefusal. */
export function parseCsaf(bytes: string | Buffer, file = 'the document'): ReadResult {
  let doc: unknown;
  try {
    doc = JSON.parse(typeof bytes === 'string' ? bytes : bytes.toString('utf8'));
  } catch (e) {
    throw new AdvisoryRefusal('not-json', file, `it is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const read = readCsaf(doc, file);
  read.advisory.sha512 = sha512(bytes);
  return read;
}

/** The SHA-512 of a document's bytes, hex (what CISA's .sha512 files hold). */
export function sha512(bytes: string | Buffer): string {
  return createHash('sha512').update(bytes).digest('hex');
}
