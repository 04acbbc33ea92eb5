/**
 * Security choices, pure: the endpoint that matches the configured mode and policy, the login types
 * it offers, the identity to log in with, and the sentences that name what a server offers when the
 * wanted combination is not among it.
 */
import { MessageSecurityMode, SecurityPolicy, UserTokenType } from 'node-opcua';
import type { AuthConfig, SecurityModeName, SecurityPolicyName } from './schema.js';

/** The parts of an EndpointDescription the choices read. */
export interface EndpointLike {
  endpointUrl?: string | null;
  securityMode: MessageSecurityMode;
  securityPolicyUri?: string | null;
  securityLevel?: number;
  serverCertificate?: Buffer | null;
  userIdentityTokens?: Array<{ tokenType: UserTokenType; securityPolicyUri?: string | null }> | null;
}

/** node-opcua's mode of a configured mode name. */
export function modeOf(name: SecurityModeName): MessageSecurityMode {
  return MessageSecurityMode[name];
}

/** The URI of a configured policy name. */
export function policyUriOf(name: SecurityPolicyName): string {
  return SecurityPolicy[name];
}

/** The short name of a policy URI (`...#Basic256Sha256` → `Basic256Sha256`). */
export function policyNameOf(uri: string | null | undefined): string {
  if (!uri) return 'None';
  const hash = uri.lastIndexOf('#');
  return hash >= 0 ? uri.slice(hash + 1) : uri;
}

/** `SignAndEncrypt/Basic256Sha256` for an endpoint. */
export function describeSecurity(e: EndpointLike): string {
  return `${MessageSecurityMode[e.securityMode] ?? 'Invalid'}/${policyNameOf(e.securityPolicyUri)}`;
}

/** Every mode/policy pair the endpoints offer, once each, strongest first. */
export function offeredSecurity(endpoints: readonly EndpointLike[]): string {
  const sorted = [...endpoints].sort((a, b) => (b.securityLevel ?? 0) - (a.securityLevel ?? 0));
  const names = [...new Set(sorted.map(describeSecurity))];
  return names.length > 0 ? names.join(', ') : 'no endpoints';
}

/** The endpoint with the wanted mode and policy; of several (one per host name), the first. */
export function selectEndpoint<E extends EndpointLike>(endpoints: readonly E[], mode: SecurityModeName, policy: SecurityPolicyName): E | undefined {
  const wantedMode = modeOf(mode);
  const wantedUri = policyUriOf(policy);
  return endpoints.find((e) => e.securityMode === wantedMode && (e.securityPolicyUri ?? SecurityPolicy.None) === wantedUri);
}

const TOKEN_OF: Record<AuthConfig['type'], UserTokenType> = {
  anonymous: UserTokenType.Anonymous,
  username: UserTokenType.UserName,
  certificate: UserTokenType.Certificate,
};
const NAME_OF_TOKEN: Partial<Record<UserTokenType, string>> = {
  [UserTokenType.Anonymous]: 'anonymous',
  [UserTokenType.UserName]: 'username',
  [UserTokenType.Certificate]: 'certificate',
  [UserTokenType.IssuedToken]: 'issued token',
};

/** True when the endpoint accepts the configured kind of login. */
export function loginOffered(e: EndpointLike, auth: AuthConfig): boolean {
  return (e.userIdentityTokens ?? []).some((t) => t.tokenType === TOKEN_OF[auth.type]);
}

/** The login kinds an endpoint accepts, as config names. */
export function offeredLogins(e: EndpointLike): string {
  const names = [...new Set((e.userIdentityTokens ?? []).map((t) => NAME_OF_TOKEN[t.tokenType] ?? `token type ${t.tokenType}`))];
  return names.length > 0 ? `logins: ${names.join(', ')}` : 'no logins';
}

/** How a login appears in messages: never with its secret. */
export function loginLabel(auth: AuthConfig): string {
  if (auth.type === 'username') return `user "${auth.username}"`;
  return auth.type === 'certificate' ? 'a user certificate' : 'anonymous';
}

/** The identity node-opcua logs in with; the certificate login needs the files' contents. */
export function identityOf(
  auth: AuthConfig,
  files?: { certificate: Buffer; privateKey: string },
):
  | { type: UserTokenType.Anonymous }
  | { type: UserTokenType.UserName; userName: string; password: string }
  | { type: UserTokenType.Certificate; certificateData: Buffer; privateKey: string } {
  if (auth.type === 'username') return { type: UserTokenType.UserName, userName: auth.username, password: auth.password };
  if (auth.type === 'certificate') {
    if (!files) throw new Error('the user certificate and key must be read before logging in');
    return { type: UserTokenType.Certificate, certificateData: files.certificate, privateKey: files.privateKey };
  }
  return { type: UserTokenType.Anonymous };
}

/** The warning for an unsecured link: what it means, and what a login adds to it. */
export function unsecuredWarning(sourceId: string, url: string, auth: AuthConfig): string {
  const login = auth.type === 'username' ? ' The password is protected only if the server encrypts user tokens on its own.' : '';
  return `OPC UA source ${sourceId} connects to ${url} with securityMode None: it sends data unencrypted and unauthenticated, and anyone on the network can read or change it.${login} Use SignAndEncrypt unless the link never leaves a protected cell.`;
}
