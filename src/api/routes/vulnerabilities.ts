/**
 * Vulnerability findings (issue 16): GET /api/v1/vulnerabilities (ranked, with their reasons),
 * GET /api/v1/vulnerabilities/{id} (with its history), POST
 * /api/v1/vulnerabilities/{id}/mitigate | accept | reopen | assign | comment, POST
 * /api/v1/vulnerabilities/rematch, and GET /api/v1/vulnerability-report (HTML, PDF or CSV). A
 * finding belongs to its asset's zone: engineers (configure there) and auditors read and work on
 * it; accepting a risk needs approve there (an OT engineer). The report covers the whole site and
 * is for auditors. Every change is audited.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { CausewayError } from '../../core/errors.js';
import { durationMs } from '../../core/time.js';
import type { AssessedAsset, Vulnerabilities } from '../../inventory/vulnerabilities.js';
import type { FindingAction } from '../../inventory/findings/workflow.js';
import { reportCsv } from '../../inventory/report/csv.js';
import { reportHtml } from '../../inventory/report/html.js';
import { reportPdf } from '../../inventory/report/pdf.js';
import { can, type Permission } from '../../security/index.js';
import { knownParams } from '../params.js';
import { problems } from '../schemas.js';
import type { HubServices } from '../services.js';
import { audited } from '../zone-guard.js';
import { FindingListSchema, FindingSchema, MatchRunSchema, PrioritySchema, STATE_LIST } from './vulnerability-schemas.js';

const Params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const ListQuery = Type.Object({
  state: Type.Optional(Type.String({ maxLength: 100, description: `States, comma-separated: ${STATE_LIST.join(', ')} (default open).` })),
  priority: Type.Optional(PrioritySchema),
  asset: Type.Optional(Type.String({ maxLength: 200 })),
  zone: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
});
const ReportQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('html'), Type.Literal('pdf'), Type.Literal('csv')], { default: 'html' })),
  record: Type.Optional(Type.Boolean({ description: 'Keep this report\'s posture in the trend and count changes from it next time (default false).' })),
});
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

type Action = { name: FindingAction['action']; permission: Permission; summary: string; body: ReturnType<typeof Type.Object>; action(b: Record<string, unknown>, now: number): FindingAction };
const ACTIONS: Action[] = [
  { name: 'mitigate', permission: 'configure', summary: 'Record a mitigation of an open finding (what was done, e.g. a firewall rule).', body: Type.Object({ comment: Text(2000) }, { additionalProperties: false }), action: (b) => ({ action: 'mitigate', comment: b.comment as string }) },
  {
    name: 'accept', permission: 'approve', summary: 'Accept the risk of a finding with a justification, until an expiry (at most a year); it reopens by itself at the expiry.',
    body: Type.Object({ comment: Text(2000), for: Type.String({ pattern: '^\\d+(\\.\\d+)?(m|h|d)$', description: 'How long, e.g. 90d.' }) }, { additionalProperties: false }),
    action: (b, now) => ({ action: 'accept', comment: b.comment as string, until: now + durationMs(b.for as string, 0) }),
  },
  { name: 'reopen', permission: 'configure', summary: 'Reopen a mitigated, accepted or fixed finding.', body: Type.Object({ comment: Text(2000) }, { additionalProperties: false }), action: (b) => ({ action: 'reopen', comment: b.comment as string }) },
  { name: 'assign', permission: 'configure', summary: 'Give a finding an owner (a team or a person).', body: Type.Object({ owner: Text(200), comment: Type.Optional(Text(2000)) }, { additionalProperties: false }), action: (b) => ({ action: 'assign', owner: b.owner as string, ...(b.comment !== undefined ? { comment: b.comment as string } : {}) }) },
  { name: 'comment', permission: 'configure', summary: 'Add a comment to a finding.', body: Type.Object({ comment: Text(2000) }, { additionalProperties: false }), action: (b) => ({ action: 'comment', comment: b.comment as string }) },
];

const READ: readonly Permission[] = ['configure', 'audit'];

function service(services: HubServices): Vulnerabilities {
  if (!services.vulnerabilities) throw new CausewayError('CW_INVENTORY_FINDING_NOT_FOUND', { id: '(the vulnerability assessment is not running)' });
  return services.vulnerabilities;
}

/** The assets whose findings the caller may read: configure or audit in the asset's zone. */
function visibleAssets(req: FastifyRequest, v: Vulnerabilities, zone?: string): Map<string, AssessedAsset> {
  const mayRead = (a: AssessedAsset) => req.principal === undefined || READ.some((p) => can(req.principal!.subject, p, a.zone !== undefined ? { zone: a.zone } : {}));
  return new Map(v.assets().filter((a) => (zone === undefined || a.zone === zone) && mayRead(a)).map((a) => [a.id, a]));
}

/** A finding with its asset's zone, when it has one. */
const withZone = <T extends object>(f: T, a: AssessedAsset | undefined): T & { zone?: string } => (a?.zone !== undefined ? { ...f, zone: a.zone } : f);

export const vulnerabilityRoutes: FastifyPluginAsyncTypebox<{ services: HubServices }> = async (app, { services }) => {
  app.get('/vulnerabilities', {
    config: { permission: ['configure', 'audit'] },
    preValidation: knownParams(ListQuery),
    schema: { summary: 'Vulnerability findings of the assets the caller may assess, highest risk first, each with why it matched and why it ranks there.', tags: ['vulnerabilities'], querystring: ListQuery, response: { 200: FindingListSchema, ...problems(400, 401, 403) } },
  }, async (req) => {
    const v = service(services);
    const q = req.query;
    const states = (q.state ?? 'open').split(',').map((s) => s.trim()).filter(Boolean);
    const bad = states.find((s) => !(STATE_LIST as readonly string[]).includes(s));
    if (bad) throw new CausewayError('CW_API_BAD_REQUEST', { problem: `state ${bad} is not a finding state; use ${STATE_LIST.join(', ')}` });
    const assets = visibleAssets(req, v, q.zone);
    const page = v.store.list({ states: states as (typeof STATE_LIST)[number][], assets: new Set(assets.keys()), limit: q.limit ?? 100, offset: q.offset ?? 0, ...(q.priority ? { priority: q.priority } : {}), ...(q.asset ? { asset: q.asset } : {}) });
    const last = v.lastMatch;
    return { ...page, items: page.items.map((f) => withZone(f, assets.get(f.assetId))), open: v.store.openByPriority(new Set(assets.keys())), ...(last ? { lastMatch: last } : {}) };
  });

  app.get('/vulnerabilities/:id', {
    config: { permission: ['configure', 'audit'] },
    schema: { summary: 'One finding with its workflow history.', tags: ['vulnerabilities'], params: Params, response: { 200: FindingSchema, ...problems(401, 403, 404) } },
  }, async (req) => {
    const v = service(services);
    const { id } = req.params;
    const f = v.store.get(id);
    const asset = f ? visibleAssets(req, v).get(f.assetId) : undefined;
    if (!f || !asset) throw new CausewayError('CW_INVENTORY_FINDING_NOT_FOUND', { id });
    return { ...withZone(f, asset), history: v.store.history(id) };
  });

  for (const a of ACTIONS) {
    app.post(`/vulnerabilities/:id/${a.name}`, {
      bodyLimit: 16 * 1024,
      config: { permission: a.permission },
      schema: { summary: a.summary, tags: ['vulnerabilities'], params: Params, body: a.body, response: { 200: FindingSchema, ...problems(400, 401, 403, 404, 409) } },
    }, async (req) => {
      const v = service(services);
      const { id } = req.params as { id: string };
      const f = v.store.get(id);
      const asset = f ? visibleAssets(req, v).get(f.assetId) : undefined;
      if (!f || !asset) throw new CausewayError('CW_INVENTORY_FINDING_NOT_FOUND', { id });
      if (req.principal && !can(req.principal.subject, a.permission, asset.zone !== undefined ? { zone: asset.zone } : {})) {
        throw new CausewayError('CW_AUTH_FORBIDDEN', { permission: a.permission, action: `${a.name} on a finding of ${asset.id} in zone ${asset.zone ?? '(none)'}` });
      }
      const body = req.body as Record<string, unknown>;
      const out = await audited(req, services, `vulnerability.${a.name}`, id, () => v.store.act(id, a.action(body, services.now()), req.principal?.actor ?? 'api', services.now()), (r) => ({ state: r.finding.state, asset: asset.id, cve: r.finding.cve, ...body }));
      return { ...withZone(out.finding, asset), history: v.store.history(id) };
    });
  }

  app.post('/vulnerabilities/rematch', {
    config: { permission: 'configure' },
    schema: { summary: 'Match every asset against every imported advisory now (it also runs after an import and when an asset\'s identity changes).', tags: ['vulnerabilities'], response: { 200: MatchRunSchema, ...problems(401, 403) } },
  }, async (req) => audited(req, services, 'vulnerability.rematch', 'all assets', () => service(services).rematch(), (r) => ({ findings: r.findings, changes: r.changes })));

  app.get('/vulnerability-report', {
    config: { permission: 'audit' },
    preValidation: knownParams(ReportQuery),
    schema: { summary: 'The vulnerability assessment and security audit report of the site: HTML, PDF or CSV (auditors).', tags: ['vulnerabilities'], querystring: ReportQuery, response: { ...problems(400, 401, 403) } },
  }, async (req, reply) => {
    const v = service(services);
    const data = v.report(() => true, req.query.record === true);
    const format = req.query.format ?? 'html';
    const stamp = data.generatedAt.slice(0, 10);
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="vulnerabilities-${stamp}.csv"`).send(reportCsv(data, v.assets()));
    if (format === 'pdf') return reply.type('application/pdf').header('content-disposition', `attachment; filename="assessment-${stamp}.pdf"`).send(await reportPdf(data));
    return reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(reportHtml(data));
  });
};
