/**
 * The asset inventory: GET /api/v1/assets (filtered by site, zone, vendor and text, paged by limit
 * and offset), GET /api/v1/assets/{id} (with its identity history), POST, PATCH and DELETE for
 * assets kept by hand, and POST /api/v1/assets/import (text/csv, a per-row report).
 *
 * An asset belongs to its zone. Reading it needs configure (OT/IT engineers) or audit (auditors)
 * there: firmware versions and endpoints are what an attacker looks for, so viewers and operators
 * do not see them. Changes need configure in the asset's zone (engineers, admin). A list holds
 * only the caller's zones; an asset outside them answers 404. Every change is audited.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { CausewayError } from '../../core/errors.js';
import { importCsv, CSV_MAX_ROWS } from '../../inventory/assets/csv.js';
import type { Inventory } from '../../inventory/assets/inventory.js';
import type { AssetInput, AssetRecord } from '../../inventory/assets/model.js';
import { can } from '../../security/index.js';
import { knownParams } from '../params.js';
import { problems } from '../schemas.js';
import type { HubServices } from '../services.js';
import { audited } from '../zone-guard.js';
import { AssetSchema, CreateSchema, HistorySchema, ImportReportSchema, ListQuery, PatchSchema } from './asset-schemas.js';

/** Largest CSV body taken by POST /assets/import. */
export const ASSET_IMPORT_MAX_BYTES = 4 * 1024 * 1024;

const Params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) });

/** The caller may read assets in `zone`: configure (engineers) or audit (auditors) there. */
function mayRead(req: FastifyRequest, zone: string | undefined): boolean {
  if (req.principal === undefined) return true;
  const target = zone === undefined ? {} : { zone };
  return can(req.principal.subject, 'configure', target) || can(req.principal.subject, 'audit', target);
}

function mayChange(req: FastifyRequest, zone: string | undefined): boolean {
  return req.principal === undefined || can(req.principal.subject, 'configure', zone === undefined ? {} : { zone });
}

function inventoryOf(services: HubServices): Inventory {
  if (!services.assets) throw new CausewayError('CW_API_NOT_FOUND', { method: 'GET', url: '/api/v1/assets' });
  return services.assets;
}

/** The asset when the caller may read it; else its 404. */
function visible(req: FastifyRequest, inv: Inventory, id: string): AssetRecord {
  const a = inv.get(id);
  if (!a || !mayRead(req, a.zone)) throw new CausewayError('CW_INVENTORY_ASSET_NOT_FOUND', { id });
  return a;
}

function forbidden(action: string): CausewayError {
  return new CausewayError('CW_AUTH_FORBIDDEN', { permission: 'configure', action });
}

const actorOf = (req: FastifyRequest) => req.principal?.actor ?? 'api';

export const assetRoutes: FastifyPluginAsyncTypebox<{ services: HubServices }> = async (app, { services }) => {
  const zoneIds = () => services.zones().zones.map((z) => z.id);

  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: ASSET_IMPORT_MAX_BYTES }, (_req, body, done) => done(null, body));

  app.get('/assets', {
    config: { permission: ['configure', 'audit'] },
    preValidation: knownParams(ListQuery),
    schema: {
      summary: 'The asset inventory in the zones where you may configure or audit: discovered devices and those added by hand, by name; filter by site, zone, vendor and text, page with limit and offset.',
      tags: ['assets'], querystring: ListQuery,
      response: { 200: Type.Object({ assets: Type.Array(AssetSchema), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() }), ...problems(400, 401, 403) },
    },
  }, async (req) => {
    const q = req.query;
    const zones = zoneIds().filter((z) => mayRead(req, z));
    if (zones.length === 0) throw new CausewayError('CW_AUTH_FORBIDDEN', { permission: 'configure or audit', action: 'read the asset inventory' });
    const limit = q.limit ?? 100;
    const offset = q.offset ?? 0;
    const all = zones.length === zoneIds().length;
    const found = inventoryOf(services).list({
      limit, offset, ...(all ? {} : { zones }), ...(q.site ? { site: q.site } : {}), ...(q.zone ? { zone: q.zone } : {}), ...(q.vendor ? { vendor: q.vendor } : {}), ...(q.text ? { text: q.text } : {}),
    });
    return { ...found, limit, offset };
  });

  app.get('/assets/:id', {
    config: { permission: ['configure', 'audit'] },
    schema: {
      summary: 'One asset with its history: discovery, identity and firmware changes, hand edits, imports.',
      tags: ['assets'], params: Params,
      response: { 200: Type.Object({ asset: AssetSchema, history: Type.Array(HistorySchema) }), ...problems(401, 403, 404) },
    },
  }, async (req) => {
    const inv = inventoryOf(services);
    const asset = visible(req, inv, req.params.id);
    return { asset, history: inv.history(asset.id).map((h) => ({ ...h, time: new Date(h.at).toISOString() })) };
  });

  app.post('/assets', {
    bodyLimit: 64 * 1024,
    config: { permission: 'configure' },
    schema: { summary: 'Add an asset the hub does not talk to (HMI, switch, engineering workstation): name and zone required.', tags: ['assets'], body: CreateSchema, response: { 201: AssetSchema, ...problems(400, 401, 403, 409) } },
  }, async (req, reply) => {
    const input = req.body as AssetInput;
    const inv = inventoryOf(services);
    // An unknown zone is a bad request (400, naming the zones), not a refusal.
    if (input.zone && inv.knowsZone(input.zone) && !mayChange(req, input.zone)) throw forbidden(`add assets in zone ${input.zone}`);
    const asset = await audited(req, services, 'asset.create', input.id ?? input.name ?? 'asset', () => inv.create(input, actorOf(req)), (a) => ({ id: a.id, zone: a.zone, vendor: a.vendor, product: a.product, version: a.version }));
    return reply.code(201).send(asset);
  });

  app.patch('/assets/:id', {
    bodyLimit: 64 * 1024,
    config: { permission: 'configure' },
    schema: { summary: 'Change fields of an asset (owner, criticality, identity of a hand-kept device…); an empty text clears a field.', tags: ['assets'], params: Params, body: PatchSchema, response: { 200: AssetSchema, ...problems(400, 401, 403, 404) } },
  }, async (req) => {
    const inv = inventoryOf(services);
    const before = visible(req, inv, req.params.id);
    const input = req.body as AssetInput;
    if (!mayChange(req, before.zone)) throw forbidden(`change assets in zone ${before.zone}`);
    if (input.zone && inv.knowsZone(input.zone) && !mayChange(req, input.zone)) throw forbidden(`move assets into zone ${input.zone}`);
    return audited(req, services, 'asset.update', before.id, () => inv.update(before.id, input, actorOf(req)), () => ({ fields: Object.keys(input) }));
  });

  app.delete('/assets/:id', {
    config: { permission: 'configure' },
    schema: { summary: 'Delete an asset kept by hand (or one whose connection is no longer configured); its history stays.', tags: ['assets'], params: Params, response: { 204: Type.Null(), ...problems(401, 403, 404, 409) } },
  }, async (req, reply) => {
    const inv = inventoryOf(services);
    const before = visible(req, inv, req.params.id);
    if (!mayChange(req, before.zone)) throw forbidden(`delete assets in zone ${before.zone}`);
    await audited(req, services, 'asset.delete', before.id, () => inv.remove(before.id, actorOf(req)), (a) => ({ name: a.name, zone: a.zone }));
    return reply.code(204).send(null);
  });

  app.post('/assets/import', {
    bodyLimit: ASSET_IMPORT_MAX_BYTES,
    config: { permission: 'configure' },
    schema: {
      summary: `Import assets from CSV (text/csv, a header row, at most ${CSV_MAX_ROWS} rows and ${ASSET_IMPORT_MAX_BYTES / 1024 / 1024} MiB): rows with a known id update it, the others add assets; every rejected row is reported with its line and why.`,
      tags: ['assets'], querystring: Type.Object({ file: Type.Optional(Type.String({ maxLength: 200, description: 'The file name, kept as the assets\' origin.' })) }),
      response: { 200: ImportReportSchema, ...problems(400, 401, 403, 413, 415) },
    },
  }, async (req) => {
    if (typeof req.body !== 'string') throw new CausewayError('CW_INVENTORY_CSV_INVALID', { problem: 'the body is not text/csv' });
    const text = req.body;
    const file = req.query.file;
    const inv = inventoryOf(services);
    return audited(req, services, 'asset.import', file ?? 'csv', () => importCsv(inv, text, {
      actor: actorOf(req), mayChange: (z) => mayChange(req, z), maySee: (z) => mayRead(req, z), ...(file ? { file } : {}),
    }), (r) => ({ rows: r.rows, created: r.created.length, updated: r.updated.length, rejected: r.rejected.length }));
  });
};
