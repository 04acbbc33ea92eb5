/**
 * Security advisories (CSAF 2.0): GET /api/v1/advisories (filter by vendor, product, CVE, text;
 * limit/offset paging), GET /api/v1/advisories/{id} (products, vulnerabilities, remediations),
 * GET /api/v1/advisories/import-status (what is stored, the latest imports and their rejected
 * files) and POST /api/v1/advisories (one CSAF JSON document, read and refused as the folder import
 * does). Advisories are security data: reading them needs the audit or configure permission
 * (auditors, OT and IT engineers, admins — not viewers or operators); an upload needs configure
 * site-wide, and each upload is audited (advisory.upload) with its outcome.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { CausewayError } from '../../core/errors.js';
import type { AdvisoryService } from '../../inventory/advisories/index.js';
import { canSomewhere } from '../../security/index.js';
import { knownParams } from '../params.js';
import { siteScope } from '../scopes.js';
import { problems } from '../schemas.js';
import type { HubServices } from '../services.js';
import { audited } from '../zone-guard.js';
import { DetailSchema, ListSchema, StatusSchema, UploadSchema } from './advisory-schemas.js';

const ListQuery = Type.Object({
  vendor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Vendor name; a part of it matches, case-insensitive.' })),
  product: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Product name or full product name; a part of it matches.' })),
  cve: Type.Optional(Type.String({ pattern: '^[Cc][Vv][Ee]-\\d{4}-\\d{4,}$', description: 'A CVE id, e.g. CVE-2023-4299.' })),
  text: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Words that must all appear in the id, title, publisher, vendors, product names or CVEs.' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
});
const Params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200, description: 'The advisory\'s tracking id, e.g. ICSA-23-243-04.' }) });

/** Reading advisories is for those who may audit or configure (not viewers or operators). */
function mayReadAdvisories(req: FastifyRequest): void {
  const s = req.principal?.subject;
  if (s && !canSomewhere(s, 'audit') && !canSomewhere(s, 'configure')) {
    throw new CausewayError('CW_AUTH_FORBIDDEN', { permission: 'audit or configure', action: 'read security advisories' });
  }
}

function storeOf(services: HubServices): AdvisoryService {
  if (!services.advisories) throw new CausewayError('CW_ADVISORY_STORE', { dir: 'the data directory', reason: 'the hub could not open advisories.sqlite at start (the hub log says why)' });
  return services.advisories;
}

export const advisoryRoutes: FastifyPluginAsyncTypebox<{ services: HubServices }> = async (app, { services }) => {
  // An upload is read from its bytes, so its SHA-512 is the file's (as in a folder import).
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.get('/advisories', {
    config: { permission: ['configure', 'audit'] },
    preValidation: knownParams(ListQuery),
    preHandler: async (req) => mayReadAdvisories(req),
    schema: { summary: 'Security advisories (CSAF), newest release first: filter by vendor, product, CVE and text; page with limit and offset.', tags: ['advisories'], querystring: ListQuery, response: { 200: ListSchema, ...problems(400, 401, 403) } },
  }, async (req) => {
    const { vendor, product, cve, text } = req.query;
    const limit = req.query.limit ?? 100;
    const offset = req.query.offset ?? 0;
    const found = storeOf(services).list({ limit, offset, ...(vendor ? { vendor } : {}), ...(product ? { product } : {}), ...(cve ? { cve } : {}), ...(text ? { text } : {}) });
    return { ...found, limit, offset };
  });

  app.get('/advisories/import-status', {
    config: { permission: ['configure', 'audit'] },
    preHandler: async (req) => mayReadAdvisories(req),
    schema: { summary: 'What the advisory store holds, when it was last imported, and the latest imports with each rejected file and why.', tags: ['advisories'], response: { 200: StatusSchema, ...problems(401, 403) } },
  }, async () => storeOf(services).status());

  app.get('/advisories/:id', {
    config: { permission: ['configure', 'audit'] },
    preHandler: async (req) => mayReadAdvisories(req),
    schema: { summary: 'One advisory: its products (vendor, product, version or range, product ids), vulnerabilities (CVE, CWE, CVSS, status by product) and remediations.', tags: ['advisories'], params: Params, response: { 200: DetailSchema, ...problems(401, 403, 404) } },
  }, async (req) => {
    const found = storeOf(services).get(req.params.id);
    if (!found) throw new CausewayError('CW_ADVISORY_NOT_FOUND', { id: req.params.id });
    return found;
  });

  app.post('/advisories', {
    config: { permission: 'configure', scope: siteScope },
    schema: {
      summary: 'Upload one CSAF 2.0 advisory (the JSON document as the publisher ships it, Content-Type application/json): added, updated (a newer release of a stored id) or unchanged; refused with the problem when it is not usable. Audited.',
      tags: ['advisories'], response: { 200: UploadSchema, 201: UploadSchema, ...problems(400, 401, 403, 413, 415) },
    },
  }, async (req, reply) => {
    const bytes = req.body;
    if (!Buffer.isBuffer(bytes)) throw new CausewayError('CW_API_BAD_REQUEST', { problem: 'the body must be one CSAF JSON document sent as application/json' });
    const store = storeOf(services);
    const actor = req.principal?.actor ?? 'api';
    const result = await audited(req, services, 'advisory.upload', 'advisories', () => store.upload(bytes, { actor, now: services.now }),
      (r) => ({ id: r.advisory.id, revision: r.advisory.revision, outcome: r.outcome }));
    return reply.code(result.outcome === 'added' ? 201 : 200).send(result);
  });
};
