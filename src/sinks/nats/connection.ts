/**
 * The NATS link of the JetStream sink: connect with reconnection off (the supervisor owns it),
 * check that JetStream answers, and report when the connection closes.
 */
import { connect, type ConnectionOptions, type JetStreamManager, type NatsConnection } from 'nats';
import { CausewayError } from '../../core/errors.js';
import { safeTarget } from '../shared/config.js';
import { natsLinkSecurity } from './definition.js';

/** How long a connect may take before it counts as failed. */
export const CONNECT_TIMEOUT_MS = 10_000;

export interface NatsLinkOptions {
  sinkId: string;
  servers: string[];
  user?: string;
  pass?: string;
  token?: string;
}

/** The servers without credentials, for messages and logs. */
export function serversTarget(servers: readonly string[]): string {
  return servers.map((s) => (s.includes('://') ? safeTarget(s) : s)).join(', ');
}

/** A short reason for a nats.js error, in plant words. */
export function reasonOf(e: unknown): string {
  const code = String((e as { code?: unknown } | undefined)?.code ?? '');
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'CONNECTION_REFUSED' || /ECONNREFUSED/.test(message)) return 'the connection was refused';
  if (code === 'CONNECTION_TIMEOUT' || code === 'TIMEOUT') return 'the server did not answer in time';
  if (code === 'AUTHORIZATION_VIOLATION' || code === 'BAD_AUTHENTICATION' || code === 'AUTHENTICATION_EXPIRED') return 'the server refused the user, password or token';
  if (code === 'PERMISSIONS_VIOLATION') return "the server does not let the hub's user publish there";
  if (code === 'CONNECTION_CLOSED' || code === 'DISCONNECT') return 'the connection to the server closed';
  if (code === '503') return 'no JetStream stream answered (JetStream is off, or the stream is gone)';
  return message.replace(/[.\s]+$/, '') || 'the link failed';
}

/** Connect and get the JetStream manager; throws a retryable CW_SINK_CONNECT_FAILED. */
export async function openNats(opts: NatsLinkOptions, signal: AbortSignal): Promise<{ nc: NatsConnection; jsm: JetStreamManager }> {
  const fail = (reason: string, cause?: unknown) =>
    new CausewayError('CW_SINK_CONNECT_FAILED', { sink: opts.sinkId, target: serversTarget(opts.servers), reason }, cause === undefined ? {} : { cause });
  let nc: NatsConnection;
  try {
    nc = await connect(connectOptions(opts));
  } catch (e) {
    throw fail(reasonOf(e), e);
  }
  if (signal.aborted) {
    await nc.close();
    throw fail('the hub stopped connecting');
  }
  try {
    return { nc, jsm: await nc.jetstreamManager() };
  } catch (e) {
    await nc.close().catch(() => undefined);
    const code = String((e as { code?: unknown }).code ?? '');
    throw fail(code === '503' ? 'JetStream is not enabled on the server (start nats-server with -js)' : reasonOf(e), e);
  }
}

function connectOptions(opts: NatsLinkOptions): ConnectionOptions {
  return {
    servers: opts.servers,
    name: `causeway-sink-${opts.sinkId}`,
    reconnect: false,
    timeout: CONNECT_TIMEOUT_MS,
    ...(opts.user === undefined ? {} : { user: opts.user }),
    ...(opts.pass === undefined ? {} : { pass: opts.pass }),
    ...(opts.token === undefined ? {} : { token: opts.token }),
    // tls:// servers: refuse a server that does not offer TLS instead of falling back to plain text.
    ...(natsLinkSecurity(opts.servers).encrypted ? { tls: {} } : {}),
  };
}

