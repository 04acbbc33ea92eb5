/**
 * GET /api/v1/namespace — browse the plant's namespace one level at a time, or search it: with
 * `template=` (assets of that template or one extending it, and their attributes) and/or `q=`
 * (words in the path, name, description or unit), paged by `limit` and `offset`.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CausewayError } from '../../core/errors.js';
import { checkedPath } from '../params.js';
import { browseScope } from '../scopes.js';
import { problems } from '../schemas.js';
import type { HubServices } from '../services.js';
import { can } from '../../security/index.js';

const NodeSchema = Type.Object({
  name: Type.String(),
  path: Type.String(),
  kind: Type.Union([Type.Literal('folder'), Type.Literal('asset'), Type.Literal('attribute'), Type.Literal('tag')]),
  leafCount: Type.Integer({ description: 'Attributes and raw tags at or below this node.' }),
  template: Type.Optional(Type.String()),
});
const AlarmsSchema = Type.Object({ hihi: Type.Optional(Type.Number()), hi: Type.Optional(Type.Number()), lo: Type.Optional(Type.Number()), lolo: Type.Optional(Type.Number()), deadband: Type.Optional(Type.Number()) });
export const AttributeSchema = Type.Object({
  path: Type.String(), asset: Type.String(), name: Type.String(), template: Type.Optional(Type.String()),
  type: Type.String({ description: 'number, boolean, string, counter or state.' }), valueType: Type.String({ description: 'How values are sent: number, boolean or string.' }),
  unit: Type.Optional(Type.String()), description: Type.Optional(Type.String()),
  min: Type.Optional(Type.Number()), max: Type.Optional(Type.Number()), writable: Type.Boolean(),
  states: Type.Optional(Type.Record(Type.String(), Type.String())), alarms: Type.Optional(AlarmsSchema), required: Type.Optional(Type.Boolean()),
  boundTo: Type.Optional(Type.String()), calc: Type.Optional(Type.String({ description: 'The expression of a calculated attribute.' })),
});
const AssetSchema = Type.Object({
  path: Type.String(), template: Type.Optional(Type.String()), description: Type.Optional(Type.String()), attributes: Type.Array(Type.String()),
  children: Type.Optional(Type.Array(Type.String(), { description: 'Child assets (composition).' })), implicit: Type.Optional(Type.Boolean({ description: "Created from its parent's template, not declared." })),
});
const MatchSchema = Type.Object({
  kind: Type.Union([Type.Literal('asset'), Type.Literal('attribute')]), path: Type.String(), name: Type.String(),
  template: Type.Optional(Type.String()), type: Type.Optional(Type.String()), unit: Type.Optional(Type.String()), description: Type.Optional(Type.String()),
});

const Query = Type.Object({
  path: Type.Optional(Type.String({ maxLength: 512 })),
  template: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$', description: 'Search: assets of this template (or one extending it) and their attributes.' })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Search: words that must all appear in the path, name, description or unit (case-insensitive).' })),
  kind: Type.Optional(Type.Union([Type.Literal('asset'), Type.Literal('attribute')], { description: 'Search: only assets, or only attributes.' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
});

export const namespaceRoutes: FastifyPluginAsyncTypebox<{ services: HubServices }> = async (app, { services }) => {
  app.get('/namespace', {
    config: { permission: 'read', scope: browseScope },
    schema: {
      summary: 'The children of a path (the roots when path is omitted), with the asset or attribute at that path; with template= or q=, the matching assets and attributes at or below it.',
      tags: ['namespace'],
      querystring: Query,
      response: {
        200: Type.Object({
          path: Type.String(), asset: Type.Optional(AssetSchema), attribute: Type.Optional(AttributeSchema), children: Type.Optional(Type.Array(NodeSchema)),
          matches: Type.Optional(Type.Array(MatchSchema)), total: Type.Optional(Type.Integer({ description: 'Matches in all, before paging.' })),
          limit: Type.Optional(Type.Integer()), offset: Type.Optional(Type.Integer()),
        }),
        ...problems(400, 404),
      },
    },
  }, async (req) => {
    const { template, q, kind } = req.query;
    const raw = req.query.path ?? '';
    const path = raw === '' || raw === '/' ? '' : checkedPath(raw);
    if (path !== '' && !services.namespace.has(path)) throw new CausewayError('CW_API_PATH_NOT_FOUND', { path });
    if (template !== undefined || q !== undefined || kind !== undefined) {
      const limit = req.query.limit ?? 100;
      const offset = req.query.offset ?? 0;
      const found = services.namespace.search({ path, limit, offset, ...(template ? { template } : {}), ...(q ? { q } : {}), ...(kind ? { kind } : {}) });
      return { path, matches: found.matches, total: found.total, limit, offset };
    }
    const asset = path ? services.namespace.asset(path) : undefined;
    // Structure is for browsing down; an attribute's details (its binding, limits) only where its values may be read.
    const found = path ? services.namespace.attribute(path) : undefined;
    const zone = found ? services.security.zoneOf(found.path) : undefined;
    const attribute = found && (!req.principal || can(req.principal.subject, 'read', { path: found.path, ...(zone ? { zone } : {}) })) ? found : undefined;
    return { path, ...(asset ? { asset } : {}), ...(attribute ? { attribute } : {}), children: services.namespace.browse(path) };
  });
};
