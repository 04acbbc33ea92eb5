import { MessageSecurityMode, SecurityPolicy, UserTokenType } from 'node-opcua';
import { describe, expect, it } from 'vitest';
import { connectFailure, LoginFailed, shortReason, statusNameIn } from './failures.js';
import { describeSecurity, identityOf, loginLabel, loginOffered, offeredLogins, offeredSecurity, selectEndpoint, unsecuredWarning, type EndpointLike } from './security.js';

const ep = (mode: MessageSecurityMode, policy: SecurityPolicy, tokens: UserTokenType[], securityLevel = 0): EndpointLike => ({
  endpointUrl: 'opc.tcp://plc:4840',
  securityMode: mode,
  securityPolicyUri: policy,
  securityLevel,
  userIdentityTokens: tokens.map((tokenType) => ({ tokenType })),
});
const NONE = ep(MessageSecurityMode.None, SecurityPolicy.None, [UserTokenType.Anonymous], 0);
const SIGN = ep(MessageSecurityMode.Sign, SecurityPolicy.Basic256Sha256, [UserTokenType.Anonymous, UserTokenType.UserName], 5);
const SECURE = ep(MessageSecurityMode.SignAndEncrypt, SecurityPolicy.Basic256Sha256, [UserTokenType.UserName, UserTokenType.Certificate], 10);
const ENDPOINTS = [NONE, SIGN, SECURE];

describe('endpoint selection', () => {
  it.each([
    ['the secure default', 'SignAndEncrypt', 'Basic256Sha256', SECURE],
    ['Sign', 'Sign', 'Basic256Sha256', SIGN],
    ['None when asked for', 'None', 'None', NONE],
    ['nothing for a policy not offered', 'SignAndEncrypt', 'Aes256_Sha256_RsaPss', undefined],
  ] as const)('%s', (_name, mode, policy, expected) => {
    expect(selectEndpoint(ENDPOINTS, mode, policy)).toBe(expected);
  });

  it('names what is offered, strongest first', () => {
    expect(offeredSecurity(ENDPOINTS)).toBe('SignAndEncrypt/Basic256Sha256, Sign/Basic256Sha256, None/None');
    expect(offeredSecurity([])).toBe('no endpoints');
    expect(describeSecurity(SECURE)).toBe('SignAndEncrypt/Basic256Sha256');
  });

  it.each([
    [SECURE, 'username', true],
    [SECURE, 'anonymous', false],
    [NONE, 'username', false],
    [SECURE, 'certificate', true],
  ] as const)('login %#', (endpoint, type, offered) => {
    const auth = type === 'username' ? { type, username: 'op', password: 'x' } : type === 'certificate' ? { type, certificateFile: 'c', privateKeyFile: 'k' } : { type };
    expect(loginOffered(endpoint, auth)).toBe(offered);
  });

  it('lists logins and never shows a password', () => {
    expect(offeredLogins(SECURE)).toBe('logins: username, certificate');
    expect(loginLabel({ type: 'username', username: 'op', password: 'hunter2' })).toBe('user "op"');
    expect(JSON.stringify(identityOf({ type: 'anonymous' }))).toBe(`{"type":${UserTokenType.Anonymous}}`);
    expect(unsecuredWarning('plc1', 'opc.tcp://plc:4840', { type: 'username', username: 'op', password: 'hunter2' })).not.toContain('hunter2');
  });
});

describe('connect failures', () => {
  const ctx = { source: 'plc1', target: 'opc.tcp://plc:4840', login: 'user "op"', ownThumbprint: 'ab12' };
  const err = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});
  it.each([
    ['refused port', err('connect ECONNREFUSED 10.0.0.5:4840', 'ECONNREFUSED'), 'CW_SOURCE_CONNECT_FAILED', 'the connection was refused (is the server running on that port?)'],
    ['unknown host', err('getaddrinfo ENOTFOUND plc', 'ENOTFOUND'), 'CW_SOURCE_CONNECT_FAILED', 'the host name does not resolve'],
    ['server gone', err('ClientTCP_transport0: socket has been disconnected by third party'), 'CW_SOURCE_CONNECT_FAILED', 'the server closed the connection'],
    ['no session left', err('BadTooManySessions (0x80560000)'), 'CW_SOURCE_CONNECT_FAILED', 'the server has no free session (BadTooManySessions)'],
    ['hub certificate refused', err('The connection has been rejected by server: BadSecurityChecksFailed (0x80130000)'), 'CW_SOURCE_CERT_REJECTED', undefined],
    ['wrong password', new LoginFailed(err('BadUserAccessDenied (0x801f0000)')), 'CW_SOURCE_AUTH_FAILED', undefined],
    ['user certificate untrusted', new LoginFailed(err('BadIdentityTokenRejected (0x80210000)')), 'CW_SOURCE_AUTH_FAILED', undefined],
    ['anything else', err('Something odd.\nstack'), 'CW_SOURCE_CONNECT_FAILED', 'Something odd'],
  ] as const)('%s', (_name, e, code, reason) => {
    const mapped = connectFailure(e, ctx);
    expect(mapped.code).toBe(code);
    if (reason) expect(mapped.params).toMatchObject({ reason });
    expect(mapped.detail).toBeDefined();
  });

  it('names the refused login with its status code', () => {
    expect(connectFailure(new LoginFailed(new Error('BadUserAccessDenied (0x801f0000)')), ctx).message).toBe(
      'The server at opc.tcp://plc:4840 refused the login of source plc1 as user "op" (BadUserAccessDenied).',
    );
    expect(connectFailure(new Error('BadSecurityChecksFailed'), ctx).hint).toContain('thumbprint ab12');
  });

  it.each([
    ['Transaction has timed out', undefined],
    ['write failed: BadTypeMismatch (0x80740000)', 'BadTypeMismatch'],
    ['UncertainInitialValue', 'UncertainInitialValue'],
  ])('finds the status name in %s', (message, name) => {
    expect(statusNameIn(message)).toBe(name);
  });

  it('shortens reasons to their first line', () => {
    expect(shortReason(new Error('\n  first line.  \nsecond'))).toBe('first line');
    expect(shortReason('x'.repeat(300)).length).toBe(201);
  });
});
