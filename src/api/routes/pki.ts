/**
 * The OPC UA client certificates: GET /pki lists the hub's own, the trusted and the rejected
 * servers' certificates with the sources that met them; POST /pki/:thumbprint/trust and /reject
 * decide on a server's certificate, recorded in the audit log. Nothing is trusted without a person.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Actor } from '../../security/index.js';
import { clientOf, principalOf } from '../auth.js';
import { problems } from '../schemas.js';
import type { HubServices } from '../services.js';
import { siteScope } from '../scopes.js';
import { literals } from './security-schemas.js';

const CertificateSchema = Type.Object({
  thumbprint: Type.String({ description: 'SHA-1 of the DER certificate, lowercase hex, as OPC UA tools show it.' }),
  subject: Type.String(),
  status: literals(['own', 'trusted', 'rejected'] as const),
  validFrom: Type.String({ description: 'ISO 8601.' }),
  validTo: Type.String({ description: 'ISO 8601.' }),
  expired: Type.Boolean({ description: 'Outside its validity now.' }),
  sources: Type.Array(Type.String(), { description: 'The OPC UA sources whose PKI folder holds it.' }),
  metBy: Type.Array(Type.Object({
    source: Type.String(),
    state: literals(['stopped', 'connecting', 'connected', 'backoff'] as const),
    waiting: Type.Boolean({ description: 'The source does not connect because it does not trust this certificate.' }),
  }), { description: 'Sources that met it: the server sent it to them (or, for own, they present it).' }),
});

const Params = Type.Object({ thumbprint: Type.String({ pattern: '^[0-9A-Fa-f]{40}$', description: 'The full thumbprint, 40 hex digits.' }) });

const actorOf = (req: FastifyRequest): Actor => ({ name: principalOf(req).actor, address: clientOf(req).address });

export const pkiRoutes: FastifyPluginAsyncTypebox<{ services: HubServices }> = async (app, { services }) => {
  app.get('/pki', {
    // The certificates and the sources that met them span zones: site-wide grants only.
    config: { permission: 'configure', scope: siteScope },
    schema: {
      summary: "The OPC UA client certificates: the hub's own, the servers' it trusts, and the servers' it met and rejected.",
      description: 'A server the hub meets for the first time is rejected and listed here; check its thumbprint with the server\'s administrator, then trust it.',
      tags: ['pki'],
      response: { 200: Type.Object({ certificates: Type.Array(CertificateSchema) }), ...problems(401, 403) },
    },
  }, async () => ({ certificates: await services.pki.list() }));

  for (const action of ['trust', 'reject'] as const) {
    app.post(`/pki/:thumbprint/${action}`, {
      config: { permission: 'configure', scope: siteScope },
      schema: {
        summary: action === 'trust'
          ? "Trust a server's certificate (move it to trusted): OPC UA sources waiting for that server retry at once. Audited."
          : "Stop trusting a server's certificate (move it to rejected): OPC UA sources refuse that server from their next connection on. Audited.",
        tags: ['pki'], params: Params,
        response: { 200: CertificateSchema, ...problems(400, 401, 403, 404, 503) },
      },
    }, async (req) => services.pki.decide(actorOf(req), req.params.thumbprint, action === 'trust' ? 'trusted' : 'rejected'));
  }
};
