/** The security posture of an OPC UA server, for the asset inventory: from the endpoints it offers. Pure. */
import { UserTokenType } from 'node-opcua';
import type { DeviceInfo } from '../types.js';
import { certificateInfo } from './pki.js';
import { describeSecurity, type EndpointLike } from './security.js';

/**
 * The session's security (`SignAndEncrypt/Basic256Sha256`), whether any endpoint lets anyone log in
 * without credentials (Anonymous), the server certificate's expiry and the endpoint URL.
 */
export function postureOf(endpoints: readonly EndpointLike[], chosen: EndpointLike): DeviceInfo {
  const anonymous = endpoints.some((e) => (e.userIdentityTokens ?? []).some((t) => t.tokenType === UserTokenType.Anonymous));
  const out: DeviceInfo = { securityPolicy: describeSecurity(chosen), anonymousLogin: String(anonymous) };
  const cert = chosen.serverCertificate ?? endpoints.find((e) => e.serverCertificate && e.serverCertificate.length > 0)?.serverCertificate;
  try {
    if (cert && cert.length > 0) out.certificateExpiry = certificateInfo(cert).validTo;
  } catch {
    // A malformed certificate: the connect says so when it matters (secured endpoints).
  }
  if (chosen.endpointUrl) out.endpoint = chosen.endpointUrl;
  return out;
}
