/** TypeBox schemas of the advisory routes: a stored advisory as the CSAF reader flattens it, lists, the import status. */
import { Type } from 'typebox';

const Str = Type.String();
const Opt = <T extends Parameters<typeof Type.Optional>[0]>(t: T) => Type.Optional(t);

export const CvssSchema = Type.Object({ version: Str, baseScore: Type.Number(), baseSeverity: Opt(Str), vectorString: Str });

const ProductSchema = Type.Object({
  productId: Type.String({ description: 'The document\'s product id, as product status and remediations name it.' }),
  vendor: Str, product: Str, family: Opt(Str),
  version: Opt(Type.String({ description: 'The version or range as written: 4.2.1, vers:intdot/<8.0.10, < 8.0.10, All versions.' })),
  versionKind: Opt(Type.Union([Type.Literal('product_version'), Type.Literal('product_version_range')])),
  fullName: Str, cpe: Opt(Str), purls: Opt(Type.Array(Str)), modelNumbers: Opt(Type.Array(Str)),
  relationship: Opt(Type.Object({ category: Str, productId: Str, relatesTo: Str, relatesToName: Opt(Str) })),
});

const RemediationSchema = Type.Object({
  category: Type.String({ description: 'vendor_fix, mitigation, workaround, none_available, no_fix_planned.' }),
  details: Str, url: Opt(Str), productIds: Type.Array(Str), date: Opt(Str),
});

const Ids = Opt(Type.Array(Str));
const VulnerabilitySchema = Type.Object({
  cve: Opt(Str), cwe: Opt(Type.Object({ id: Str, name: Str })), title: Opt(Str), summary: Opt(Str),
  status: Type.Object({
    known_affected: Ids, first_affected: Ids, last_affected: Ids, fixed: Ids, first_fixed: Ids, known_not_affected: Ids, under_investigation: Ids, recommended: Ids,
  }, { description: 'Product ids by status kind.' }),
  cvss3: Opt(CvssSchema), cvss4: Opt(CvssSchema),
  scores: Opt(Type.Array(Type.Object({ cvss3: Opt(CvssSchema), cvss4: Opt(CvssSchema), productIds: Type.Array(Str) }), { description: 'Scores per product, when the document scores products differently.' })),
  remediations: Type.Array(RemediationSchema), releaseDate: Opt(Str),
});

export const AdvisorySchema = Type.Object({
  id: Type.String({ description: 'document.tracking.id, e.g. ICSA-23-005-01.' }),
  title: Str, publisher: Str, initialReleaseDate: Opt(Str), currentReleaseDate: Opt(Str), revision: Opt(Str),
  trackingStatus: Opt(Str), aggregateSeverity: Opt(Str), url: Opt(Str), sourceFile: Opt(Str), sha512: Opt(Str),
  products: Type.Array(ProductSchema), vulnerabilities: Type.Array(VulnerabilitySchema),
});

export const SummarySchema = Type.Object({
  id: Str, title: Str, publisher: Str, initialReleaseDate: Opt(Str), currentReleaseDate: Opt(Str), revision: Opt(Str),
  vendors: Type.Array(Str), cves: Type.Array(Str), products: Type.Integer(), vulnerabilities: Type.Integer(),
  maxCvss: Opt(Type.Number({ description: 'The highest CVSS v3 (else v4) base score of its vulnerabilities.' })),
  checksum: Type.Union([Type.Literal('verified'), Type.Literal('missing'), Type.Literal('upload')], { description: 'verified against its .sha512, missing (imported without a checksum file), or upload (through the API).' }),
  sourceFile: Opt(Str), importedAt: Type.Number(), updatedAt: Type.Number(),
});

export const ListSchema = Type.Object({
  advisories: Type.Array(SummarySchema), total: Type.Integer({ description: 'Matches in all, before paging.' }), limit: Type.Integer(), offset: Type.Integer(),
});

export const DetailSchema = Type.Object({ summary: SummarySchema, advisory: AdvisorySchema, warnings: Type.Array(Str) });

const RejectionSchema = Type.Object({
  file: Str,
  kind: Type.String({ description: 'checksum-mismatch, checksum-unreadable, checksum-missing, unreadable, not-json, not-csaf or invalid.' }),
  reason: Str,
});

export const StatusSchema = Type.Object({
  advisories: Type.Integer(), products: Type.Integer(), vulnerabilities: Type.Integer(),
  lastImportAt: Opt(Type.Number({ description: 'When the latest import (folder or upload) finished, epoch ms.' })),
  imports: Type.Array(Type.Object({
    seq: Type.Integer(), startedAt: Type.Number(), finishedAt: Type.Number(), source: Type.String({ description: 'The folder, or upload.' }), actor: Str,
    files: Type.Integer(), added: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer(), rejected: Type.Integer(), unverified: Type.Integer(),
    rejections: Type.Array(RejectionSchema),
  }), { description: 'The latest imports, newest first.' }),
});

export const UploadSchema = Type.Object({
  outcome: Type.Union([Type.Literal('added'), Type.Literal('updated'), Type.Literal('unchanged')]),
  advisory: SummarySchema, warnings: Type.Array(Str), note: Opt(Str),
});
