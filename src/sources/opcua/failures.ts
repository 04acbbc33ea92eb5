/**
 * node-opcua's errors as catalogue errors: what the operator sees when connecting fails. Pure:
 * node-opcua reports most failures as an Error whose message carries the status code name or the
 * socket error, so the mapping reads the message.
 */
import { CausewayError, isCausewayError } from '../../core/errors.js';

export interface FailureContext {
  source: string;
  /** The endpoint URL. */
  target: string;
  /** The login as shown in messages (never the password). */
  login: string;
  /** Thumbprint of the hub's own certificate, for the server's administrator. */
  ownThumbprint: string;
}

const AUTH = /Bad(UserAccessDenied|IdentityTokenInvalid|IdentityTokenRejected|UserSignatureInvalid|CertificateUseNotAllowed)/;
const PEER_REJECTED = /Bad(SecurityChecksFailed|CertificateUntrusted|CertificateInvalid|CertificateUriInvalid|CertificateTimeInvalid|CertificateRevoked|CertificateIssuerRevocationUnknown|CertificateRevocationUnknown)/;

const SOCKET_REASONS: Array<[RegExp, string]> = [
  [/ECONNREFUSED/, 'the connection was refused (is the server running on that port?)'],
  [/ENOTFOUND|EAI_AGAIN/, 'the host name does not resolve'],
  [/EHOSTUNREACH|ENETUNREACH/, 'the host is unreachable'],
  [/ETIMEDOUT|timeout|timed out/i, 'the server did not answer in time'],
  [/ECONNRESET|EPIPE|disconnected by third party|socket has been disconnected|premature|aborted/i, 'the server closed the connection'],
  [/BadTooManySessions/, 'the server has no free session (BadTooManySessions)'],
  [/BadTooManySubscriptions/, 'the server has no free subscription (BadTooManySubscriptions)'],
  [/BadTooManyMonitoredItems/, 'the server cannot monitor that many items (BadTooManyMonitoredItems)'],
];

/**
 * A failure of createSession(), which is CreateSession (the server judges the hub's application
 * certificate) then ActivateSession (it judges the login). `userCertificate`: the login is an X.509
 * user certificate, so a certificate status may be about it rather than about the hub's own.
 */
export class LoginFailed extends Error {
  readonly userCertificate: boolean;
  constructor(cause: unknown, userCertificate = false) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'LoginFailed';
    this.userCertificate = userCertificate;
  }
}

/** Statuses about a certificate or the security checks, not about a user name or password. */
const CERTIFICATE_STATUS = /Bad(Certificate\w*|SecurityChecksFailed)/;

const LOGIN_REFUSED = /Bad(UserAccessDenied|IdentityToken\w*|UserSignatureInvalid|Certificate\w*|SecurityChecksFailed|SecurityPolicyRejected|NonceInvalid)/;

/** The first status code name in a message, e.g. `BadUserAccessDenied`. */
export function statusNameIn(message: string): string | undefined {
  return /\b(Bad|Uncertain)[A-Za-z]+/.exec(message)?.[0];
}

/** A short reason from any error: the first line, without a trailing full stop. */
export function shortReason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const line = text.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? 'unknown error';
  const short = line.length > 200 ? `${line.slice(0, 200)}…` : line;
  return short.replace(/[.\s]+$/, '');
}

/** The catalogue error for a failure while connecting or logging in. */
export function connectFailure(e: unknown, ctx: FailureContext): CausewayError {
  if (isCausewayError(e)) return e;
  const message = e instanceof Error ? `${(e as { code?: unknown }).code ?? ''} ${e.message}` : String(e);
  // A certificate status while opening a session with no user certificate in play is about the
  // hub's own certificate (CreateSession, e.g. BadCertificateUntrusted): not a failed login.
  if (e instanceof LoginFailed && !e.userCertificate && CERTIFICATE_STATUS.test(message)) {
    return new CausewayError('CW_SOURCE_CERT_REJECTED', { source: ctx.source, target: ctx.target, thumbprint: ctx.ownThumbprint }, { cause: e, detail: statusNameIn(message) ?? shortReason(e) });
  }
  const auth = (e instanceof LoginFailed ? LOGIN_REFUSED : AUTH).exec(message);
  if (auth) return new CausewayError('CW_SOURCE_AUTH_FAILED', { source: ctx.source, target: ctx.target, user: ctx.login, status: auth[0] }, { cause: e });
  if (PEER_REJECTED.test(message)) {
    return new CausewayError('CW_SOURCE_CERT_REJECTED', { source: ctx.source, target: ctx.target, thumbprint: ctx.ownThumbprint }, { cause: e });
  }
  const reason = SOCKET_REASONS.find(([re]) => re.test(message))?.[1] ?? shortReason(e);
  return new CausewayError('CW_SOURCE_CONNECT_FAILED', { source: ctx.source, target: ctx.target, reason }, { cause: e });
}

/** The catalogue error for a link that broke after connect() succeeded. */
export function linkLost(ctx: Pick<FailureContext, 'source' | 'target'>, reason: string, cause?: unknown): CausewayError {
  return new CausewayError('CW_SOURCE_CONNECT_FAILED', { source: ctx.source, target: ctx.target, reason }, cause === undefined ? {} : { cause });
}
