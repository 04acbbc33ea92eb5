/** GET /audit — the audit log for auditors, newest first; GET /audit/verify — check the keyed chain and the exported checkpoints. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { parseTime } from '../../core/time.js';
import { CausewayError } from '../../core/errors.js';
import { problems } from '../schemas.js';
import type { HubSecurity } from '../security-services.js';

const RecordSchema = Type.Object({
  seq: Type.Integer(), ts: Type.Number(), time: Type.String(), actor: Type.String(), address: Type.Optional(Type.String()),
  action: Type.String(), target: Type.Optional(Type.String()), outcome: Type.String(),
  detail: Type.Optional(Type.Record(Type.String(), Type.Unknown())), hash: Type.String(), prevHash: Type.String(),
  mac: Type.Optional(Type.String({ description: 'HMAC-SHA256 under the audit key (records from the keyed chain\'s anchor on).' })),
});

const VerifySchema = Type.Object({
  ok: Type.Boolean(), count: Type.Integer(), seq: Type.Optional(Type.Integer()), problem: Type.Optional(Type.String()),
  head: Type.Optional(Type.Object({ seq: Type.Integer(), hash: Type.String() })),
  legacy: Type.Integer({ description: 'Records written before the keyed chain, verified with the unkeyed hash chain only.' }),
  keyedFrom: Type.Optional(Type.Integer({ description: 'The first record of the keyed chain.' })),
  checkpoint: Type.Optional(Type.Object({ seq: Type.Integer(), at: Type.Number(), file: Type.String() }, { description: 'The newest exported checkpoint the log was checked against.' })),
  warnings: Type.Array(Type.String()),
  recording: Type.Boolean(), failure: Type.Optional(Type.String()),
});

export const auditRoutes: FastifyPluginAsyncTypebox<{ security: HubSecurity }> = async (app, { security }) => {
  app.get('/audit', {
    config: { permission: 'audit' },
    schema: {
      summary: 'Audit records, newest first: sign-ins, user, token and session changes, writes and approvals, exports.',
      description: 'Filter by actor, action (a family such as write matches write.request, write.approve, …), target and time; page with before=<seq of the last record>.',
      tags: ['audit'],
      querystring: Type.Object({
        from: Type.Optional(Type.String()), to: Type.Optional(Type.String()),
        actor: Type.Optional(Type.String({ maxLength: 200 })), action: Type.Optional(Type.String({ maxLength: 64 })), target: Type.Optional(Type.String({ maxLength: 512 })),
        before: Type.Optional(Type.Integer({ minimum: 1 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
      }),
      response: { 200: Type.Object({ records: Type.Array(RecordSchema), before: Type.Optional(Type.Integer({ description: 'Pass as before= for the next (older) page.' })) }), ...problems(400, 401, 403) },
    },
  }, async (req) => {
    const q = req.query;
    const time = (name: 'from' | 'to') => {
      if (q[name] === undefined) return undefined;
      const t = parseTime(q[name]!, security.now());
      if (t === undefined) throw new CausewayError('CW_API_BAD_TIME', { param: name, value: q[name]! });
      return t;
    };
    const from = time('from');
    const to = time('to');
    const limit = q.limit ?? 100;
    const records = security.audit.query({ limit, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}), ...(q.actor ? { actor: q.actor } : {}), ...(q.action ? { action: q.action } : {}), ...(q.target ? { target: q.target } : {}), ...(q.before ? { before: q.before } : {}) });
    const last = records.at(-1);
    return { records: records.map((r) => ({ ...r, time: new Date(r.ts).toISOString() })), ...(records.length === limit && last && last.seq > 1 ? { before: last.seq } : {}) };
  });

  app.get('/audit/verify', {
    config: { permission: 'audit' },
    schema: {
      summary: 'Walk the keyed chain and compare it with the exported checkpoints: ok, or the first record that was edited, deleted or cut from the end.', tags: ['audit'],
      response: { 200: VerifySchema, ...problems(401, 403) },
    },
  }, async () => {
    const failure = security.audit.failure;
    return { ...security.audit.verify(), recording: failure === undefined, ...(failure ? { failure } : {}) };
  });
};
