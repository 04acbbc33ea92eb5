/**
 * The shapes the inventory room shares between its parts: an advisory as the CSAF 2.0 reader
 * flattens it, an asset's identity as discovery or a person records it, and a finding as the
 * matcher explains it. Pure types; each part owns its own module.
 */

/** The kinds of `vulnerabilities[].product_status` in CSAF 2.0. */
export const PRODUCT_STATUSES = [
  'known_affected', 'first_affected', 'last_affected',
  'fixed', 'first_fixed',
  'known_not_affected', 'under_investigation', 'recommended',
] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** One leaf of a CSAF product tree, with the branch path that named it. */
export interface AdvisoryProduct {
  /** The document's product id (`CSAFPID-0001`), which `product_status` and `remediations` name. */
  productId: string;
  /** The vendor branch's name as written (`Siemens`, `Rockwell Automation`). */
  vendor: string;
  /** The product name (and family, when the tree has one), as written. */
  product: string;
  /** The product family branch, when the tree has one. */
  family?: string;
  /**
   * The version text as written: a `product_version` (`4.2.1`), a `product_version_range`
   * (`vers:intdot/<8.0.10`, `< 8.0.10`, `<=Firmware_6.62`, `V2.0 and prior`, `All versions`), or
   * absent when the tree names no version.
   */
  version?: string;
  versionKind?: 'product_version' | 'product_version_range';
  /** `product.name` of the leaf, the full human name. */
  fullName: string;
  cpe?: string;
  purls?: string[];
  /** `product_identification_helper.model_numbers` (e.g. Siemens order numbers `6GK5212-2BB00-2AA3`). */
  modelNumbers?: string[];
}

export interface CvssScore {
  version: string;
  baseScore: number;
  baseSeverity?: string;
  vectorString: string;
}

export interface Remediation {
  category: string;
  details: string;
  url?: string;
  productIds: string[];
  date?: string;
}

export interface AdvisoryVulnerability {
  cve?: string;
  cwe?: { id: string; name: string };
  title?: string;
  summary?: string;
  /** Product ids by status kind; absent kinds are empty. */
  status: Partial<Record<ProductStatus, string[]>>;
  cvss3?: CvssScore;
  cvss4?: CvssScore;
  /** Scores with the products they apply to, when the document scores products differently. */
  scores?: { cvss3?: CvssScore; cvss4?: CvssScore; productIds: string[] }[];
  remediations: Remediation[];
  releaseDate?: string;
}

export interface Advisory {
  /** `document.tracking.id`, e.g. `ICSA-23-005-01`. */
  id: string;
  title: string;
  publisher: string;
  initialReleaseDate?: string;
  currentReleaseDate?: string;
  revision?: string;
  /** Where it was imported from (relative to the import folder) and its SHA-512. */
  sourceFile?: string;
  sha512?: string;
  products: AdvisoryProduct[];
  vulnerabilities: AdvisoryVulnerability[];
}

/** What is known about who a device is: the matcher's input. */
export interface AssetIdentity {
  id: string;
  vendor?: string;
  product?: string;
  model?: string;
  /** Firmware or software version as the device reports it. */
  version?: string;
  serial?: string;
  cpe?: string;
  purl?: string;
}

export type FindingVerdict = 'affected' | 'possibly-affected';

/** One advisory's CVE that applies to one asset, with why. */
export interface Finding {
  assetId: string;
  advisoryId: string;
  cve?: string;
  productId: string;
  verdict: FindingVerdict;
  /** Plain sentences: which vendor/product rule matched, which branch, which range, which asset fields. */
  reasons: string[];
  cvss?: CvssScore;
  remediations: Remediation[];
}
